"""Tolerant comparison of members' names across the lists of one deliberation.

The same person is written "Danièle MAJOREL" in the attendance list and
"Daniele Majorel" or "MAJOREL Danièle" in the proxies: names are compared after
removing accents, case, civilities, hyphens and extra spaces, and then with
rapidfuzz's token-sort ratio (word order free) for near matches such as a typo.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from rapidfuzz import fuzz, process

# Civilities and mandates written before a name ("M.", "Mme", "Monsieur le Maire").
CIVILITIES = ["monsieur", "madame", "mademoiselle", "mme", "mlle", "mr", "m", "me", "dr"]
PARENTHESIS = re.compile(r"\([^)]*\)")  # "(en remplacement de Thierry MATHIEU)"
NON_LETTERS = re.compile(r"[^a-z ]+")
# Two different people of one family share the surname ("Karine BATIFOULIER" and
# "Vivien BATIFOULIER" score ~70): a near match must be very near.
FUZZY_THRESHOLD = 90


def normalise(name: str) -> str:
    """'Mme Danièle  MAJOREL-Dupont (suppléante)' → 'daniele majorel dupont'."""
    text = PARENTHESIS.sub(" ", name or "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = NON_LETTERS.sub(" ", text).split()
    while len(words) > 1 and words[0] in CIVILITIES:
        words = words[1:]
    return " ".join(words)


def match(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate naming the same person as `name`, or None."""
    key = normalise(name)
    pool = {normalise(c): c for c in candidates if c}
    if not key or not pool:
        return None
    if key in pool:
        return pool[key]
    best = process.extractOne(key, list(pool), scorer=fuzz.token_sort_ratio,
                              score_cutoff=FUZZY_THRESHOLD)
    return pool[best[0]] if best else None


def group(names: Iterable[str]) -> dict[str, list[str]]:
    """Names grouped by person: the first spelling met → every spelling of it."""
    groups: dict[str, list[str]] = {}
    for name in names:
        if not name:
            continue
        same = match(name, groups)
        groups.setdefault(same or name, []).append(name)
    return groups
