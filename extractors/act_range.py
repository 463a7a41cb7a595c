"""A range of acts printed as one item, voted by one vote, each act its own deliberation::

    2023-615 à 2023-619  Aides à la pierre – conventions d'objectifs …   Vote unique / Unanimité
    Rapport n° 4 à 7 – Subventions aux associations – exercice 2018   (the singular: "Rapports …" is no heading)
    2022-103 à | Fonds de concours aux communes … | 41 | 0 | 0        (the number cell wrapped:
    2022-106   | Mirepeix, Boeil-Bezing …          |    |   |          "2022-106" on the next line)

`at_start` finds the range opening a heading's line (the heading is read on its first number,
`blank_last` hiding the rest), `expand` gives the acts it covers: "2023-615 à 2023-619" ->
2023-615, …, 2023-619; "4 à 7" -> 4, 5, 6, 7. Only a range whose two ends share their
prefix and count up by 30 at most; any other is kept as printed, one deliberation.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.stream import Unit

END = r"[a-z]{0,6}[-_./ ]?\d[\w./-]*"
# "2023-615 à 2023-619 …", "Rapport n° 4 à 7 – …" (folded text)
AT_START = re.compile(rf"^(?:\W*(?:(?:rapports?|points?|deliberations?|actes?|dossiers?|affaires?|questions?|"
                      rf"decisions?)\s+)?(?:n\s*[°o]s?\.?\s*)?)(?P<first>{END})(?P<rest>\s+a\s+(?P<last>{END}))"
                      rf"(?=\s|$)")
TAIL = re.compile(r"^(?P<prefix>.*?)(?P<digits>\d+)$")
WIDEST = 30  # acts a range may cover


def at_start(folded: str) -> re.Match | None:
    """The range opening a line, when it expands ("2023-615 a 2023-619 aides …")."""
    m = AT_START.match(folded)
    return m if m and len(expand(f"{m.group('first')} à {m.group('last')}")) > 1 else None


def blank_last(u: Unit, m: re.Match) -> Unit:
    """The line with " à 2023-619" made spaces (same length): a heading read on its first number."""
    start, end = m.start("rest"), m.end("rest")
    return replace(u, text=u.text[:start] + " " * (end - start) + u.text[end:])


def printed(u: Unit, m: re.Match) -> str:
    """The range as printed: "2023-615 à 2023-619"."""
    return re.sub(r"\s+", " ", u.text[m.start("first"):m.end("last")])


def expand(number: str | None) -> list[str]:
    """The acts a printed range covers, in order; [number] when it is no range to expand."""
    parts = re.split(r"\s+(?:à|a|au)\s+", number.strip()) if number else []
    if len(parts) != 2:
        return [number] if number else []
    first, last = (TAIL.match(p.strip()) for p in parts)
    if not first or not last or last["prefix"] not in ("", first["prefix"]):
        return [number]
    a, b = int(first["digits"]), int(last["digits"])
    if not 0 < b - a <= WIDEST:
        return [number]
    width = len(first["digits"]) if first["digits"].startswith("0") else 0
    return [f"{first['prefix']}{n:0{width}d}" for n in range(a, b + 1)]


def open_end(number: str | None) -> bool:
    """A number cell cut after its "à" ("2022-103 à"), the range's end on the next line."""
    return bool(number) and bool(re.search(r"\d[\w./-]*\s+(?:à|a|au)$", number.strip()))
