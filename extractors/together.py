"""Items voted together: one line carries the vote of several items.

    Point n° 3 – Tarifs de la cantine
    Point n° 4 – Tarifs de la garderie
    Point n° 5 – Tarifs du centre de loisirs
    Les points 3 à 5 sont adoptés à l'unanimité, à l'exception du point 4, adopté par
    14 voix pour et 3 voix contre.

`lines` finds such lines, `ranges` the numbers each covers (3 to 5; "Ces trois
délibérations …": the three headings right above), `share` gives each item covered the
line's vote unless it records its own, and `shared_unit` the part of the line that is
the item's (the clause after "à l'exception du point 4" for item 4).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.outline import Heading, Item, data, number_key, rx
from extractors.stream import Unit, fold


def ranges(units: list[Unit], shared: list[int], found: dict[str, list[Heading]]) -> dict[int, tuple[int, int]]:
    """The lines that vote several items at once, with the range of numbers they cover
    ("Les points 3 à 5 sont adoptés à l'unanimité" -> (3, 5); "Ces trois délibérations sont
    adoptées …" -> the three headings right above it); `shared`: the lines of `_votes_together`."""
    out = {}
    for k in shared:
        if any(rx(p).search(units[k].folded) for p in data()["not_evidence"]):
            continue  # "Considérant que les deux délibérations … ont été approuvées": no vote here
        m = rx(data()["together"]["range"]).search(units[k].folded)
        first, last = (number_key(m.group("first")), number_key(m.group("last"))) if m else (None, None)
        counted = rx(data()["together_counted"]).search(units[k].folded)
        if counted:
            n = counted.group("n")
            first, last = _last_ones(found, k, int(n) if n.isdigit() else SMALL_NUMBERS.index(n) + 2)
        if first is not None and last is not None and first < last <= first + 50:
            out[k] = (first, last)
    return out


SMALL_NUMBERS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"]


def lines(units: list[Unit], start: int, end: int) -> list[int]:
    """Lines of either kind of vote taken together, before their ranges are known."""
    return [k for k in range(start, end) if rx(data()["together"]["range"]).search(units[k].folded)
            or rx(data()["together_counted"]).search(units[k].folded)]


def _last_ones(found: dict[str, list[Heading]], k: int, n: int) -> tuple[int | None, int | None]:
    """The numbers of the n headings of one family right above line k."""
    for family in ("act", "numbered"):
        above = [h for h in found.get(family, []) if h.unit < k][-n:]
        numbers = [number_key(h.number) for h in above]
        if len(above) == n and None not in numbers and k - above[0].unit <= 4 * n:
            return numbers[0], numbers[-1]
    return None, None


def covering(h: Heading, lines: dict[int, tuple[int, int]]) -> int | None:
    """The line after a heading that votes its item with others ("Les points 3 à 5 …"): by
    its rank, or by its act number ("Les délibérations n° B-2022-0412 à B-2022-0418 …")."""
    numbers = [n for n in (number_key(h.rank), number_key(h.number)) if n is not None]
    return next((k for k, (a, b) in lines.items() if k > h.unit and any(a <= n <= b for n in numbers)), None)


def decided(evidence: list[bool], found: dict[str, list[Heading]], lines: dict[int, tuple[int, int]]) -> list[bool]:
    """Decisions as the items count them: a heading voted with others counts as decided."""
    if not lines:
        return evidence
    out = list(evidence)
    for h in (h for hs in found.values() for h in hs):
        if covering(h, lines) is not None:
            out[h.unit] = True
    return out


def share(units: list[Unit], item: Item, lines: dict[int, tuple[int, int]], evidence: list[bool]) -> Item:
    """An item voted together with others ("Point n° 3 …" / "Point n° 4 …" / "Point n° 5 …"
    / "Les points 3 à 5 sont adoptés à l'unanimité") takes that line's vote, unless it
    records its own."""
    k = covering(item.heading, lines) if item.heading and lines else None
    if k is None or any(evidence[item.start:min(k, item.end)]):
        return item
    return replace(item, evidence=True, shared=_exception(units, k, item.heading) or k, end=min(k, item.end))


def _exception(units: list[Unit], k: int, h: Heading) -> int | None:
    """ "… sont adoptées à l'unanimité, à l'exception de :" / "- la délibération n° B-2022-0415,
    adoptée par 29 voix pour et 4 voix contre ;": the line under the shared vote naming this item."""
    m = EXCEPT.search(units[k].folded)
    if not m or m.end() < len(units[k].folded.rstrip(" :")):
        return None  # no exception, or one said on the line itself (`shared_unit`)
    return next((j for j in range(k + 1, min(k + 7, len(units))) if _named_in(units[j].folded, h)), None)


# "… adoptés à l'unanimité, à l'exception du point 4, adopté par 14 voix pour et 3 voix contre"
EXCEPT = re.compile(r"[,;]?\s*(?:a\s+l'exception\s+d(?:e|u|es)\b|sauf\b|excepte\b|hormis\b)")
ITEM_WORD = r"(?:points?|rapports?|questions?|affaires?|dossiers?|deliberations?)\s+(?:n\s*[°o]s?\.?\s*)?"


def _named_in(folded: str, h: Heading) -> bool:
    """The text names the item: its act number as printed, or its rank after an item's word."""
    for key in (fold(n) for n in (h.number, h.rank) if n):
        if len(key) >= 4 and key in folded:
            return True
        if key.isdigit() and re.search(rf"\b{ITEM_WORD}(?:\d+\s*(?:,|et)\s*)*{key}\b", folded):
            return True
    return False


def shared_unit(units: list[Unit], item: Item) -> Unit:
    """The part of a shared vote that is this item's: "Les points 3 à 5 sont adoptés à
    l'unanimité, à l'exception du point 4, adopté par 14 voix pour et 3 voix contre" is
    unanimity for 3 and 5, the clause after the exception for 4."""
    u = units[item.shared]
    m = EXCEPT.search(u.folded)
    if not m or not item.heading or not u.folded[m.end():].strip(" :"):
        return u
    named = _named_in(u.folded[m.end():], item.heading)
    return replace(u, text=u.text[m.end():] if named else u.text[:m.start()])
