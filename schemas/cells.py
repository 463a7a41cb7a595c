"""Cells of a drawn table, as the loaders build them and the extractors read them.

A loader joins the pieces of a wrapped cell ("publics-" / "cibles") and the tail of a
row cut by a page end; an extractor asks whether a cell holds one number
("-2 000,00 €", "3 000 € HT", "28 790"). Both use these definitions, so a PDF, a scan
and a text extraction give the same cells.
"""
from __future__ import annotations

import re

from schemas.document import Cell, Row

# A French number: "1 234 567", "1.234", "12", with decimals after a comma ("3,5").
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?(?![\w])")
# A cell holding one number: a sign (a budget's "-2 000,00 €", a "+ 552,29" increment), a
# unit, "HT" or "TTC" ("3 000 € ht"), a footnote star.
NUMERIC_CELL = re.compile(r"^(?P<sign>[-+\u2212\u2013]?)\s*" + NUMBER.pattern
                          + r"\s*(€|%|h|heures?)?\s*(?i:h\.?\s?t\.?|t\.?t\.?c\.?)?\s*\*?$")


def is_numeric(text: str) -> bool:
    """``"3 000 € HT"``, ``"-2 000,00 €"``: the cell holds one number."""
    return bool(NUMERIC_CELL.match(text.strip()))


def join_cell(a: str, b: str) -> str:
    """Join two pieces of a wrapped cell: ``publics-`` + ``cibles`` -> ``publics-cibles``."""
    if not a:
        return b
    if not b:
        return a
    if re.search(r"\w-$", a):
        return a + b
    return f"{a} {b}"


def code_cut(above: str, cell: str) -> bool:
    """An act's code wrapped in a narrow first column: ``"23-"`` over ``"042"``, ``"CS-2025-"`` over
    ``"001"``, ``"DCM"`` over ``"2011-092"`` (its letters over its figures): the cell below goes on."""
    # (not "PV" over "1", a row of its own, nor a section "II" over an item "3": the figures are a code's)
    return bool(re.fullmatch(r"[\w./-]{1,12}[-/_]", above) and re.fullmatch(r"\w[\w./-]{0,9}", cell)
                or re.fullmatch(r"(?![IVXL]+\b)[A-Z]{2,6}\.?", above) and re.fullmatch(r"\d{2,4}[-/_.]\d{1,4}", cell))


def merge_rows(prev: Row, row: Row) -> Row:
    """`row`, the tail of `prev` cut by a page break, joined into it cell by cell."""
    cells = list(prev.cells)
    for i, cell in enumerate(row.cells):
        if i < len(cells):
            cells[i] = Cell(join_cell(cells[i].text, cell.text), cells[i].span)
        else:
            cells.append(cell)
    return Row(cells)
