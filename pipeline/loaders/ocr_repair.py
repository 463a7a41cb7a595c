"""Undo OCR noise in lines read by Tesseract, before any extractor sees them.

Only what OCR gets wrong and typed text never does, and only where the context
makes the right reading certain:

- counts: ``Abstention : O`` -> ``Abstention : 0``, ``Présents : 2O`` -> ``Présents : 20``
  (O/o read for 0, l/I/| for 1) after a count label;
- a count Tesseract was unsure of is replaced by ``UNSURE`` (``Pour : [?]``): the
  number parsers do not read it, so the value is left empty instead of guessed;
- a stamp id Tesseract was unsure of is ``UNSURE`` too (``ID : [?]``): a wrong digit
  in it gives a wrong acte_id and numero; ``015:200066637-…`` (a hyphen read ":") -> ``015-…``;
- names: ``LAMBERT - DELHOMME`` -> ``LAMBERT-DELHOMME``, ``PAGENEL.,`` -> ``PAGENEL,``,
  ``Louis. GARCIA`` -> ``Louis GARCIA``, ``pouvoir à. LESCURE`` -> ``pouvoir à LESCURE``,
  ``M: Louis`` / ``M..Guy`` -> ``M. Louis`` / ``M. Guy``;
  an accent read on one letter of a low-confidence word (``Clairé``) takes the
  spelling the document uses elsewhere (``Claire``, read confidently);
- separators: a flat mark read ":" or "=" between two names is a dash (its ink box);
- typography: curly quotes and ``…`` as the typed text writes them (``"``, ``'``, ``...``);
- bullets: ``+``, ``«``, ``e`` opening a line where the PDF had a Symbol-font
  bullet -> ``- `` (the PDF loader's bullet convention).

The same noise left in a text file (a scan's text layer published as it is) is undone by
`ocr_text.py`, for the text loader.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.loaders.ocr_text import five_for_s
from schemas.text import fold as text_fold


def fold(text: str) -> str:
    """Folded, runs of spaces made one: the form the count labels below are written in."""
    return " ".join(text_fold(text).split())

UNSURE = "[?]"  # a value OCR could not read confidently: no parser reads it as a number

# Labels after which a number is a count (folded: lowercase, no accents).
COUNT_LABELS = ["membres en exercice", "en exercice", "membres", "presents", "absents", "pouvoirs",
                "procurations", "votants", "exprimes", "suffrages exprimes", "pour", "contre", "abstention",
                "abstentions", "non votants", "ne prend pas part au vote", "ne prennent pas part au vote"]
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                                  "S": "5", "B": "8"})
COUNT_TOKEN = re.compile(r"^[0-9OoDlIi|SB]{1,4}$")
# A lone 0 is read at 50-75 even when clean (Tesseract hesitates between O and 0, the
# same count, or reads one glyph as "O0"): it needs only the word threshold, other
# counts the count threshold.
ZERO_MIN_CONF = 50.0
# ``015-200066637-20240411-2024CC052-DE``, with ":" read for some hyphens
STAMP_TOKEN = re.compile(r"^(\d{2,3}[AB]?)[-:](\d{9})[-:](\d{8})[-:](\S+?)[-:]([A-Z]{2})$")
STAMP_LABEL = re.compile(r"^[I1l|(\[]D$")  # "1D", "(D" for "ID" before a stamp id
STAMP_LINE = re.compile(r"^ID\s*:\s*(?:\d|\[\?\])")  # the stamp's id line, read or UNSURE
# not "*": "* La dotation…" is a footnote mark in the typed text
BULLETS = re.compile(r"^(?:[+«»°•®©][.…]*|e(?=\s+[A-ZÀ-Ý]))\s+(?:[_|]+\s+)?")
NAME_HYPHEN = re.compile(r"\b([A-ZÀ-Ý]{2,}) ?[-–] ?([A-ZÀ-Ý]{2,})\b")
NAME_STRAY_DOT = re.compile(r"\b([A-ZÀ-Ý]{2,})\.(?=,)")
# a speck after a first name or "à" before a SURNAME: "Louis. GARCIA", "pouvoir à. LESCURE"
FIRST_NAME_DOT = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*|à) ?\."
                            r"(?= [A-ZÀ-Ý][A-ZÀ-Ý'-]+(?:[,)]|$| \(| pouvoir| représ| [A-ZÀ-Ý][a-zà-ÿ]))")
CIVILITY_NOISE = re.compile(r"\bM(?::|\.\.) ?(?=[A-ZÀ-Ý])")  # "M: Louis", "M..Guy"
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


def sure_count(value: str, conf: float, min_conf: float) -> str:
    """The count `value`, or ``UNSURE`` when read below `min_conf` (a lone 0: below
    ZERO_MIN_CONF)."""
    floor = min(min_conf, ZERO_MIN_CONF) if set(value.rstrip(".,;")) == {"0"} else min_conf  # "O0" too
    return value if conf >= floor else UNSURE


def repair_words(words: list[tuple[str, float]], min_conf: float,
                 stamp_conf: float | None = None) -> list[str]:
    """Word texts of one line with counts and stamp ids repaired or marked unsure.

    ``[("Présents", 96), (":", 93), ("2O", 88)]`` -> ``["Présents", ":", "20"]``;
    a count read below `min_conf` becomes ``UNSURE``, a stamp id below `stamp_conf`
    (default `min_conf`) too; ``Pour :9`` is ``Pour : 9``."""
    texts = [w for w, _ in words]
    for i, (text, conf) in enumerate(words):
        texts[i] = _stamp_word(texts, i, conf, min_conf if stamp_conf is None else stamp_conf)
        glued = text.startswith(":") and len(text) > 1  # "Pour :9"
        if i == 0 or not (glued or texts[i - 1].endswith(":")):
            continue
        label = " ".join(texts[max(0, i - 5):i] + ([":"] if glued else [])).rsplit(":", 1)[0]
        label = re.split(r"[–—:]| - ", label)[-1] if label else ""
        value = count_value(text[1:] if glued else text)
        label = re.sub(r"(?<=\w)\.(?=\w)", " ", label or texts[i - 1].rstrip(":"))
        if value is None or not (is_count_label(label) or is_count_label(label.replace(".", ""))):
            continue
        _undot(texts, max(0, i - 5), i)  # "Membres. en exercice": a speck read as a dot
        texts[i] = (": " if glued else "") + sure_count(value, conf, min_conf)
    return texts


def _undot(texts: list[str], start: int, end: int) -> None:
    """Dots closing the words of a count label, after its last colon or dash."""
    while start < end and not re.search(r"[:–—]$|^-$", texts[end - 1]):
        end -= 1
    start = max([j + 1 for j in range(start, end - 1) if re.search(r"[:–—]$|^-$", texts[j])] + [start])
    for j in range(start, end - 1):
        texts[j] = re.sub(r"(?<=[a-zà-ÿ])\.(?=[a-zà-ÿ])", " ", texts[j])  # "en.exercice"
        if len(texts[j]) > 2 and texts[j].endswith(".") and texts[j][-2].isalpha():
            texts[j] = texts[j][:-1]


def _stamp_word(texts: list[str], i: int, conf: float, min_conf: float) -> str:
    """``015:200066637-20240402-2024040-DE`` -> hyphens; read below `min_conf` -> UNSURE;
    ``1D`` before it -> ``ID``."""
    m = STAMP_TOKEN.match(texts[i])
    if not m:
        return texts[i]
    if i >= 2 and STAMP_LABEL.match(texts[i - 2]) and texts[i - 1] == ":":
        texts[i - 2] = "ID"
    return "-".join(m.groups()) if conf >= min_conf else UNSURE


DASHLIKE = set(":;=~-–—")


def flat_dash(text: str, width: float, height: float) -> str:
    """A word of dash-like marks whose ink (`width` x `height` points) is one flat bar
    is a dash: Tesseract reads a blurred "-" or "–" as ":" (a colon is two dots, taller
    than wide), "=" or "-—"."""
    if text in ("-", "–", "—") or not set(text) <= DASHLIKE or not (height <= 2.5 and width > 1.5 * height):
        return text
    return "–" if width >= 4 else "-"


def repair_line(text: str) -> str:
    """Line-level noise: bullets, spaced hyphens in names, stray dots and edge marks."""
    text = BULLETS.sub("- ", EDGE_NOISE.sub("", text.strip()))
    return repair_cell(text)


def repair_cell(text: str) -> str:
    """A table cell's line: no bullets there (``- initiée`` was a speck), the rest as
    lines; ``‘53`` -> ``53``."""
    text = EDGE_NOISE.sub("", five_for_s(text.strip().translate(TYPOGRAPHY)))  # "5ous la présidence de"
    text = NAME_HYPHEN.sub(r"\1-\2", text)
    text = CIVILITY_NOISE.sub("M. ", FIRST_NAME_DOT.sub(r"\1", text))
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
