"""Tolerant comparison of members' names across the lists of one deliberation.

The same person is written "Danièle MAJOREL" in the attendance list and
"Daniele Majorel" or "MAJOREL Danièle" in the proxies: names are compared after
removing accents, case, civilities, hyphens and extra spaces, and then with
rapidfuzz's token-sort ratio (word order free) for near matches such as a typo, and
last by surname and initials ("G. HUET" listed as "HUET"). A check that finds a problem
through a match other than exact makes it a notice (checks/proxies.py).
"""
from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz, process

from schemas.text import SAME_PERSON, cut_and_rejoined, keys_rejoined, name_key

# The one key of a name, shared with the extractors (schemas.text.name_key): accents, case,
# civilities, hyphens and OCR's confusions undone.
normalise = name_key


EXACT, FUZZY, PARTIAL, AMBIGUOUS = "exact", "fuzzy", "partial", "ambiguous"


def match(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate naming the same person as `name`, or None."""
    return match_how(name, candidates)[0]


def match_how(name: str, candidates: Iterable[str]) -> tuple[str | None, str | None]:
    """(the candidate naming the same person as `name`, how sure): `exact` (the same words
    up to accents, case, civility and hyphens), `fuzzy` (a near spelling, word order free),
    `partial` (the only candidate whose surname and initials fit: "G. HUET" and "HUET",
    "M. MEUNIER" and "Dominique MEUNIER"); (None, "ambiguous") when several candidates fit
    that way, (None, None) when none."""
    key = normalise(name)
    pool = {normalise(c): c for c in candidates if c}
    if not key or not pool:
        return None, None
    if key in pool:
        return pool[key], EXACT
    rejoined = next((c for c in pool.values() if cut_and_rejoined(name, c)), None)
    if rejoined:
        return rejoined, EXACT
    best = process.extractOne(key, list(pool), scorer=fuzz.token_sort_ratio,
                              score_cutoff=SAME_PERSON)
    if best:
        return pool[best[0]], FUZZY
    fits = [c for c in pool.values() if any(_fits(key.split(), k.split()) or _fits(k.split(), key.split())
                                            for k in keys_rejoined(c))]
    if len(fits) > 1:
        return None, AMBIGUOUS  # "DUPONT" when Jean and Marie DUPONT are both listed
    return (fits[0], PARTIAL) if fits else (None, None)


def _fits(short: list[str], full: list[str]) -> bool:
    """Every surname word of `short` is in `full`, and its initials ("g", "ph") start
    `full`'s other words: ["g", "huet"] and ["ph", "dubourg"] fit ["gerard", "huet"] and
    ["philippe", "dubourg"]; ["huet"] fits ["gerard", "huet"]; one word may be a near spelling
    when the others are exact (["hiigo", "gautier"] fits ["hugo", "gautier"])."""
    words = [w for w in short if len(w) > 2 or w in full]
    missing = [w for w in words if w not in full]
    if not words or len(missing) == len(words) or len(missing) > 1:
        return False
    rest = [w for w in full if w not in words]
    if missing and not any(fuzz.ratio(missing[0], f) >= 60 for f in rest):
        return False  # one word near, the rest exact: "Hiigo GAUTIER" and "Hugo GAUTIER"
    return all(any(f.startswith(i) for f in rest) for i in short if i not in words)


def group(names: Iterable[str]) -> dict[str, list[str]]:
    """Names grouped by person: the first spelling met → every spelling of it."""
    groups: dict[str, list[str]] = {}
    for name in names:
        if not name:
            continue
        same = match(name, groups)
        groups.setdefault(same or name, []).append(name)
    return groups
