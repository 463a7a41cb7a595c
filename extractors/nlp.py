"""spaCy for the extractors: French tokens, rule matching on them, and names in prose.

Phrases such as civilities ("M.", "Mmes", "Monsieur") and proxy phrases ("a donné
pouvoir à", "représentée par", "en remplacement de") are token patterns kept as
data in `extractors/patterns/<name>.json`::

    {"proxy": [[{"LOWER": {"IN": ["pouvoir", "procuration"]}}, {"LOWER": "a"}]], …}

They are matched with a spaCy `Matcher` on the *folded* text (lower case, accents
removed, same length as the original: schemas.text.fold), so a pattern is written
without accents and a match's character offsets slice the original text.

Pipelines are built once per process: `spacy.blank("fr")` (tokeniser only) for the
matchers, and `fr_core_news_sm` loaded lazily, only where a statistical guess helps
(a person's name in a sentence no pattern reads).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from schemas.text import fold

PATTERNS_DIR = Path(__file__).parent / "patterns"


@lru_cache(maxsize=None)
def blank():
    """The French tokeniser (spaCy's rules for "d'", "M.", hyphens), built once."""
    import spacy

    return spacy.blank("fr")


@lru_cache(maxsize=None)
def model():
    """fr_core_news_sm, for named entities; loaded on first use only."""
    import spacy

    return spacy.load("fr_core_news_sm", exclude=["lemmatizer", "morphologizer", "attribute_ruler"])


@lru_cache(maxsize=None)
def token_patterns(name: str) -> dict[str, list]:
    """`extractors/patterns/<name>.json`: label -> list of token patterns ("_doc" skipped)."""
    data = json.loads((PATTERNS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def matcher(name: str):
    from spacy.matcher import Matcher

    m = Matcher(blank().vocab)
    for label, patterns in token_patterns(name).items():
        m.add(label, patterns)
    return m


@lru_cache(maxsize=4096)
def _doc(folded: str):
    return blank()(folded)


def find(name: str, text: str) -> list[tuple[str, int, int]]:
    """(label, start char, end char) of every match of the pattern set `name` in `text`,
    leftmost first, the longest kept where matches overlap."""
    doc = _doc(fold(text))
    found = sorted(matcher(name)(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    out, end = [], -1
    for match_id, start, stop in found:
        if start >= end:
            span = doc[start:stop]
            out.append((doc.vocab.strings[match_id], span.start_char, span.end_char))
            end = stop
    return out


def first(name: str, text: str) -> tuple[str, int, int] | None:
    found = find(name, text)
    return found[0] if found else None


def leading(name: str, text: str) -> int:
    """Characters at the start of `text` taken by matches of `name`, one after the other
    (``"MM. Paul DURAND"`` with civilities -> 4)."""
    pos = len(text) - len(text.lstrip())
    while True:
        rest = text[pos:]
        hit = next((h for h in find(name, rest) if h[1] == 0), None)
        if hit is None or hit[2] == 0:
            return pos
        pos += hit[2]
        pos += len(text[pos:]) - len(text[pos:].lstrip())


def person_names(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of the persons fr_core_news_sm sees in a sentence."""
    return [(e.text, e.start_char, e.end_char) for e in model()(text).ents if e.label_ == "PER"]
