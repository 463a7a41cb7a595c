"""Two columns printed side by side in a text extraction, read one after the other.

A layout-preserving extraction (``pdftotext -layout``, a copy from a PDF viewer) keeps a
side box beside the opening sentence on the same lines::

    Nombre de membres          L'an deux mille vingt-quatre, le vingt-cinq jan-
    afférents au Conseil       vier, à vingt heures, le Conseil municipal de la
    municipal : 15             commune de Montgaillard-sur-Aveyrole, régulière-
    En exercice : 15           ment convoqué, s'est réuni au nombre prescrit par

Read line by line, "municipal : 15 commune de Montgaillard" mixes the box and the
sentence. Here a run of lines whose right-hand text starts at one column, after a gutter
of spaces, is read as its left column then its right column. Prose on the right makes a
run, and so does prose on the left with a box of short labelled lines on the right
("sous la presidence de M. Dominique     | pouvoirs : 3"); a table laid out with spaces
(numbers in columns, labels and their values) is left as it is.
"""
from __future__ import annotations

import re
from collections import Counter

from schemas.text import ends_sentence

GUTTER = 3  # spaces at least between the two columns ("L'an  deux" is justified text, not a gutter)
MIN_LINES = 4  # lines of a run holding text on both sides
RIGHT = re.compile(rf" {{{GUTTER},}}(?=\S)")  # a gutter; right-hand text may start at its end


def starts(line: str) -> set[int]:
    """Columns where text starts after a gutter ("… : 15" + spaces + "commune de …")."""
    return {m.end() for m in RIGHT.finditer(line)}


def _at(line: str, x: int) -> bool:
    """Right-hand text starts at column x, or one off (a box's rule drawn one column aside)."""
    return any(abs(s - x) <= 1 for s in starts(line))


def split_columns(lines: list[str]) -> list[tuple[int, str]]:
    """(index of the source line, text) of each line, each run of two columns read left
    column first; a piece keeps the index of the line it was cut from."""
    out, i = [], 0
    while i < len(lines):
        run = _run(lines, i) or (_letterhead(lines, i) if i < TOP else None)
        if run:
            x, end = run
            out += [(k, lines[k][:x].strip()) for k in range(i, end) if lines[k][:x].strip()]
            out += [(k, lines[k][x:].strip(" |")) for k in range(i, end) if lines[k][x:].strip(" |")]
            i = end
        else:
            out.append((i, lines[i]))
            i += 1
    return out


def _run(lines: list[str], i: int) -> tuple[int, int] | None:
    """(column, end) of a two-column run starting at line i, or None. The run stops at a
    blank line (the box's last lines, "Date d'affichage :" / "18/01/2024", are its own)."""
    if not starts(lines[i]) or len(COUNT_CELL.findall(lines[i])) >= 3:
        # no gutter on the first line (most lines): no run starts here; nor on a row of counts
        # ("Membres en exercice : 17      Présents : 11      Procurations : 3      Votants : 14")
        return None
    window = [ln for ln in lines[i:i + 12] if ln.strip()]
    votes = Counter(x for ln in window for x in starts(ln))
    for x, _ in votes.most_common(3):
        if _both(lines[i], x) and (run := _run_at(lines, i, x)):
            return run
    return None


def _run_at(lines: list[str], i: int, x: int) -> tuple[int, int] | None:
    """(column, end) of the run from line i whose right column starts near x, when its lines
    read as two texts side by side (not labels over values, not a numbering before titles)."""
    end = i
    while end < len(lines) and lines[end].strip() and _fits(lines[end], x):
        end += 1
    block = lines[i:end]
    both = [ln for ln in block if _both(ln, x)]
    # an item's heading beside its count box may hold three lines ("Délibération n° 2012-042
    # Nombre de conseillers en exercice : 33" / "COMPTE ADMINISTRATIF 2011 -   Présents : 25" / …)
    if len(both) < MIN_LINES and not (len(both) >= 3 and (_heading_box(block, x) or _letterhead_box(block, x))):
        return None
    cut = min(min(s for s in starts(ln) if abs(s - x) <= 1) for ln in both)  # before the leftmost start
    if not _labels_and_values(block, cut) and not _numbering(block, cut) and \
            (_two_texts(block, cut) or _two_lists(block, cut) or _two_boxes(block, cut)):
        return cut, end
    return None


LISTED = re.compile(r"^\s*(?:(?:m|mm|mme|mmes|mlle|monsieur|madame)\.?\s+[A-ZÀ-Ý]|[^\W\d_][^:]{2,40}:\s*$)", re.IGNORECASE)
# a list's header in capitals over its column, no colon: "PRÉSENTS", "ABSENTS EXCUSÉS / POUVOIRS"
HEADER = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ /,-]{2,40}$")


def _two_lists(block: list[str], x: int) -> bool:
    """Two lists side by side, every line a label or a name: "Excusés ayant donné pouvoir :      Absents
    excusés :" / "M. Yannick TOURNEUX à Mme Gaëlle ROLLAND          M. Sébastien LE GUEN"; or headed in
    capitals: "PRÉSENTS            ABSENTS EXCUSÉS / POUVOIRS" / "M. Alain TESSIER    Mme Laure BRUNET
    (pouvoir à M. TESSIER)"."""
    lefts = [ln[:x].strip() for ln in block if ln[:x].strip()]
    rights = [ln[x:].strip(" |") for ln in block if ln[x:].strip(" |")]
    heads = (block[0][:x].strip(), block[0][x:].strip(" |"))
    headed = all(heads) and all(HEADER.match(side) for side in heads)  # headers in capitals, first line only
    body = [side for ln in block[1:] if headed for side in (ln[:x].strip(), ln[x:].strip(" |")) if side]
    if len(rights) < 2 or not lefts or not all(LISTED.match(side) for side in (body if headed else lefts + rights)):
        return False
    return headed or any(side.endswith(":") for side in lefts) and any(side.endswith(":") for side in rights)


BOX_LINE = re.compile(r"^[^\W\d_][^:|]{0,30}:\s*\d{1,3}$")  # "Pour : 24", "Abstention : 0"


def _two_boxes(block: list[str], x: int) -> bool:
    """Two boxes of counts side by side under their headings, read one after the other: "Avis de la
    commission Finances       Vote du Conseil municipal" / "Pour : 5      Pour : 24" / … (every line under
    the headings a label and its figure on both sides; whose box is whose is the readers' to say)."""
    heads = (block[0][:x].strip(), block[0][x:].strip(" |"))
    sides = [side for ln in block[1:] for side in (ln[:x].strip(), ln[x:].strip(" |"))]
    return all(heads) and not any(":" in h or re.search(r"\d", h) for h in heads) and len(sides) >= 6 \
        and all(BOX_LINE.match(side) for side in sides)


COUNT_CELL = re.compile(r"[^\W\d_][^:|]{0,40}:\s*[0-9lO]{1,3}(?=\s{3,}|\s*$)")  # "Présents : 11" before a gutter
TOP = 3  # a letterhead's two sides stand on the document's first lines
WIDE = re.compile(r" {8,}(?=\S)")  # a letterhead's sides stand far apart


def _letterhead(lines: list[str], i: int) -> tuple[int, int] | None:
    """(column, end) of a letterhead of two or three lines printed side by side at the top, the
    body's name on the left and the sitting on the right::

        CENTRE INTERCOMMUNAL D'ACTION SOCIALE                    Séance du Conseil d'Administration
        DE L'ATREBATIE (Pas-de-Calais)                           du jeudi 24 mai 2012

    Read line by line, the name and the date run into each other. The left side holds no figure
    nor a label ending it (not a count box: "Membres en exercice : 21      Présents : 15"; not a list:
    "Présents :        Mme Anne DURAND, …")."""
    gaps = [[m.end() for m in WIDE.finditer(ln)] for ln in lines[i:i + 4]]
    if len(gaps[0]) != 1:
        return None
    x, end = gaps[0][0], i
    while end < min(len(lines), i + 4) and len(gaps[end - i]) == 1 and abs(gaps[end - i][0] - x) <= 1 \
            and _words(lines[end][:x]) and _words(lines[end][x - 1:]) and not re.search(r"\d|:\s*$", lines[end][:x]):
        end += 1
    return (min(g[0] for g in gaps[:end - i]), end) if end - i >= 2 else None


def _words(side: str) -> bool:
    """One side of a letterhead's line is words ("DE L'ATREBATIE (Pas-de-Calais)", "du jeudi 24 mai
    2012"), not figures."""
    side = side.strip()
    return bool(side) and sum(c.isalpha() for c in side) >= 0.6 * len(side.replace(" ", ""))


def _fits(line: str, x: int) -> bool:
    """The line keeps the run going at column x: left only (ends before the gutter), right
    only (spaces up to x), or both sides with a gutter of spaces before x."""
    if "\f" in line or "\t" in line:
        return False  # a page break ends a run (its page is counted on its line); tabs are a table
    if len(line.rstrip()) <= x - GUTTER:
        return True
    return _at(line, x)


def _both(line: str, x: int) -> bool:
    """Text on both sides of the gutter at x."""
    return bool(line[:x - 1].strip()) and bool(line[x + 1:].strip()) and _at(line, x)


def _labels_and_values(block: list[str], x: int) -> bool:
    """"Absents :        Mme Claire THOMAS": a label and its value on each line, not two
    columns (a side box holds its values too: "Date de convocation :" / "15 février 2024")."""
    lefts = [ln[:x].strip() for ln in block if ln[:x].strip()]
    return sum(left.endswith(":") for left in lefts) >= 0.8 * len(lefts)


NUMBER_SIGN = re.compile(r"^(?i:n\s*°|no\.?(?=\s)|num[ée]ro\b)\s*")  # not the "No" of "Nombre", "Nous"


def _numbering(block: list[str], x: int) -> bool:
    """"D2025_087   Approbation du procès-verbal … – adoptée": each line's act number, then its
    title, not two columns (the left side one code with a digit on most lines, after its "N°":
    "N° 2014-48   Approbation du procès-verbal …" / "             Adoptée à l'unanimité")."""
    lefts = [NUMBER_SIGN.sub("", ln[:x].strip()).split() for ln in block if ln[:x].strip()]
    coded = sum(len(left) == 1 and any(c.isdigit() for c in left[0]) for left in lefts)
    return coded >= 0.8 * len(lefts)


def _prose(rights: list[str]) -> bool:
    """The right-hand column is one text running from line to line ("… le vingt-cinq jan-" /
    "vier, à vingt heures, le Conseil municipal de la"): letters, few digits, no gutter of
    its own (a table laid out with spaces has "12 000     13 500"), and most lines going on
    into the next (not "Adopté à l'unanimité." under "Adopté à l'unanimité.")."""
    rights = [r.strip() for r in rights if r.strip()]
    text = " ".join(rights)
    chars = len(text.replace(" ", "")) or 1
    letters, digits = sum(c.isalpha() for c in text), sum(c.isdigit() for c in text)
    guttered = sum(bool(starts(r)) for r in rights)
    running = sum(_goes_on(a, b) for a, b in zip(rights, rights[1:]))
    return len(text.split()) >= 12 and not _results(rights) \
        and letters >= 0.7 * chars and digits <= 0.1 * chars \
        and guttered <= len(rights) / 3 and running * 2 >= len(rights) - 1



def _results(lines: list[str]) -> bool:
    """A table's column of results read as lines ("ADOPTEE" / "(47 pour - 4 abstentions)" /
    "ADOPTEE A L'UNANIMITE" / "REJETE" / "(9 pour - 38 contre -"; "Décision" / "Adoptée à
    l'unanimité" / "Adoptée (12 pour, 2 abst.)"; "Adoptée" / "Pour 87 · Contre 0 · Abst. 12"): most
    lines open on an outcome or a bracketed count, whichever outcome it is; no running text."""
    opened = sum(bool(RESULT.match(line.lower()) or re.match(r"\(\s*\d", line)) for line in lines)
    return len(lines) >= 3 and opened * 2 > len(lines)


# (a vote's counts or "Vote unique" under an outcome: "Adoptée" / "Pour 87 · Contre 0 · Abst. 12" / "Vote unique")
RESULT = re.compile(r"(?:adopt|approuv|rejet|unanim|favorable|d[ée]favorable|vote\s+unique|pour\s*:?\s*\d)")


def _two_texts(block: list[str], x: int) -> bool:
    """Prose on the right, or prose or an item's heading on the left with a side box on the right."""
    lefts, rights = [ln[:x] for ln in block], [ln[x:] for ln in block]
    return _prose(rights) or (_prose(lefts) and _box(rights)) or _heading_box(block, x) or _letterhead_box(block, x)


def _letterhead_box(block: list[str], x: int) -> bool:
    """The state's and the body's names in capitals on the left ("DEPARTEMENT DU BAS-RHIN" /
    "ARRONDISSEMENT DE SELESTAT-ERSTEIN" / "COMMUNE DE MARCKOLSHEIM"), a count box beside them."""
    lefts = [ln[:x].strip() for ln in block if ln[:x].strip()]
    return len(lefts) >= 2 and _box([ln[x:] for ln in block]) and \
        all(left.isupper() and not re.search(r"[\d:]", left) and len(left.split()) <= 8 for left in lefts)


def _heading_box(block: list[str], x: int) -> bool:
    """An item's heading on the left, its count box on the right, each label once ("Présents : 25"
    / "Pouvoirs : 5"; not a vote a row: "Compte administratif 2023   Pour : 20" / "Budget annexe
    eau   Pour : 18")."""
    rights = [ln[x:].strip(" |") for ln in block if ln[x:].strip(" |")]
    labels = [r.split(":")[0].strip().lower() for r in rights if ":" in r]
    return _heading([ln[:x] for ln in block]) and _box(rights) and len(set(labels)) == len(labels)


def _heading(lefts: list[str]) -> bool:
    """An item's number and title beside its count box ("Délibération n° 2012-041" / "COMPTE DE
    GESTION 2011 DU" / "RECEVEUR MUNICIPAL - BUDGET", "Présents : 26" on the right): words, no label."""
    lefts = [left.strip() for left in lefts if left.strip()]
    text = "".join(lefts).replace(" ", "")
    # one number on top, the title under it: not a list of acts beside their votes ("2022/028
    # Approbation du procès-verbal …      ADOPTE" / "2022/029 Compte administratif …   Pour : 29")
    numbered = [left for left in lefts[1:] if re.search(r"\d", left.split()[0])]
    return len(lefts) >= 2 and not any(":" in left or "|" in left for left in lefts) and bool(re.search(r"\d", lefts[0])) \
        and not numbered and sum(c.isalpha() for c in text) >= 0.7 * len(text)  # (a table's cells are drawn with "|")


def _box(rights: list[str]) -> bool:
    """A side box on the right of the prose ("| Nombre de conseillers" / "| en exercice : l9" /
    "| presents : l4"): short lines, most of them a label with its colon."""
    rights = [r.strip(" |") for r in rights if r.strip(" |")]
    short = all(len(r.split()) <= 8 for r in rights)  # "Nombre de conseillers en exercice : 33"
    labelled = sum(":" in r for r in rights)  # "en exercice : l9"; a column of amounts has none
    return bool(rights) and short and labelled * 2 >= len(rights)


def _goes_on(line: str, nxt: str) -> bool:
    """The sentence of `line` goes on into `nxt`: no end mark (a civility's full stop is
    none), and `nxt` begins in lower case, or `line` ends with a hyphen or a comma, or both
    are in capitals."""
    if re.search(r"[;:!?]$", line) or ends_sentence(line):  # "… Mme Évelyne PARISOT, M." goes on
        return False
    return nxt[:1].islower() or line.endswith(("-", ",", ".")) or line.isupper() and nxt.isupper() \
        or line[-1:].islower() and nxt[:1].isalnum()  # "… le Conseil" / "Municipal de …", "le 6 juin" / "2017, s'est"
