"""Counts of a sitting and of a vote, in whatever arrangement the document prints them.

A count is a label of patterns/sitting.json ("counts") and a number, read over a run
of units as one text (lines joined), so that the same rules read::

    Présents : 29 – Pouvoirs : 12 – Votants : 41          label, separator, value
    Elus en exercice : 29   (between two lines of a list)   the same, anywhere
    Pour 9 / Abstention 0 / Contre 0                        no separator: a line of counts
    POUR | 21                                               a table row
    (15 présents ; 6 pouvoirs)   2 procurations 33 votants  the number before the label
    Nombre de conseillers / en exercice : ___ Pouvoirs : ___ 29 27 2
                                                            labels first, values after
    En exercice | Présents | Votants  over  19 | 14 | 16    a row of labels over a row of values
    Délégués présents : vingt-neuf                          numbers in words

A number is not a count when it is a year, an amount, a time or a percentage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from extractors import count_lines, lexicon
from extractors.count_grids import cell_rows, label_lines, total_cells
from extractors.count_lines import Run
# (counts.Count, counts.digits: read by many)
from extractors.count_text import GLOSS, Count, digits, only_counts, plausible, totals_only  # noqa: F401
from extractors.stream import Unit, fold

# A number as a count: not part of a larger number, an amount, a date or a time.
# a count: digits not glued to a letter ("1O", OCR's 10, is no count of 1)
NUMBER = re.compile(r"(\d{1,4})(?![\d])(?![^\W\d_])(?!\s*(?:[.,/]\d|€|%|euros?\b|eur\b|h\b|h\d|heures?\b|ans?\b|"
                    r"mois\b|jours?\b|m2\b|m²|km\b|ha\b|er\b|e\b|eme\b|°))(?![ \u00a0]\d{3}\b)")
# "Votants" / "51"; "(présents 10 / votants" / "11).": the number alone on the next line
LONE_NUMBER_BELOW = re.compile(r"[ \t]*\n[ \t]*(?=\d{1,4}[ \t]*(?:\)[ \t]*[.;,]?[ \t]*)?(?:\n|$))")
# a separator, or a verb saying the count changed ("le nombre de présents est porté à 22")
# a count in brackets between a list's label and its colon: "Étaient présents (12) : M. …", or ending
# the label's line, the names below: "PRÉSENTS (11)" / "Membres élus : Mme …"
# (leaders only on the label's line: "1 ABSTENTION(S)" / "...4...", a page number below, is no value; or opening
# the next line when the label ends its own: "… | Absents avec pouvoir" / "……… 10 | Total …")
# a lone dot between spaces is a leader cut short, its figure ending the line: "Pour ....... 6" / "Abstention . 1
# (M. le Président)" (not "… et 1 abstention . 2 – Création d'un poste", a sentence's end and the next rank)
SEPARATOR = re.compile(r"^(?:[ \t]*(?:\(s\)|\(e\)s|\(es\))?[ \t]*(?:\n[ \t]*(?=(?:\.{3}|…)[.…]*[ \t]*\d{1,4}(?![\d.…])))?(?:\.{2,}|…|(?<=[ \t])\.(?=[ \t]+\d{1,4}[ \t]*(?:\(|\n|$)))"
                       r"|\s*(?:\(s\)|\(e\)s|\(es\))?\s*(?:[:=|→⇒]|_+|[–—-]>?(?=\s*\d)|"
                       r"(?:est\s+|sont\s+)?(?:portee?s?|ramenee?s?)\s+a\s|(?:etant|est)\s+de\s(?=\s*\d)|"
                       # "… le nombre de votants s'élève donc à 30", "… reste fixé à 30"
                       r"(?:s'eleve(?:nt)?|reste(?:nt)?\s+fixee?s?)\s+(?:donc\s+|ainsi\s+)?a\s(?=\s*\d)|"
                       r"\((?=\s*\d{1,4}\s*\)\s*:)|\((?=[ \t]*\d{1,4}[ \t]*\)[ \t]*(?:\n|$))|"
                       # "Nombre de conseillers : en exercice, 19 ; présents, 14 ; …; votants, 17.": a comma, the
                       # number closed by a semicolon or a full stop
                       r",(?=[ \t]*\d{1,3}[ \t]*[;.](?!\d))))[\s:=|._…]*")
OTHER_BODY = re.compile(r"(?i)\b(?:commission|comit[ée]|bureau|conseil\s+d'(?:[ée]cole|exploitation|administration))\b")
BRACKET_ENDS_LINE = re.compile(r"[ \t]*\([ \t]*(\d{1,4})[ \t]*\)[ \t]*(?:\n|$)")  # "PRÉSENTS (11)" / names below
BETWEEN_LABELS = re.compile(r"^[\s:=|._…–—\-/▪•·●]*$")


def read(units: list[Unit], columns: tuple[str, ...] | None = None) -> list[Count]:
    """Every count in the units, in reading order (columns starting with "_" left out)."""
    run = Run(units)
    found = _without_marks(run, _without_glosses(run.text, lexicon.labels("counts", run.text)))
    taken: dict[int, int] = {}  # label index -> offset of the number it took
    out: list[Count] = []
    for group in _label_runs(run.text, found):
        out += _block(run, [found[i] for i in group], taken, group) if len(group) > 1 else []
    for i, label in enumerate(found):
        if i not in taken:
            out += _after(run, label, taken, i)
    used = set(taken.values())
    for i, label in enumerate(found):
        if i not in taken and label.name in lexicon.get("number_before"):
            out += _before(run, label, used)
    out += _quorum_out_of(run) + _share_present(run) if not any(c.column == "presents" for c in out) else []
    out = _with_grids(units, out)
    out.sort(key=lambda c: (c.unit, c.method != "label_value"))
    wanted = columns or tuple(lexicon.get("sitting_counts")) + tuple(lexicon.get("vote_counts"))
    out = totals_only([u.folded for u in run.units], out)
    return [c for c in _seats(_restated_totals(run, _with_deputies(run, out))) if c.column in wanted]


RESTATES = re.compile(r"^\W*(?:soit|au\s+total|en\s+tout|total\s+des?\s)\b"
                      r"(?!.*\b(?:a\s+compter|a\s+partir|apres|jusqu|des\s+l|point|question|deliberation)\b)")


def _restated_totals(run: Run, out: list[Count]) -> list[Count]:
    """"Délégués titulaires présents …… 15" / "Délégués suppléants siégeant avec voix délibérative
    …… 3" / "Soit présents …… 18" (or "Total des délégués présents avec voix délibérative : 18"): a line
    opening on "soit" ("au total") restates the count of a line a few above, which it replaces; not
    "Soit 16 présents et 18 votants à compter du point n° 3"."""
    restating = {c.unit for c in out if RESTATES.match(run.units[c.unit].folded)}
    drop = {id(x) for c in out if c.unit in restating for x in out
            if x.column == c.column and 0 < c.unit - x.unit <= 4 and x.unit not in restating}
    return [c for c in out if id(c) not in drop]


def _with_grids(units: list[Unit], out: list[Count]) -> list[Count]:
    """The counts read line by line, those of table rows and label lines replaced by what their
    grids read; but a row's non-voters said in its object's cell ("… intercommunal (2 NPPV : M. X,
    Mme Y) | 43 | 0 | 0"), under a header with no column of them, stay."""
    cells, rows = cell_rows(units)
    paired, lines = label_lines(units)
    totals, listed = total_cells(units)
    kept = [c for c in out if c.unit not in rows | lines | listed or c.column == "non_votants" and c.unit in rows
            and not any(x.column == "non_votants" for x in cells)]
    return kept + cells + paired + totals


def _with_deputies(run: Run, out: list[Count]) -> list[Count]:
    """"Titulaires présents : 41" / "Suppléants présents avec voix délibérative : 3", "Titulaires
    présents : 42 – Suppléants : 3 – Pouvoirs : 8 – Votants : 53": the suppléants sitting for absent
    members vote, and count among the présents (44, 45); not "Suppléants sans voix délibérative : 2",
    not "Présents : 21, dont titulaires : 18 et suppléants : 3" (counted already), and where the
    votants are printed, only when they add up with the suppléants."""
    deputies = [c for c in out if c.column == "_suppleants"]
    present = next((c for c in out if c.column == "presents"), None)
    if len(deputies) != 1 or present is None or abs(deputies[0].unit - present.unit) > 3:
        return out
    said = fold(run.units[deputies[0].unit].text)
    if re.search(r"sans\s+voix|voix\s+consultative|\bdont\b", said):
        return out
    side = {c.column: c.value for c in out if c.column in ("pouvoirs", "votants")}
    if len(side) == 2:
        adds = present.value + deputies[0].value + side["pouvoirs"] == side["votants"]
    else:
        adds = "voix deliberative" in said or "titulaires presents" in fold(run.units[present.unit].text)
    return [replace(c, value=c.value + deputies[0].value) if c is present and adds else c for c in out]


# the quorum said with its figures in a bracket, no label inside: "Les conseillers présents forment
# la majorité des membres en exercice (18 sur 23)", "le quorum étant atteint (14 sur 19)"
QUORUM_OUT_OF = re.compile(r"(?:majorite\s+(?:absolue\s+)?des\s+(?:membres|conseillers|delegues)\s+en\s+exercice|"
                           r"quorum\s+(?:etant\s+|est\s+)?atteint)\s*\(\s*(\d{1,3})\s+sur\s+(\d{1,3})\s*\)")


def _quorum_out_of(run: Run) -> list[Count]:
    """``"… forment la majorité des membres en exercice (18 sur 23)"``: présents, members in office."""
    if "(" not in run.text:
        return []  # read for every line of every document (segment's evidence): most have no bracket
    folded = fold(run.text)
    m = QUORUM_OUT_OF.search(folded)
    # the members present said in the sentence ("Les conseillers présents forment …"), not a vote's
    # result ("La liste … obtient la majorité absolue des membres en exercice (15 sur 23)")
    sentence = folded[folded.rfind(".", 0, m.start()) + 1:m.start()] if m else ""
    if not m or int(m.group(1)) > int(m.group(2)) or not re.search(r"\bpresents?\b|\bquorum\b", sentence + m.group(0)):
        return []
    unit = run.unit_at(m.start(1))
    return [Count("presents", int(m.group(1)), unit, "quorum_said"),
            Count("membres_en_exercice", int(m.group(2)), unit, "quorum_said")]


# the présents said as a share of the members: "Treize des dix-sept membres ayant voix délibérative sont
# présents", "vingt-quatre de ses vingt-deux membres en exercice étant présents" (as printed, even where it is more)
SHARE_PRESENT = re.compile(r"(?<![\w.,/])(\d{1,4})\s+(?:de\s+ses|des|sur\s+les)\s+(\d{1,4})\s+"
                           r"(?:membres|conseill\w+|delegue\w*|elue?s|administrateurs)"
                           r"(?:\s+(?:en\s+exercice|ayant\s+voix\s+deliberative|titulaires))?"
                           r",?\s+(?:etant|sont|etaient)\s+presente?s\b")


def _share_present(run: Run) -> list[Count]:
    """``"Treize des dix-sept membres … sont présents"``: présents 13, members in office 17; not "Vu la réunion
    de la commission d'appel d'offres du 9 avril, quatre des cinq membres titulaires étant présents" (another
    body's, named in its sentence)."""
    m = SHARE_PRESENT.search(run.text) if "present" in run.text else None
    if not m or OTHER_BODY_BEFORE.search(run.text[max(run.text.rfind(".", 0, m.start()), 0):m.start()]):
        return []
    unit = run.unit_at(m.start(1))
    return [Count("presents", int(m.group(1)), unit, "share_said"),
            Count("membres_en_exercice", int(m.group(2)), unit, "share_said")]


# (not OTHER_BODY: "Le Bureau, dix des douze membres étant présents, …" is the body's own sentence; a recital's is not)
OTHER_BODY_BEFORE = re.compile(r"\b(?:vu|considerant|commission(?!\s+permanente)|jury|comite\s+technique|"
                               r"conseil\s+d'ecole)\b")


def _seats(out: list[Count]) -> list[Count]:
    """The seats the law gives the body ("Effectif légal : 23", "membres afférents au conseil :
    11") are the members in office where none are printed; beside "En exercice : 21" (two seats
    vacant) they are another figure, and the quorum counts the 21."""
    if any(c.column == "membres_en_exercice" for c in out):
        return [c for c in out if c.column != "afferents"]
    return [replace(c, column="membres_en_exercice") if c.column == "afferents" else c for c in out]


# a label's gloss in brackets right after it: "Votants (présents et représentés)"


def _without_glosses(text: str, found: list[lexicon.Label]) -> list[lexicon.Label]:
    """The labels less those inside a bracket that explains the label before it
    ("Votants (présents et représentés)" is one label, not three; `_after` and `_block` read
    its value past the bracket)."""
    spans = [m.span() for lb in found for m in [GLOSS.match(text, lb.end)] if m]
    return [lb for lb in found if not any(a <= lb.start < b for a, b in spans)]


# a table of delegates whose cells mark each one: "| B. VASSEUR – présent | J. ROUSSEL – présente | G. MARTEL –
# présent (**) | 2 |" (the 2 is the commune's voices): a label after a dash in such a row is a mark, not a count
NAME_MARK = re.compile(r"(?:\b[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?|\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
                       r"\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\s*[–—-]\s*[^\W\d_]")
AFTER_DASH = re.compile(r"[–—-]\s*$")


def _without_marks(run: Run, found: list[lexicon.Label]) -> list[lexicon.Label]:
    def marks(lb: lexicon.Label) -> bool:
        cells = run.units[run.unit_at(lb.start)].cells
        return sum(bool(NAME_MARK.search(c)) for c in cells) >= 2 and lb.name not in VOTE_SIDES \
            and bool(AFTER_DASH.search(run.text, max(0, lb.start - 4), lb.start))
    return [lb for lb in found if not marks(lb)]


def _label_runs(text: str, found: list[lexicon.Label]) -> list[list[int]]:
    """Indices of labels printed one after the other with nothing but separators between."""
    runs, current = [], [0] if found else []
    for i in range(1, len(found)):
        # "Présents" / "(dont suppléants)" / "Pouvoirs", "Présents (P) :" / "Pouvoirs (procurations) :"
        between = GLOSS.sub(" ", text[found[i - 1].end:found[i].start])
        if BETWEEN_LABELS.match(between) and ":" in text[found[i - 1].end:found[i].start + 1] + ":":
            current.append(i)
        else:
            runs.append(current)
            current = [i]
    if current:
        runs.append(current)
    return [r for r in runs if len(r) > 1]


# a value of a block: a number, or "[?]" where OCR could not read one (its label stays empty)
# ("(3)", the figure of a gloss such as "(dont suppléants)", is passed over)
BLOCK_NUMBER = re.compile(r"(?:[\s:=|._…–\-/]|\(\d{1,4}\))*?((?<!\()\d{1,4}(?![\d]|[.,]\d)|\[\?\])")


def _block(run: Run, labels: list[lexicon.Label], taken: dict, indices: list[int]) -> list[Count]:
    """``"En exercice | Présents | Votants"`` then ``"19 | 14 | 16"``: as many numbers as
    labels after the last label, on the lines below it, nothing but separators between."""
    gloss = GLOSS.match(run.text, labels[-1].end)  # "… Votants (présents et représentés)" / "19 16 1 17"
    numbers, pos = [], _past_other_labels(run, gloss.end() if gloss else labels[-1].end)
    while len(numbers) < len(labels):
        m = BLOCK_NUMBER.match(run.text, pos)
        if not m:
            break
        numbers.append((m.start(1), int(m.group(1)) if m.group(1).isdigit() else None))
        pos = m.end()
    below = numbers and run.unit_at(numbers[0][0]) > run.unit_at(labels[-1].start)
    # "Vote : POUR CONTRE ABSTENTION 18 3 1": three labels and nothing between, then their values
    bare = len(labels) >= 3 and all(not run.text[a.end:b.start].strip() for a, b in zip(labels, labels[1:]))
    if len(numbers) != len(labels) or not (below or bare):
        return []  # "Présents : 29 – Pouvoirs : 12" is read label by label
    more = BLOCK_NUMBER.match(run.text, pos)
    if more and run.unit_at(more.start(1)) == run.unit_at(numbers[-1][0]):
        return []  # four values under three labels read: one label was not, the columns do not line up
    out = []
    for label, index, (at, value) in zip(labels, indices, numbers):
        if value is not None and plausible(value):
            taken[index] = at
            out.append(Count(label.name, value, run.unit_at(at), "label_block"))
    return out


# a label of another kind, one a line after the count labels ("Date de convocation"), whose
# value comes after theirs: "Présents" / "Votants" / "Date de convocation" / "9" / "11" / "07/10/2021"
OTHER_LABEL = re.compile(r"\n[^\d\n:]{3,40}?(?=\n)")


def _past_other_labels(run: Run, pos: int) -> int:
    """Where the values of a block of labels one a line may start: past one line of words
    after the last count label, when a number opens the line after it."""
    m = OTHER_LABEL.match(run.text, pos)
    if not m or len(m.group(0).split()) > 5 or not re.match(r"\n\s*\d", run.text[m.end():]):
        return pos
    return m.end()


# présents counted as titulaires and suppléants sitting for absent ones: "Présents : 22 titulaires et 3 suppléants"
WITH_DEPUTIES = re.compile(r"[ \t]+(?:d[ée]l[ée]gu[ée]s[ \t]+)?titulaires?[ \t]*(?:et|\+|,)[ \t]*(\d{1,3})[ \t]+suppl[ée]ante?s?\b")

# a vote side naming its voters before their number: "Contre : UVPT (11)", "Abst. : M. X, Mme Y (2)"
NAMED_THEN_COUNT = re.compile(r"[^\W\d_][^\d():;=|\n]{0,80}?\((\d{1,4})\)")


# the label's own number right before it on its line, joined to what precedes ("… présents et 3 pouvoirs",
# "| 3 + 1 pouvoir |"); not a label's value ("En exercice : 25 Présents"), a year or an act's number
OWN_NUMBER = re.compile(r"(?:^|\bet\s+|\+\s*|[|(]\s*|,\s*)\d{1,3}\s*$")


@dataclass(frozen=True)
class _Reach:
    """What `_after` found past a label: the text after it, its separator, the number below
    the label's line when it is alone there, and the number taken as its value."""
    run: Run
    label: lexicon.Label
    rest: str
    sep: re.Match | None
    alone: re.Match | None
    m: re.Match

    @cached_property
    def next_label(self) -> bool:
        """A label of the number-before families right after the value ("3 procurations 32 votants"): asked by
        three refusals, looked up once."""
        return count_lines.number_before_label(self.run, self.label.end + self.m.end())


def _after(run: Run, label: lexicon.Label, taken: dict, index: int) -> list[Count]:
    """``"Présents : 29"``; ``"Pour 9"`` (no separator) at the start of a line or on a line of counts;
    ``"Votants (présents et représentés) : 17"`` (a gloss between label and value)."""
    gloss = GLOSS.match(run.text, label.end)
    label = lexicon.Label(label.name, label.start, gloss.end()) if gloss else label
    rest = run.text[label.end:]
    sep = SEPARATOR.match(rest)
    if sep and BRACKET_ENDS_LINE.match(rest) and not _counted_label(run, label, rest):
        return []
    if sep and sep.group(0).lstrip().startswith(",") and OTHER_BODY.search(run.text[slice(*run.line_of(label.start))]):
        return []  # "« Commission d'appel d'offres – membres en exercice, 5 ; présents, 4 ; …": another body's
    alone = None if sep else LONE_NUMBER_BELOW.match(rest)
    # "Délégués votants" / "51": a bare label, its number below; "(présents 10 / votants" / "11)."
    if alone and _lone_number_above(run, label, taken):
        return []  # "23" / "votants" / "4" / "pouvoirs": each number above its label (read by _before)
    m = _value(run, label, rest, sep, alone)
    if not m or not plausible(int(m.group(1))):
        return []
    reach = _Reach(run, label, rest, sep, alone, m)
    if any(refuses(reach) for refuses in REFUSALS):
        return []
    reach = replace(reach, m=_total_column(run, label, rest, m))
    taken[index] = label.end + reach.m.start(1)
    return _counted(reach)


def _value(run: Run, label: lexicon.Label, rest: str, sep: re.Match | None, alone: re.Match | None) -> re.Match | None:
    """The number after the label's separator (or on the line below a label alone on its line);
    for a vote side, the number in brackets after who voted so."""
    gap = sep.end() if sep else len(rest) - len(rest.lstrip(" "))
    if alone and (count_lines.starts_line(run, label) or (count_lines.label_ends_line(run, label)
                                                          and count_lines.in_bracket(run, label))):
        gap = alone.end()
    m = NUMBER.match(rest, gap)
    if m is None and sep and label.name in VOTE_SIDES:  # "Pour : GEC, SA, ES (42)": who, then how many
        m = NAMED_THEN_COUNT.match(rest, gap)
        # (not "Pour : groupe A (22) et groupe B (4)": two numbers, whose sum is not printed)
        m = None if m and re.match(r"[^\n:;=|]{0,60}?\(\s*\d", rest[m.end():]) else m
    return m


def _below_a_sentence(r: _Reach) -> bool:
    """"LES EQUIPEMENTS pour :" / "88 004,30 €": a value below only under a label ending its line
    (or after "… en exercice étant de" / "33, …": a sentence going on)."""
    prose = bool(r.sep and re.search(r"\bde\s", r.sep.group(0)))
    return "\n" in r.rest[:r.m.start(1)] and not count_lines.label_ends_line(r.run, r.label) and not prose


def _mid_phrase(r: _Reach) -> bool:
    """No separator: a count only at the start of a line, on a line of counts, or after the verb
    of a sentence ("sont présents 12 membres"); not "… du bourg pour un" / "montant"."""
    return not r.sep and not r.alone and not (count_lines.starts_line(r.run, r.label)
                                              or count_lines.counts_to_end(r.run, r.label.start)
                                              or _verb_led(r.run, r.label, r.rest, r.m))


def _next_labels_number(r: _Reach) -> bool:
    """"3 procurations 32 votants": 32 is the votants' (not so for "Votants" / "18" / "Présents")."""
    return not r.sep and not r.alone and r.next_label and not count_lines.label_first(r.run, r.label)


def _each_before_its_label(r: _Reach) -> bool:
    """"19 élus présents | 0 pouvoir(s)", "19 pour — 2 abstentions": each number before its label."""
    run, label, sep = r.run, r.label, r.sep
    if not (sep and re.search(r"[|–—-]", sep.group(0)) and count_lines.number_ends(run, label.start)
            and count_lines.value_first(run, label)):
        return False
    return r.next_label or not re.search(r"[|:=]", sep.group(0))


def _own_number_before(r: _Reach) -> bool:
    """"| 3 + 1 pouvoir | 12 |", "Soit 19 présents et 3 pouvoirs : 22 votants.": each its own number."""
    own = r.sep and OWN_NUMBER.search(r.run.text, r.run.line_of(r.label.start)[0], r.label.start)
    # ("Neuf membres présents, deux pouvoirs : onze voix délibératives": the voices after the colon)
    return bool(own and (r.sep.group(0).strip() == "|" or ":" in r.sep.group(0)
                         and (r.next_label or re.match(r"\s+voix\b", r.rest[r.m.end():]))))


def _vote_side_next(r: _Reach) -> bool:
    """"Sur 69 votants : 61 pour, 0 contre": 61 is the pour's, 69 (before) the votants'."""
    return r.label.name not in VOTE_SIDES and bool(VOTE_SIDE_NEXT.match(r.rest, r.m.end()))


# why a number after a label is not its value, asked in this order
REFUSALS = (_below_a_sentence, _mid_phrase, _next_labels_number, _each_before_its_label, _own_number_before,
            _vote_side_next)


def _counted(r: _Reach) -> list[Count]:
    """The count read, with the suppléants said after the présents and the members in office
    after "sur"; marked as varying when the text says it changes during the sitting."""
    label, rest, unit, m = r.label, r.rest, r.run.unit_at(r.label.start), r.m
    method = "label_value" if r.sep else "count_line"
    deputies = WITH_DEPUTIES.match(rest, m.end()) if label.name == "presents" else None
    # (not "…, les suppléants assistant sans voix délibérative")
    if deputies and re.search(r"sans\s+voix|voix\s+consultative", rest[deputies.end():deputies.end() + 80]):
        deputies = None
    if deputies:  # "Présents : 22 titulaires et 3 suppléants ayant voix délibérative": 25 sit and vote
        return [Count(label.name, int(m.group(1)) + int(deputies.group(1)), unit, method)]
    if VARIES.match(rest[m.end():m.end() + 80]):
        method = "count_varies"  # "Présents : 17 (18 à partir de DEL_2012_042)": which one holds depends on the item
    return _out_of(r.run, label, Count(label.name, int(m.group(1)), unit, method), label.end + m.end())


ROW_OF_NUMBERS = re.compile(r"(?:[ \t]+\d{1,4}){2,}[ \t]*$")
TOTAL_REACH = 8  # rows of counts looked up through for their header


def _total_column(run: Run, label: lexicon.Label, rest: str, m: re.Match) -> re.Match:
    """"Élus    Socioprofessionnels    Total" / "Présents    6    4    10": a row of numbers under a
    header ending on its total, the last number is the count (not the first college's)."""
    line = rest[:rest.find("\n")] if "\n" in rest else rest
    k = run.unit_at(label.start)
    if not ROW_OF_NUMBERS.fullmatch(line):
        return m
    for j in range(k - 1, max(k - 1 - TOTAL_REACH, -1), -1):
        above = run.text[run.starts[j]:run.starts[j + 1] - 1]
        if lexicon.first("total_header", above):
            return list(NUMBER.finditer(line))[-1]
        if not ROW_OF_NUMBERS.search(above):
            break
    return m


def _verb_led(run: Run, label: lexicon.Label, rest: str, m: re.Match) -> bool:
    """The verb of a sentence opens the label, its value after it with the members it counts:
    "…, étaient présents 23 conseillers, …", "sont présents 12 membres"."""
    return bool(lexicon.rx(r"(?:{list_verb})\s").match(run.text, label.start)) and not rest[:m.start(1)].strip() and \
        bool(lexicon.rx(r"\s+{members}\b").match(rest, m.end(1)))


def _lone_number_above(run: Run, label: lexicon.Label, taken: dict) -> bool:
    """The label opens its line in a box printed one cell a line, value first: going up, numbers
    and labels alternate and the box's top line is a number ("23" / "votants" / "4" / "pouvoirs"),
    not a label ("Délégués élus" / "26" / "Délégués en fonction" / "26" / "Délégués présents")."""
    start, _ = run.line_of(label.start)
    if start == 0 or run.text[start:label.start].strip():
        return False
    k, number_next, top_is_number, used = start, True, False, set(taken.values())
    while k > 0:
        above, _ = run.line_of(k - 1)
        line = run.text[above:k - 1].strip()
        number = re.fullmatch(r"\s*(\d{1,4})\s*", run.text[above:k - 1])
        if number_next and number and above + number.start(1) not in used:
            top_is_number = True
        elif not number_next and line and not re.search(r"\d", line) and len(line.split()) <= 6 and line[-1] not in ".;":
            top_is_number = False
        else:
            break
        k, number_next = above, not number_next
    return top_is_number


VOTE_SIDES = ("pour", "contre", "abstentions")
# "61 pour," (the number before its side), not "32   Pour : 30" (the next label, its value after)
VOTE_SIDE_NEXT = re.compile(r"[ \t]+(?:voix[ \t]+)?(?:pour|contre|abst\w*)\b\.?(?![ \t]*(?:[:=|]|\d))")

# a count that changes during the sitting, said beside it: "17 (18 à partir de la délibération
# n° 3)", "12 jusqu'à 19h et 13 à partir de 19h", "16, puis 17 après l'arrivée de Mme X"
VARIES = re.compile(r"^[^\n.;]{0,40}?\b(?:a\s+partir|jusqu|apres|puis|des\s+(?:la|le|l')|a\s+compter)\b[^\n]{0,40}?\d"
                    r"|^\s*(?:\(|,|et|puis)[^\n]{0,12}?\d+[^\n]{0,30}?\b(?:a\s+partir|jusqu|apres|des|a\s+compter)\b")


# "Présents : 14 délégués sur 22", "11 présents sur 15": the members in office said after the présents
# (not "12 sur 45 voix", "17 délégués sur 20 communes membres", "11 sur 11 membres restants")
OUT_OF = re.compile(r"[ \t]*(?:(?:membres?|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lue?s?)[ \t]+)?sur[ \t]+(\d{1,4})"
                    r"(?:[ \t]+(?:membres?|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lue?s?)(?:[ \t]+en[ \t]+exercice)?)?"
                    r"(?=[ \t]*(?:[)\-–—,;|.]|\n|$))", re.I)


def _out_of(run: Run, label: lexicon.Label, count: Count, pos: int) -> list[Count]:
    """The présents count and, when "sur N" follows it, N members in office."""
    m = OUT_OF.match(run.text, pos) if label.name == "presents" else None
    if not m or not plausible(int(m.group(1))) or int(m.group(1)) < count.value:
        return [count]
    return [count, Count("membres_en_exercice", int(m.group(1)), count.unit, "out_of")]


def _before(run: Run, label: lexicon.Label, used: set[int]) -> list[Count]:
    """``"15 présents"``, ``"soit 33 votants"``, ``"13 étaient présents"``: a number right before
    the label (or its verb), on its line."""
    start, _ = run.line_of(label.start)
    wrapped = start > 0 and not run.text[start:label.start].strip()
    if wrapped:  # "… – 17" / "présents – 11 …": a line cut between a number and its label
        start, _ = run.line_of(start - 1)
    head = run.text[start:label.start]
    m = NUMBER_BEFORE_POUVOIRS.search(head) if label.name == "pouvoirs" else NUMBER_BEFORE.search(head)
    if not m or (start + m.start(1)) in used or not plausible(int(m.group(1))) or _not_its_number(run, label, m,
                                                                                                   head, wrapped):
        return []
    _, end = run.line_of(label.start)
    # "39 présents" alone on its line is a count line; "les 15 présents" in a sentence is weaker
    method = "count_line" if only_counts(run.text[start:end]) else "number_before"
    # "(28 présents, 28" / "votants)": the count belongs to the line its number is on
    count = Count(label.name, int(m.group(1)), run.unit_at(start + m.start(1)), method)
    return _out_of_before(run, label, count, start + m.start(1)) or _out_of(run, label, count, label.end)


# the number right before a label: not "19h30"; "13 étaient présents et 1 était représenté" (a copula between
# number and label), "19 membres élus présents" (a word for members between), "27 ⇥ présents" (a tab block,
# value first: a cell's bar between); for the pouvoirs "3 dont 2 avec procuration", "dont 2 ayant donné
# pouvoir" (the absents represented)
_BEFORE = (r"(?<![\w.,/])(\d{1,4})\s*(?:\|\s*|\s(?:[ée]taient|[ée]tait|sont|est|furent)\s+|"
           r"\s(?:membres?|conseill[eè]re?s?|[ée]lue?s?|d[ée]l[ée]gu[ée]e?s?)\s+{given})?$")
NUMBER_BEFORE = re.compile(_BEFORE.replace("{given}", ""))
NUMBER_BEFORE_POUVOIRS = re.compile(_BEFORE.replace("{given}", r"|\s(?:avec|ayant\s+donn[ée])\s+"))


def _not_its_number(run: Run, label: lexicon.Label, m: re.Match, head: str, wrapped: bool) -> bool:
    """Why the number before a label is not its count."""
    if "|" in m.group(0) and head[:m.start(1)].strip(" \t|"):
        return True  # "Mme POTEL | 4 | absente": a seat's number in a roll call, not "27 | présents" (a count a line)
    if wrapped and re.search(r"[:=]\s*$", head[:m.start(1)]):
        return True  # "afférents au Conseil : 53" / "Délégués votants": 53 is the line above's value
    if wrapped and re.match(r"[ \t]*:", run.text[label.end:]):
        return True  # "… Gérard KIEFFER – soit 11 membres" / "Pouvoir : Éric BARTHÉLEMY → …": a label of its own line
    # "(quorum : un tiers des membres ; deux pouvoirs par membre au plus)": a rule, no count
    return bool(PER_MEMBER.match(run.text, label.end))


PER_MEMBER = re.compile(r"\s+(?:au\s+plus\s+)?par\s+(?:membre|conseill|[ée]lu|d[ée]l[ée]gu|personne|mandataire)", re.I)

# "dix-neuf délégués sur trente sont présents": the présents before "sur", the members in office after
SAID_OUT_OF = re.compile(r"(?<![\w.,/])(\d{1,4})[ \t]+(?:(membres?|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lue?s?)[ \t]+)?sur[ \t]+$", re.I)


def _out_of_before(run: Run, label: lexicon.Label, count: Count, pos: int) -> list[Count]:
    """``"19 délégués sur 30 sont présents"``: the number right before the présents label is
    the members in office; the présents are the number before "sur"."""
    before = run.text[max(0, pos - 40):pos]
    m = SAID_OUT_OF.search(before) if label.name == "presents" else None
    if not m or int(m.group(1)) > count.value or not plausible(int(m.group(1))):
        return []
    if before.rfind("(") > before.rfind(")"):
        return []  # "(5 membres sur 5 présents)": another body's attendance, quoted in a bracket
    present = Count("presents", int(m.group(1)), count.unit, count.method)
    if (m.group(2) or "").lower().startswith("membre"):
        return [present]  # "14 membres sur 22 étaient présents": a commission's seats, maybe, not the body's
    return [present, Count("membres_en_exercice", count.value, count.unit, "out_of")]


def _counted_label(run: Run, label: lexicon.Label, rest: str) -> bool:
    """"PRÉSENTS (11)" alone on its line, the names below: the label's count. Not "Unanimité des votants
    (64)" (an item's figure in a sentence), "Commission | Titulaires | Présents (12)" (a table's header),
    nor "CONSEILLERS PRÉSENTS (1)" over a note "(1) liste d'émargement annexée" (a footnote's call)."""
    number = BRACKET_ENDS_LINE.match(rest).group(1)
    table = bool(run.units[run.unit_at(label.start)].cells)
    note = re.search(rf"(?:^|\s)\(\s*{number}\s*\)\s+[^\W\d_]", run.text[label.end + len(rest.split("\n")[0]):])
    calls = [int(n) for n in re.findall(r"\((\d{1,2})\)[ \t]*(?:\n|$)", run.text)]  # "(1)", "(2)": notes' calls
    footnotes = len(calls) >= 2 and calls == list(range(1, len(calls) + 1))
    return count_lines.starts_line(run, label) and not table and not note and not footnotes


