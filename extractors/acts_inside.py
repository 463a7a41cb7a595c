"""A second act recorded inside an item of minutes, after the item's own decision::

    1. COMPTE ADMINISTRATIF 2018 (D-2019-08)
    Vote : 28 pour (le Président … ne prend pas part au vote).
    Le compte de gestion 2018 est approuvé à l'unanimité (D-2019-09).     <- the act after D-2019-08

extractors/segment.py asks, once the items are found by their headings.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import acts_tabled
from extractors.outline import Heading, Item, number_key
from extractors.stream import Unit, fold


# "(D-2019-09)", "(délibération n° 2022-CC-118)": an act's number in brackets closing a sentence
BRACKETED_ACT = re.compile(r"\((?:(?:d[ée]lib[ée]ration|DCM|DCC)\s+)?(?:n\s*°\s*)?([A-Z]{0,6}[-_ ]?\d{2,4}(?:[-_/.]\d{1,4}){1,3})\)")


def split(units: list[Unit], evidence: list[bool], items: list[Item]) -> list[Item]:
    """A second act recorded in an item's text after the item's own decision, by a decision
    naming its number in brackets ("1. COMPTE ADMINISTRATIF 2018 (D-2019-08)" / "Vote : 28 pour." /
    "Le compte de gestion 2018 est approuvé à l'unanimité (D-2019-09)."): its own item from
    that line, when its number is the one after the item's and heads no other item (a row of a
    recap's table restates it: restated.py)."""
    headed = {fold(n) for i in items if i.row is None for n in _own_numbers(i)}
    out: list[Item] = []
    for item in items:
        own = _own_numbers(item)
        found = next(((k, m.group(1)) for k in range(item.start + 1, item.end) if evidence[k]
                      and any(evidence[item.start:k]) for m in BRACKETED_ACT.finditer(units[k].text)
                      if own and _next_act(m.group(1), own[-1]) and fold(m.group(1)) not in headed), None)
        if found is None:
            out.append(item)
            continue
        k, number = found
        out += [replace(item, end=k), Item(k, item.end, Heading(k, "act", number, None), True)]
    return out


def _own_numbers(item: Item) -> list[str]:
    """The numbers an item's heading prints: its own, the act's opening its title, and any in
    brackets in its title ("1. COMPTE ADMINISTRATIF 2018 (D-2019-08)")."""
    h = item.heading
    return acts_tabled.numbers(h) + [m.group(1) for m in BRACKETED_ACT.finditer(h.title or "")] if h else []


def _next_act(number: str, own: str) -> bool:
    """The act after the item's own, in its numbering ("D-2019-09" after "D-2019-08"): not an
    earlier act the decision abrogates or amends ("d'abroger la délibération du 12 juin 2022 (n°
    2022-31)")."""
    same = re.sub(r"\d", "9", fold(number)) == re.sub(r"\d", "9", fold(own))
    return same and number_key(number) == (number_key(own) or -2) + 1 and \
        re.sub(r"\d+$", "", number) == re.sub(r"\d+$", "", own)
