"""Words a text extraction cut at a line's end, put back on one line before counts are read.

    … présents : cinquante et          ->  … présents : cinquante et un
    un   Procurations : un                  Procurations : un
    Conseillers : 33 en exercice | 26 pré-   ->  … | 26 présents
    sents | 6 représentés | 32 votants           | 6 représentés | 32 votants

Only a number in words and the words of the count labels are joined: "Saint-" / "Martin",
"vingt-" / "deux" read as they are elsewhere. `line_cuts` and `uncut` find the same cuts for a
name the opening sentence read across one ("M. Ibra-" / "him SAÏD ALI").
"""
from __future__ import annotations

import re

from extractors.stream import fold


def rejoined(texts: list[str]) -> list[str]:
    """The lines, each cut word moved up to the line it was cut from."""
    out = list(texts)
    for i in range(len(out) - 1):
        for join in (_number_words, _cut_label):
            out[i], out[i + 1] = join(out[i], out[i + 1]) or (out[i], out[i + 1])
    return out


# a number in words cut at a line end: "… présents : cinquante et" / "un   Procurations : un", "avec vingt-" /
# "quatre presents"
TENS_CUT = re.compile(r"\b(?:vingt|trente|quarante|cinquante|soixante|quatre-vingts?)(?:\s+et|-et)?-?\s*$")
UNITS_START = re.compile(r"^\s*(?:et\s+)?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                         r"treize|quatorze|quinze|seize)(?:-\w+)?\b")


def _number_words(line: str, below: str) -> tuple[str, str] | None:
    """The tail of a number in words moved up to the line it was cut from."""
    head = UNITS_START.match(fold(below))
    if not (TENS_CUT.search(fold(line)) and head):
        return None
    glue = "" if line.rstrip().endswith("-") else " "  # "vingt-" / "quatre presents": a hyphen cut at the line's end
    return line.rstrip() + glue + below[:head.end()].strip(), below[head.end():]


# a count label's word cut by a hyphen at a line's end, as a PDF extraction leaves it: "26 pré-" /
# "sents | 6 représentés"; only the words of the labels ("vingt-" / "deux" is _number_words')
CUT_WORD = re.compile(r"([^\W\d_]{2,})-[ \t]*$")
WORD_START = re.compile(r"^[ \t]*([^\W\d_]+)")
LABEL_WORDS = re.compile(r"(?:presente?s?|representee?s?|votants?|exercice|procurations?|pouvoirs?|absente?s?|"
                         r"excusee?s?|conseill(?:er|ere)s?|delegue(?:e)?s?|membres?|afferents?|suffrages?|"
                         # "sur 92 conseillers métr-" / "opolitains en exercice": the members' adjective
                         r"municipa(?:l|ux)|communautaires?|metropolitains?|syndica(?:l|ux)|titulaires?)")


def line_cuts(lines: list[str]) -> dict[str, str]:
    """Words cut by a hyphen at a line's end, the next line going on in lower case, as joined ->
    whole: ``["… présidence de M. Ibra-", "him SAÏD ALI, Maire."]`` -> ``{"Ibra-him": "Ibrahim"}``.
    Only these: "Marie-josé", "Mont-près-Chambord" or "Entre-deux-Guiers" printed on one line keep
    their hyphen."""
    cuts = {}
    for line, below in zip(lines, lines[1:]):
        cut, head = CUT_WORD.search(line), WORD_START.match(below)
        if cut and head and head.group(1)[:1].islower():
            cuts[f"{cut.group(1)}-{head.group(1)}"] = cut.group(1) + head.group(1)
    return cuts


def uncut(text: str, cuts: dict[str, str]) -> str:
    """`text` with the words `line_cuts` found rejoined: ``"Ibra-him SAÏD ALI"`` -> ``"Ibrahim SAÏD ALI"``."""
    for joined_form, whole in cuts.items():
        text = re.sub(rf"(?<![\w-]){re.escape(joined_form)}(?![\w-])", whole, text)
    return text


def _cut_label(line: str, below: str) -> tuple[str, str] | None:
    """The tail of a label's word moved up to the line it was cut from."""
    cut, head = CUT_WORD.search(line), WORD_START.match(below)
    if not (cut and head and head.group(1)[:1].islower() and LABEL_WORDS.fullmatch(fold(cut.group(1) + head.group(1)))):
        return None
    return line[:cut.end(1)] + head.group(1), below[head.end():]
