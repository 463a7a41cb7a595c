"""One entry of a list of members: the name, and who holds their proxy or whom they replace.

Entries read here (extractors/members.py splits a list into entries)::

    Gilles AMAT pouvoir à Denis DELPIROU
    Mme Claire ANDRIEUX (pouvoir à M. Denis DELPIROU)
    M. Luc LESCURE a donné procuration à Mme Marie-Laure TIBLE
    BARBE Dominique (donne procuration à ROCA Nathalie )
    Emmanuel FURNAL (en remplacement de Thierry MATHIEU)

The phrases that link two names ("pouvoir à", "représentée par", "en remplacement de")
and the civilities ("M.", "Mmes", "Monsieur") are spaCy token patterns
(patterns/proxy_phrases.json, patterns/civilities.json) matched by extractors/nlp.py on
folded text (schemas.text.fold), so a match slices the original name with its accents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import nlp


@dataclass
class Entry:
    name: str
    holder: str | None = None  # "X pouvoir à Y" -> Y
    substitute_for: str | None = None  # "X (en remplacement de Y)" -> Y


def clean_name(text: str) -> str:
    """``"Monsieur Didier ACHALME"`` -> ``"Didier ACHALME"``; ``"LAMBERT- DELHOMME"`` rejoined."""
    text = re.sub(r"\s+", " ", text).strip(" .:;,\t")
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a hyphenated name cut at a line end
    text = text[nlp.leading("civilities", text):]
    return text.strip(" .:;,")


def looks_like_name(text: str) -> bool:
    """At least one letter, not a sentence: a name has few words."""
    return bool(re.search(r"[^\W\d_]", text)) and len(text.split()) <= 8


def _phrase(key: str, entry: str) -> tuple[int, int] | None:
    """(start, end) of the first `key` phrase in an entry, widened over the bracket and
    spaces before it: ``"X (pouvoir à Y)"`` -> `` (pouvoir à ``."""
    hit = next((h for h in nlp.find("proxy_phrases", entry) if h[0] == key), None)
    if hit is None:
        return None
    start = hit[1]
    while start > 0 and entry[start - 1] in " (":
        start -= 1
    end = hit[2] + len(entry[hit[2]:]) - len(entry[hit[2]:].lstrip())
    return start, end


def parse_entry(text: str) -> Entry | None:
    """``"Gilles AMAT pouvoir à Denis DELPIROU"`` -> Entry("Gilles AMAT", holder="Denis DELPIROU")."""
    entry = text.strip()
    holder = substitute = None
    for key in ("proxy", "substitute"):
        found = _phrase(key, entry)
        if found:
            # "X par Y (pouvoir écrit)": the holder without a remark of its own in brackets
            other = clean_name(entry[found[1]:].split(")")[0].split("(")[0])
            # "X (représenté par son suppléant)": nobody named, no proxy; "(pouvoir à son
            # adjoint M. Jean MARTIN)": the name after the role
            other = re.sub(r"^(?:son|sa|ses|leur|un|une)\s+[^\W\d_]+(?:\s+|$)", "", other)
            other = other if other[:1].isupper() else ""
            holder, substitute = (other, substitute) if key == "proxy" else (holder, other)
            # "X, qui a donné procuration à Y": the giver without the relative
            entry = re.sub(r",?\s*\b(?:qui|lequel|laquelle)\s*$", "", entry[:found[0]], flags=re.IGNORECASE)
            entry = re.sub(r"[\s,–—-]+$", "", entry)  # "X – procuration remise à Y": the giver without the dash
    name = clean_name(entry.split("(")[0])  # other remarks in brackets: "(arrivé à 20h30)"
    if not name or not looks_like_name(name):
        return None
    return Entry(name, holder or None, substitute or None)
