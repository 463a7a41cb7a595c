"""The vocabulary of a sitting (extractors/patterns/sitting.json), compiled once.

Patterns are data: each is a regex on folded text in which `{members}`, `{month}`…
stand for a family of words (`words` in the pattern file)::

    "(?:{number_of})?(?:{members}\\\\s+)?en\\\\s+exercice"
        matches "nombre de conseillers municipaux en exercice", "delegues en exercice",
        "en exercice", "elus en exercice", …

`labels(group)` finds every label of a group ("counts", "lists", "fields") in a text,
the longest where two overlap; the other helpers give one compiled pattern by name.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).parent / "patterns" / "sitting.json"


@lru_cache(maxsize=None)
def data() -> dict:
    return json.loads(PATTERNS.read_text(encoding="utf-8"))


def expand(pattern: str) -> str:
    """`{name}` -> the word family `name` (families may use other families)."""
    words = data()["words"]
    for _ in range(3):
        pattern = re.sub(r"\{(\w+)\}", lambda m: words.get(m.group(1), m.group(0)), pattern)
    return pattern


@lru_cache(maxsize=None)
def rx(pattern: str, bounded: bool = False) -> re.Pattern:
    """A compiled pattern; `bounded` adds word boundaries on both ends."""
    text = expand(pattern)
    return re.compile(rf"(?<![\w'])(?:{text})(?![\w])" if bounded else text)


def get(*path: str):
    """An entry of the pattern file: `get("counts", "pour")`, `get("max_count")`."""
    value = data()
    for key in path:
        value = value[key]
    return value


def first(key: str, text: str) -> re.Match | None:
    """The first match of any pattern listed under `key` (a string or a list)."""
    entry = get(*key.split("."))
    for pattern in [entry] if isinstance(entry, str) else entry:
        m = rx(pattern).search(text)
        if m:
            return m
    return None


@dataclass(frozen=True)
class Label:
    """A label found in folded text: its column (or list kind, or field) and where."""

    name: str
    start: int
    end: int


@lru_cache(maxsize=None)
def _compiled(group: str) -> tuple[tuple[str, re.Pattern], ...]:
    entries = get(group)
    return tuple((name, rx(p, bounded=True)) for name, patterns in entries.items()
                 if not name.startswith("_doc") for p in patterns)


def labels(group: str, folded: str) -> list[Label]:
    """Every label of `group` in `folded`, left to right; where two overlap, the longer
    ("nombre de conseillers en exercice" over "conseillers" … "exercice")."""
    found = [Label(name, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
             for name, pattern in _compiled(group) for m in pattern.finditer(folded) if m.group(0).strip()]
    found.sort(key=lambda lb: (lb.start, -(lb.end - lb.start)))
    out: list[Label] = []
    for lb in sorted(found, key=lambda lb: -(lb.end - lb.start)):
        if all(lb.end <= o.start or lb.start >= o.end for o in out):
            out.append(lb)
    return sorted(out, key=lambda lb: lb.start)


def list_label_at_start(folded: str) -> tuple[Label, re.Match] | None:
    """A list's label and its end (`list_end`: a colon, a dash, the line's end) opening a folded line,
    whatever follows ("Excusé·e·s : Aucun"); read by extractors/list_labels.py and, for a label cut
    at a line's end, by extractors/stream.py (which list_labels imports)."""
    label = label_at_start("lists", folded)
    end = re.match(get("list_end"), folded[label.end:]) if label else None
    return (label, end) if end else None


def label_at_start(group: str, folded: str) -> Label | None:
    """The label of `group` that opens `folded` (after a bullet), if any."""
    lead = len(folded) - len(re.sub(r"^[\s\-–•*·>]+", "", folded))
    # a label starting at `lead` comes from a match starting at or before it: most lines have
    # none, told by anchored matches without scanning the whole line for every pattern
    if not any(pattern.match(folded, at) for _, pattern in _compiled(group) for at in range(lead + 1)):
        return None
    found = [lb for lb in labels(group, folded) if lb.start == lead]
    return found[0] if found else None
