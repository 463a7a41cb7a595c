"""Two columns printed side by side in a text extraction, read one after the other.

A layout-preserving extraction (``pdftotext -layout``, a copy from a PDF viewer) keeps a
side box beside the opening sentence on the same lines::

    Nombre de membres          L'an deux mille vingt-quatre, le vingt-cinq jan-
    afférents au Conseil       vier, à vingt heures, le Conseil municipal de la
    municipal : 15             commune de Montgaillard-sur-Aveyrole, régulière-
    En exercice : 15           ment convoqué, s'est réuni au nombre prescrit par

Read line by line, "municipal : 15 commune de Montgaillard" mixes the box and the
sentence. Here a run of lines whose right-hand text starts at one column, after a gutter
of spaces, is read as its left column then its right column. Only prose on the right
makes a run: a table laid out with spaces (numbers on the right) is left as it is.
"""
from __future__ import annotations

import re
from collections import Counter

GUTTER = 3  # spaces at least between the two columns ("L'an  deux" is justified text, not a gutter)
MIN_LINES = 4  # lines of a run holding text on both sides
RIGHT = re.compile(rf" {{{GUTTER},}}(?=\S)")  # a gutter; right-hand text may start at its end


def starts(line: str) -> set[int]:
    """Columns where text starts after a gutter ("… : 15" + spaces + "commune de …")."""
    return {m.end() for m in RIGHT.finditer(line)}


def split_columns(lines: list[str]) -> list[tuple[int, str]]:
    """(index of the source line, text) of each line, each run of two columns read left
    column first; a piece keeps the index of the line it was cut from."""
    out, i = [], 0
    while i < len(lines):
        run = _run(lines, i)
        if run:
            x, end = run
            out += [(k, lines[k][:x].strip()) for k in range(i, end) if lines[k][:x].strip()]
            out += [(k, lines[k][x:].strip()) for k in range(i, end) if lines[k][x:].strip()]
            i = end
        else:
            out.append((i, lines[i]))
            i += 1
    return out


def _run(lines: list[str], i: int) -> tuple[int, int] | None:
    """(column, end) of a two-column run starting at line i, or None."""
    window = [ln for ln in lines[i:i + 12] if ln.strip()]
    votes = Counter(x for ln in window for x in starts(ln))
    for x, _ in votes.most_common(3):
        if not _fits(lines[i], x) or not _both(lines[i], x):
            continue
        end = i
        while end < len(lines) and _fits(lines[end], x):
            end += 1
        while not lines[end - 1].strip():  # a blank line after the run stays between it and what follows
            end -= 1
        block = lines[i:end]
        if sum(_both(ln, x) for ln in block) >= MIN_LINES and _prose(ln[x:] for ln in block):
            return x, end
    return None


def _fits(line: str, x: int) -> bool:
    """The line keeps the run going at column x: blank, left only (ends before the gutter),
    right only (spaces up to x), or both sides with a gutter of spaces before x."""
    if "\f" in line:
        return False  # a page break ends a run: its page is counted on the line it stands on
    if not line.strip() or "\t" in line:
        return not line.strip()
    if len(line.rstrip()) <= x - GUTTER:
        return True
    return x in starts(line)


def _both(line: str, x: int) -> bool:
    return bool(line[:x].strip()) and bool(line[x:].strip()) and x in starts(line)


def _prose(rights) -> bool:
    """The right-hand column reads as sentences: letters, few digits, one column itself (a
    table laid out with spaces has gutters on the right too: "12 000     13 500")."""
    rights = [r.strip() for r in rights if r.strip()]
    text = " ".join(rights)
    chars = len(text.replace(" ", "")) or 1
    letters, digits = sum(c.isalpha() for c in text), sum(c.isdigit() for c in text)
    guttered = sum(bool(starts(r)) for r in rights)
    return len(text.split()) >= 12 and letters >= 0.7 * chars and digits <= 0.1 * chars \
        and guttered <= len(rights) / 3
