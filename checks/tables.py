"""Numeric tables add up, where their arithmetic was understood.

The extractor's model (`extractors/table_model.py`) says, on each total cell it could
confirm from the numbers, what that cell sums: `table_cells.total_of_columns` (a row's
total column: « Total indicatif » = Montant + « + 20 % » + « + 20 % ») and
`total_of_rows` (a total row: « Total section de fonctionnement » = the rows of its
section). Only those are compared here; a table whose arithmetic was not understood is
not checked, and `table_coverage` says so.

    Article      | Dépenses    | Recettes
    D 60612      | 2 000,00 €  |
    …            | …           |
    R 7325       |             | 1 823,00 €
    Total section de fonctionnement | 67 891,00 € | 67 891,00 €   ← dépenses add up to 66 891

The tolerance is the model's: each printed figure is exact to half its last printed digit
(`table_cells.decimals`), so a sum agrees with its total when they differ by no more than
the sum of those half-digits. A mismatch that a doubtful reading could explain (a cell
that does not read as a number, a number read by OCR: `table_cells.doubtful`) is a
`notice`. One wrong cell breaks its row and its column by the same amount: that is one
finding, on the row, naming the cell.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any, Iterator

from checks.context import Source, Tables, as_bool, as_float, as_int, is_null
from checks.rules import NOTICE, Finding, check, finding

EPSILON = 1e-9  # float noise in a sum of decimals
RULE_OF = {"row": "table.row_total", "column": "table.column_total"}


@dataclass
class Mismatch:
    kind: str  # row: a total column's cell; column: a total row's cell
    doc_id: str
    table_id: str
    total: dict  # the stated total's cell
    parts: list[dict]  # the cells it sums (None where the grid has no cell)
    expected: float
    doubtful: bool
    slack: float
    culprit: dict | None = None  # the cell a row and a column mismatch share
    crossing: "Mismatch | None" = field(default=None, repr=False)

    @property
    def actual(self) -> float:
        return as_float(self.total.get("value"))

    @property
    def difference(self) -> float:
        return self.actual - self.expected


def _refs(value: Any) -> list[int]:
    """A list column's value (a list, an array, or null) as ints."""
    if is_null(value):
        return []
    return [int(v) for v in value]


def _slack(cell: dict | None) -> float:
    """Half the cell's last printed digit (0 for an empty cell)."""
    if not cell or as_float(cell.get("value")) is None:
        return 0.0
    return 0.5 * 10.0 ** -(as_int(cell.get("decimals")) or 0)


def _compare(kind: str, doc_id: str, table_id: str, total: dict, parts: list[dict | None]) -> Mismatch | None:
    stated = as_float(total.get("value"))
    if stated is None:
        return None
    values = [as_float(p.get("value")) if p else None for p in parts]
    summed = sum(v or 0.0 for v in values)
    slack = _slack(total) + sum(_slack(p) for p in parts) + EPSILON
    if abs(stated - summed) <= slack:
        return None
    digits = max([as_int(c.get("decimals")) or 0 for c in [total, *filter(None, parts)]])
    doubtful = any(as_bool(c.get("doubtful")) for c in [total, *filter(None, parts)])
    return Mismatch(kind, doc_id, table_id, total, parts, round(summed, digits), doubtful, slack)


def _table_mismatches(doc_id: str, table_id: str, cells: list[dict]) -> list[Mismatch]:
    grid = {(as_int(c.get("row")), as_int(c.get("column"))): c for c in cells}
    found = []
    for cell in cells:
        row, column = as_int(cell.get("row")), as_int(cell.get("column"))
        for kind, refs in (("row", _refs(cell.get("total_of_columns"))),
                           ("column", _refs(cell.get("total_of_rows")))):
            if not refs:
                continue
            keys = [(row, c) for c in refs] if kind == "row" else [(r, column) for r in refs]
            mismatch = _compare(kind, doc_id, table_id, cell, [grid.get(k) for k in keys])
            if mismatch:
                found.append(mismatch)
    return _one_per_cell(found, grid)


def _one_per_cell(found: list[Mismatch], grid: dict) -> list[Mismatch]:
    """A row and a column that miss by the same amount and cross at a cell they both
    sum (or state) point at that cell: one finding, on the row."""
    rows = [m for m in found if m.kind == "row"]
    for col in [m for m in found if m.kind == "column"]:
        for row in rows:
            if row.crossing is None and _cross(row, col, grid):
                row.crossing, row.culprit = col, _cross(row, col, grid)
                break
    absorbed = {id(m.crossing) for m in rows if m.crossing}
    return [m for m in found if id(m) not in absorbed]


def _cross(row: Mismatch, col: Mismatch, grid: dict) -> dict | None:
    if abs(abs(row.difference) - abs(col.difference)) > max(row.slack, col.slack):
        return None
    r, c = as_int(row.total.get("row")), as_int(col.total.get("column"))
    row_cols = _refs(row.total.get("total_of_columns")) + [as_int(row.total.get("column"))]
    col_rows = _refs(col.total.get("total_of_rows")) + [as_int(col.total.get("row"))]
    return grid.get((r, c)) if c in row_cols and r in col_rows else None


_CACHE: "weakref.WeakKeyDictionary[Tables, list[Mismatch]]" = weakref.WeakKeyDictionary()


def mismatches(tables: Tables) -> list[Mismatch]:
    """Every total that its parts do not add up to, once per `Tables` (both checks read it)."""
    if tables not in _CACHE:
        groups = tables.grouped("table_cells", "doc_id", "table_id")
        _CACHE[tables] = [m for (doc_id, table_id), cells in groups.items()
                          for m in _table_mismatches(doc_id, table_id, cells)]
    return _CACHE[tables]


def _row_name(cell: dict) -> str:
    for key in ("row_key", "row_label"):
        value = cell.get(key)
        if not is_null(value) and value:
            return str(value)
    return str(as_int(cell.get("row")))


def _note(m: Mismatch) -> str:
    """What the message adds: the cell to blame, the reading in doubt."""
    note = ""
    if m.culprit:
        note += (f" ; la colonne {m.crossing.total.get('column_label')} s'écarte du même montant : "
                 f"la cellule « {_row_name(m.culprit)} » × « {m.culprit.get('column_label')} » "
                 f"({m.culprit.get('text')}) est en cause")
    doubts = [c for c in [m.total, *filter(None, m.parts)] if as_bool(c.get("doubtful"))]
    if doubts:
        unread = [f"« {c.get('text')} »" for c in doubts if as_float(c.get("value")) is None]
        note += (f" — à vérifier : {', '.join(unread)} illisible" if unread
                 else " — à vérifier : nombres lus par OCR")
    return note


def _where(tables: Tables, m: Mismatch, subject: str) -> dict:
    """Source of the total cell; without provenance, its page and its row's cells as the quote."""
    cell = m.total
    key = f"table_id={m.table_id}|row={as_int(cell.get('row'))}|column_label={cell.get('column_label')}"
    row_cells = [c for c in tables.grouped("table_cells", "doc_id", "table_id")[(m.doc_id, m.table_id)]
                 if as_int(c.get("row")) == as_int(cell.get("row"))]
    texts = [str(c.get("text") or "") for c in row_cells if not is_null(c.get("text"))]
    label = cell.get("row_label")
    quote = "\t".join(([str(label)] if not is_null(label) and label else []) + texts) or None
    src = tables.locate(m.doc_id, "table_cells", key, ("value", "text"),
                        Source(as_int(cell.get("page")), None, quote))
    return {"doc_id": m.doc_id, "seq": None, "subject": subject, **src.as_dict()}


def _unique_row_name(tables: Tables, m: Mismatch) -> str:
    """The row's key or label; with its number when another row of the table shares it
    (« Conseiller délégué » twice), so that each finding's subject is its own."""
    name, row = _row_name(m.total), as_int(m.total.get("row"))
    cells = tables.grouped("table_cells", "doc_id", "table_id")[(m.doc_id, m.table_id)]
    if any(_row_name(c) == name and as_int(c.get("row")) != row for c in cells):
        return f"{name} (ligne {row + 1})"
    return name


def _finding(tables: Tables, m: Mismatch) -> Finding:
    row, column = _unique_row_name(tables, m), str(m.total.get("column_label"))
    subject = f"table {m.table_id} " + (f"row {row}" if m.kind == "row" else f"column {column} row {row}")
    return finding(RULE_OF[m.kind], **_where(tables, m, subject), expected=m.expected, actual=m.actual,
                   severity=NOTICE if m.doubtful else None, row=row, column=column, note=_note(m))


@check("table.row_total", needs=("table_cells",))
def row_total(tables: Tables) -> Iterator[Finding]:
    for m in mismatches(tables):
        if m.kind == "row":
            yield _finding(tables, m)


@check("table.column_total", needs=("table_cells",))
def column_total(tables: Tables) -> Iterator[Finding]:
    for m in mismatches(tables):
        if m.kind == "column":
            yield _finding(tables, m)


# --- coverage -----------------------------------------------------------------------

NOTHING_TO_ADD = {"row_totals": "table.row_total: pas de colonne de total",
                  "column_totals": "table.column_total: pas de ligne de total"}


def table_coverage(tables: Any) -> list[dict]:
    """One `coverage` row per numeric table (scope `table`): the rules run on it, the rules
    skipped and why (no total to check, or totals the numbers did not confirm), the columns
    read and the cells that could not be read.

    status: `checked` (every total the table has was checked), `partial` (a total the
    numbers did not confirm was left out), `not_checked` (nothing to add up, or nothing
    understood)."""
    tabs = tables if isinstance(tables, Tables) else Tables(tables)
    cells = tabs.grouped("table_cells", "doc_id", "table_id")
    return [_coverage_row(t, cells.get((t.get("doc_id"), t.get("table_id")), []))
            for t in tabs.get("numeric_tables") or []]


def _coverage_row(table: dict, cells: list[dict]) -> dict:
    run, skipped, doubt = [], [], False
    for status, rule in (("row_totals", "table.row_total"), ("column_totals", "table.column_total")):
        if table.get(status) == "confirmed":
            run.append(rule)
        elif table.get(status) == "unconfirmed":
            skipped.append(f"{rule}: arithmétique non confirmée ({table.get(status + '_reason')})")
            doubt = True
        else:
            skipped.append(NOTHING_TO_ADD[status])
    status = "not_checked" if not run else "partial" if doubt else "checked"
    unread = [f"« {_row_name(c)} » × « {c.get('column_label')} » : « {c.get('text')} »"
              for c in cells if as_bool(c.get("doubtful")) and as_float(c.get("value")) is None]
    columns = list(dict.fromkeys(str(c.get("column_label")) for c in cells))
    return {"doc_id": table.get("doc_id"), "scope": "table", "seq": None, "table_id": table.get("table_id"),
            "fields_read": columns, "fields_missing": unread, "checks_run": run,
            "checks_skipped": skipped, "status": status}

