"""Numeric tables add up: rows to their Total column, columns to their Total row.

    Actions\t2020\t2021\t…\tTotal TTC
    E.10 Les accueils (…)\t100000\t50000\t2500\t2500\t2500\t157500
    Total\t226000\t149400\t102900\t102900\t138900\t720100
    Pourcentage ETP\t154\t116\t116\t116\t116     ← derived: neither summed nor a total

Empty cells count as zero ("E.1 La signature\t12000\t\t\t\t\t12000").
"""
from __future__ import annotations

import math
from typing import Iterator

from checks.context import Source, Tables, as_bool, as_float, as_int, is_null
from checks.rules import Finding, check, finding

# Cents: the documents print integers or two decimals.
TOLERANCE = 0.01


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=TOLERANCE)


def _tables(tables: Tables) -> Iterator[tuple[str, str, list[dict]]]:
    for (doc_id, table_id), cells in tables.grouped("table_cells", "doc_id", "table_id").items():
        yield doc_id, table_id, cells


def _row_name(cells: list[dict]) -> str:
    key, label = cells[0].get("row_key"), cells[0].get("row_label")
    if not is_null(key) and key:
        return str(key)
    return str(label) if not is_null(label) and label else str(cells[0].get("row"))


def _cell_where(tables: Tables, doc_id: str, table_id: str, cell: dict, subject: str,
                row_cells: list[dict]) -> dict:
    """Source of the total cell; without provenance, its page and its row's cells as the quote."""
    key = f"table_id={table_id}|row={as_int(cell.get('row'))}|column_label={cell.get('column_label')}"
    texts = [str(c.get("text") or "") for c in row_cells if not is_null(c.get("text"))]
    label = row_cells[0].get("row_label")
    quote = "\t".join(([str(label)] if not is_null(label) and label else []) + texts) or None
    src = tables.locate(doc_id, "table_cells", key, ("value", "text"),
                        Source(as_int(cell.get("page")), None, quote))
    return {"doc_id": doc_id, "seq": None, "subject": subject, **src.as_dict()}


def _summed(cells: list[dict]) -> float:
    return sum(as_float(c.get("value")) or 0.0 for c in cells if c.get("unit") != "percent")


@check("table.row_total", needs=("table_cells",))
def row_total(tables: Tables) -> Iterator[Finding]:
    for doc_id, table_id, cells in _tables(tables):
        rows: dict[int, list[dict]] = {}
        for c in cells:
            rows.setdefault(as_int(c.get("row")), []).append(c)
        for row_cells in rows.values():
            totals = [c for c in row_cells if as_bool(c.get("is_total_column"))]
            parts = [c for c in row_cells if not as_bool(c.get("is_total_column"))
                     and as_float(c.get("value")) is not None]
            if len(totals) != 1 or not parts or as_float(totals[0].get("value")) is None:
                continue
            stated, summed = as_float(totals[0]["value"]), _summed(parts)
            if _same(stated, summed):
                continue
            name = _row_name(row_cells)
            yield finding("table.row_total",
                          **_cell_where(tables, doc_id, table_id, totals[0], f"table {table_id} row {name}", row_cells),
                          expected=summed, actual=stated, row=name)


@check("table.column_total", needs=("table_cells",))
def column_total(tables: Tables) -> Iterator[Finding]:
    for doc_id, table_id, cells in _tables(tables):
        total_rows = sorted({as_int(c.get("row")) for c in cells if as_bool(c.get("is_total_row"))})
        for total_row in total_rows:
            # Rows above the Total row, after the previous Total (sub-totals sum their block).
            previous = max((r for r in total_rows if r < total_row), default=-1)
            for total in (c for c in cells if as_int(c.get("row")) == total_row):
                yield from _column(tables, doc_id, table_id, cells, total, previous)


def _column(tables: Tables, doc_id: str, table_id: str, cells: list[dict],
            total: dict, previous: int) -> Iterator[Finding]:
    stated, column = as_float(total.get("value")), total.get("column_label")
    parts = [c for c in cells if c.get("column_label") == column
             and previous < as_int(c.get("row")) < as_int(total.get("row"))
             and not as_bool(c.get("is_total_row")) and as_float(c.get("value")) is not None]
    if stated is None or not parts:
        return
    summed = _summed(parts)
    if _same(stated, summed):
        return
    yield finding("table.column_total",
                  **_cell_where(tables, doc_id, table_id, total, f"table {table_id} column {column}",
                               [c for c in cells if as_int(c.get("row")) == as_int(total.get("row"))]),
                  expected=summed, actual=stated, column=column)
