"""What every check reads: the tables, null-safe values and the source of a field.

`Tables` wraps the DataFrames given to `run_all`; `tables.get("attendance")` is None
when the table is missing or empty, so a check can skip instead of failing.
`tables.locate(doc_id, table, key, fields)` gives the page, line and text of the
first of `fields` found in `provenance` (the line "Présents : 29 – Pouvoirs : 12 –
Votants : 41" for `votants`).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Iterable

import pandas as pd



def is_null(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def as_int(value: Any) -> int | None:
    """An int, or None for null or a non-number ("", "NC")."""
    if is_null(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def as_float(value: Any) -> float | None:
    if is_null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a Timestamp or an ISO string; None when unreadable."""
    if is_null(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def as_bool(value: Any) -> bool:
    return False if is_null(value) else bool(value)


@dataclass(frozen=True)
class Source:
    page: int | None = None
    line: int | None = None
    quote: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"page": self.page, "line": self.line, "quote": self.quote}


class Tables:
    def __init__(self, frames: dict[str, pd.DataFrame] | None):
        self._frames = {k: v for k, v in (frames or {}).items()
                        if isinstance(v, pd.DataFrame) and not v.empty}
        self._prov = self._index_provenance(self._frames.get("provenance"))

    def get(self, name: str) -> pd.DataFrame | None:
        return self._frames.get(name)

    def has(self, names: Iterable[str]) -> bool:
        return all(n in self._frames for n in names)

    @staticmethod
    def _index_provenance(prov: pd.DataFrame | None) -> dict[tuple, list[dict]]:
        """(doc_id, table, field) → provenance rows, in their order."""
        index: dict[tuple, list[dict]] = {}
        if prov is None:
            return index
        for row in prov.to_dict("records"):
            index.setdefault((row.get("doc_id"), row.get("table"), row.get("field")), []).append(row)
        return index

    def locate(self, doc_id: str, table: str, key: str, fields: Iterable[str],
               fallback: Source | None = None) -> Source:
        """Where the first of `fields` of record `key` was read; `fallback` otherwise.

        A key `seq=1` also matches a longer writer key starting with it
        (`seq=1|name=…`), so checks need not know every table's key format.
        """
        for name in fields:
            for row in self._prov.get((doc_id, table, name), ()):
                rkey = str(row.get("record_key") or "")
                if rkey == key or rkey.startswith((key + "|", key + ",")):
                    return Source(as_int(row.get("page")), as_int(row.get("line")),
                                  None if is_null(row.get("text")) else str(row.get("text")))
        return fallback or Source()


def by_deliberation(frame: pd.DataFrame | None) -> dict[tuple[str, int], list[dict]]:
    """Rows of attendance/proxies grouped by (doc_id, seq)."""
    groups: dict[tuple[str, int], list[dict]] = {}
    if frame is None:
        return groups
    for row in frame.to_dict("records"):
        groups.setdefault((row.get("doc_id"), as_int(row.get("seq"))), []).append(row)
    return groups


def deliberations(tables: Tables) -> list[dict]:
    frame = tables.get("deliberations")
    return [] if frame is None else frame.to_dict("records")


def where(tables: Tables, delib: dict, *fields: str) -> dict[str, Any]:
    """page/line/quote of a deliberation's fields; its first page otherwise."""
    seq = as_int(delib.get("seq"))
    fallback = Source(as_int(delib.get("page_start")))
    src = tables.locate(delib["doc_id"], "deliberations", f"seq={seq}", fields, fallback)
    return {"doc_id": delib["doc_id"], "seq": seq, "subject": f"deliberation {seq}", **src.as_dict()}
