"""Headings that are no items: lines that list titles rather than head the acts that decide them::

    ORDRE DU JOUR                                        an agenda: three titles or more in a row,
    1. Budget primitif 2024 / 2. Tarifs / 3. Subventions   no decision between them (`untight`)
    Délibération n° 2023-140 – Compte rendu des marchés   an act over a listing of its own,
    N° MP2023-014   Travaux de voirie … – 45 200 € HT      in another numbering (`listed_under`)

read by extractors/segment.py on each family's candidate headings.
"""
from __future__ import annotations

from extractors.outline import Heading, number_key

TIGHT = 2  # headings at most this many units apart, three or more in a row: a list of titles


def listed_under(hs: list[Heading], decided: list[int]) -> list[Heading]:
    """`hs` less a listing under an act, its lines in a row in a numbering of their own, none deciding: "Délibération
    n° 2023-140 – Compte rendu des marchés …" / "Le Maire rend compte …" / "N° MP2023-014   Travaux de voirie … –
    45 200 € HT" / "N° MP2023-015 …" (contracts, not acts)."""
    drop: set[int] = set()
    for i, h in enumerate(hs):
        run = [h]
        while i + len(run) < len(hs) and hs[i + len(run)].unit == run[-1].unit + 1 and hs[i + len(run)].style == h.style:
            run.append(hs[i + len(run)])
        above = hs[i - 1] if i else None
        if len(run) >= 2 and above is not None and above.style != h.style and h.unit - above.unit <= TIGHT \
                and not any(above.unit <= k <= run[-1].unit for k in decided):
            drop |= {r.unit for r in run}
    return [h for h in hs if h.unit not in drop]


def untight(hs: list[Heading], decided: list[int], shared: list[int] = (),
            tabled: set[int] = frozenset()) -> list[Heading]:
    """Drop runs of three or more headings each at most TIGHT units from the next with no
    decision between them: an agenda, a table of contents, a closing recap (not the items
    a vote right under them covers together: "Les points 3 à 5 sont adoptés …", nor items
    whose votes a table further on gives, `_tabled`)."""
    keep, i = [], 0
    while i < len(hs):
        j = i
        while j + 1 < len(hs) and hs[j + 1].unit - hs[j].unit <= TIGHT:
            j += 1
        nxt = hs[j + 1].unit if j + 1 < len(hs) else float("inf")
        listed = j - i + 1 >= 3 and not any(hs[i].unit < k < hs[j].unit for k in decided) \
            and not any(hs[j].unit < k < nxt for k in shared) and not all(h.unit in tabled for h in hs[i:j + 1]) \
            and not numbering_goes_on(hs[i:j + 2])
        if not listed:
            keep += hs[i:j + 1]
        elif hs[j].style != hs[i].style:  # a listing is written in one numbering: "N° 2014-3 : …" /
            keep.append(hs[j])  # "N° 2014-4 : …" (decisions under delegation) over "78/2014 – Vente …"
        i = j + 1
    return keep


def numbering_goes_on(hs: list[Heading]) -> bool:
    """Short items in a row whose numbering goes on into the next heading ("1. SECRÉTAIRE DE
    SÉANCE" / "2. PROCÈS-VERBAL …" / "3. DÉBAT D'ORIENTATION …" / … / "4. BUDGET …"): the
    sitting's first items, not an agenda (whose numbering starts again at the first item)."""
    keys = [number_key(h.number) for h in hs]
    return len(keys) >= 4 and None not in keys and all(b == a + 1 for a, b in zip(keys, keys[1:]))
