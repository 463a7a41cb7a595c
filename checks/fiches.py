"""A fiche's stated total cost against its row in the annual cost table.

    Coût estimatif : 120 000 € H.T. (dont 30 000 € sur budget signalétique), 150000 € TTC
    E.10 Les accueils (…)\t100000\t50000\t2500\t2500\t2500\t157500

The fiche wins no argument: the table is the document's financial synthesis, so
a difference is a warning on the fiche (expected = the table's total). The table's
total is a cell of a column the arithmetic model understood as the row's total
(`table_cells.column_role` `total`, or `derived` when it is the TTC of a total HT);
a table whose totals were not confirmed gives no expected cost.
"""
from __future__ import annotations

import math
import re
from typing import Iterator

from checks.context import Source, Tables, as_float, as_int, is_null
from checks.rules import Finding, check, finding

TOLERANCE = 0.01
TTC = re.compile(r"\bttc\b", re.IGNORECASE)
HT = re.compile(r"\bh\.?\s?t\.?\b", re.IGNORECASE)


def _rank(cell: dict) -> int | None:
    """How well the cell gives a row's total cost TTC: a total or derived column headed
    TTC first, then a total not headed HT; None when it is no total."""
    role, label = cell.get("column_role"), str(cell.get("column_label") or "")
    if role not in ("total", "derived") or cell.get("unit") != "EUR" or as_float(cell.get("value")) is None:
        return None
    if TTC.search(label):
        return 0
    return 1 if role == "total" and not HT.search(label) else None


def _row_totals(tables: Tables) -> dict[tuple[str, str], dict]:
    """(doc_id, row_key) → the cell holding that row's total cost TTC."""
    best: dict[tuple[str, str], tuple[int, dict]] = {}
    for c in tables.get("table_cells"):
        key, rank = c.get("row_key"), _rank(c)
        if is_null(key) or not key or rank is None:
            continue
        k = (c.get("doc_id"), str(key))
        if k not in best or rank < best[k][0]:
            best[k] = (rank, c)
    return {k: c for k, (_, c) in best.items()}


@check("fiche.cost_matches_table", needs=("fiches", "table_cells"))
def cost_matches_table(tables: Tables) -> Iterator[Finding]:
    totals = _row_totals(tables)
    for f in tables.get("fiches"):
        stated, cell = as_float(f.get("cout_total_ttc")), totals.get((f.get("doc_id"), f.get("code")))
        if stated is None or cell is None:
            continue  # cost not stated unambiguously, or fiche absent from an understood table
        total = as_float(cell["value"])
        if math.isclose(stated, total, abs_tol=TOLERANCE):
            continue
        code = f.get("code")
        src = tables.locate(f["doc_id"], "fiches", f"code={code}",
                            ("cout_total_ttc", "cout_estimatif_text"),
                            Source(as_int(f.get("page_start")), None,
                                   None if is_null(f.get("cout_estimatif_text")) else f.get("cout_estimatif_text")))
        yield finding("fiche.cost_matches_table", doc_id=f["doc_id"], subject=f"fiche {code}",
                      expected=total, actual=stated, code=code, table_id=cell.get("table_id"),
                      **src.as_dict())
