"""A vote printed again elsewhere than under its item: what `votes.restated` compares.

    RÉCAPITULATIF DES DÉLIBÉRATIONS DE LA SÉANCE              a recap of the sitting's acts,
    N° 2013-45 Statuts – aménagement numérique Adoptée à l'unanimité       one line an act
    N° | Objet | Pour | Contre | Abst.                         or a table, labels over values
    2009-032 | Aménagement du bourg - maître d'oeuvre | 15 | 2 | 1
    L'ensemble des délibérations ayant été adoptées à l'unanimité, le Président lève la séance.

A recap's line is matched to the deliberation whose number it prints (never to the item it
stands in: an item's own line is its vote, not a restatement); a closing sentence speaks for
every deliberation of its sitting, unless it makes an exception ("sauf la n° 12", "les
délibérations relatives au budget"), and the one it names is not unanimous ("…, à l'exception
de la n° 2021-33"). The box under a decision ("Résultat du vote") and a line stating the result
again under it ("Adoptée par 11 voix pour, 3 contre.") are set aside by extractors/votes.py.
Phrasings: patterns/segments.json ("recap_heading", "recap_row", "closing_all",
"closing_except", "closing_excepted").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterator

from extractors import act_table, outline, votes
from extractors.normalise import parse_date
from extractors.sitting import Fact
from extractors.stream import Unit, fold

VOTE = ("pour", "contre", "abstentions", "unanimite", "resultat")
# "N° 2013-45", "2009-032", "DEL 2019/14", "3°)": the act number (or rank) opening a recap's line
ROW_NUMBER = outline.rx(outline.data()["recap_row"])
MISSES = 3  # lines under a recap's heading before its first row ("N° Objet Décision", a blank row)


@dataclass(frozen=True)
class Emitted:
    """A deliberation written: its seq, its number and where its units are (positions in units)."""

    seq: int
    numero: str | None
    start: int
    end: int
    sitting: object = None  # its session date: a register holds several sittings
    objet: str | None = None


@dataclass(frozen=True)
class Restated:
    seq: int
    kind: str  # `recap`, `closing` (here), `result_box`, `result_line`, `vote_box` (extractors/vote_again.py)
    facts: dict[str, Fact]


def key(number: str | None) -> str | None:
    """"N° 2013-45", "DEL 2019/14" and "2019-14" alike: the digits and letters after a prefix."""
    if not number:
        return None
    if outline.LETTERED_RANK.fullmatch(number.lower().strip()):
        return number.lower().strip()  # "B1" under "B. FINANCES" is not "A1": the letter is the part
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", number.strip()):
        return number.strip()  # "1.2", a chapter's item, is not the rank "12" of a recap
    text = re.sub(r"^(?:n\s*[°o]\.?|no\b|[a-z]{1,5}(?=[\s_-]*\d))[\s_-]*", "", number.lower().strip())
    return re.sub(r"[^0-9a-z]", "", text) or None


def keys_of(numero: str | None) -> set[str]:
    """The keys a recap may print an act's number by: its own ("CP 2018-11-19/1-01"), or the
    report's number after the sitting's, "1-01" in "RÉCAPITULATIF DES VOTES" / "1-01   50   0   0
    Adopté" under "Rapport CP 2018-11-19 / 1-01 — ÉCONOMIE — …" (a number of its own, never a
    bare rank: "2019/14" is not "14")."""
    own = key(numero)
    tail = SHORT_FORM.search(numero or "") or RUNNING.search(numero or "")
    return {k for k in (own, key(tail.group(1)) if tail else None) if k}


SHORT_FORM = re.compile(r"/\s*(\d{1,3}[-_.]\d{1,3})\s*$")  # "… / 1-01": a report numbered within the sitting's
# "143" in "RECAPITULATIF DES VOTES" / "| 143 | Taxe GEMAPI | 52 | 9 | 2 |" for "délibération n° 2017-09-143":
# the act's running number, after the year and the month (three digits: never an item's rank)
RUNNING = re.compile(r"^\D{0,6}(?:19|20)?\d\d[-_/.]\d{1,2}[-_/.](\d{3})$")


def found(units: list[Unit], lo: int, hi: int, emitted: list[Emitted]) -> list[Restated]:
    """The votes of a block (units[lo:hi]) printed again in a recap or a closing sentence."""
    return recaps(units, lo, hi, emitted) + (closing(units, lo, hi, emitted) or named_closing(units, lo, hi, emitted))


def repeats(units: list[Unit], lo: int, item, emitted: list[Emitted]) -> bool:
    """An item under a recap of the sitting's acts, numbered as a deliberation already written
    ("SYNTHÈSE DES VOTES" / "2022-055 Convention Tricastin – adoptée (30 pour, 3 contre)"): a
    line of the recap, not a second row of that act."""
    h = item.heading
    if h is not None and not h.number and emitted and is_recap_heading(units, item.start):
        return True  # "RÉCAPITULATIF" / "Délibérations inscrites : 13 – …" under the acts: the recap itself
    if h is None or not h.number or not any(_names(e, key(h.number), h.title or "") for e in emitted):
        return False
    return any(is_recap_heading(units, k) for k in range(lo, item.start))


def _names(e: Emitted, number: str | None, text: str) -> bool:
    """A recap's number names the deliberation: by one of its keys, or by its running number
    ("| 30 | Compte administratif 2021 | 22 | 0 | 2 |" for "(2022-030)") when the titles share a word."""
    return number in keys_of(e.numero) or number is not None and number == _running(e.numero) and \
        _shared_word(e.objet, text)


# "2022-030", "DEL 2019/014": a year, then the act's running number, which a recap may print alone
YEAR_RUNNING = re.compile(r"(?:^|\D)(?:19|20)\d\d\s*[-_/]\s*0*(\d{1,4})$")


def _running(numero: str | None) -> str | None:
    """"2022-030" -> "30"; None for a number without a year and a running number after it."""
    m = YEAR_RUNNING.search((numero or "").strip())
    return m.group(1) if m else None


def recaps(units: list[Unit], lo: int, hi: int, emitted: list[Emitted]) -> list[Restated]:
    """Each line of a recap of the sitting's acts (in units[lo:hi]) naming one deliberation written."""
    out: list[Restated] = []
    read: set[int] = set()  # lines restated under a recap's heading already ("RÉCAPITULATIF" / "Détail des votes …")
    for k in (k for k in range(lo, hi) if is_recap_heading(units, k)):
        mine = _sitting_of(emitted, k)
        if _another(units[k], mine):
            continue  # "RELEVÉ DES DÉCISIONS DU BUREAU", "… DE LA SÉANCE DU 14 MARS 2022" (the minutes approved)
        keys = {k for e in mine for k in keys_of(e.numero)}
        for j, number, vote in _vertical(units, k + 1, hi, keys) or _lines(units, k + 1, hi):
            match = [e for e in mine if _names(e, number, units[j].text) and not e.start <= j < e.end]
            if len(match) == 1 and vote.facts and _same_act(match[0], units[j]) and j not in read:
                out.append(Restated(match[0].seq, "recap", _vote_facts(vote)))
                read.add(j)
    return out


def _sitting_of(emitted: list[Emitted], k: int) -> list[Emitted]:
    """The deliberations of the sitting a line at k belongs to: the last one's before it (a
    recap at the foot), else the first one's after it (a relevé at the head)."""
    near = max((e for e in emitted if e.start < k), key=lambda e: e.start, default=None) or \
        min((e for e in emitted if e.start >= k), key=lambda e: e.start, default=None)
    return [e for e in emitted if near is not None and e.sitting == near.sitting]


def _another(heading: Unit, mine: list[Emitted]) -> bool:
    """A recap of another body or another sitting: its heading names it, or another date."""
    if any(outline.rx(p).search(heading.folded) for p in outline.data()["recap_other"]):
        return True
    date = parse_date(heading.text) if re.search(r"\d", heading.text) else None
    return date is not None and bool(mine) and all(e.sitting not in (None, date) for e in mine)


def _same_act(e: Emitted, row: Unit) -> bool:
    """A row numbered by rank ("3 – Tarifs … 16 pour") names the item of that rank only when
    they share a word of their titles: a relevé may number the deliberations alone."""
    if not e.numero or not re.fullmatch(r"\w{1,4}", key(e.numero) or ""):
        return True  # an act number ("2013-45"), a chapter's item ("3.2"), is the act's
    if re.search(r"\d\W\d", e.numero) and re.search(rf"(?<![\w-]){re.escape(e.numero.strip())}(?![\w-])", row.text):
        return True  # "⇥– 3-05 : 5 abstentions": the report's own number as printed (not "N° 12" for "1-2")
    return _shared_word(e.objet, row.text)


def _shared_word(a: str | None, b: str | None) -> bool:
    words = lambda text: {w for w in re.findall(r"[a-z]{5,}", fold(text or ""))}
    return bool(words(a) & words(b))


def _lines(units: list[Unit], start: int, hi: int):
    """(position, number key, vote) of a recap a line a row, under its header if it has one;
    it ends after MISSES lines that are no row (a running header between two rows is passed)."""
    header, missed = None, 0
    for j in range(start, min(hi, start + 80)):
        u = units[j]
        if act_table._header(u, outline.data()["act_table"]):
            header = u  # "N° | Objet | Pour | Contre | Abst."
            continue
        found = _row(u, header)
        missed = 0 if found else missed + 1
        if missed > MISSES:
            return
        if found:
            yield j, *found


def _vertical(units: list[Unit], start: int, hi: int, keys: set[str]) -> list[tuple[int, str, votes.Vote]]:
    """A recap one cell a line, as a text extraction leaves a ruled table ("N°" / "Objet" /
    "Pour" / "Contre" / "Abst." / "2018-60" / "Décision modificative n° 2" / "17" / "0" / "0"):
    a row starts at a deliberation's number, lines between rows (a running header) skipped."""
    words = outline.data()["act_table"]
    names: list[str] = []
    while start + len(names) < hi and len(names) < 8 and act_table._column(fold(units[start + len(names)].text).strip(" :"), words):
        names.append(units[start + len(names)].text)
    header = replace(units[start], text=" | ".join(names), cells=tuple(names)) if len(names) >= 3 else None
    if header is None or not act_table._header(header, words):
        return []
    out, j, skipped = [], start + len(names), 0
    while j + len(names) <= hi and skipped <= MISSES:
        if key(units[j].text) not in keys:
            j, skipped = j + 1, skipped + 1
            continue
        cells = tuple(units[j + i].text for i in range(len(names)))
        out.append((j, key(cells[0]), votes.read([header, replace(units[j], text=" | ".join(cells), cells=cells)])))
        j, skipped = j + len(names), 0
    return out


def is_recap_heading(units: list[Unit], k: int) -> bool:
    """units[k] heads a recap of the sitting's acts: "RÉCAPITULATIF DES DÉLIBÉRATIONS", or
    "RELEVÉ DES VOTES" with a row of acts under it (not "Pour 15 – Contre 2": a vote's own box)."""
    data, folded = outline.data(), units[k].folded
    if any(outline.rx(p).search(folded) for p in data["recap_heading"]):
        return True
    # "RÉCAPITULATIF" / "- Rapports inscrits : 10 ; …"
    if outline.rx(data["recap_heading_bare"]).match(folded.strip()):
        return any(outline.rx(data["recap_acts_counted"]).search(u.folded) for u in units[k + 1:k + 3])
    if not any(outline.rx(p).search(folded) for p in data["recap_heading_votes"]):
        return False
    under = units[k + 1:k + 3]
    return any(act_table._header(u, data["act_table"]) or _row(u, None) for u in under)


def _row(u: Unit, header: Unit | None) -> tuple[str, votes.Vote] | None:
    """(number key, vote) of a recap's line, None for a line opening with no number ("Le
    Président, La secrétaire de séance")."""
    cells = u.cells if header is not None and u.cells else ()
    if cells:
        number = key(cells[0])
        return (number, votes.read([header, u])) if number else None
    m = ROW_NUMBER.match(u.folded)
    if m is None or not key(m.group("num")):
        return None
    rest = replace(u, text=u.text[m.end():])  # "Adoptée (30 pour, 2 abst.)", not the act's digits
    return key(m.group("num")), votes.read([rest])


def closing(units: list[Unit], lo: int, hi: int, emitted: list[Emitted]) -> list[Restated]:
    """"L'ensemble des délibérations ayant été adoptées à l'unanimité": unanimity restated for
    every deliberation written before the sentence (in units[lo:hi]); "…, à l'exception de la
    n° 2021-33": for the others, and the one named not unanimous."""
    data = outline.data()
    for k, sentence, m in _opening_at(units, lo, hi, _all_unanimous):
        u = units[k]
        named = _excepted(sentence[m.end():])
        if named is None and any(outline.rx(p).search(sentence) for p in data["closing_except"]):
            continue  # "sauf la deuxième", "les délibérations relatives au budget": not which
        opened = max((j for j in range(lo, k) if _closes_sitting(units[j])), default=-1)
        before = [e for e in _sitting_of(emitted, k) if opened < e.start < k]  # a register: this sitting's
        if not before or len(before) < len([e for e in _sitting_of(emitted, k) if e.start > opened]):
            continue  # said before the sitting's last item: about something else
        if named and not named <= {key(e.numero) for e in before}:
            continue  # an exception naming no deliberation of the sitting
        return [Restated(e.seq, "closing", {"unanimite": Fact(key(e.numero) not in (named or ()), u.span, "closing", False)})
                for e in before]
    return []


CLOSING_NAMED = outline.rx(outline.data()["closing_named"])


def named_closing(units: list[Unit], lo: int, hi: int, emitted: list[Emitted]) -> list[Restated]:
    """"Les délibérations n° 2022-079, 2022-080 et 2022-082 ont été adoptées à l'unanimité": unanimity
    restated for the deliberations written before the sentence that it names, all of them by number."""
    for k, _, m in _opening_at(units, lo, hi, CLOSING_NAMED.search):
        named = {n for n in (key(x) for x in re.split(r"\s*(?:,|\bet\b)\s*", m.group("nums").strip())) if n}
        before = {key(e.numero): e for e in _sitting_of(emitted, k) if e.start < k}
        if named and named <= before.keys():
            return [Restated(before[n].seq, "closing", {"unanimite": Fact(True, units[k].span, "closing", False)})
                    for n in sorted(named, key=lambda n: before[n].seq)]
    return []


def _all_unanimous(text: str) -> re.Match | None:
    return next((m for p in outline.data()["closing_all"] if (m := outline.rx(p).search(text))), None)


def _opening_at(units: list[Unit], lo: int, hi: int, search) -> Iterator[tuple[int, str, re.Match]]:
    """(k, sentence, match) of each line of units[lo:hi] where a sentence `search` finds opens (its subject on the
    line), read on into the next line (wrapped past the block too)."""
    for k in range(lo, hi):
        sentence = units[k].folded + (" " + units[k + 1].folded if k + 1 < len(units) else "")
        m = search(sentence)
        if m is not None and m.start("subject") < len(units[k].folded):
            yield k, sentence, m


def _closes_sitting(u: Unit) -> bool:
    """"La séance est levée à 21 h 50.": the sitting before it is over."""
    return any(outline.rx(p).search(u.folded) for p in outline.data()["sitting_closed"])


# "…, à l'exception de la n° 2021-33", "sauf les délibérations n° 12 et 14": the acts excepted
EXCEPTED = outline.rx(outline.data()["closing_excepted"])


def _excepted(tail: str) -> set[str] | None:
    """The number keys an exception names, None when it names none by number."""
    m = EXCEPTED.match(tail)
    if m is None:
        return None
    nums = re.split(r"\s*(?:,|\bet\b)\s*", m.group("nums").strip())
    return {k for n in nums if (k := key(n))} or None


def _vote_facts(vote: votes.Vote) -> dict[str, Fact]:
    return {c: f for c, f in vote.facts.items() if c in VOTE + ("votants",) and not f.derived}


# "Adoptée à l'unanimité moins une voix", "unanimité sauf M. X": not unanimous
LESS = re.compile(r"unanimite\W+(?:moins|sauf|hormis|a\s+l'exception)")


def add_rows(doc, found: list[Restated]) -> None:
    """Rows of `restated_votes`, numbered per deliberation, with where each value was read."""
    count: dict[int, int] = {}
    for r in sorted(found, key=lambda r: r.seq):
        facts = {c: f for c, f in r.facts.items() if c in VOTE + ("votants",) and not f.derived
                 and not (c == "unanimite" and r.kind != "closing" and LESS.search(fold(f.span.text or "")))}
        if not facts:
            continue
        count[r.seq] = count.get(r.seq, 0) + 1
        span = next(iter(facts.values())).span
        row = {"doc_id": doc.doc_id, "seq": r.seq, "item": count[r.seq], "kind": r.kind,
               **{c: facts[c].value if c in facts else None for c in VOTE + ("votants",)},
               "page": span.page, "text": span.text,
               "_prov": {c: f.span for c, f in facts.items()}, "_how": {c: (f.method, False) for c, f in facts.items()}}
        doc.add("restated_votes", row)


def complete(doc, found: list[Restated]) -> None:
    """An item that says nothing of its vote ("Vote : voir tableau récapitulatif") takes it from the
    recap's row that names it ("2025-041 | BS 2025 budget principal | 62 | 9 | 4 | 0 | Adopté"): read
    there, its provenance the recap's line (method `recap`)."""
    rows = {r["seq"]: r for r in doc.records.get("deliberations", [])}
    _unanimous_said(rows, [r for r in found if r.kind == "closing" and r.seq in rows])
    recaps = [r for r in found if r.kind == "recap" and r.seq in rows]
    named = Counter(r.seq for r in recaps)
    # (a recap naming the act twice, its amendment's row and its own: which is the act's is not said)
    for r in (r for r in recaps if named[r.seq] == 1):
        row = rows[r.seq]
        if any(row.get(c) is not None for c in VOTE[:4]):
            continue
        for column, fact in r.facts.items():
            if column in VOTE and not fact.derived and row.get(column) is None:
                _fill(row, column, fact.value, fact.span, "recap")
        if row.get("unanimite") is None and (row.get("contre") or row.get("abstentions")):  # 62 / 9 / 4
            span = next(row["_prov"][c] for c in ("contre", "abstentions") if row.get(c))
            _fill(row, "unanimite", False, span, "split_vote", derived=True)


def _unanimous_said(rows: dict[int, dict], closings: list[Restated]) -> None:
    """A closing sentence says unanimous what the item left unsaid ("Les délibérations n° 2022-079, 2022-080
    et 2022-082 ont été adoptées à l'unanimité" under items whose votes only a table gives): read there."""
    for r in closings:
        fact, row = r.facts.get("unanimite"), rows[r.seq]
        if fact is not None and fact.value is True and row.get("unanimite") is None \
                and not (row.get("contre") or row.get("abstentions")):
            _fill(row, "unanimite", True, fact.span, "closing")


def _fill(row: dict, column: str, value, span, method: str, derived: bool = False) -> None:
    """A deliberation's row takes a value it left empty, with where and how it was read."""
    row[column] = value
    row["_prov"][column], row["_how"][column] = span, (method, derived)
