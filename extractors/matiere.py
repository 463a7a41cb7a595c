"""The ACTES matière (level 2, `7.8`) of a deliberation, classified from its object.

    "TRAVAUX DE DISSIMULATION DE RESEAUX … - ATTRIBUTION D'UN FONDS DE CONCOURS AU SIEL"  -> 7.8, 0.9

The rules are data, `extractors/patterns/matieres.json`: for each code, phrases saying
what the act does (`act`: "fonds de concours", "plan local d'urbanisme", "désignation des
représentants") and phrases naming the field it concerns (`topic`: "scolaire", "habitat").
They are matched with a spaCy `Matcher` on the folded object (lower case, no accents: an
object in capitals without accents reads the same), a word ending in `*` matching every
word it starts. The act decides; a topic counts only when no act phrase matches, since an
object such as "fonds de concours … rénovation énergétique du groupe scolaire" is a fonds
de concours (7.8) whatever it pays for.

Confidence: one act code 0.9; one topic code 0.7; two codes of the same rank leave the
matière undecided (0.4, the first in the text given as the guess, with the candidates);
nothing matched 0. A caller writes a code only above its threshold (the SCDL export: 0.6),
so an ambiguous object gives no code rather than a wrong one.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.nlp import blank
from schemas.text import fold as _fold

PATTERNS = Path(__file__).parent / "patterns" / "matieres.json"
CONFIDENCE = {"act": 0.9, "topic": 0.7, "undecided": 0.4}


@dataclass(frozen=True)
class Guess:
    code: str | None  # the best code, even when undecided (then with a low confidence)
    confidence: float  # 0.9 one act code, 0.7 one topic code, 0.4 undecided, 0 nothing matched
    rule: str  # what decided it: `act: fonds de concours`
    candidates: tuple[str, ...] = ()  # every code matched at the deciding rank, first in the text first


def classify(objet: str | None) -> Guess:
    """The matière of an object (see the module's docstring for the confidence)."""
    if not objet or not objet.strip():
        return Guess(None, 0.0, "")
    doc = blank()(_fold(objet))
    hits: dict[str, list[tuple[int, str, str]]] = {"act": [], "topic": []}
    for match_id, start, end in matcher()(doc):
        rank, code = doc.vocab.strings[match_id].split(":", 1)
        hits[rank].append((start, code, doc[start:end].text))
    for rank in ("act", "topic"):
        found = sorted(hits[rank])
        codes = tuple(dict.fromkeys(code for _, code, _ in found))
        if codes:
            first = found[0]
            confidence = CONFIDENCE[rank] if len(codes) == 1 else CONFIDENCE["undecided"]
            return Guess(codes[0], confidence, f"{rank}: {first[2]}", codes)
    return Guess(None, 0.0, "")


@lru_cache(maxsize=None)
def matcher():
    from spacy.matcher import Matcher

    m = Matcher(blank().vocab)
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    for rank in ("act", "topic"):
        for code, phrases in data[rank].items():
            m.add(f"{rank}:{code}", [token_pattern(p) for p in phrases])
    return m


def token_pattern(phrase: str) -> list[dict]:
    """`"designation* de* representant*"` as spaCy token patterns, tokenised as the objects
    are (so "d'attribution" is two tokens on both sides)."""
    out: list[dict] = []
    for word in _fold(phrase).split():
        star = word.endswith("*")
        tokens = [t.text for t in blank()(word.rstrip("*"))]
        out += [{"LOWER": t} for t in tokens[:-1]]
        out.append({"LOWER": {"REGEX": f"^{re.escape(tokens[-1])}"}} if star else {"LOWER": tokens[-1]})
    return out
