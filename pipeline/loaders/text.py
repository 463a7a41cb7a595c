"""Load a plain-text extraction into a `Document`.

The seeds' form: UTF-8 (or any 8-bit encoding a word processor writes on Windows or a
Mac: cp1252, ISO 8859-15, Mac Roman, cp850, and UTF-16, found by charset-normalizer and
recorded in `documents.encoding`); a form feed starts a page; a tab separates table cells;
``**x**`` marks bold; a line of tabs and dashes under a header row is a rule::

    Objectifs opérationnels\t\tEtat de réalisation
    1\tDéfinir collectivement le positionnement…\tEn cours, finalisation en février 2024

Consecutive tab lines form one table, blank lines between them included (the
export leaves a blank line where the office suite broke the table across pages). Two
columns side by side (a layout-preserving extraction) are read one after the other
(`text_columns.py`).
"""
from __future__ import annotations

import re

from pipeline.loaders.ocr_text import in_place, repair
from pipeline.loaders.text_columns import split_columns
from pipeline.loaders.text_flat import unflatten
from pipeline.loaders.text_acts import acts_tables, cells_per_line, numbers_alone, tab_wrapped, wrapped_pipes
from pipeline.loaders.text_grid import markdown_wrapped, ocr_pipes, regrid, unpipe
from schemas import Cell, Document, Line, Row, Span, Table
from schemas.cells import code_cut, merge_rows

BOLD = re.compile(r"\*\*([^*\n]+)\*\*")
RULE = re.compile(r"^[\t\- ]*-{3,}[\t\- ]*$")  # "---\t--------------------"
SPACES = re.compile(r"[\u00a0\u202f\u2007]")  # no-break spaces from word processors


def clean(text: str) -> tuple[str, tuple[str, ...]]:
    """Strip bold markers and no-break spaces, read OCR's 0 and 1 inside words as letters,
    its O and l inside numbers as digits ("2Ol7-38") and its "rn" for "m" in council words
    ("Cornrnune", "Mrne"): a text extraction of a
    scan; return the text and its bold runs."""
    text = repair(SPACES.sub(" ", text))
    bold = tuple(m.group(1) for m in BOLD.finditer(text))
    text = BOLD.sub(r"\1", text)
    # "Obj. : **Mise à disposition … et" / "victimes de guerre**": a bold run wrapped over lines
    text = re.sub(r"(?:(?<=\s)|^)\*\*(?=\S)|(?<=\S)\*\*(?=\s|$)", "", text)
    return text.rstrip(" \n"), bold


# Encodings tried when the bytes are not UTF-8: those French office software writes. Left
# free, charset-normalizer takes a short cp1252 text for Mac Central European or Big5.
ENCODINGS = ["cp1252", "iso8859_15", "mac_roman", "cp850", "utf_16"]


def decode(raw: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 when the bytes are UTF-8, else the best of ENCODINGS."""
    try:
        return raw.decode("utf-8").lstrip("\ufeff"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    from pipeline.loaders import LoadError

    best = from_bytes(raw, cp_isolation=ENCODINGS).best()
    if best is None:
        raise LoadError(f"pas du texte : ni UTF-8 (octet {first_bad}) ni aucun encodage 8 bits essayé "
                        f"({', '.join(ENCODINGS)})", "not_utf8")
    return str(best).lstrip("\ufeff"), best.encoding


def load(doc: Document, path, raw: bytes, settings=None) -> Document:
    """The loader of `FORMATS` (pipeline/loaders/__init__.py)."""
    return load_text(doc, raw)


def load_text(doc: Document, raw: bytes) -> Document:
    """Fill `doc.items` from the bytes of a text file; the encoding goes to `doc.meta`."""
    text, doc.meta["encoding"] = decode(raw)
    return load_lines(doc, text)


def load_lines(doc: Document, text: str) -> Document:
    """Fill `doc.items` from text in the seeds' form (also antiword's output of a .doc)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page, table, pending_title, last, piece, ruled = 1, None, None, -1, 0, False
    for index, raw_line in unflatten(_laid_out(text.split("\n"))):
        lineno = index + 1
        piece, last = (piece + 1 if index == last else 0), index  # pieces of one line, in reading order
        page += raw_line.count("\f")
        line_text, bold = clean(raw_line.replace("\f", ""))
        boxed, markdown = "│" in line_text, line_text.lstrip().startswith("|")
        line_text = piped(line_text)
        if RULE.match(line_text):
            ruled = True
            continue
        if not line_text.strip():
            continue  # blank lines neither end a table nor make an item
        span = Span(page, lineno, None, line_text, piece=piece)
        if "\t" in line_text:
            table = table or _new_table(doc, pending_title)
            cells = [Cell(c.strip(), span) for c in line_text.split("\t")]
            if (boxed or markdown and _part_row(table, cells)) and not ruled and _wraps_row(table, cells, markdown):
                table.rows[-1] = merge_rows(table.rows[-1], Row(cells))
            else:
                table.rows.append(Row(cells))
            ruled = False
            continue
        table = None
        line = Line(line_text.strip(), span, bold)
        doc.items.append(line)
        pending_title = line
    doc.page_count = page
    doc.items = [x for item in doc.items for x in _letterhead(item)]
    return running_headers(doc)


def _wraps_row(table: Table, cells: list[Cell], markdown: bool) -> bool:
    """A row of a table drawn with box characters, its first cell empty (or going on with an act's
    code cut in a narrow column: "| 23-  | Compte administratif 2022 |" / "| 042  | (le Maire …) |")
    and no rule above it
    ("│ CD-2024-01 │ Approbation du compte rendu du Comité de │ Approuvé à │" / "│ │ direction
    du 11 décembre 2023 │ l'unanimité │"): the row above's cells going on; a Markdown row may drop
    its last empty cells ("|   | M. Pierre-Olivier DARNAUD, 1er adjoint) |   |" under four columns)."""
    above = len(table.rows[-1].cells) if table.rows else 0
    first = not cells[0].text or code_cut(table.rows[-1].cells[0].text, cells[0].text) if above else False
    # "│ Conseillers en │ Présents │ Pouvoirs │" / "│ exercice │ │ │": the header's cell wrapped (the
    # table's first row), the others empty below it
    said = [c.text for c in cells if c.text]
    header_wrapped = len(table.rows) == 1 and len(said) < len(cells) and all(t[:1].islower() for t in said)
    first = first or not markdown and header_wrapped
    return bool(above) and first and (1 < len(cells) <= above if markdown else len(cells) == above)


def _part_row(table: Table, cells: list[Cell]) -> bool:
    """A Markdown row that goes on with the row above leaves a cell empty besides the first
    ("|   | budget principal et budgets annexes |   | Contre : 15"), each of its cells goes on
    in lower case ("|     | départementale | l'unanimité |"), or its first cell goes on with an
    act's code ("| 23-  | Fonds de concours … de |" / "| 044  | communes pour … | 2 abstentions |");
    one filling them all, or ending on a result of its own, is an act with no number ("|   |
    Approbation du procès-verbal | 32 | 0 | 0 | Adoptée |", "|  | … | 22 | 0 |  | Adopté |")."""
    if table.rows and table.rows[-1].cells and code_cut(table.rows[-1].cells[0].text, cells[0].text):
        return True
    if not cells[0].text and all(c.text[:1].islower() for c in cells[1:]):
        return True
    return any(not c.text for c in cells[1:]) and not OWN_RESULT.match(cells[-1].text)


OWN_RESULT = re.compile(r"(?i)adopt|rejet|approuv|retir|unanim")


def running_headers(doc: Document) -> Document:
    """A line opening (or closing) several pages, the same on each, is a running header
    (footer): "Conseil communautaire · 17.12.2012 · Communauté d'agglomération …" atop each
    page, mid-list where the page broke; set aside in `doc.furniture`, but for the document's
    first line. Top is compared with top and bottom with bottom, on three pages or half of
    them at least; a line that decides or counts is never one ("Adopté à l'unanimité." closes
    every extract of a register printed one per page)."""
    pages = _pages(doc)
    edges: dict[tuple, list[Line]] = {}
    for lines in pages.values():
        for edge, line in (("top", lines[0]), ("bottom", lines[-1])):
            edges.setdefault((edge, _shape(line.text)), []).append(line)
    # the document's first line keeps its place: it may be the only title naming the sitting
    # ("Réunion du Samedi 20 Décembre 2014" atop every page)
    first = next((id(x) for x in doc.items if isinstance(x, Line)), None)
    least = min(3, max(2, (len(pages) + 1) // 2))
    repeated = {id(x) for (_, shape), lines in edges.items() if shape and len(lines) >= least
                for x in lines if id(x) != first}
    doc.furniture += [x for x in doc.items if id(x) in repeated]
    doc.items = [x for x in doc.items if id(x) not in repeated]
    return doc


def _pages(doc: Document) -> dict[int, list[Line]]:
    pages: dict[int, list[Line]] = {}
    for item in doc.items:
        if isinstance(item, Line):
            pages.setdefault(item.span.page, []).append(item)
    return pages


# words of a decision, a vote or a count: such a line is the text, however often it repeats
# ("Après en avoir délibéré, le conseil municipal, à l'unanimité :" opening two pages of minutes)
DECIDES = re.compile(r"d[ée]lib[ée]r|adopt|unanim|approuv|d[ée]cide|rejet|\bvot|\bpour\b|\bcontre\b"
                     r"|abstention|pr[ée]sents?\b|pouvoirs?\b|procuration|absents?\b|excus[ée]")


def _shape(text: str) -> str:
    """The line as compared with the other pages' (figures kept: "Délibération n° 2023/122" and
    "Délibération n° 2023/125" opening two pages of a register are two acts' headings, not a
    header; "Page 2 sur 4" is furniture by its own pattern); none for a line too long to be a
    header or too short to tell apart ("1.", "Pour")."""
    shape = " ".join(text.split()).lower()
    if DECIDES.search(shape):
        return ""
    return shape if 12 <= len(shape) <= 160 and len(re.findall(r"[^\W\d_]", shape)) >= 8 else ""


# a table written in Markdown (a conversion to text, a wiki): "| N° | Objet | Votants |" and
# its rule "|----|-------|"; a row may leave its last side open ("| 25-301 | Budget … | Pour : 52"),
# its last cell running to the end of the line
PIPED_ROW = re.compile(r"^\s*\|(.*?)\|?\s*$")


# the same table drawn with box characters: "┌──────┬──────┐" / "│ En exercice│ Présents │" /
# "├──────┼──────┤" / "│   16   │   12   │"; a box of one or two columns ("│ Votants │ 40 │") is
# read as its lines of text, as before
BOX_RULE = re.compile(r"^\s*[┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪─━═\s]*[─━═]{3,}[┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪─━═\s]*$")
BOX_SIDES = str.maketrans({c: "|" for c in "│┃║"})
# (the sitting's counts only: a commission's "│ Pour │ 7 │" under its opinion stays a box)
# ("│ Membres ayant voix délibérative │ 22 │": the members)
BOX_PAIR = re.compile(r"^\s*[│┃║]\s*((?i:[^│┃║\d]*?(?:exercice|pr[ée]sent|pouvoir|procuration|votant|repr[ée]sent"
                      r"|absent|afférent|en\s+fonction|voix\s+d[ée]lib[ée]rative)[^│┃║\d]*?))\s*[│┃║]\s*(\d{1,4})"
                      r"\s*[│┃║]\s*$")
# the same drawn in ASCII: "+------+--------+-------+" (or "+======+") between the "| … |" rows
ASCII_RULE = re.compile(r"^\s*\+[-=+]*[-=]{3,}[-=+]*\+\s*$")


def piped(line: str) -> str:
    """"| 2025-018 | Compte financier unique 2024 | 24 |" -> tab cells; its rule -> "---"; the
    same drawn with box characters, three columns or more."""
    if BOX_RULE.match(line) or ASCII_RULE.match(line):
        return "---"
    if sum(line.count(c) for c in "│┃║") >= 4:
        line = line.translate(BOX_SIDES)
    box = BOX_PAIR.match(line)
    if box:  # "│ Conseillers en exercice │  92  │": a count box of two columns, a label and its value
        return f"{box.group(1).strip()} : {box.group(2).strip()}"
    m = PIPED_ROW.match(line)
    if not m or line.count("|") < 3:
        return line
    if not re.sub(r"[|\-:\s]", "", line) and "---" in line:  # not "| - | - |", a row of empty cells
        return "---"
    return "\t".join(cell.strip() for cell in m.group(1).split("|"))


def _laid_out(lines: list[str]) -> list[tuple[int, str]]:
    """(index, line): tables laid out with spaces as tab rows first (their columns are
    still where the page put them), then two columns side by side read one after the other."""
    # a ruled table's pipes OCR read as "l" first (in_place would take a lone "l" for a 1), then
    # "7O     O      O": OCR's figures read before the columns are found
    lines = [in_place(line) for _, line in ocr_pipes(enumerate(lines))]
    grid = list(regrid(acts_tables(tab_wrapped(numbers_alone(unpipe(wrapped_pipes(markdown_wrapped(
        cells_per_line(enumerate(lines))))))))))
    return [(grid[i][0], piece) for i, piece in split_columns([line for _, line in grid])]


ATTENDANCE_WORD = re.compile(r"(?i)(?:pr[ée]sente?|pr[ée]s\.|absente?|excus[ée]e?|abs\.)(?![\w-])")


def _letterhead(item):
    """A lone line of words cut by tabs ("Commune de Ponthaut\t\t\tDépartement de la
    Côte-d'Or", a letterhead's two sides) is lines of text, not a table of one row; a label
    and its value ("Objet :\tInstauration de la taxe de séjour") is one line."""
    if not isinstance(item, Table) or len(item.rows) != 1:
        return [item]
    cells = [c for c in item.rows[0].cells if c.text]
    if len(cells) == 2 and cells[0].text.rstrip().endswith(":") and not re.search(r"\d", cells[0].text):
        return [Line(f"{cells[0].text} {cells[1].text}", cells[0].span)]
    if any(re.search(r"\d", c.text) for c in cells):
        return [item]
    if len(cells) >= 2 and ATTENDANCE_WORD.match(cells[1].text):  # "SUSINI Doris⇥excusée", "NOM⇥excusé⇥pouvoir à X":
        return [Line(" | ".join(c.text for c in cells), cells[0].span)]  # a roster's row, one line as its neighbours'
    if any(re.fullmatch(r"[:=→|]", c.text.strip()) for c in cells):  # "Prés.⇥=⇥trente-cinq   Représentés …",
        return [Line(" ".join(c.text.strip() for c in cells), cells[0].span)]  # "Secrétaire de séance⇥:⇥Mme X": one line
    return [Line(c.text, c.span) for c in cells]


def _new_table(doc: Document, title: Line | None) -> Table:
    """Start a table; its title is the body line right above it, if any."""
    previous = doc.items[-1] if doc.items else None
    table = Table(rows=[])
    if title is not None and previous is title:
        table.title, table.title_span = title.text, title.span
    doc.items.append(table)
    return table
