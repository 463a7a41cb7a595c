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
- ``Total…`` rows and columns are flagged; derived rows (``Pourcentage ETP``) are not;
- numbers keep their sign (a budget's ``-2 000,00 €``) and their printed decimals;
- the table's arithmetic (`extractors/table_model.py`: which columns and rows are parts,
  totals, derived values, shares, rates; confirmed by the numbers) gives each cell its
  `row_role` and `column_role` and, on a total it could confirm, what it sums
  (`total_of_columns`, `total_of_rows`); one `numeric_tables` row per table says whether
  it was understood, and why not.
"""
from __future__ import annotations

import re

from extractors.normalise import YEAR
from extractors.table_figures import Arithmetic, Num, TableInput
from extractors.table_model import analyse
from extractors.tablegrid import (Grid, fold, grid, is_broken_number, is_numeric, load_patterns,
                                  read_number, span_of)
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
    width = max([len(g.header)] + [len(r.cells) for r in g.rows])
    columns, first = _column_labels(g, width), label_columns(g)
    rows = [r for r in g.rows if any(r.texts)]
    labels = [_row_label(row, first) for row in rows]
    texts = [[row.cells[c].text if c < len(row.cells) else "" for c in range(first, width)] for row in rows]
    ocr_pages = set(doc.meta.get("ocr_pages") or ())
    nums = [[_num(text, span_of(row, first + i).page in ocr_pages) for i, text in enumerate(line)]
            for row, line in zip(rows, texts)]
    model = analyse(TableInput(columns[first:], labels, texts, nums))
    title = table.title or None
    records = [_cell(row, col, n, labels[n], columns[col], title) for n, row in enumerate(rows)
               for col in range(first, width)]
    for record in records:
        _add_roles(record, model, first, nums, records, width - first)
        doc.add("table_cells", {"table_id": table_id, **record})
    doc.add("numeric_tables", _table_row(table_id, title, rows, width - first, model))


def _num(text: str, ocr: bool) -> Num:
    """The cell's number; in doubt when its text looks like a number it is not
    (« 56 81300 € ») or when it was read by OCR."""
    value, decimals = read_number(text)
    return Num(value, decimals, is_broken_number(text) or (ocr and value is not None))


def _row_label(row: Row, label_count: int) -> str:
    """The innermost filled label cell of the row (wrapped lines already joined)."""
    filled = [t for t in row.texts[:label_count] if t]
    return filled[-1] if filled else ""


def _cell(row: Row, col: int, n: int, label: str, column: str, title: str | None) -> dict:
    text = row.cells[col].text if col < len(row.cells) else ""
    span = span_of(row, col)
    year = YEAR.fullmatch(column.strip())
    return {"table_title": title, "row": n, "row_label": label or None,
            "row_key": row_key(label), "column": col, "column_label": column,
            "year": int(year.group(1)) if year else None,
            "value": read_number(text)[0], "text": text,
            "unit": unit_of(text, label, column, title or ""),
            "is_total_row": bool(re.match(_patterns()["total_row"], fold(label))),
            "is_total_column": bool(re.match(_patterns()["total_column"], fold(column))),
            "page": span.page, "_prov": {"value": span, "text": span, "row_label": row.span}}


def _add_roles(record: dict, model: Arithmetic, first: int, nums: list[list[Num]],
               records: list[dict], width: int) -> None:
    """What the arithmetic model understood of the cell (model columns are value columns;
    `column` and `total_of_columns` are grid indices)."""
    r, c = record["row"], record["column"] - first
    num = nums[r][c]
    base = model.unit_from.get((r, c))
    if base is not None:  # a "+ 20 %" column holds amounts in its base column's unit
        record["unit"] = records[r * width + base]["unit"]
    of_columns = model.total_of_columns.get((r, c))
    record.update(row_role=model.row_roles[r], column_role=model.column_roles[r][c],
                  total_of_columns=[first + i for i in of_columns] if of_columns else None,
                  total_of_rows=model.total_of_rows.get((r, c)),
                  decimals=num.decimals, doubtful=num.doubtful)


def _table_row(table_id: str, title: str | None, rows: list[Row], width: int, model: Arithmetic) -> dict:
    return {"table_id": table_id, "table_title": title, "page": rows[0].span.page if rows else None,
            "rows": len(rows), "columns": width, "understood": model.understood,
            "row_totals": model.row_totals, "column_totals": model.column_totals,
            "row_totals_reason": "; ".join(model.row_reasons) or None,
            "column_totals_reason": "; ".join(model.column_reasons) or None, "relations": model.relations}
