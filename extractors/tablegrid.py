"""Turn a drawn `Table` into a header and logical data rows.

Two artefacts are undone here, the same way for PDFs and texts:

- two-row headers: a label row, then a row of years::

      Actions\t\t\t\t\t
      \t2020\t2021\t2022\t2023\t2024

- rows broken by a page end or a blank line: the tail of a wrapped cell comes
  as a row of its own, with an empty first cell (``\t\ttoujours en cours``) or,
  when the label column wrapped, with a lowercase label and no values
  (``salariale et coûts usuels de fonctionnement)``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from pathlib import Path

from schemas import Row, Span, Table
from schemas.cells import NUMERIC_CELL, is_numeric, join_cell, merge_rows  # noqa: F401 (the extractors' names)
from schemas.text import fold as text_fold

YEAR_CELL = re.compile(r"^(19|20)\d{2}$")
# Text that was meant as a number but does not read as one: "56 81300 €" (comma lost),
# "2 742 084,40 € 2 672 788,51 €" (two cells run together), "11 32 4" (a split cell).
BROKEN_NUMBER = re.compile(r"^[-+\u2212\u2013\d\s.,€%*]*\d[\d\s.,€%*]*$")


@dataclass
class Grid:
    header: list[str]  # one label per column (two-row headers joined)
    rows: list[Row]


PATTERNS_DIR = Path(__file__).parent / "patterns"


@lru_cache(maxsize=None)
def load_patterns(name: str) -> dict:
    """The pattern data `extractors/patterns/<name>.json` (read once; part of the package)."""
    return json.loads((PATTERNS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """schemas.text.fold with its runs of spaces made one: ``"Clientèles  cibles"`` ->
    ``"clienteles cibles"``, ``"n’ont"`` -> ``"n'ont"``: the form the pattern files are written in."""
    return " ".join(text_fold(text).split())


def read_number(text: str) -> tuple[float | None, int]:
    """The cell's number, signed, and the digits printed after its decimal comma.

    ``"-2 000,00 €"`` -> (-2000.0, 2); ``"+ 143,9"`` -> (143.9, 1); ``"28 790"`` -> (28790.0, 0);
    ``"Non"`` -> (None, 0)."""
    m = NUMERIC_CELL.match(text.strip())
    if not m:
        return None, 0
    whole, decimals = re.sub(r"[ \u00a0\u202f.]", "", m.group(2)), m.group(3) or ""
    value = float(f"{whole}.{decimals}") if decimals else float(whole)
    return (-value if m.group("sign") in ("-", "\u2212", "\u2013") else value), len(decimals)


def is_broken_number(text: str) -> bool:
    """Digits, separators and units only, yet not one number: a reading in doubt."""
    text = text.strip()
    return bool(text) and not is_numeric(text) and bool(BROKEN_NUMBER.match(text))


def is_header_row(texts: list[str]) -> bool:
    """A row of labels or years, with no other number (``Actions 2020 … Total TTC``)."""
    values = [t for t in texts if t]
    if not values:
        return False
    return all(YEAR_CELL.match(t) or not is_numeric(t) for t in values[1:]) and (
        not texts[0] or not is_numeric(texts[0]))


def is_continuation(prev: Row, row: Row) -> bool:
    """True when `row` is the tail of `prev`, cut by a page break or blank line."""
    texts = row.texts
    if not texts or not prev.texts or not prev.texts[0]:
        return False
    tails = [t for t in texts if t]
    # A tail starts lowercase or with a bracket: "toujours en cours", "(consulter, …)";
    # "Région" under a row-spanning "Plan de financement" cell is a row of its own.
    if not tails or any(t[:1].isupper() or is_numeric(t) for t in tails):
        return False
    return not texts[0] or not any(texts[1:])


def grid(table: Table) -> Grid:
    """Split the header rows off `table` and merge continuation rows."""
    rows = list(table.rows)
    head: list[list[str]] = []
    if rows and is_header_row(rows[0].texts):
        head.append(rows.pop(0).texts)
        # a second header row is the years under a label row: its first cell is empty
        if rows and not rows[0].texts[0] and is_header_row(rows[0].texts):
            head.append(rows.pop(0).texts)
    merged: list[Row] = []
    for row in rows:
        if merged and is_continuation(merged[-1], row):
            merged[-1] = merge_rows(merged[-1], row)
        else:
            merged.append(row)
    return Grid(_header_labels(head, table.width), merged)


def _header_labels(head: list[list[str]], width: int) -> list[str]:
    labels = [""] * width
    for texts in head:
        for i, text in enumerate(texts[:width]):
            labels[i] = f"{labels[i]} {text}".strip() if text else labels[i]
    return labels


def span_of(row: Row, col: int) -> Span:
    return row.cells[col].span if col < len(row.cells) else row.span
