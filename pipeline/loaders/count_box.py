"""A count box laid out with spaces in a text extraction: a row of count labels over one row of numbers,
read as two tab lines (the labels, the values) so that each number keeps its label::

    Conseillers     Conseillers     Pouvoirs     Votants
    en exercice      présents
        27              21             3            24

Called by pipeline/loaders/text_grid.py (`regrid`) before it looks for a table's header; `pieces` (a line's
pieces two spaces or more apart) is shared with it.
"""
from __future__ import annotations

import re

from schemas.text import joined

SLACK = 2  # a piece may start this far left of its column (numbers set right)


def pieces(line: str) -> list[tuple[int, str]]:
    """(column, text) of each piece of a line, pieces two spaces or more apart."""
    return [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]


def box(line: str, below: str, after: str) -> tuple[list[str], list[str]] | None:
    """A row of count labels over one row of numbers, as many of each, two spaces or more apart::

        Membres présents ou en visioconférence    Pouvoirs reçus    Membres prenant part au vote
                          54                            3                        57

    (a count box one row deep, which a table of two rows or more above does not cover; not a
    table whose first row only is read, "Point  Pour  Contre" over "1  10  0" and "2  10  1",
    nor a box of other figures, "Inscrits  Présents  Absents" over "120  95  25")."""
    labels, values = [p for _, p in pieces(line)], [p for _, p in pieces(below)]
    votes = bool(labels) and all(VOTE_LABEL.fullmatch(p) for p in labels)  # "Pour   Contre   Abstention"
    if votes:
        values = ["0" if re.fullmatch(r"[-–—]", v) else v for v in values]  # "17   -   2": a dash for none
    if len(labels) < 2 or len(values) != len(labels) or not all(re.fullmatch(r"\d{1,4}", v) or
                                                               NUMBER_WORDS.fullmatch(v) for v in values):
        return None
    if re.fullmatch(r"[\d\s]+", after or "x"):
        return None
    if votes:
        return labels, values  # "Pour   Contre   Abstention" over "74   12   4": a vote's box
    if any(re.search(r"\d", p) or len(p.split()) > 10 or not p[:1].isupper() or not COUNT_WORD.search(p)
           for p in labels):
        return None
    if sum(bool(SITTING_WORD.search(p)) for p in labels) < 2:
        return None
    return labels, values


VOTE_LABEL = re.compile(r"(?i)pour|contre|abst(?:entions?|\.)?|votants?|nppv|exprim[ée]s|suffrages\s+exprim[ée]s")


def wrapped(line: str, second: str, below: str, after: str) -> tuple[list[str], list[str]] | None:
    """A count box whose labels wrap onto a second line, each word under its column::

        Conseillers     Conseillers     Pouvoirs     Votants
        en exercice      présents
            27              21             3            24

    (read line by line, "Pouvoirs Votants" come before "en exercice présents" and the four
    numbers go to the wrong labels): the two lines joined column by column (a word its hyphen cut at
    the line's end whole again, "Nombre de conseil-" / "lers en exercice"), then read as a box one row deep."""
    top, under = pieces(line), pieces(second)
    if not under or re.search(r"\d", second) or len(under) > len(top):
        return None
    labels = [text for _, text in top]
    for x, text in under:  # each piece starts under one of the first line's, or within it
        j = next((i for i, (x0, t) in enumerate(top) if x0 - SLACK <= x <= x0 + len(t)), None)
        if j is None:
            return None
        labels[j] = joined([labels[j], text], whole_words=True)  # "Nombre de conseil-" / "lers en exercice"
    return box("  ".join(labels), below, after)


# a count written in words, "dix-sept", "vingt et un", "un" (the counts' reader turns it to digits)
_UNITS = (r"z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
          r"|vingts?|trente|quarante|cinquante|soixante|cents?")
NUMBER_WORDS = re.compile(rf"(?i)(?:{_UNITS})(?:(?:[- ]|\s+et\s+|-et-)(?:{_UNITS}))*")


# the words of a sitting's count box: each label has one, and two labels at least a word of the
# sitting's attendance ("Membres de la commission  Présents  Excusés" in a report is not one);
# the extractors' lexicon reads the labels, these words only tell a box's shape
# ("Assistant à la séance" says présents; "Conseillères et conseillers communautaires ayant pris
# part au vote", nine words, says votants)
COUNT_WORD = re.compile(r"(?i)pr[ée]s|pouvoir|procuration|mandat|repr[ée]sent|votant|vote|suffrage|exercice|"
                        r"absen|excus|membre|conseill|d[ée]l[ée]gu|[ée]lu|effectif|si[èe]ge|quorum|aff[ée]rent|"
                        r"total|assist")
SITTING_WORD = re.compile(r"(?i)pr[ée]sent|votant|pouvoir|procuration|repr[ée]sent|exercice|mandat|suffrage|"
                          r"part\s+au\s+vote|assist\w*\s+[àa]\s+la\s+s[ée]ance")
