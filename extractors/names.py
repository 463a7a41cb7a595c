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

from extractors import nlp

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


def clean_name(text: str) -> str:
    """``"Monsieur Didier ACHALME"`` -> ``"Didier ACHALME"``; ``"LAMBERT- DELHOMME"`` rejoined."""
    text = re.sub(r"\s+", " ", text).strip(" .:;,\t")
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a hyphenated name cut at a line end
    text = text[nlp.leading("civilities", text):]  # patterns/civilities.json
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


def _phrase(key: str, entry: str) -> tuple[int, int] | None:
    """(start, end) of the first `key` phrase (patterns/proxy_phrases.json) in an entry,
    widened over the bracket and spaces before it: ``"X (pouvoir à Y)"`` -> `` (pouvoir à ``."""
    hit = next((h for h in nlp.find("proxy_phrases", entry) if h[0] == key), None)
    if hit is None:
        return None
    start = hit[1]
    while start > 0 and entry[start - 1] in " (":
        start -= 1
    end = hit[2] + len(entry[hit[2]:]) - len(entry[hit[2]:].lstrip())
    return start, end


def parse_entry(text: str, start: int = 0) -> Member | None:
    """``"Gilles AMAT pouvoir à Denis DELPIROU"`` -> Member("Gilles AMAT", holder="Denis DELPIROU")."""
    entry = text.strip()
    offset = start + text.index(entry[:1]) if entry else start
    holder = substitute = None
    for key in ("proxy", "substitute"):
        found = _phrase(key, entry)
        if found:
            other = clean_name(entry[found[1]:].split(")")[0])
            holder, substitute = (other, substitute) if key == "proxy" else (holder, other)
            entry = entry[:found[0]]
    name = clean_name(entry.split("(")[0])  # other remarks in brackets: "(arrivé à 20h30)"
    if not name or not looks_like_name(name):
        return None
    return Member(name, offset, start + len(text), holder or None, substitute or None)


def parse_list(text: str) -> list[Member]:
    """Every member of a list line, with offsets into `text`."""
    out = []
    for a, b in split_entries(text):
        if rx(patterns()["empty_list"]).match(fold(text[a:b]).strip()):  # "Absents : néant"
            continue
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
