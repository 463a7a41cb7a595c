"""Members' names as deliberations list them: civilities, lists, proxies, substitutes.

Lists read here (extractors/patterns/deliberation.json holds the phrasings)::

    Didier ACHALME, Djuwan ARMANDET, Emmanuel FURNAL (en remplacement de Thierry MATHIEU), …
    Gilles AMAT pouvoir à Denis DELPIROU, Vivien BATIFOULIER pouvoir à Karine BATIFOULIER, …
    Mme Claire ANDRIEUX (pouvoir à M. Denis DELPIROU) ; M. Luc LESCURE a donné pouvoir à …

All matching is done on *folded* text (lower case, no accents, straight
apostrophes) whose characters line up one to one with the original, so a match
found in the folded text is sliced out of the original with its accents and case.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATTERNS_DIR = Path(__file__).parent / "patterns"


@lru_cache(maxsize=None)
def patterns(name: str = "deliberation") -> dict:
    """The JSON pattern file `extractors/patterns/<name>.json` (read once)."""
    return json.loads((PATTERNS_DIR / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _fold_char(c: str) -> str:
    if c in "\u2019\u2018\u02bc`´":
        return "'"
    if c in "\u2013\u2014\u2012\u2212":  # en/em dashes and minus: one kind of dash
        return "–"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base[0] if base else c


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``"Étaient présents :"`` -> ``"etaient presents :"``, same length as `text`."""
    return "".join(_fold_char(c) for c in text)


# --- names ------------------------------------------------------------------

@dataclass
class Member:
    """One entry of a list: a name, and what its parenthesis or phrase says."""

    name: str
    start: int  # offsets of the entry in the list text (for provenance)
    end: int
    holder: str | None = None  # "X pouvoir à Y" -> Y
    substitute_for: str | None = None  # "X (en remplacement de Y)" -> Y


@lru_cache(maxsize=None)
def _civility_rx() -> re.Pattern:
    civ = "|".join(patterns()["civilities"])
    return re.compile(rf"^(?:(?:{civ})\s*)+(?=\S)")


def clean_name(text: str) -> str:
    """``"Monsieur Didier ACHALME"`` -> ``"Didier ACHALME"``; ``"LAMBERT- DELHOMME"`` rejoined."""
    text = re.sub(r"\s+", " ", text).strip(" .:;,\t")
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a hyphenated name cut at a line end
    m = _civility_rx().match(fold(text))
    if m:
        text = text[m.end():]
    return text.strip(" .:;,")


def looks_like_name(text: str) -> bool:
    """At least one letter, not a sentence: a name has few words."""
    return bool(re.search(r"[^\W\d_]", text)) and len(text.split()) <= 8


def split_entries(text: str) -> list[tuple[int, int]]:
    """(start, end) of each entry of a list, split on , ; and " et " outside parentheses."""
    sep = rx(patterns()["name_separators"])
    folded, out, start, depth, i = fold(text), [], 0, 0, 0
    while i < len(text):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        m = sep.match(folded, i) if depth == 0 else None
        if m and m.end() > i:
            out.append((start, i))
            start = i = m.end()
            continue
        i += 1
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip(" .")]


@lru_cache(maxsize=None)
def _phrase_rx(key: str) -> re.Pattern:
    return re.compile(r"\s*\(?\s*\b(?:" + "|".join(patterns()[key]) + r")\b\s*")


def parse_entry(text: str, start: int = 0) -> Member | None:
    """``"Gilles AMAT pouvoir à Denis DELPIROU"`` -> Member("Gilles AMAT", holder="Denis DELPIROU")."""
    entry = text.strip()
    offset = start + text.index(entry[:1]) if entry else start
    folded = fold(entry)
    holder = substitute = None
    for key in ("proxy_phrases", "substitute_phrases"):
        m = _phrase_rx(key).search(folded)
        if m:
            other = clean_name(entry[m.end():].split(")")[0])
            holder, substitute = (other, substitute) if key == "proxy_phrases" else (holder, other)
            entry, folded = entry[:m.start()], folded[:m.start()]
    name = clean_name(entry.split("(")[0])  # other remarks in brackets: "(arrivé à 20h30)"
    if not name or not looks_like_name(name):
        return None
    return Member(name, offset, start + len(text), holder or None, substitute or None)


def parse_list(text: str) -> list[Member]:
    """Every member of a list line, with offsets into `text`."""
    out = []
    for a, b in split_entries(text):
        member = parse_entry(text[a:b], a)
        if member:
            out.append(member)
    return out


# --- tolerant matching --------------------------------------------------------

def name_key(name: str) -> str:
    """``"Jean-Louis Verdier"`` and ``"Jean Louis VERDIER"`` share a key."""
    return re.sub(r"[^a-z]+", " ", fold(name)).strip()


def same_person(a: str, b: str, threshold: float = 90.0) -> bool:
    """Equal names up to accents, case, hyphens and a typo (rapidfuzz ratio)."""
    from rapidfuzz import fuzz

    ka, kb = name_key(a), name_key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= threshold


def find_person(name: str, names: list[str]) -> int | None:
    """Index of `name` in `names`, tolerant of spelling; None when absent."""
    for i, other in enumerate(names):
        if name_key(other) == name_key(name):
            return i
    for i, other in enumerate(names):
        if same_person(name, other):
            return i
    return None
