"""A table of acts inside minutes, and the items above it (extractors/segment.py asks)::

    N° délibération | Rapport | Objet | Décision              a relevé printed as a table: a row, an item
    2021.115.CP | 5 | Collèges – Dotations … | Adopté – 25 voix pour, 6 voix contre
    2025-301 - Compte financier unique 2024                   items headed by their act's number,
    …                                                           no vote printed under them,
    TABLEAU DES VOTES / 2025-301  97  71  18  8  1              their votes in a table at the end
    RECAPITULATIF DES DELIBERATIONS / 2009-031 …  18 0 0        a recap of items voted above: no more rows

The table's rows are read by extractors/act_table.py; this module decides what they are to
the items found by their headings.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import act_table
from extractors.outline import Heading, Item, act_at_start, number_at_end
from extractors.stream import Unit, fold


def with_table(rows: list[act_table.Row], items: list[Item], evidence: list[bool], units: list[Unit] = ()) -> list[Item]:
    """A table of acts (its `rows`, act_table.rows) gives one item a row; items found by headings
    keep their place outside it (the minutes approved above the relevé, cut where the table starts)."""
    if not rows:
        return items
    voted = _votes_at_end(rows, items, {id(i) for i in items if _sees_table(units[i.start:i.end])} if units else set())
    if voted:
        return voted
    if _recap(rows, items):  # the last item ends where the summary starts
        return [replace(i, end=min(i.end, rows[0].head)) for i in items]
    first, last = rows[0].head, rows[-1].end
    table = [Item(r.start, r.end, Heading(r.start, "act", r.number, r.title), True, r) for r in rows]
    before = [replace(i, end=min(i.end, first)) for i in items  # a numbered item, not the header's title
              if i.heading and i.heading.number and i.start < first and any(evidence[i.start:min(i.end, first)])]
    after = [i for i in items if i.heading and i.start >= last and i.evidence]
    return before + table + after


# an item whose vote is said to be in the table: "Adoptée (voir tableau des votes).", "(cf. tableau
# annexé)", "Le vote figure au tableau récapitulatif"
SEE_TABLE = re.compile(r"\b(?:voir|cf\.?|se\s+reporter\s+au|figurant\s+(?:au|dans\s+le)|figure\s+(?:au|dans\s+le)"
                       r"|report[ee]e?s?\s+(?:au|dans\s+le))\s+(?:le\s+)?tableau\b")


def _sees_table(units: list[Unit]) -> bool:
    return any(SEE_TABLE.search(u.folded) for u in units)


def _votes_at_end(rows: list[act_table.Row], items: list[Item], see: set[int] = frozenset()) -> list[Item] | None:
    """Items headed by their act's number that print no vote, and a table after them naming
    those numbers ("Les votes sont retranscrits dans le tableau annexé" … "TABLEAU DES VOTES" /
    "2025-301  97  71  18  8  1"): each such item takes its row's vote; the table is no more
    deliberations. Every numbered row must name an item above it."""
    heads = {fold(n): i for i in items if i.heading and i.start < rows[0].head for n in numbers(i.heading)}
    named = {fold(r.number): r for r in rows if r.number and fold(r.number) in heads}
    if len(named) < 2 or len(named) < sum(bool(r.number) for r in rows) \
            or all(heads[n].evidence and id(heads[n]) not in see for n in named):
        return None
    out = []
    for i in items:
        if i.start >= rows[0].head:
            continue
        row = next((named[fold(n)] for n in numbers(i.heading) if fold(n) in named), None) if i.heading else None
        # an item's own vote stays its own, unless it says its figures are in the table ("Adoptée (voir tableau)")
        mine = row if row is not None and (not i.evidence or id(i) in see) else None
        out.append(replace(i, end=min(i.end, rows[0].head), row=mine, evidence=i.evidence or mine is not None))
    return out


def _recap(rows: list[act_table.Row], items: list[Item]) -> bool:
    """A table of acts under the items that already record them ("RECAPITULATIF DES
    DELIBERATIONS DE LA SEANCE" / "2009-031  Affectation du résultat 2008  18  0  0"): a
    summary of the sitting, not more deliberations."""
    above = {fold(n) for i in items if i.heading and i.evidence and i.start < rows[0].head for n in numbers(i.heading)}
    return bool(above) and all(r.number and fold(r.number) in above for r in rows)


def numbers(h: Heading) -> list[str]:
    """An item heading's number and the act number its title opens with ("2°) Délibération
    2009-031 : AFFECTATION DU RESULTAT 2008") or closes with ("2. Port de plaisance – tarifs 2009
    (2008/42)")."""
    act = act_at_start(h.title) if h.title else None
    closing = number_at_end(h.title) if h.title and not act else None  # "2. Port de plaisance – tarifs 2009 (2008/42)"
    return [n for n in (h.number, act[0] if act else None, closing) if n]


def tabled(rows: list[act_table.Row], acts: list[Heading]) -> set[int]:
    """Act headings with no vote under them whose votes are in a table of acts further on
    ("2025-306 - Aménagement …" / "2025-307 - …" / "2025-308 - …" / … / "TABLEAU DES VOTES" /
    "2025-306  98  70  19  8  -"): each heading's number printed once as a heading, once in a row."""
    if len(acts) <= 2:
        return set()
    named = {fold(r.number) for r in rows if r.number}
    heads = [fold(h.number) for h in acts if h.number]
    return {h.unit for h in acts if h.number and fold(h.number) in named and heads.count(fold(h.number)) == 1
            and all(h.unit < r.head for r in rows)}
