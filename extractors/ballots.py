"""The figures of a ballot, printed as a block of counts around its suffrages exprimés::

    Résultats du premier tour :
      - nombre de votants ........................... 25
      - bulletins blancs ou nuls .................... 2
      - suffrages exprimés .......................... 24
      - majorité absolue ............................ 13
      Mme Manon PAYOT : 21 voix
      M. Sébastien CHARLET : 3 voix

or on one line ("Premier tour : votants 29 ; blancs et nuls 4 ; suffrages exprimés 25 ; majorité
absolue 13."), or a public ballot's "Nombre de votants … 43 / Suffrages exprimés … 43 / Pour … 33 /
Contre … 8". A ballot is read only where the document prints its suffrages exprimés, each other figure
the nearest of its kind in the ballot's block (the lines next to it, up to REACH away, that print a ballot's
figure: not the sitting's counts, nor a vote a line of prose away; the votants at or above it, the sides at or
below it) and nearer to it than to another ballot's (two rounds, two elections); the voices of the
candidates or lists are those of the lines right under the block ("Ont obtenu : M. X, 21 voix ; Mme Y, 4
voix.", "Liste « … » …… 41 voix - 4 sièges"), not a line saying who is elected ("… est élue avec 21 voix").
The labels are data (patterns/sitting.json, counts: `_exprimes`, `_blancs`, `_majorite`); checks/ballots.py
compares the figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors import counts
from extractors.count_text import Count
from extractors.stream import Unit, fold
from schemas import Span

READ = ("votants", "_blancs", "_exprimes", "_majorite", "pour", "contre", "abstentions")
COLUMN = {"votants": "votants", "_blancs": "blancs_nuls", "_exprimes": "exprimes", "_majorite": "majorite_absolue",
          "pour": "pour", "contre": "contre", "abstentions": "abstentions"}
COLUMNS = ("votants", "blancs_nuls", "exprimes", "majorite_absolue", "pour", "contre", "abstentions", "voix")
REACH = 3  # lines between a ballot's suffrages exprimés and its other figures
# "Mme Manon PAYOT : 21 voix", "M. Jean-Michel BOYER, 21 voix ;", "Liste « Limoges Ensemble » ….. 41 voix - 4 sièges"
VOICES = re.compile(r"(?<![\d,.])(\d{1,5})\s+(?:voix|suffrages)\b(?!\s+(?:pour|contre|exprim))")
ELECTED = re.compile(r"\b(?:elue?s?|proclamee?s?|designee?s?|majorite\s+absolue|bulletins?|blancs?\s+(?:ou|et)\s+nuls?"
                     r"|nuls|votants?|exprimes?)\b")


@dataclass
class Ballot:
    """One ballot's figures (columns of `ballots`), each with the line it was read on."""

    values: dict[str, int] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    candidates: int = 0
    lists: bool = False  # every voice printed is a list's ("Liste « … » … 41 voix"): one ballot, one list


def read(units: list[Unit]) -> list[Ballot]:
    """Each ballot of the units, in order (none where no suffrages exprimés are printed)."""
    if not any("exprim" in u.folded for u in units):
        return []
    found = [c for c in counts.read(units, READ) if c.column != "_blancs"] + _spoilt(units)
    expressed = [c for c in found if c.column == "_exprimes"]
    return [_ballot(units, found, e, expressed) for e in expressed]


def _spoilt(units: list[Unit]) -> list[Count]:
    """Blank and spoilt ballots, a line at a time: "c. Nombre de suffrages déclarés nuls par le bureau : 1" / "d.
    Nombre de suffrages blancs : 2" (read together, the second label would be taken for the first's repeated);
    the method says which ("blancs", "nuls", "blancs nuls")."""
    out = []
    for k, u in enumerate(units):
        for m in SPOILT.finditer(u.folded):
            kinds = " ".join(sorted({w.rstrip("s") for w in re.findall(r"blancs?|nuls?", m.group("label"))}))
            out.append(Count("_blancs", int(m.group("n")), k, kinds))
    return out


# "Bulletins blancs ou nuls …… 2", "Suffrages blancs : 3", "Nombre de suffrages déclarés nuls par le bureau : 1",
# "blancs et nuls 4"
# (not a candidate's name: "Mme Odile BLANC : 12 voix", "M. Jean-Marc BLANC-GONNET : 15 voix")
SPOILT = re.compile(r"(?<![-\w])(?P<label>blancs?(?:\s+(?:ou|et)\s+nuls?)?|nuls?)\b(?!-)"
                    r"(?:[^\d:;–()]{0,40}(?:\([^()]{0,60}\))?\s*[:=]|[\s.…]*)"
                    r"\s*(?P<n>\d{1,4})\b(?!\s*(?:voix|suffrages))")


def _ballot(units: list[Unit], found: list[Count], e: Count, expressed: list[Count]) -> Ballot:
    """The figures nearest to this suffrages exprimés in its block (of each kind; blancs and nuls printed apart,
    summed): the votants at or above it, the sides at or below it."""
    ballot = Ballot()
    block = _block(units, found, e)
    mine = [c for c in found if c is not e and c.unit in block and _placed(c, e, units)
            and min(expressed, key=lambda x: (abs(x.unit - c.unit), x is not e)) is e]
    for c in sorted(mine, key=lambda c: abs(c.unit - e.unit)):
        if c.column != "_blancs" and COLUMN[c.column] not in ballot.values:
            ballot.values[COLUMN[c.column]], ballot.spans[COLUMN[c.column]] = c.value, units[c.unit].span
    _spoilt_sum(ballot, units, [c for c in mine if c.column == "_blancs"])
    ballot.values["exprimes"], ballot.spans["exprimes"] = e.value, units[e.unit].span
    last = max([e.unit] + [c.unit for c in mine if c.unit > e.unit])
    _voices(ballot, units, last + 1)
    return ballot


# a line of its own over the voices, no figure in it: "Ont obtenu :", "Ont obtenu (au premier tour) :"
INTRO = re.compile(r"^\W*(?:ont|a)\s+obtenu\b[^\d:]{0,40}:\s*$")
SITTING_LINE = re.compile(r"\b(?:presents?|pouvoirs?|procurations?|representes?|en\s+exercice)\b")
WEIGHTED_LINE = re.compile(r"\bvoix\b")


def _block(units: list[Unit], found: list[Count], e: Count) -> set[int]:
    """The lines of the ballot around its suffrages exprimés: those next to it, up to REACH away, that print a
    figure of a ballot (not the sitting's counts, "Présents : 14 – Pouvoirs : 1 – Votants : 15"); a line of prose
    between ends it ("… (votants : 27 ; … exprimés : 24), a démissionné" / "Elle propose …" / "Pour : 25 …")."""
    counted = {c.unit for c in found if not SITTING_LINE.search(units[c.unit].folded)}
    block = {e.unit}
    for step in (-1, 1):
        k = e.unit + step
        while 0 <= k < len(units) and abs(k - e.unit) <= REACH and k in counted:
            block.add(k)
            k += step
    return block


def _placed(c: Count, e: Count, units: list[Unit]) -> bool:
    """The votants and the spoilt ballots at or above the suffrages exprimés (in delegates, not in voices: "20
    délégués représentant 79 voix"), the sides at or below them, the majority said absolute."""
    folded = units[c.unit].folded
    if c.column == "votants":
        return c.unit <= e.unit and not WEIGHTED_LINE.search(folded)
    if c.column in ("pour", "contre", "abstentions"):
        return c.unit >= e.unit
    return "absolue" in folded if c.column == "_majorite" else True


def _spoilt_sum(ballot: Ballot, units: list[Unit], spoilt: list[Count]) -> None:
    """Blank and spoilt ballots summed ("Bulletins blancs : 3" / "Bulletins nuls : 0"), only where both are
    accounted for: "Suffrages blancs : 2" alone leaves the spoilt ones unsaid, the sum unknown."""
    both = [c for c in spoilt if c.method == "blanc nul"]  # "blancs et nuls : 3 (blancs : 2 ; nuls : 1)": the total
    spoilt = both[:1] or spoilt
    kinds = {k for c in spoilt for k in c.method.split()}
    if kinds >= {"blanc", "nul"}:
        ballot.values["blancs_nuls"] = sum(c.value for c in {(c.unit, c.value, c.method): c for c in spoilt}.values())
        ballot.spans["blancs_nuls"] = units[min(c.unit for c in spoilt)].span


def _voices(ballot: Ballot, units: list[Unit], k: int) -> None:
    """The voices of the candidates or lists on the lines right under the block, summed; past a line that
    introduces them ("Ont obtenu :" / "M. Pierre FAURE : 12 voix")."""
    total, lines, listed = 0, 0, True
    if k < len(units) and INTRO.match(units[k].folded):
        k += 1
    while k < len(units) and lines < 12:
        folded = fold(units[k].text)
        said = VOICES.findall(folded)
        if not said or ELECTED.search(folded):
            break
        total += sum(int(n) for n in said)
        ballot.candidates += len(said)
        listed = listed and folded.count("liste") >= len(said)
        ballot.spans.setdefault("voix", units[k].span)
        k, lines = k + 1, lines + 1
    if ballot.candidates:
        ballot.values["voix"], ballot.lists = total, listed


def add_rows(doc, seq: int, ballots: list[Ballot]) -> None:
    """Rows of `ballots` for one deliberation, numbered, with where each value was read."""
    for item, b in enumerate(ballots, 1):
        span = b.spans["exprimes"]
        row = {"doc_id": doc.doc_id, "seq": seq, "item": item,
               **{c: b.values.get(c) for c in COLUMNS}, "candidats": b.candidates or None,
               "scrutin_de_liste": b.lists if b.candidates else None,
               "page": span.page, "text": span.text,
               "_prov": dict(b.spans), "_how": {c: ("ballot", False) for c in b.spans}}
        doc.add("ballots", row)

