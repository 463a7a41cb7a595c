"""Undo OCR noise in lines read by Tesseract, before any extractor sees them.

Only what OCR gets wrong and typed text never does, and only where the context
makes the right reading certain:

- counts: ``Abstention : O`` -> ``Abstention : 0``, ``Présents : 2O`` -> ``Présents : 20``
  (O/o read for 0, l/I/| for 1) after a count label;
- a count Tesseract was unsure of is replaced by ``UNSURE`` (``Pour : [?]``): the
  number parsers do not read it, so the value is left empty instead of guessed;
- names: ``LAMBERT - DELHOMME`` -> ``LAMBERT-DELHOMME``, ``PAGENEL.,`` -> ``PAGENEL,``;
  an accent read on one letter of a low-confidence word (``Clairé``) takes the
  spelling the document uses elsewhere (``Claire``, read confidently);
- typography: curly quotes and ``…`` as the typed text writes them (``"``, ``'``, ``...``);
- bullets: ``+``, ``«``, ``e`` opening a line where the PDF had a Symbol-font
  bullet -> ``- `` (the PDF loader's bullet convention).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from extractors.tablegrid import fold

UNSURE = "[?]"  # a value OCR could not read confidently: no parser reads it as a number

# Labels after which a number is a count (folded: lowercase, no accents).
COUNT_LABELS = ["membres en exercice", "membres", "presents", "absents", "pouvoirs", "procurations",
                "votants", "exprimes", "suffrages exprimes", "pour", "contre", "abstention",
                "abstentions", "non votants", "ne prend pas part au vote", "ne prennent pas part au vote"]
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                                  "S": "5", "B": "8"})
COUNT_TOKEN = re.compile(r"^[0-9OoDlIi|SB]{1,4}$")
# not "*": "* La dotation…" is a footnote mark in the typed text
BULLETS = re.compile(r"^(?:[+«»°•®©][.…]*|e(?=\s+[A-ZÀ-Ý]))\s+(?:[_|]+\s+)?")
NAME_HYPHEN = re.compile(r"\b([A-ZÀ-Ý]{2,}) ?[-–] ?([A-ZÀ-Ý]{2,})\b")
NAME_STRAY_DOT = re.compile(r"\b([A-ZÀ-Ý]{2,})\.(?=,)")
# Tesseract chooses curly quotes and "…" from the glyph shape; the typed text (and the
# patterns) use straight ones: the scan cannot tell them apart, so straight it is.
TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
LEADING_MARK = re.compile(r"^[‘’'`.,]+(?=\d)")
EDGE_NOISE = re.compile(r"^(?:[|_.,:;'‘’`~]+\s+)+|(?:\s+[|_~`‘’]+)+$")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_count_label(text: str) -> bool:
    """``Présents``, ``– Pouvoirs``, ``Non votants`` (the text just before a colon)."""
    label = fold(text).strip(" -–—:")
    return any(label.endswith(c) for c in COUNT_LABELS)


def count_value(token: str) -> str | None:
    """``2O`` -> ``20``, ``O`` -> ``0``, ``4l`` -> ``41``; None when not a count."""
    bare = token.rstrip(".,;")
    if not COUNT_TOKEN.match(bare):
        return None
    if not any(c.isdigit() for c in bare) and len(bare) > 1:
        return None  # "Il", "OS": a word, not a misread number
    return bare.translate(DIGIT_LOOKALIKES) + token[len(bare):]


def repair_words(words: list[tuple[str, float]], min_conf: float) -> list[str]:
    """Word texts of one line with counts repaired or marked unsure.

    ``[("Présents", 96), (":", 93), ("2O", 88)]`` -> ``["Présents", ":", "20"]``;
    a count read below `min_conf` becomes ``UNSURE``."""
    texts = [w for w, _ in words]
    for i, (text, conf) in enumerate(words):
        if i == 0 or not texts[i - 1].endswith(":"):
            continue
        label = " ".join(texts[max(0, i - 5):i]).rsplit(":", 1)[0]
        label = re.split(r"[–—:]| - ", label)[-1] if label else ""
        value = count_value(text)
        if value is None or not is_count_label(label or texts[i - 1].rstrip(":")):
            continue
        texts[i] = UNSURE if conf < min_conf else value
    return texts


def repair_line(text: str) -> str:
    """Line-level noise: bullets, spaced hyphens in names, stray dots and edge marks."""
    text = BULLETS.sub("- ", EDGE_NOISE.sub("", text.strip()))
    return repair_cell(text)


def repair_cell(text: str) -> str:
    """A table cell's line: no bullets there (``- initiée`` was a speck), the rest as
    lines; ``‘53`` -> ``53``."""
    text = EDGE_NOISE.sub("", text.strip().translate(TYPOGRAPHY))
    text = NAME_HYPHEN.sub(r"\1-\2", text)
    return LEADING_MARK.sub("", NAME_STRAY_DOT.sub(r"\1", text))


def spelling_votes(words: list[tuple[str, float]], min_conf: float) -> dict[str, str]:
    """For each confidently read word, its accent-free key -> the most frequent spelling."""
    counts: Counter = Counter(w for w, c in words if c >= min_conf and w.isalpha())
    best: dict[str, tuple[int, str]] = {}
    for word, n in counts.items():
        key = _strip_accents(word)
        if n > best.get(key, (0, ""))[0]:
            best[key] = (n, word)
    return {k: w for k, (_, w) in best.items()}


def respell(word: str, conf: float, votes: dict[str, str], min_conf: float) -> str:
    """``Clairé`` (read at 40) -> ``Claire`` when the document reads ``Claire``
    confidently elsewhere; accents only, so no word turns into another word."""
    if conf >= min_conf:
        return word
    core = word.strip(".,;:()")
    if not core.isalpha():
        return word
    other = votes.get(_strip_accents(core))
    return word.replace(core, other) if other and other != core else word


NUMBER_CELL = re.compile(r"^[0-9OoDlIiL|]{1,4}(?=[\s\W]*$)")
NUMERIC_SHARE = 0.6  # a column whose cells are mostly integers is a number column


def repair_number_column(texts: list[str]) -> list[str]:
    """In a column of numbers (``1 2 3 …``), ``L`` -> ``1``, ``59 -`` -> ``59``, ``O`` -> ``0``."""
    filled = [t for t in texts if t]
    if not filled or sum(t.isdigit() for t in filled) < NUMERIC_SHARE * len(filled):
        return texts
    out = []
    for t in texts:
        m = NUMBER_CELL.match(t)
        out.append(m.group(0).translate(DIGIT_LOOKALIKES).replace("L", "1") if m and not t.isdigit() else t)
    return out
