"""What the record of a sitting says, read from a run of units: one core for every layout.

The same reader takes the header of a register extract, the opening page of minutes
and the body of one deliberation; it looks for each kind of fact wherever it is::

    VILLE D'AVRANCHES                                         collectivité (a heading)
    PROCES VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL DU LUNDI 15 SEPTEMBRE 2014
    L'an deux mille quatorze, le quinze septembre, le conseil municipal de la ville
    d'Avranches, dûment convoqué, s'est assemblé au lieu ordinaire de ses séances, sous
    la présidence de Monsieur David NICOLAS, Maire …          date, organe, president
    Date de l'avis de convocation : / 8 septembre 2014        a field, value on the next line
    Étaient présents : M. NICOLAS, Maire / MME. COCHAT, …     lists (extractors/members.py)
    Madame E. SEILLE est désignée comme secrétaire de séance. prose
    Questions 11 à 17 : Départ de Monsieur Eric ROBERT (procuration à Bernadette
    CORVISIER) 31 présents 2 procurations 33 votants          counts for a range of items

Counts come from extractors/counts.py, names from extractors/members.py, the opening
sentence ("L'an deux mille…") from extractors/opening.py, the phrasings
from patterns/sitting.json. The first value read for a column is kept, with the span
it was read from and the recogniser that read it (`Fact.method`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from extractors import (attendance_table, counts, entries, flattened, letterhead, lexicon, members,
                        nlp, opening, roll_call, running)
from extractors.count_text import is_count_line
from extractors.list_labels import counted_list
from extractors.normalise import parse_date, parse_time
from extractors.moves import PRESIDING, Move, each_mover, noted, read_move  # noqa: F401  (re-exported)
from extractors.stream import Unit, fold, joined, slice_of as _slice, span_of
from schemas import Span
from schemas.text import ends_sentence, find_person, name_key


@dataclass
class Fact:
    value: Any
    span: Span
    method: str
    derived: bool = False


@dataclass
class Range:
    """ "Questions 11 à 17 :" and what follows it: counts and moves for items 11 to 17."""

    first: int
    last: int
    counts: dict[str, Fact] = field(default_factory=dict)
    moves: list[Move] = field(default_factory=list)
    units: set[int] = field(default_factory=set)  # the lines of the range, in the run read


@dataclass
class Reading:
    facts: dict[str, Fact] = field(default_factory=dict)
    members: list[tuple[members.Member, Span]] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    ranges: list[Range] = field(default_factory=list)
    fallback: dict[str, Fact] = field(default_factory=dict)  # taken when nothing better is read

    def set(self, column: str, value: Any, span: Span, method: str, derived: bool = False) -> None:
        if value is not None and value != "" and column not in self.facts:
            self.facts[column] = Fact(value, span, method, derived)

    def suppose(self, column: str, value: Any, span: Span, method: str) -> None:
        """A value taken only when nothing better is read (the first one supposed)."""
        if value is not None and value != "" and column not in self.fallback:
            self.fallback[column] = Fact(value, span, method)

    def value(self, column: str) -> Any:
        fact = self.facts.get(column)
        return fact.value if fact else None


def read(units: list[Unit], full: bool = True) -> Reading:
    """Everything the units say about the sitting. `full=False` (the body of an item of
    minutes) leaves out counts in prose ("les 15 présents"), which there are not headers."""
    r = Reading()
    units = [piece for u in units for flat in flattened.split(u) for piece in opening.split_inside(flat)]
    k = 0
    while k < len(units):
        k = _read_unit(r, units, k)
    columns = members.under_column_heads(units)
    for member, _ in r.members:
        if member.unit in columns:  # two columns run together: who is in which is unsure
            member.doubt = member.doubt or "list_columns"
    _counts(r, units, full)
    r.members = merge_members(r.members)
    for column, fact in r.fallback.items():
        r.facts.setdefault(column, fact)
    if "_convener" in r.facts:  # who convened presides only when nothing else (a list's "Président") says who does
        r.facts.setdefault("president", replace(r.facts.pop("_convener"), method="convener"))
    return r


def merge_members(found: list[tuple[members.Member, Span]]) -> list[tuple[members.Member, Span]]:
    """One row per person: a member named in two lists ("Excusés : X" and "Pouvoirs : X
    pouvoir à Y") is one absent member, excused, whose proxy Y holds."""
    out: list[tuple[members.Member, Span]] = []
    for member, span in found:
        # "Cédric MAILLARD" and "Cédric GAILLARD" in one list are two people: a near spelling
        # joins only entries of different lists, an exact one any two
        others = [m.name if m.list_at < 0 or m.list_at != member.list_at else "" for m, _ in out]
        k = find_person(member.name, others)
        if k is None:
            k = next((i for i, (m, _) in enumerate(out) if name_key(m.name) == name_key(member.name)), None)
        if k is None:
            out.append((member, span))
            continue
        kept = out[k][0]
        _listed_twice(kept, member)
        kept.gave_proxy = kept.gave_proxy or member.gave_proxy
        kept.holder = kept.holder or member.holder  # a proxy given by someone listed present is kept:
        if member.status == "absent" and kept.status == "absent":  # the checks must see it
            kept.excused = kept.excused if kept.excused is not None else member.excused
    for member, _ in out:  # listed present, absent and giving a proxy: proxy.giver_absent's
        member.also_listed = None if member.holder or member.gave_proxy else member.also_listed
    return out


def _listed_twice(kept: members.Member, member: members.Member) -> None:
    """"Présents : … M. Thibault RENARD …" and "Absents excusés : M. Thibault RENARD": the
    same name (spelt alike) under both statuses, no time said ("(arrivé à 20h30)"). One who
    also gives a proxy is left to `proxy.giver_absent` (`merge_members`)."""
    words = sorted(name_key(kept.name).split())
    if kept.status == member.status or words != sorted(name_key(member.name).split()) or len(words) < 2:
        return  # "BAYLAC Michel" and "M. Michel BAYLAC" are one; "DUPONT" and "Mme DUPONT" may be two
    if kept.timed or member.timed:
        return
    kept.also_listed = member.status


def _recounted(u: Unit) -> str:
    """ "nouveau décompte : présents 15 / votants 15." -> "présents 15 / votants 15." """
    m = lexicon.first("recount", u.folded)
    return u.text[m.end():] if m else u.text


def _goes_on(above: Unit, u: Unit) -> bool:
    """`u` ends the sentence of the line above, cut by the line's end."""
    return not u.gap_before and not is_count_line(u.text) and not ends_sentence(above.text, ".;:!?)")


def _said_of_move(u: Unit) -> bool:
    """A sentence under a move, in its paragraph, on the mover or the proxy they held or gave."""
    return not u.gap_before and not is_count_line(u.text) and bool(
        re.match(r"(?:il|elle)\s", u.folded) or re.search(r"\b(?:pouvoir|procuration|mandat)\b", u.folded))


def _counts(r: Reading, units: list[Unit], full: bool) -> None:
    """The sitting's counts; those printed with a member's move ("X quitte la séance
    (16 présents, 17 votants)") are the move's, holding for the items after it."""
    units, blanked = _blanked(units)
    found = counts.read(units, tuple(lexicon.get("sitting_counts")))
    moved = _moved_lines(r.moves, units, blanked)
    labelled = {c.column for c in found if c.method not in PROSE and c.unit not in moved}
    stated = _attendance_sentences(units, found)
    # "… les deux pouvoirs dont il était porteur ne peuvent plus être exercés. Présents : 14 - Pouvoirs :
    # 10": with a move, a label's count goes before a number that merely precedes the word
    for c in sorted(found, key=lambda c: c.unit in moved and c.method == "number_before"):
        if c.unit in moved:
            _count_of_move(r, c, units, moved[c.unit])
            continue
        # in an item, "32 logements" is no count, nor "le procès-verbal de la séance du 9 décembre
        # (11 présents, 3 pouvoirs, 14 votants)"; "l'assemblée compte désormais 26 présents" is
        inside = not full and c.unit not in stated  # in an item, only a sentence stating the attendance
        if c.method in PROSE and (inside and not lexicon.first("now", units[c.unit].folded)
                                            or c.column in labelled):
            continue  # "Chaque conseiller peut être porteur de deux pouvoirs." above "Pouvoirs : 4"
        if any(c.unit in rg.units for rg in r.ranges):
            continue
        if FOR_THIS_ACT.match(units[c.unit].folded):  # over the opening's, read above it; the lists still the
            r.facts[c.column] = Fact(c.value, units[c.unit].span, "move_counts")  # opening's (`_room_of_the_vote`)
        else:
            r.set(c.column, c.value, units[c.unit].span, c.method)


# the figures a rectification corrects, on their own line: "Mentions erronées : « Présents : 25 – Pouvoirs : 3 … »"
# (not "Le décompte erroné … est corrigé en séance : Présents : 14 …", the right ones)
ERRONEOUS = re.compile(r"^\W*(?:mentions?|chiffres?|comptes?|decomptes?)\s+errone(?:e|s|es)?\s*:")


def _blanked(units: list[Unit]) -> tuple[list[Unit], set[int]]:
    """The units with what holds no count of the sitting read as blank lines, so that every index holds: a page's
    furniture in brackets, the counts a rectification says were wrong ("Mentions erronées : « Présents : 25 – … »")."""
    blanked = running.furniture_in_brackets(units) | {k for k, u in enumerate(units) if ERRONEOUS.search(u.folded)}
    return [replace(u, text="") if k in blanked else u for k, u in enumerate(units)], blanked


def _moved_lines(moves: list[Move], units: list[Unit], blanked: set[int]) -> dict[int, Move]:
    """The lines whose counts a move prints: its own, the next where its bracket goes on ("X quitte
    la salle (14 présents," / "17 votants)."), the line of counts after its sentence."""
    moved = {m.unit: m for m in moves}
    for m in moves:
        text = units[m.unit].text
        if (text.count("(") > text.count(")") or m.through > m.unit) and m.unit + 1 < len(units):
            moved.setdefault(m.unit + 1 + (m.unit + 1 in blanked), m)
        after = max(m.unit, m.through) + 1  # "… quitte la séance et donne pouvoir à M. Y." / "(Présents : 12 – …)"
        # "Il était porteur du pouvoir de Mme PERROS, qui ne peut … être exercé." / "Présents : 23 – …"; the
        # sentence's end wrapped ("… Il etait porteur du pouvoir de M. Gilles" / "AMESTOY." / "(Presents : 19 …)")
        for _ in range(2):
            if after + 1 < len(units) and (_said_of_move(units[after]) or _goes_on(units[after - 1], units[after])):
                after += 1
        if after < len(units) and is_count_line(_recounted(units[after])):
            moved.setdefault(after, m)
    return moved


def _count_of_move(r: Reading, c: counts.Count, units: list[Unit], move: Move) -> None:
    """A count printed with a move: the room after it (the move's), never the members in office."""
    if c.column != "membres_en_exercice":
        move.counts.setdefault(c.column, Fact(c.value, units[c.unit].span, "move_counts"))
    elif c.method != "out_of":  # "Présents : 11 sur 12" after a departure: the room before it
        r.set(c.column, c.value, units[c.unit].span, c.method)


# the counts of the act itself, under the opening's: "Présents à l'ouverture : 37 – …" / "… ont quitté la séance." /
# "Pour la présente délibération : présents 33 – pouvoirs 7 – votants 40"
FOR_THIS_ACT = re.compile(r"^\W*pour\s+(?:le\s+vote\s+de\s+)?(?:la\s+presente\s+deliberation|cette\s+deliberation"
                          r"|ce\s+point|ce\s+vote|ce\s+dossier|cette\s+question)\s*:")
PROSE = ("number_before", "share_said")  # counts said in a sentence ("15 présents", "Treize des dix-sept …")


def _attendance_sentences(units: list[Unit], found: list) -> set[int]:
    """Units that state the attendance in a sentence, three counts or more each before its verb: "Sur
    les 43 membres que compte le conseil, 34 assistent à la séance et 6 se sont fait représenter, soit 40
    votants." (an extract's own header in a register, read even inside an item); not "les 15 présents", nor
    a move's or another sitting's figures in a bracket ("Le procès-verbal … (11 présents, 3 pouvoirs, 14 votants)",
    "M. X ne prend pas part au vote … : 22 présents, 2 procurations, 24 votants")."""
    said: dict[int, set[str]] = {}
    for c in found:
        if c.method in PROSE:
            said.setdefault(c.unit, set()).add(c.column)
    return {k for k, columns in said.items() if len(columns) >= 3 and "(" not in units[k].text
            and lexicon.first("attendance_said", units[k].folded)}


# --- one unit at a time -----------------------------------------------------------

def _read_unit(r: Reading, units: list[Unit], k: int) -> int:
    """Read units[k] (and what it needs after it); the index of the next unit to read."""
    u = units[k]
    if roll_call.opens(units, k):  # "M. Bernard AUCLERC ............ P": a roll call, each line a member
        found, j = roll_call.read(units, k)
        r.members += [(m, units[m.unit].span) for m in found]
        return j
    if attendance_table.opens(units, k):  # "NOM Prénom | Présent | Absent excusé | Pouvoir donné à"
        found, j = attendance_table.read(units, k)
        r.members += [(m, units[m.unit].span) for m in found]
        return j
    label = members.list_label(u.text)
    if label and (not is_count_line(u.text) or counted_list(u.text)):
        found, j = members.stacked_lists(units, k, label) or members.read_list(units, k, label)
        r.members += [(m, units[m.unit].span) for m in found]
        if label.kind == "present":
            _president_listed(r, units[k:j])
        empty = _printed_empty(units, k, label) if label.kind == "proxies" and not found else None
        if empty:
            r.set("pouvoirs_neant", True, u.span, empty)
        _count_closing(r, units[j - 1], label.kind, len(found))
        return j
    if opening.is_opening(units, k):
        return opening.read(r, units, k)
    m = lexicon.first("range", u.folded)
    if m:
        return _read_range(r, units, k, m)
    field_label = lexicon.label_at_start("fields", u.folded)
    if field_label:
        return _read_field(r, units, k, field_label)
    return _read_loose(r, units, k)


# "…, Francis CAMBON, Jean-Marc BOURDETTE (26)", "…, Gérard KIEFFER – soit 11 membres": the
# list's count closing it
CLOSING_COUNT = re.compile(r"(?:\((\d{1,3})\)|[,–—-]\s*soit\s+(\d{1,3})(?:\s+(?:membres?|conseill\w+|d[ée]l[ée]gu\w+|[ée]lu\w*))?)"
                           r"\s*[.;]?\s*$")
LISTED_COUNT = {"present": "presents", "proxies": "pouvoirs"}


def _count_closing(r: Reading, last: Unit, kind: str, listed: int) -> None:
    """``"Présents : Vincent MOREAU, …, Jean-Marc BOURDETTE (26)"``, ``"Pouvoirs : X à Y, … (3)"``,
    ``"Présents : …, Gérard KIEFFER – soit 11 membres"``:
    the figure printed after the last name is the list's count, taken when no count line says
    it (a figure far from the names listed is something else: a département's number)."""
    m = CLOSING_COUNT.search(last.text)
    column = LISTED_COUNT.get(kind)
    said = int(m.group(1) or m.group(2)) if m else None
    if said is not None and column and listed and abs(said - listed) <= 2:
        r.fallback.setdefault(column, Fact(said, last.span, "list_count"))


def _more_moves(u: Unit, k: int, first: Move) -> list[Move]:
    """Moves after the first, each in its clause: "A 10 h 05, M. X quitte la séance et donne
    pouvoir à M. Y ; Mme Z quitte la séance sans donner pouvoir."."""
    out = []
    for clause in re.split(r"\s*;\s+", u.text)[1:]:
        move = read_move(Unit(clause, u.span, u.index), k)
        if move and name_key(move.name) != name_key(first.name):
            out += each_mover(move)
    return out


# "Étaient présents : M. Raymond JOLY, Président ; MM. …": the one who presides, named in the list
# with the role (not "Vice-Président", "Maire adjoint", "Maire délégué")
# nor "Maire d'Allanche", "Président de la commission …" (a member's own title)
# "M. Jean DUPONT, Maire, …" / "CARON Jean-Michel (Président), DUBOIS Annie, …" / "VIDALENC
# Jean-Pierre (Thiézac), président ; …" (his commune in brackets), "BARDIN Jean-Michel (Président,
# Saint-Eloy-les-Mines)" (his commune after the title; not "DUPUIS Alain (Maire, Herry)", a delegate)
LISTED_PRESIDENT = re.compile(r"(?P<name>[^,;:()]+?)\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:maire|presidente?)\b"
                              r"(?!\s*-?\s*(?:adjoint|delegu|d'|de\b|du\b|des\b))"
                              r"|\(\s*(?:maire|presidente?)(?:\s+de\s+(?:la\s+)?seance)?\s*\)|\(\s*presidente?\s*,\s*[^(),]{2,40}\))")


def _president_listed(r: Reading, units: list[Unit]) -> None:
    """The president as listed among the présents: taken when no sentence names one."""
    for u in units:
        for m in LISTED_PRESIDENT.finditer(u.folded):
            name = entries.strip_civilities(_slice(u.text, m, "name").split(":")[-1])
            if members.looks_like_member(name):
                r.fallback.setdefault("president", Fact(name, u.span, "president_list"))
                return


def _run_on(units: list[Unit], k: int) -> str | None:
    """The line and the next one, when its sentence goes on below it."""
    if k + 1 < len(units) and not ends_sentence(units[k].text):
        return joined([units[k].text.strip(), units[k + 1].text.strip()])
    return None


def _read_loose(r: Reading, units: list[Unit], k: int) -> int:
    """An unlabelled line: a heading naming the body or the sitting's date, a secretary
    or a president in a sentence, a member leaving or arriving, the time alone."""
    u, folded = units[k], units[k].folded.strip()
    letterhead.read_heading(r, units, k)
    both = _run_on(units, k)
    m = lexicon.first("secretary_prose", folded)
    if m:
        r.set("secretaire", opening.person(u.text, m, "name"), u.span, "secretary_prose")
    elif both:  # "… Mme X a été désignée pour" / "remplir cette fonction."
        m = lexicon.first("secretary_prose", fold(both))
        r.set("secretaire", opening.person(both, m, "name") if m and m.start("name") < len(u.text) else None, u.span,
              "secretary_prose")
    move = read_move(u, k, units[k + 1] if k + 1 < len(units) else None)
    # "Sous la présidence de Mme X, 1re adjointe, M. le Maire ayant quitté la salle": this item's chair
    if not (move and move.name == PRESIDING and move.for_vote):
        _read_president(r, units, k, both)
    if move:
        r.moves += each_mover(move) + _more_moves(u, k, move)
    if not move:  # "Départ de X, qui donne pouvoir à Y": a move
        r.members += [(proxy, u.span) for proxy in _proxies_said(units, k)]
    # "… et délibère valablement ce jour sans" / "condition de quorum.": the sentence read on
    said = [folded, fold(both)] if both else [folded]
    if any(lexicon.rx(p).search(text) for p in lexicon.get("sans_quorum") for text in said):
        r.set("sans_quorum", True, u.span, "sans_quorum")
    if lexicon.first("time_line", folded):
        r.set("session_time", parse_time(u.text), u.span, "time_line")
    conv = opening.convocation(folded) if "convo" in folded and lexicon.first("convocation_subject", folded) else None
    if conv:  # "Le comité syndical a été convoqué selon les règles en vigueur le 15-09-2020."
        r.set("convocation_date", parse_date(u.text[conv.start("date"):conv.end("date")]), u.span, "convocation_prose")
    return max(k, move.through) + 1 if move else k + 1  # a move read on into the next line: read once


def _proxies_said(units: list[Unit], k: int) -> list[members.Member]:
    """``"Mme Anne-Sophie MOUREY a donné pouvoir à M. Henri VUILLERMOZ ; M. Louis JEANNIN"`` / ``"a
    également donné pouvoir à M. Henri VUILLERMOZ (…)"``: a proxy a clause, the last one going on
    below when the next line opens on its verb."""
    text = units[k].text
    clauses = re.split(r"\s*;\s+", text) if text.count(";") and members.proxy_sentence(text, k) else [text]
    nxt = units[k + 1].text.strip() if k + 1 < len(units) else ""
    if len(clauses) > 1 and re.match(r"(?:a|ont)\s+(?:\w+\s+)?donn", fold(nxt)):
        clauses[-1] = f"{clauses[-1]} {nxt}"
    elif len(clauses) > 1 and _clauses_go_on(text, nxt):
        # "… ; LEMAIRE Gilles a donné pouvoir à MAILLARD" / "Marie-Hélène ; LOUIS Jacques et FABRE
        # Laurence a donné pouvoir à …": the holder's name cut, the list of clauses going on below
        more = re.split(r"\s*;\s+", nxt)
        clauses[-1] = f"{clauses[-1]} {more[0]}"
        clauses += more[1:]
    return [m for clause in clauses for m in members.proxy_sentences(clause, k)]


def _clauses_go_on(text: str, nxt: str) -> bool:
    """The next line goes on with the clauses of a line of proxies: the line ends on no stop,
    the next one opens on a fragment (not a proxy of its own, read there) before a ";"."""
    head = nxt.split(";")[0]  # (not "Absent : GARNIER ; pouvoir : aucun", a line of its own)
    return not re.search(r"[.;:,]\s*$", text) and ";" in nxt and len(head.split()) <= 3 and ":" not in head \
        and bool(members.PROXY_WORDS.search(fold(nxt))) and not members.proxy_sentence(nxt, 0)


def _read_president(r: Reading, units: list[Unit], k: int, both: str | None) -> None:
    """"Séance présidée par M. X, Maire", "Le Président, M. Pierre GUIN, ouvre la séance", or
    a sentence run on below ("… sous la présidence de" / "M. Marc BRIAULT, Président."); and
    who convened the sitting, the president when nothing else names one ("sur la convocation
    qui lui a été adressée le 20 juin 2024 par Madame Murielle BELLANCE, Maire")."""
    u = units[k]  # `both`: the line and the next one, its sentence going on (`_run_on`)
    m = lexicon.first("president_prose", u.folded)
    # "… sous la présidence de M. Peio" / "ETCHEVERRY, Maire.": a name the line break cuts
    # (not "… de M. Jean-Paul" / "Votants : 13" / "DUFFOURC, maire.": a count box's line between,
    # nor "… assurée par Monsieur Paul DURAND" / "Présents : Paul DURAND, …": a list's label)
    cut = m and both and not u.folded[m.end("name"):].strip() and not is_count_line(units[k + 1].text) \
        and not members.list_label(units[k + 1].text)
    below = lexicon.first("president_prose", fold(both)) if both and (cut or not m) else None
    if below and below.start() < len(u.text.strip()) <= below.end("name"):
        r.set("president", opening.person(both, below, "name"), u.span, "president_prose")
    if m:  # "Présidence de M. Jean-Claude FABRE" / "Secrétaire de séance : …": the line's own name
        r.set("president", opening.person(u.text, m, "name"), u.span, "president_prose")
    interim = lexicon.first("president_interim", u.folded)  # the eldest, until a mayor is elected
    if interim:
        r.suppose("president", opening.person(u.text, interim, "name"), u.span, "president_interim")
    opening.convener(r, both or u.text, u.span)


def _printed_empty(units: list[Unit], k: int, label) -> str | None:
    """A list of proxies printed empty: "Pouvoir(s) donné(s) : Néant (0)" says none (`list_none_said`); its label
    alone with the next list's label right under it ("Pouvoir(s) donné(s) :" / "Excusés et non représentés : …")
    prints none (`list_empty`, a template's maybe)."""
    rest = units[k].text[label.offset:]
    if members.says_none(rest):
        return "list_none_said"
    below = members.list_label(units[k + 1].text) if k + 1 < len(units) else None
    # (not "Procurations :" / "Absents représentés : X par Y": the proxies are in the next list)
    empty = not rest.strip(" :.") and below is not None and below.kind != "proxies" and \
        not any(lexicon.rx(lexicon.get("proxy_said")).search(u.folded) and not is_count_line(u.text) for u in units[k + 1:k + 4])
    return "list_empty" if empty else None


def _wraps(last: str, u: Unit) -> bool:
    """``"Objet : … entre Hautes"`` / ``"Terres Communauté et …"``: a line the one above was
    cut from (it ends mid-phrase, long, or the next starts in lower case), not a new paragraph."""
    text = u.text.strip()
    if u.gap_before or re.search(r"[.;:]$", last) or lexicon.label_at_start("fields", u.folded) \
            or members.list_label(text) or re.match(r"^(?:vu|considerant|apres|le\s+conseil)\b", u.folded):
        return False
    if last.isupper() and re.search(r"[^\W\d_]", text) and not text.isupper():
        return False  # "OBJET — ADOPTION DU PROCÈS-VERBAL … (SÉANCE DU 19 JUILLET 2022)" / "Madame X demande …"
    return text[:1].islower() or len(last) >= 70


# what parts a field's label from its value: "Secrétaire de séance : X", "Présidence ........ X",
# "Convocation | 18 juillet", "Secrétaire de séance (art. L. 2121-15 CGCT) : X"
FIELD_SEP = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:[:–|\t-]|\.{2,}|…)[\s.…]*")
OBJET_SEP = re.compile(r"^\s*(?:\(s\)\s*)?(?:\.{2,}\s*:?|…|[:–—-])")  # "Objet ........ : X", "OBJET — X"


def _read_field(r: Reading, units: list[Unit], k: int, label: lexicon.Label) -> int:
    """``"Secrétaire de séance : X"``, ``"Date de la convocation : / 8 septembre 2014"``:
    the value after the label, or on the next line when the label stands alone."""
    if label.name == "subject":  # "Portant sur : …": an item's title only under its bare heading
        return _read_loose(r, units, k)
    value = _field_value(units, k, label)
    if value is None:
        return _read_loose(r, units, k)  # "OBJET DES DEPENSES": a word, not a label
    rest, used = value
    used = _set_field(r, units, k, label.name, rest, used)
    if label.name in ("convocation_date", "session_date"):  # "Convocation du 9 avril 2014 – Séance présidée par M. X"
        _read_president(r, units, k, _run_on(units, k))
    return used if rest else k + 1


def _field_value(units: list[Unit], k: int, label: lexicon.Label) -> tuple[str, int] | None:
    """The text after the label on its line, or the next line's when the label stands alone
    ("Date de l'avis de convocation :" / "8 septembre 2014"), and the line after it; None when the
    label is only a word of the line ("OBJET DES DEPENSES")."""
    u = units[k]
    after = u.text[label.end:]
    # "Convocations du 7 décembre 2018", "Séance tenue le 3 mai 2024": the date right after
    dated = label.name in ("convocation_date", "session_date") and parse_date(after)
    # "Objet | Financement de la ZAC …": a table's row (a loan's characteristics), not the act's title
    sep = OBJET_SEP if label.name == "objet" else FIELD_SEP
    if after.strip() and not sep.match(after) and not dated:
        return None
    rest = sep.sub("", after, count=1).lstrip(" :–-").strip()
    cut = lexicon.labels("counts", fold(rest))  # "Catherine LEMAIRE Membres en exercice : onze"
    if cut and cut[0].start > 0 and label.name != "objet":
        rest = rest[:cut[0].start].strip(" -–;,")
    if not rest and k + 1 < len(units) and (not units[k + 1].gap_before or u.text.rstrip().endswith(":")) \
            and not lexicon.label_at_start("fields", units[k + 1].folded) and _fits(label.name, units[k + 1].text):
        return units[k + 1].text.strip(), k + 2
    return rest, k + 1


def _set_field(r: Reading, units: list[Unit], k: int, name: str, rest: str, used: int) -> int:
    """The field's value set from the text read after its label; the line after the value (an
    act's title goes on over wrapped lines)."""
    span = units[k].span
    if name == "secretaire":
        m = lexicon.first("secretary_prose", fold(rest))
        who = opening.person(rest, m, "name") if m else entries.strip_civilities(re.split(r"\s*[;,]\s*|\s+et\s+", rest)[0])
        r.set("secretaire", who if members.looks_like_member(who) else None, span, "field")
    elif name == "session_date":  # "Date de la séance : 31 août 2023"
        r.set("session_date", parse_date(rest), span, "field")
        r.set("session_time", parse_time(rest), span, "field")
    elif name == "convocation_date":
        r.set("convocation_date", parse_date(rest), span, "field")
        opening.read_place(r, rest, span)  # "… pour la réunion qui se tiendra … dans la Salle du Conseil"
    elif name == "president":
        r.set("president", opening.person(rest, re.match(r"(?P<name>.+)", rest), "name"), span, "field")
    elif name == "objet":  # "Objet : Attribution … Les Amis" / "du Lac": wrapped lines too
        lines = [rest]
        # "OBJET DE LA DÉLIBÉRATION : Mise à disposition … Harmonie municipale" / "Le mardi 28 avril
        # 2009, … le Conseil Communautaire … s'est réuni …": the sitting's opening is no title's end
        while used < len(units) and len(lines) < 4 and _wraps(lines[-1], units[used]) \
                and not opening.is_opening(units, used):
            lines.append(units[used].text.strip())
            used += 1
        r.set("objet", joined(lines).rstrip(" ;") or None, span_of(units[k:used]), "field")
    return used


def _fits(name: str, text: str) -> bool:
    """The line under a label standing alone is its value only if of its kind: a stamp's
    "Affiché le" over "VILLE DE CORMEILLES-SUR-MARNE" is an empty field, not that date."""
    if name in ("session_date", "convocation_date", "_affichage"):
        return parse_date(text) is not None
    if name in ("secretaire", "president"):  # "Mme Claire MARTIN, adjointe"
        return members.looks_like_member(entries.strip_civilities(re.split(r"\s*[,(]", text.strip())[0]))
    return True


# --- ranges of items and moves ------------------------------------------------------

def _read_range(r: Reading, units: list[Unit], k: int, m: re.Match) -> int:
    """``"Questions 11 à 17 :"`` then the counts and moves that hold for those items."""
    first = int(m.group(1))
    last = m.group(2)
    last_n = 10 ** 6 if last and not last.isdigit() else int(last) if last else first
    if last is None and "fin" in units[k].folded:
        last_n = 10 ** 6
    rg = Range(first, last_n)
    j = k + 1
    while j < len(units) and not lexicon.first("range", units[j].folded) and \
            (counts.read([units[j]]) or read_move(units[j], j)):
        move = read_move(units[j], j)
        if move:
            rg.moves.append(move)
        j += 1
    for c in counts.read(units[k:j]):
        rg.counts.setdefault(c.column, Fact(c.value, units[k + c.unit].span, c.method))
    rg.units = set(range(k, j))
    r.ranges.append(rg)
    return j


# --- helpers -------------------------------------------------------------------------

def prose_person(text: str) -> str | None:
    """The first person fr_core_news_sm finds in a sentence no pattern reads."""
    people = nlp.person_names(text)
    return entries.strip_civilities(people[0][0]) if people else None


def stamp(u: Unit) -> tuple[str, str, str] | None:
    """``015-200066637-20240411-2024CC052-DE`` -> (acte id, SIREN, the act's own number)."""
    m = lexicon.rx(lexicon.get("stamp_id")).search(u.folded)
    if not m:
        return None
    text = u.text
    act = re.sub(r"\s+", "", text[m.start(1):m.end(5)]).upper()
    return act, m.group(2), text[m.start(4):m.end(4)].upper()


def as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None
