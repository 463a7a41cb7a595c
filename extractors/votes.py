"""Counts and votes of a deliberation: label lines, vote prose, unanimity, result.

Read here::

    Membres en exercice : 57
    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Abstention : 0
    … adopté par 18 voix pour, 3 voix contre et 2 abstentions
    … à l'unanimité

Labels and phrasings live in extractors/patterns/deliberation.json ("counts",
"vote_prose", "unanimity", "result", "sans_quorum"); matching is on folded text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names import fold, patterns, rx
from extractors.normalise import words_to_digits

BULLET = r"^\s*(?:[-–•*]\s*)?"
# What may separate two counts on one line: "29 – Pouvoirs", "29 / Pouvoirs", "29, Pouvoirs".
SEP = r"(?:^|(?<=[\s–\-/,;|()]))"


def _alternation(labels) -> str:
    return "|".join(sorted(labels, key=len, reverse=True))


@lru_cache(maxsize=None)
def _count_rx() -> re.Pattern:
    """``"presents : 29"``: a count label, a colon, a number (the colon keeps "Pour copie" out)."""
    labels = _alternation(patterns()["counts"])
    return re.compile(rf"{SEP}({labels})\s*(?:\(s\))?\s*[:=]\s*(\d+)\b")


def count_label(folded: str) -> str | None:
    """The field of the count label a folded label text names (``"abstention"`` -> abstentions)."""
    for label, field in patterns()["counts"].items():
        if re.fullmatch(label, folded.strip()):
            return field
    return None


def is_count_line(text: str) -> bool:
    """A line that starts with a count: ``"Présents : 29 – Pouvoirs : 12"``."""
    m = _count_rx().search(_digits(text))
    return bool(m) and not _digits(text)[:m.start()].strip(" -–•*")


def read_counts(text: str) -> dict[str, int]:
    """``"Présents : 29 – Pouvoirs : 12 – Votants : 41"`` -> {presents: 29, pouvoirs: 12, votants: 41}."""
    out: dict[str, int] = {}
    for m in _count_rx().finditer(_digits(text)):
        field = count_label(m.group(1))
        if field and field not in out:
            out[field] = int(m.group(2))
    return out


def _digits(text: str) -> str:
    """Folded, number words as digits (``"Contre : zéro"``, ``"deux abstentions"``).

    text2num leaves zero, un and deux alone (they are too often not numbers), so
    the pattern file converts them where a count is expected.
    """
    small = patterns()["small_numbers"]
    return rx(small["pattern"]).sub(lambda m: str(small["values"][m.group(1)]),
                                    words_to_digits(fold(text)))


def read_vote_prose(text: str) -> dict[str, int]:
    """``"par 18 voix pour, 3 voix contre et 2 abstentions"`` -> {pour: 18, contre: 3, abstentions: 2}."""
    digits = _digits(text)
    out = {}
    for field, pattern in patterns()["vote_prose"].items():
        m = rx(pattern).search(digits)
        if m:
            out[field] = int(m.group(1))
    return out


def says_unanimous(text: str) -> bool:
    return bool(rx(patterns()["unanimity"]).search(fold(text)))


def read_result(text: str) -> str | None:
    """``"ADOPTÉ à l'unanimité"`` -> ``"adopte"``; only an explicit statement counts."""
    folded = re.sub(BULLET, "", fold(text))
    for result, pattern in patterns()["result"].items():
        if rx(pattern).search(folded):
            return result
    return None


def says_sans_quorum(text: str) -> bool:
    """``"… peut délibérer valablement sans condition de quorum"`` (second convocation)."""
    folded = fold(text)
    return any(rx(p).search(folded) for p in patterns()["sans_quorum"])


def skip_for_votes(text: str) -> bool:
    """Recitals ("Vu la délibération … adoptée à l'unanimité") say nothing of this vote."""
    folded = fold(text).lstrip()
    return any(rx(p).search(folded) for p in patterns()["skip_for_votes"])


def complete_unanimous(counts: dict[str, int]) -> dict[str, int]:
    """Unanimity: pour = votants, contre = abstentions = 0 unless stated otherwise."""
    out = dict(counts)
    if "pour" not in out and "votants" in out:
        out["pour"] = out["votants"]
    out.setdefault("contre", 0)
    out.setdefault("abstentions", 0)
    return out
