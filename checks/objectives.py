"""Summary sentences under an objectives table against the statuses it lists.

    48 % des actions prévues ont été réalisées ou sont en cours de réalisation au 31-12-2023
    52 % des actions prévues n'ont pas encore été réalisées au 31-12-2023
    21 % des actions non-réalisées au 31-12-2023 sont proposées au sein du plan d'action en 2024

A `summaries` row says which statuses the sentence counts (numerator_statuses),
over which objectives (denominator_statuses, None = all) and, for the third kind,
the planned year of the non-réalisées it counts (year_planned).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterator

from checks.context import Tables, as_float, as_int, is_null
from checks.rules import Finding, check, finding


def round_half_up(value: float, places: int = 0) -> float:
    """47.5 → 48 (Python's round() would give 48 but 46.5 → 46: banker's rounding)."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


def _statuses(value: Any) -> set[str] | None:
    if value is None or (not isinstance(value, (list, tuple, set)) and is_null(value)):
        return None
    return {str(v) for v in value}


def _counts(summary: dict, objectives: list[dict]) -> tuple[int, int]:
    numerator = _statuses(summary.get("numerator_statuses")) or set()
    denominator = _statuses(summary.get("denominator_statuses"))
    year = as_int(summary.get("year_planned"))
    pool = [o for o in objectives if denominator is None or o.get("status") in denominator]
    if year is not None:  # "… non-réalisées … proposées … en 2024"
        counted = [o for o in pool if o.get("status") == "non_realisee"
                   and as_int(o.get("year_planned")) == year
                   and (not numerator or o.get("status") in numerator)]
    else:
        counted = [o for o in pool if o.get("status") in numerator]
    return len(counted), len(pool)


@check("objectives.summary_percent", needs=("summaries", "objectives"))
def summary_percent(tables: Tables) -> Iterator[Finding]:
    objectives = tables.grouped("objectives", "doc_id", "table_seq")
    for s in tables.get("summaries"):
        stated, table_seq = as_float(s.get("percent")), as_int(s.get("table_seq"))
        rows = objectives.get((s.get("doc_id"), table_seq), [])
        if stated is None or not rows:
            continue
        numerator, denominator = _counts(s, rows)
        if not denominator:
            continue
        places = 0 if stated.is_integer() else 1  # "48 %" → integers; "47,4 %" → tenths
        computed = round_half_up(100 * numerator / denominator, places)
        if computed == round_half_up(stated, places):
            continue
        label = f"{stated:g} %"
        yield finding("objectives.summary_percent", doc_id=s.get("doc_id"),
                      subject=f'objectives table {table_seq} statement "{label}"',
                      expected=stated, actual=computed, statement=s.get("statement") or label,
                      numerator=numerator, denominator=denominator,
                      page=as_int(s.get("page")), line=as_int(s.get("line")),
                      quote=None if is_null(s.get("statement")) else s.get("statement"))
