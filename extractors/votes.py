"""Counts and votes of a deliberation: label lines, vote prose, unanimity, result.

Read here::

    Membres en exercice : 57
    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Abstention : 0
    … adopté par 18 voix pour, 3 voix contre et 2 abstentions
    … à l'unanimité

Count labels are spaCy token patterns (extractors/patterns/counts.json, matched by
extractors/nlp.py); the phrasings of votes live in extractors/patterns/deliberation.json
("count_prose", "vote_prose", "unanimity", "result", "sans_quorum"), regexes on folded text.
"""
from __future__ import annotations

import re

from extractors import nlp
from extractors.names import fold, patterns, rx
from extractors.normalise import words_to_digits
from extractors.ocr_repair import UNSURE

BULLET = r"^\s*(?:[-–•*]\s*)?"
# After a count label: "(s)" of "Abstention(s)", then ":" or "=", then the number.
COUNT_VALUE = re.compile(r"^\s*(?:\(s\)|\))?\s*[:=]\s*(\d+)\b")


def _counts(text: str) -> list[tuple[str, int, int]]:
    """(column, value, start) of each "label : number" of a line, labels matched with spaCy
    on the token patterns of patterns/counts.json ("Pour copie" has no colon: no count)."""
    # "Votants:41" is one token: the colon is set apart; no-break spaces are spaces.
    digits = re.sub(r"[\u00a0\u202f]", " ", re.sub(r"(?<=\w)([:=])(?=\d)", r" \1 ", _digits(text)))
    out = []
    for column, start, end in nlp.find("counts", digits):
        m = COUNT_VALUE.match(digits[end:])
        if m:
            out.append((column, int(m.group(1)), start))
    return out


def count_label(folded: str) -> str | None:
    """The column a label names on its own (a table header): ``"abstention"`` -> abstentions."""
    text = folded.strip()
    hit = nlp.first("counts", text)
    return hit[0] if hit and hit[1] == 0 and hit[2] == len(text) else None


def is_count_line(text: str) -> bool:
    """A line that starts with a count: ``"Présents : 29 – Pouvoirs : 12"``."""
    found = _counts(text)
    return bool(found) and not _digits(text)[:found[0][2]].strip(" -–•*")


def read_counts(text: str) -> dict[str, int]:
    """``"Présents : 29 – Pouvoirs : 12 – Votants : 41"`` -> {presents: 29, pouvoirs: 12, votants: 41}."""
    out: dict[str, int] = {}
    for column, value, _ in _counts(text):
        out.setdefault(column, value)
    return out


def read_count_prose(text: str) -> dict[str, int]:
    """``"avec 14 membres présents sur 19 en exercice et 2 pouvoirs, soit 16 votants"``."""
    digits = _digits(text)
    out = {}
    for field, pattern in patterns()["count_prose"].items():
        m = None if field.startswith("_") else rx(pattern).search(digits)
        if m:
            out[field] = int(m.group(1))
    return out


def count_table_lines(table) -> list:
    """A ruled table of counts as the count lines it stands for.

    ``En exercice | Présents | Représentés | Votants`` over ``30 | 24 | 4 | 28`` gives
    the line ``"En exercice : 30 – Présents : 24 – Représentés : 4 – Votants : 28"``
    (with the span of the numbers' row). A cell OCR could not read (``[?]``) stays
    ``[?]`` in the line, so that one unread count leaves only that count empty. Other
    tables give nothing.
    """
    from schemas import Line

    out = []
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    for head, values in zip(rows, rows[1:]):
        labels = [count_label(fold(c.text)) for c in head.cells]
        numbers = [c.text.strip() for c in values.cells]
        if (labels and all(labels) and len(numbers) == len(labels)
                and all(n.isdigit() or n == UNSURE for n in numbers) and any(n.isdigit() for n in numbers)):
            text = " – ".join(f"{h.text.strip()} : {n}" for h, n in zip(head.cells, numbers))
            out.append(Line(text, values.span))
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
