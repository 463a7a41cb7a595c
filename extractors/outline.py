"""The outline of a document as segmentation finds it: blocks (an extract, the minutes of
a sitting), their items and the headings that open them, with the patterns of
`patterns/segments.json` they are found by (`data`, `rx`) and the number that orders
items ("12" -> 12, "IV" -> 4, "2018-24" -> 24).

Kept apart from `segment.py` (which finds them) so that the reader of votes taken
together (`together.py`) and the deliberation builder share them without a cycle.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractors import act_table, lexicon

PATTERNS = Path(__file__).parent / "patterns" / "segments.json"


@lru_cache(maxsize=None)
def data() -> dict:
    return json.loads(PATTERNS.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern:
    return re.compile(lexicon.expand(pattern))


@dataclass
class Heading:
    unit: int
    family: str
    number: str | None
    title: str | None
    style: int = 0  # which pattern of the family: "3 - Titre" and "3° De …" are two numberings
    rank: str | None = None  # the item's rank when its number is the act's ("Point n° 3" / "… n° 2024-023")


@dataclass
class Item:
    start: int
    end: int
    heading: Heading | None
    evidence: bool
    row: act_table.Row | None = None  # a row of a table of acts, read under the table's header
    shared: int | None = None  # the unit of a vote it shares ("Les points 3 à 5 sont adoptés …")


@dataclass
class Block:
    start: int
    end: int
    header_end: int
    items: list[Item] = field(default_factory=list)


def number_key(number: str | None) -> int | None:
    """The number that orders items: "12" -> 12, "IV" -> 4, "2018-24" -> 24."""
    if not number:
        return None
    if number.isdigit():
        return int(number)
    low = number.lower()
    if not re.fullmatch(r"[ivxl]+", low):
        digits = re.findall(r"\d+", number)
        return int(digits[-1]) if digits else None
    values, total = {"i": 1, "v": 5, "x": 10, "l": 50}, 0
    for a, b in zip(low, low[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total
