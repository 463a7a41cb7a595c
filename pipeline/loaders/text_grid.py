"""A table laid out with spaces in a text extraction, its cells given back as tab cells.

``pdftotext -layout`` and a copy from a PDF viewer keep a ruled table's columns by spaces,
each row wrapped over as many lines as its longest cell::

    N°          Objet                                     Pour   Contre  Abst.  NPPV   Décision
    DC2022-141  Finances – Décision modificative n°3 –
                Budget principal 2022                     55     6       2      0      Adoptée
    Accusé de réception en préfecture 016-200071827-…      <- a stamp printed across the table
    DC2022-144  Ressources humaines – Tableau des
                effectifs au 1er janvier 2023             63     0       0      0      Adoptée à
                                                                                       l'unanimité

Read line by line, "Budget principal 2022 55 6 2 0 Adoptée" loses which number is whose.
Here a header of four or more short capitalised cells without digits, two spaces or more
apart (or capitalised words one space apart: "Votants Pour Contre Abst."), gives the
columns; each line under it whose pieces start at those columns is part of a row, a row
starts where its first column is written beside another cell, and its pieces are joined
cell by cell into one tab line (the form a ruled table takes in the text loader). A line
across the columns (a stamp, a page footer) stays a line and the table goes on after it;
a blank line or three lines that do not fit end it. Only an act's code is ever cut from
the text beside it ("2025-018 1. Compte …" in a narrow first column); a table is one only
when two rows or more hold numbers beside their first cell, so that justified prose or a
list of names laid out in columns stays text; a page break inside a row stays with it.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from pipeline.loaders import count_box
from pipeline.loaders.count_box import SLACK, pieces as _pieces
from schemas.cells import code_cut
from schemas.text import CALL_MARK, joined, number_shape

MIN_COLUMNS = 4
# lines across the table (a stamp of four lines between its rules, a footer) skipped while looking
# for the next row
LOOKAHEAD = 7


def regrid(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, each table laid out with spaces as one tab line a row."""
    lines = list(lines)
    k = 0
    while k < len(lines):
        ahead = [lines[k + i][1] if k + i < len(lines) else "" for i in range(1, 4)]
        box = count_box.box(lines[k][1], ahead[0], ahead[1])
        if box:
            yield from ((lines[k + i][0], "\t".join(cells)) for i, cells in enumerate(box))
            k += 2
            continue
        box = count_box.wrapped(lines[k][1], *ahead)
        if box:  # the header's two lines are one row: the second line's index is dropped
            yield from ((lines[k + i][0], "\t".join(cells)) for i, cells in ((0, box[0]), (2, box[1])))
            k += 3
            continue
        columns = header(lines[k][1])
        rows, passed, end = _rows(lines, k + 1, columns) if columns else ([], [], k + 1)
        if not _holds_figures(columns, rows):
            yield lines[k]  # a table holds numbers in its rows, not only in a footer
            k += 1
            continue
        yield from _table_lines(lines, k, end, columns, rows, passed)
        k = end


def _holds_figures(columns: list[int], rows: list[tuple[int, list[str]]]) -> bool:
    """Two rows of three cells or more, two with a figure past the first cell; three columns only
    when a vote is said in them (else a list laid out in columns)."""
    return sum(len([c for c in cells if c]) >= 3 for _, cells in rows) >= 2 and \
        sum(any(re.search(r"\d", c) for c in cells[1:]) for _, cells in rows) >= 2 and \
        (len(columns) != 3 or _votes_said(rows))


def _table_lines(lines: list[tuple[int, str]], k: int, end: int, columns: list[int],
                 rows: list[tuple[int, list[str]]], passed: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The header at `k` and its rows as tab lines, the lines passed over kept in their place."""
    names, passed = _header_wrapped(lines[k][1], columns, passed, rows[0][0])
    kept = {i for i, _ in passed}  # lines passed over stay lines, their page breaks with them
    breaks = dict.fromkeys([None, *(index for index, _ in rows)], "")
    for i, text in lines[k + 1:end]:
        if i not in kept and "\f" in text:  # a page break inside a row is the row's; in the header's
            breaks[_row_of(i, rows)] += "\f" * text.count("\f")  # wrapped line ("délibération"), the header's
    # a line between the header and the first row ("FINANCES", a section's title) is read above
    # the header, which stays on its rows
    yield from sorted(p for p in passed if p[0] < rows[0][0])
    yield lines[k][0], "\f" * lines[k][1].count("\f") + breaks.pop(None, "") + "\t".join(names)
    yield from sorted([(index, breaks[index] + "\t".join(cells)) for index, cells in rows] +
                      [p for p in passed if p[0] > rows[0][0]])


def _header_wrapped(line: str, columns: list[int], passed: list[tuple[int, str]],
                    first: int) -> tuple[list[str], list[tuple[int, str]]]:
    """The header's names, with what its cells wrap onto above the first row ("N° de la      Objet
    Vote" / "délibération"); the lines passed over less those."""
    names = [name for _, name in _columns(line)]
    under = [(i, _place(text, columns)) for i, text in passed if i < first and not RULE_LINE.match(text)]
    # a word going on in lower case ("délibération"); not a section's title ("FINANCES") above the rows
    if not all(placed and all(v[:1].islower() for v in placed.values()) for _, placed in under):
        return names, passed
    for _, placed in under:
        names = [_join(name, placed.get(j, "")) for j, name in enumerate(names)]
    return names, [p for p in passed if p[0] >= first or RULE_LINE.match(p[1])]


RULE_LINE = re.compile(r"^\s*[-–—_=]{3,}\s*$")  # "-------" under a header: no text of the header


def unpipe(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a table drawn with "|" one tab line a row: three lines or more
    whose pipes stand at the same places (a ruled table typed or printed in a fixed font)::

        N°          | Objet                                      | Décision
        B2021-062   | Déchets – Marché de collecte des ordures   | Adoptée
                    | (lot 1) – Avenant n° 2 (+ 3,8 %)           | Pour : 14

    A line whose first cell is empty goes on with the row above, cell by cell. Typed in a
    proportional font, the pipes stand anywhere, but as many on each line under a header
    without digits ("N° | Objet | Pour | Contre | Abst." / "2024-011 | Budget … | 14 | 0 | 0")."""
    lines = list(lines)
    k = 0
    while k < len(lines):
        # a Markdown table ("| N° | Objet |") is `text.piped`'s, its first cell never empty
        pipes = () if lines[k][1].lstrip().startswith("|") else _pipes(lines[k][1])
        same = _same_pipes(lines[k][1], pipes)
        end = k
        while pipes and end < len(lines) and (same(lines[end][1]) or DASHES.match(lines[end][1])
                                              and end + 1 < len(lines) and same(lines[end + 1][1])):
            end += 1  # a rule under the header ("-----") is inside the table
        if end - k < 3:
            yield lines[k]
            k += 1
            continue
        yield from _piped_rows([line for line in lines[k:end] if not DASHES.match(line[1])])
        k = end


def ocr_pipes(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, the pipes of a ruled table that OCR read as letters put back,
    three lines or more whose lone "l", "I" or "!" stand at the same places (one character off)::

        N°         l Rapport                                               l Vote
        ------------+-------------------------------------------------------+---------------
         17CP-0412  l Routes - Programme 2017 de renforcement des chaussees l Unanimite

    French writes "l" alone between spaces only after a figure (litres: "8 500 l"), and never three
    lines of lone capitals "I" one under the other; a rule between the lines ("---+---") is inside
    the table."""
    lines = list(lines)
    places = [_lone_bars(line) for _, line in lines]
    k = 0
    while k < len(lines):
        end, columns = k, places[k]
        while end < len(lines) and (DASHES.match(lines[end][1])
                                    or len(places[end]) >= 2 and _snap(places[end], columns)):
            end += 1
        if len(columns) < 2 or sum(not DASHES.match(line) for _, line in lines[k:end]) < 3:
            yield lines[k]
            k += 1
            continue
        for j in range(k, end):
            index, line = lines[j]
            yield index, "".join("|" if i in places[j] else c for i, c in enumerate(line))
        k = end


def _lone_bars(line: str) -> tuple[int, ...]:
    """Where a line holds "l", "I" or "!" alone between spaces (or at its end): a pipe OCR misread."""
    return tuple(m.start(1) for m in LONE_BAR.finditer(line))


LONE_BAR = re.compile(r"(?:(?<=\s)|^)(?<!\d\s)([lI!])(?=\s|$)")  # (not a unit: "8 500 l")


def markdown_wrapped(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a Markdown row whose cells a PDF extraction wrapped onto lines
    without a leading "|" joined back into one line::

        | 24-07-CP-0381 | LYCEES - Dotations complémentaires … aux établissements publics lo-
        caux d'enseignement | Pour : 43 - Adopté à l'unanimité |
        | 24-07-CP-0384 | CULTURE - … Subvention de fonctionnement 2024 (solde) |
        Adopté à l'unanimité |

    A line goes on with the row when the row is open (no closing "|") and a "|" comes within
    `WRAP_REACH` lines, or when the line itself holds the row's next cells ("… | Adopté |")."""
    lines = list(lines)
    k = 0
    while k < len(lines):
        index, row = lines[k]
        # a Markdown row opens on its "|" ("          | (dans la limite …) |" is a fixed-font
        # table's row going on, its pipes in columns: `unpipe`'s)
        n = _wrapped_lines(lines, k) if row.replace("\f", "").startswith("|") else 0
        for _, more in lines[k + 1:k + 1 + n]:
            row = _dehyphenated(row, more)
        yield index, row
        k += 1 + n


WRAP_REACH = 3


def _wrapped_lines(lines: list[tuple[int, str]], k: int) -> int:
    """How many lines after the Markdown row at `k` are its cells going on."""
    ahead = []
    if _cut_between_figures(lines, k):
        return 1
    for _, text in lines[k + 1:k + 1 + WRAP_REACH]:
        if not text.strip() or text.lstrip().startswith("|"):
            break
        ahead.append(text)
        if "|" in text:
            break
    if not ahead or not re.search(r"\s\|\s|\|\s*$", ahead[-1]):
        return 0
    if not lines[k][1].rstrip().endswith("|"):
        return len(ahead)  # an open row goes on
    # a closed row takes the next cells only ("Adopté à l'unanimité |"), not a footer with a bar
    # ("Conseil municipal du 3 mars 2024 | page 2")
    return 1 if len(ahead) == 1 and ahead[0].rstrip().endswith("|") else 0


def _cut_between_figures(lines: list[tuple[int, str]], k: int) -> bool:
    """"| DEL-24-1008 | Eau potable … | 130 | 106 | 24" / "| 0 | 0 | Adoptée |": a row cut between two figures,
    the two lines' cells as many as the row above's (not "| 3 | … | Adopté" missing its last bar, then "| 4 | …")."""
    row, nxt = lines[k][1].strip(), lines[k + 1][1].strip() if k + 1 < len(lines) else ""
    if row.endswith("|") or not nxt.endswith("|") or not re.match(r"\|\s*(?:\d{1,4}|-)\s*\|", nxt):
        return False  # (asked of every Markdown row: the rows above are looked at only for a cut one)
    # the widest whole row above (the header's bars), the next line's first bar then closing the cut cell
    whole = [t.strip() for _, t in lines[max(0, k - 40):k] if t.strip().startswith("|")]
    return row.count("|") + nxt.count("|") == max((t.count("|") for t in whole if t.endswith("|")), default=0)


def _dehyphenated(row: str, more: str) -> str:
    """"… publics lo-" + "caux d'enseignement" -> "… publics lo-caux d'enseignement": a word cut at
    the line's end is rejoined, its hyphen kept (schemas.text.joined); a page break in the line
    goes first."""
    breaks, more = "\f" * more.count("\f"), more.replace("\f", "").strip()
    return breaks + joined([row.rstrip(), more])


DASHES = re.compile(r"^\s*[-=_+]{3,}\s*$")


def _pipes(line: str) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(line) if c == "|")


def _same_pipes(head: str, pipes: tuple[int, ...]):
    """Whether a line is a row of the table `head` opens: its pipes where the header's are,
    or as many when the header is two pipes or more without a digit."""
    counted = len(pipes) >= 2 and not re.search(r"\d", head)
    return lambda line: _pipes(line) == pipes or _merged(_pipes(line), pipes) or counted \
        and len(_pipes(line)) == len(pipes) and (not line.lstrip().startswith("|") or _under_first(line, pipes))


def _under_first(line: str, pipes: tuple[int, ...]) -> bool:
    """A wrapped cell's line, its first cell empty ("          | adhésion 2012-2015   |    |"): its
    first pipe under the header's, away from the margin (a Markdown row opens on its pipe)."""
    return pipes[0] > 0 and abs(_pipes(line)[0] - pipes[0]) <= 1


def _merged(mine: tuple[int, ...], pipes: tuple[int, ...]) -> bool:
    """A row some of whose cells span several columns, in a fixed font: its pipes are some of the
    header's ("Point | Votants | Pour | Contre | Abstentions" / "2     | 33      | unanimité          |")."""
    snapped = _snap(mine, pipes)
    return len(mine) >= 2 and len(pipes) >= 3 and snapped is not None and len(set(snapped)) < len(pipes)


def _snap(mine: tuple[int, ...], pipes: tuple[int, ...]) -> tuple[int, ...] | None:
    """The header's pipes a row's pipes stand under, one character off at most (an accented
    letter typed as two: "unanimité" pushes the pipe after it one place right)."""
    near = [next((p for p in pipes if abs(p - m) <= 1), None) for m in mine]
    return None if None in near else tuple(near)


def _piped_rows(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The rows of a table drawn with pipes, its wrapped cells joined."""
    rows: list[tuple[int, list[str]]] = []
    head = _pipes(lines[0][1]) if lines else ()
    for index, line in lines:
        cells = _spread(line, head) if _merged(_pipes(line), head) else [c.strip() for c in line.split("|")]
        if rows and not cells[0]:
            rows[-1] = (rows[-1][0], [_join(a, b) for a, b in zip(rows[-1][1], cells)])
        else:
            rows.append((index, cells))
    yield from ((index, "\t".join(cells)) for index, cells in rows)


def _spread(line: str, head: tuple[int, ...]) -> list[str]:
    """A row with merged cells, one cell per header column: a cell spanning several columns is
    the first one's, the others empty ("2 | 33 | unanimité |" -> "2", "33", "unanimité", "", "", "")."""
    mine = _pipes(line)
    at = dict(zip(_snap(mine, head), mine))  # a header pipe -> the row's own pipe under it
    bounds = [-1, *mine, len(line)]
    cells = []
    for start in (-1, *head):
        own = -1 if start == -1 else at.get(start)
        cells.append(line[own + 1:bounds[bounds.index(own) + 1]].strip() if own is not None else "")
    return cells


def _row_of(index: int, rows: list[tuple[int, list[str]]]) -> int | None:
    """The row a source line belongs to: the last row starting at or above it."""
    return max((start for start, _ in rows if start <= index), default=None)


# "N° DCP   Rapport / Objet   Décision", "N° de la   Objet   Vote" (its "délibération" wrapped below),
# "N°   DIRECTION / OBJET   SUITE DONNEE" (a département's list of reports)
ACTS_HEADER = re.compile(r"(?i)^\s*(?:(?:N°|N[o°]\.?|Num[ée]ro|R[ée]f\.?)(?:\s(?:du\s|de\sla\s|de\s)?(?:rapport|d[ée]lib[ée]ration|acte)"
                         r"|\sd['’](?:ordre|acte)|\sde(?:\sla)?|\s(?-i:[A-Z]{2,5}))?"
                         r"|(?:Rapport|D[ée]lib[ée]ration)(?:\sn[o°]\.?)?)\s{2,}"
                         r"(?:(?:Rapport|Dossier|Direction|Service)\s?/\s?)?(?:Objet|Intitul[ée])"
                         r"(?:\s(?:du|de\sla|de\sl['’])\s?(?:rapport|d[ée]lib[ée]ration|acte|dossier))?\s{2,}"
                         r"(?:Votes?|D[ée]cisions?|R[ée]sultats?(?:\s+du\s+vote)?|Suite\s+donn[ée]e)(?:\s?/\s?(?:votes?|d[ée]cision|r[ée]sultat))?\s*$")


# a list of acts' third column says votes ("Adoptée – Pour : 33", "Adopté à l'unanimité", "Rejetée");
# the mayor's decisions under delegation ("N°  Objet  Décision" / "Signature d'un avenant") do not
VOTE_SAID = re.compile(r"(?i)adopt|unanim|rejet|pour\s*:|contre|abst|acte\b|approuv"
                       # a legend's capitals: "U", "53 P — 12 C" (U = unanimité, P = pour)
                       r"|(?-i:^\s*U\s*$|\b\d{1,3}\s*P\b)")


def _votes_said(rows: list[tuple[int, list[str]]]) -> bool:
    return 2 * sum(bool(VOTE_SAID.search(cells[-1])) for _, cells in rows) > len(rows)


def header(line: str) -> list[int] | None:
    """Where the columns start: ``"N°   Objet   Pour   Contre   Abst."`` (short capitalised
    cells, no digit)."""
    if "\t" in line:
        return None  # a table already cut into cells (a Markdown or a pipe table's row)
    pieces = _columns(line)
    # "N°  Objet  Pour  Contre": short, capitalised; not justified prose ("Monsieur   le  Maire");
    # three when they are a list of acts' ("N°   Objet   Vote")
    if len(pieces) < (3 if ACTS_HEADER.match(line) else MIN_COLUMNS) or any(re.search(r"\d", p) or len(p.split()) > 4 or not p[:1].isupper()
                                        for _, p in pieces):
        return None
    return [x for x, _ in pieces]


def _columns(line: str) -> list[tuple[int, str]]:
    return [w for piece in _pieces(line) for w in _words(*piece)]


def _words(x: int, piece: str) -> list[tuple[int, str]]:
    """A piece of capitalised words one space apart is as many columns ("Votants Pour Contre
    Abst. NPPV Résultat", a narrow ruled table); "Objet de la délibération" is one."""
    words = [(x + m.start(), m.group(0)) for m in re.finditer(r"\S+", piece)]
    # "Pour", "Abst.", "NPPV": capitalised words or short acronyms, not a title in capitals
    # ("EXTRAIT DU REGISTRE DES DELIBERATIONS")
    column = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ.°]*|[A-ZÀ-Ý.°]{1,4}")
    numbered = words[0][1] in ("N°", "Nº", "No", "N°.")  # "N° DCP": the number's column, named
    columns = all(column.fullmatch(w) for _, w in words) or all(VOTE_HEAD.fullmatch(w) for _, w in words)
    return words if len(words) > 1 and not numbered and columns else [(x, piece)]


# a vote table's header in capitals, one space apart: "VOTANTS POUR CONTRE ABST. DECISION" (every
# word of it: "RESULTAT DU VOTE" is one column)
VOTE_HEAD = re.compile(r"VOTANTS|POUR|CONTRE|ABST\.?|ABSTENTIONS?|D[EÉ]CISION|R[EÉ]SULTAT|EXPRIM[EÉ]S|"
                       r"PR[EÉ]SENTS|POUVOIRS")


def _place(line: str, columns: list[int]) -> dict[int, str] | None:
    """Column -> text of a line under the header, or None when a piece runs across a column
    start (a stamp, a footer: "Accusé de réception en préfecture …")."""
    placed: dict[int, str] = {}
    pieces = _pieces(line)
    alone = len(pieces) == 1  # one run of words: prose or a stamp, never cut into cells
    while pieces:
        x, text = pieces.pop(0)
        j = max((i for i, c in enumerate(columns) if c <= x + SLACK), default=None)
        if j is not None and j in placed and _early(x, text, j, columns):
            j += 1  # "N° de délibération   Objet" over "25-C-0201   ADMINISTRATION …": the header's
            #         first word wider than the codes under it, the title starts before "Objet"
        if j is not None and j + 1 < len(columns) and x + len(text) > columns[j + 1] and \
                not _spans_rest(text, placed, pieces) and not _merged_cell(text, x, columns[j], placed):
            # "2025-018 1. Compte …": an act's code one space from its title, in the first column
            # only; a footer or a sentence across the columns is never cut
            cut = None if alone or j != 0 else _cut(x, text, columns[j + 1])
            if cut is None or not re.search(r"\d", text[:cut]) or " " in text[:cut].strip():
                cut = None if alone else _result_cut(x, text, j, columns)
            if cut is None:
                return None
            pieces[:0] = [(x, text[:cut].rstrip()), (x + cut + 1, text[cut + 1:])]
            continue
        if j is not None and j in placed and j == len(columns) - 1 and not alone and re.search(r"[^\W\d_]", text):
            placed[j] += " " + text  # "Pour : 32  Abst. : 5" under "DECISION / VOTE": the last cell's
            continue  # words two spaces apart (not two figures set right: a column misplaced)
        if j is None or j in placed:
            return None
        placed[j] = text
    return placed


def _result_cut(x: int, text: str, j: int, columns: list[int]) -> int | None:
    """"2024/109  Mobilités - Convention avec Ile-de-France Mobilités relative Adoptée à l'unanimité":
    a title one space from the result in the last column, cut where the result starts."""
    if j + 2 != len(columns):
        return None
    cut = _cut(x, text, columns[j + 1])
    return cut if cut is not None and RESULT_START.match(text[cut + 1:]) else None


RESULT_START = re.compile(r"(?i)(?:adopt|unanim|rejet|approuv|retir|ajourn|le\s+conseil\s+prend\s+acte|pris\s+acte"
                          r"|\d+\s+(?:voix\s+)?pour)")


def _early(x: int, text: str, j: int, columns: list[int]) -> bool:
    """A piece after the first column's, starting before the second column and ending before the
    third: the second column's cell (never further right: "800 €" before "Pour" is no vote)."""
    return j == 0 and len(columns) > 1 and x < columns[1] and (len(columns) == 2 or x + len(text) < columns[2])


def _spans_rest(text: str, placed: dict[int, str], pieces: list) -> bool:
    """The last cell of a row written across the columns left of it, a merged cell: "2025-303
    98  unanimité" under "N°  Votants  Pour  Contre  Abst.", "2025-304  prend acte" (a result in
    words, short, no figure, after the row's first cell)."""
    return bool(placed) and not pieces and len(text.split()) <= 4 and not re.search(r"\d", text)


def _merged_cell(text: str, x: int, column: int, placed: dict[int, str]) -> bool:
    """A result in words written from a column's start across the next ones, more cells after
    it: "2024-089  Accueil périscolaire …  unanimité   Adoptée" under "N°  Objet  Pour  Contre
    Abst.  Décision" (short, no figure, after the row's first cell)."""
    return bool(placed) and abs(x - column) <= SLACK and len(text.split()) <= 3 and not re.search(r"\d", text)


def _cut(x: int, text: str, column: int) -> int | None:
    """Where a piece running over a column start is cut: a space at that start, one off."""
    for at in (column - 1 - x, column - 2 - x, column - x):
        if 0 < at < len(text) and text[at] == " ":
            return at
    return None


def _rows(lines: list[tuple[int, str]], k: int, columns: list[int]):
    """The rows under a header (index of their first line, cells), the lines passed over
    inside the table, and where the table ends (`loose`: rows typed off the header's columns,
    `_in_order`, their wrapped lines too, `_wrapped_left`)."""
    rows: list[tuple[int, list[str]]] = []
    passed: list[tuple[int, str]] = []
    loose = False
    while k < len(lines):
        if not lines[k][1].strip():
            resume = _after_stamp(lines, k, columns)
            if resume is None:
                break
            passed += [line for line in lines[k:resume] if line[1].strip()]
            k = resume
        placed, ordered = _placed(lines[k][1], columns, rows, loose)
        if STAMP.search(lines[k][1]) and not (placed and 0 in placed):
            passed.append(lines[k])  # inside one column, as "Reçu le …" under an object: no cell's
        elif placed and rows and (0 not in placed or code_cut(rows[-1][1][0], placed[0])):
            # the row above going on: a line without a first cell, or a code cut in the first column
            rows[-1] = (rows[-1][0], [_join(a, placed.get(j, "")) for j, a in enumerate(rows[-1][1])])
        elif placed and _starts_row(placed):
            rows.append((lines[k][0], [placed.get(j, "") for j in range(len(columns))]))
            loose = ordered
        elif _row_ahead(lines, k, columns, loose):
            passed.append(lines[k])
        else:
            break
        k += 1
    return rows, passed, k


def _row_ahead(lines: list[tuple[int, str]], k: int, columns: list[int], loose: bool) -> bool:
    """A row starts within LOOKAHEAD lines after a line that fits no cell (a stamp, a footer across the table)."""
    ahead = [_place(text, columns) or loose and _in_order(text, columns)
             for _, text in lines[k + 1:k + 1 + LOOKAHEAD] if text.strip()]
    return any(p and _starts_row(p) for p in ahead)


def _placed(line: str, columns: list[int], rows: list, loose: bool) -> tuple[dict[int, str] | None, bool]:
    """The line's cells, and whether they were typed off the header's columns (`_in_order`)."""
    placed = _place(line, columns)
    ordered = None if placed else _in_order(line, columns)
    return placed or ordered or (_wrapped_left(line, columns, rows) if loose else None), ordered is not None


def _in_order(line: str, columns: list[int]) -> dict[int, str] | None:
    """A row typed a few spaces off its columns, as many pieces as columns, each nearest its own
    (a title shorter than the others': "2024-19   Subvention au club (*)        25       0        0"
    under "N°  Objet  Pour  Contre  Abst." with the figures four spaces left of theirs)."""
    pieces = _pieces(line)
    if len(pieces) != len(columns) or abs(pieces[0][0] - columns[0]) > SLACK:
        return None
    nearest = [min(range(len(columns)), key=lambda j: abs(columns[j] - x)) for x, _ in pieces]
    return {j: text for j, (_, text) in enumerate(pieces)} if nearest == list(range(len(columns))) else None


def _wrapped_left(line: str, columns: list[int], rows: list[tuple[int, list[str]]]) -> dict[int, str] | None:
    """A wrapped line of rows typed off the header's columns, each piece in its nearest column, one pushed to the
    left margin by the extraction on the title ("CP.2023-11-20.1-1  Routes - RD 900 - déviation de Pont-Hébert -
    Adopté à" / "acquisitions foncières (12 parcelles)              l'unanimité"; "2016.07.CP.011  Amenagement …
    M. FOURNIER   Pour : 26" / "     n° 4 a la convention …   Contre : 8"); not a next row (its first word shaped
    like the codes)."""
    pieces = _pieces(line)
    if not rows or len(columns) < 3 or not 2 <= len(pieces) < len(columns) or NOTE_CALL.match(line) or \
            number_shape(pieces[0][1].split()[0]) == number_shape(rows[-1][1][0]):
        return None  # (nor a note under the table: "(*) M. Paul LEBRUN, président du club, ne prend pas part")
    nearest = [min(range(len(columns)), key=lambda j: abs(columns[j] - x)) for x, _ in pieces]
    nearest[0] = max(1, nearest[0])  # a wrapped line holds no code
    if any(b <= a for a, b in zip(nearest, nearest[1:])):
        return None
    return {j: text for j, (_, text) in zip(nearest, pieces)}


NOTE_CALL = re.compile(rf"\s*(?:{CALL_MARK})\s")


def _after_stamp(lines: list[tuple[int, str]], k: int, columns: list[int]) -> int | None:
    """A prefecture's stamp, or a page's footer, between blank lines inside the table ("" /
    "Accusé de réception en préfecture" / "078-…-CC_19_06_27_06-DE" / "Date de télétransmission :
    03/07/2019" / "" / the next row; "S.I.V.O.M. des Deux Vallees - Releve du 25/06/2009   - 1 -"):
    where the rows go on, or None (a blank line ends the table)."""
    j = k
    while j < len(lines) and not lines[j][1].strip():
        j += 1
    end = next((e for e in range(j, min(len(lines), j + 6)) if not lines[e][1].strip()), None)
    if end is None or not any(STAMP.search(text) or PAGE_MARK.search(text) for _, text in lines[j:end]):
        return None
    while end < len(lines) and not lines[end][1].strip():
        end += 1
    placed = _place(lines[end][1], columns) if end < len(lines) else None
    return end if placed and _starts_row(placed) else None


# a prefecture's stamp printed inside the table: "ACCUSE DE RECEPTION EN PREFECTURE" /
# "062-226200012-20100906-CP2010_0905-DE" / "Date de réception : 10/09/2010"
STAMP = re.compile(r"(?i)accus[ée]\s+de\s+r[ée]ception|\b\d{3}-\d{9}-\d{8}-\S+-[a-z]{2}\b"
                   r"|r[ée]ception\s+(?:en\s+)?pr[ée]fecture|^\s*(?:date\s+de\s+)?r[ée]ception\s*:|^\s*re[çc]u\s+le\b")


# a page's number closing a footer line: "- 1 -", "page 2 / 3", "– Page 1 sur 2 –", "p. 4", "2/3"
PAGE_MARK = re.compile(r"(?i)(?:[-–]\s*\d{1,3}\s*[-–]|\bpage\s+\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?\s*[-–]?"
                       r"|\bp\.\s*\d{1,3}|\b\d{1,3}\s*/\s*\d{1,3})\s*$")


def _starts_row(placed: dict[int, str]) -> bool:
    """A row starts where its first column is written, beside at least one other cell."""
    return 0 in placed and len(placed) >= 2


def _join(a: str, b: str) -> str:
    """A cell's wrapped lines: ``"Région Nouvelle-"`` + ``"Aquitaine"`` keeps its hyphen, a code
    ``"2024/"`` + ``"098"`` is one; an outcome over its counts stays apart from them (``"Adoptée"`` /
    ``"Pour 84 · Contre 12"``: not "adoptée pour …")."""
    if not a or not b:
        return a or b
    if re.search(r"[^\W\d_]-$|\d[-/_]$", a):
        return a + b
    apart = OUTCOME_OVER_COUNTS.match(b) and (OUTCOME_ALONE.match(a) or COUNT_AT_END.search(a))
    return f"{a} – {b}" if apart else f"{a} {b}"


OUTCOME_OVER_COUNTS = re.compile(r"(?i)(?:pour|contre|abst\w*\.?)\s*:?\s*\d")
# a count under a count ("Pour 51" / "Abst. 3": not "51 Abst.", a count before its label)
COUNT_AT_END = re.compile(r"(?i)(?:pour|contre|abst\w*\.?)\s*:?\s*\d+\s*$")
# the cell's first line only an outcome (not "Adopté par 80 voix pour, 15" / "contre 4 abstentions", one sentence)
OUTCOME_ALONE = re.compile(r"(?i)^\s*(?:adopt|rejet|approuv)\w*(?:\s+(?:à|a)\s+l['’]unanimit\w*)?\s*[.:–-]?\s*$")
