"""A fiche's stated total cost against its row in the annual cost table.

    Coût estimatif : 120 000 € H.T. (dont 30 000 € sur budget signalétique), 150000 € TTC
    E.10 Les accueils (…)\t100000\t50000\t2500\t2500\t2500\t157500

The fiche wins no argument: the table is the document's financial synthesis, so
a difference is a warning on the fiche (expected = the table's total).
"""
from __future__ import annotations

import math
from typing import Iterator

from checks.context import Source, Tables, as_bool, as_float, as_int, is_null
from checks.rules import Finding, check, finding

TOLERANCE = 0.01


def _row_totals(tables: Tables) -> dict[tuple[str, str], dict]:
    """(doc_id, row_key) → the first EUR Total-column cell of that row."""
    totals: dict[tuple[str, str], dict] = {}
    for c in tables.get("table_cells"):
        key = c.get("row_key")
        if is_null(key) or not key or c.get("unit") != "EUR" or not as_bool(c.get("is_total_column")):
            continue
        if as_float(c.get("value")) is not None:
            totals.setdefault((c.get("doc_id"), str(key)), c)
    return totals


@check("fiche.cost_matches_table", needs=("fiches", "table_cells"))
def cost_matches_table(tables: Tables) -> Iterator[Finding]:
    totals = _row_totals(tables)
    for f in tables.get("fiches"):
        stated, cell = as_float(f.get("cout_total_ttc")), totals.get((f.get("doc_id"), f.get("code")))
        if stated is None or cell is None:
            continue  # cost not stated unambiguously, or fiche absent from the table
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
