"""Tolerant comparison of members' names across the lists of one deliberation.

The same person is written "Danièle MAJOREL" in the attendance list and
"Daniele Majorel" or "MAJOREL Danièle" in the proxies: names are compared after
removing accents, case, civilities, hyphens and extra spaces, and then with
rapidfuzz's token-sort ratio (word order free) for near matches such as a typo, and
last by surname and initials ("G. HUET" listed as "HUET"). A check that finds a problem
through a match other than exact makes it a notice (checks/proxies.py).
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
OCR_DIGIT = re.compile(r"(?<=[a-z])[01](?=[a-z])")  # a 1 or 0 inside a word of letters is OCR's l or o
# Two different people of one family share the surname ("Karine BATIFOULIER" and
# "Vivien BATIFOULIER" score ~70): a near match must be very near.
FUZZY_THRESHOLD = 90


def normalise(name: str) -> str:
    """'Mme Danièle  MAJOREL-Dupont (suppléante)' → 'daniele majorel dupont'."""
    text = PARENTHESIS.sub(" ", name or "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = OCR_DIGIT.sub(lambda m: {"1": "l", "0": "o"}[m.group(0)], text)  # "Nico1e": OCR's l
    text = text.replace("rn", "m")  # "Jérôrne": OCR's m, written the same way on both sides compared
    words = NON_LETTERS.sub(" ", text).split()
    while len(words) > 1 and words[0] in CIVILITIES:
        words = words[1:]
    return " ".join(words)


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
    glued = {k.replace(" ", ""): c for k, c in pool.items()}
    if "-" in name and key.replace(" ", "") in glued:  # "MOU-GIN": "M. MOU-" / "GIN" cut at a line's end
        return glued[key.replace(" ", "")], EXACT
    best = process.extractOne(key, list(pool), scorer=fuzz.token_sort_ratio,
                              score_cutoff=FUZZY_THRESHOLD)
    if best:
        return pool[best[0]], FUZZY
    fits = [c for k, c in pool.items() if _fits(key.split(), k.split()) or _fits(k.split(), key.split())]
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
