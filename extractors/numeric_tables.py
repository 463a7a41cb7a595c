"""Numeric tables in long form (table `table_cells`): one row per data cell.

A table is numeric when a data cell outside its label columns holds a number::

    Document de travail : Approche financière annuelle de la stratégie …
    Actions\t2020\t2021\t2022\t2023\t2024\tTotal TTC
    E.10 Les accueils (hors masse salariale …)\t100000\t50000\t2500\t2500\t2500\t157500
    Total\t226000\t149400\t102900\t102900\t138900\t720100

Tables claimed by an `objectives` block are left to that extractor.

Choices, so the long form still shows the grid:

- every cell of every value column is a row, empty ones included (value null,
  text ""); a non-numeric cell keeps its text with value null;
- label columns are the leading columns holding text and no number; the row label
  is the innermost filled one (``Plan de financement prévisionnel | Autofinancement
  | | 20 %`` -> ``Autofinancement``, the first column being a row-spanning group);
- a column without a header is labelled ``col<i>`` (0-based grid index) so keys stay
  unique;
- units are data (`patterns/tables.json`): cell, then row label, column header,
  table title (``Pourcentage ETP`` under ``Temps de travail …`` is percent);
- ``Total…`` rows and columns are flagged; derived rows (``Pourcentage ETP``) are not.
"""
from __future__ import annotations

import re

from extractors.normalise import YEAR, parse_number
from extractors.tablegrid import Grid, fold, grid, is_numeric, load_patterns, span_of
from schemas import Block, Document, Row, Table

STAGE = "numeric_tables"


def _patterns() -> dict:
    return load_patterns("tables")


def row_key(label: str) -> str | None:
    """``"E.10 Les accueils"`` / ``"E10 …"`` / ``"E. 10 …"`` -> ``"E.10"``; else None."""
    m = re.match(_patterns()["row_key"], label or "")
    if not m:
        return None
    bis = f" {m.group('bis')}" if m.group("bis") else ""
    return f"{m.group('letter')}.{int(m.group('number'))}{bis}"


def unit_of(cell: str, row_label: str, column_label: str, title: str) -> str | None:
    """The first unit rule hit, most specific text first (cell, row, column, title)."""
    rules = _patterns()["units"]
    for level, text in (("cell", cell), ("row", row_label), ("column", column_label),
                        ("title", title)):
        folded = fold(text or "")
        for rule in rules[level]:
            if folded and re.search(rule["pattern"], folded):
                return rule["unit"]
    return None


def label_columns(g: Grid) -> int:
    """How many leading columns hold labels: text and no number (at least one, and one
    value column left). An empty leading column counts while no text column has been
    seen: ``Plan de financement prévisionnel`` heads an empty row-spanning column, the
    row labels (``Autofinancement``) are in the next one."""
    width = max([len(g.header)] + [len(r.cells) for r in g.rows])
    count, seen_text = 0, False
    for col in range(width - 1):
        texts = [r.cells[col].text for r in g.rows if col < len(r.cells)]
        if any(is_numeric(t) for t in texts) or (seen_text and not any(texts)):
            break
        seen_text = seen_text or any(texts)
        count += 1
    return max(count, 1)


def is_numeric_table(g: Grid) -> bool:
    return any(is_numeric(c.text) for r in g.rows for c in r.cells[1:])


def _claimed(doc: Document, index: int) -> bool:
    return any(b.kind == "objectives" and b.start <= index < b.end for b in doc.blocks)


def extract(doc: Document) -> Document:
    seq = 0
    for index, table in list(doc.tables()):
        if _claimed(doc, index):
            continue
        g = grid(table)
        if not is_numeric_table(g):
            continue
        seq += 1
        table_id = f"t{seq}"
        _add_cells(doc, table, g, table_id)
        doc.blocks.append(Block("numeric_table", index, index + 1, table_id))
    return doc


def _column_labels(g: Grid, width: int) -> list[str]:
    header = g.header + [""] * (width - len(g.header))
    return [label or f"col{i}" for i, label in enumerate(header)]


def _add_cells(doc: Document, table: Table, g: Grid, table_id: str) -> None:
    pats = _patterns()
    width = max([len(g.header)] + [len(r.cells) for r in g.rows])
    columns, first_value = _column_labels(g, width), label_columns(g)
    title = table.title or None
    data_rows = [r for r in g.rows if any(r.texts)]
    for n, row in enumerate(data_rows):
        label = _row_label(row, first_value)
        total_row = bool(re.match(pats["total_row"], fold(label)))
        for col in range(first_value, width):
            record = _cell(row, col, n, label, columns[col], title, total_row)
            doc.add("table_cells", {"table_id": table_id, **record})


def _row_label(row: Row, label_count: int) -> str:
    """The innermost filled label cell of the row (wrapped lines already joined)."""
    filled = [t for t in row.texts[:label_count] if t]
    return filled[-1] if filled else ""


def _cell(row: Row, col: int, n: int, label: str, column: str, title: str | None,
          total_row: bool) -> dict:
    text = row.cells[col].text if col < len(row.cells) else ""
    span = span_of(row, col)
    year = YEAR.fullmatch(column.strip())
    return {"table_title": title, "row": n, "row_label": label or None,
            "row_key": row_key(label), "column_label": column,
            "year": int(year.group(1)) if year else None,
            "value": parse_number(text) if is_numeric(text) else None, "text": text,
            "unit": unit_of(text, label, column, title or ""),
            "is_total_row": total_row,
            "is_total_column": bool(re.match(_patterns()["total_column"], fold(column))),
            "page": span.page, "_prov": {"value": span, "text": span, "row_label": row.span}}
