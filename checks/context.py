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
import numbers
from dataclasses import dataclass
from functools import cached_property
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
    """The tables as lists of row dicts, converted once: a check walks rows, and pandas'
    per-call overhead (`to_dict`, `groupby`) cost more than the checks themselves on the
    few hundred rows of one document, which is what a worker checks."""

    def __init__(self, frames: dict[str, Any] | None):
        self._rows = {k: rows for k, v in (frames or {}).items() if (rows := records(v))}
        self._groups: dict[tuple, dict[tuple, list[dict]]] = {}
        self._prov = self._index_provenance(self._rows.get("provenance"))
        # (doc_id, seq) -> rule id -> None (evaluated) or the reason it was not: the coverage
        self.ledger: dict[tuple[str, int | None], dict[str, str | None]] = {}

    def ran(self, rule_id: str, doc_id: str, seq: int | None) -> None:
        """`rule_id` was evaluated on deliberation `seq` (whether or not it found something)."""
        self.ledger.setdefault((doc_id, seq), {})[rule_id] = None

    def skip(self, rule_id: str, doc_id: str, seq: int | None, reason: str, replace: bool = False) -> None:
        """`rule_id` could not be evaluated on deliberation `seq`, and why ("contre non lu");
        `replace`: after all, though its values were read (a tie is not judged)."""
        entry = self.ledger.setdefault((doc_id, seq), {})
        if replace or rule_id not in entry:
            entry[rule_id] = reason

    def get(self, name: str) -> list[dict] | None:
        """The rows of `name`, or None when the table is missing or empty."""
        return self._rows.get(name)

    def has(self, names: Iterable[str]) -> bool:
        return all(n in self._rows for n in names)

    def grouped(self, name: str, *keys: str) -> dict[tuple, list[dict]]:
        """Rows of `name` grouped by the values of `keys` (ints for `seq`-like keys), in order."""
        if (name, keys) not in self._groups:
            groups: dict[tuple, list[dict]] = {}
            for row in self._rows.get(name, ()):
                groups.setdefault(tuple(_key(row.get(k)) for k in keys), []).append(row)
            self._groups[(name, keys)] = groups
        return self._groups[(name, keys)]

    @staticmethod
    def _index_provenance(prov: list[dict] | None) -> dict[tuple, list[dict]]:
        """(doc_id, table, field) → provenance rows, in their order."""
        index: dict[tuple, list[dict]] = {}
        for row in prov or ():
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

    def how(self, doc_id: str, table: str, key: str, field: str) -> dict | None:
        """The provenance row of one value (method, derived, confidence), or None."""
        exact = self._by_key.get((doc_id, table, key, field))
        if exact is not None:
            return exact
        for row in self._prov.get((doc_id, table, field), ()):
            rkey = str(row.get("record_key") or "")
            if rkey == key or rkey.startswith((key + "|", key + ",")):
                return row
        return None

    def provenance_of(self, doc_id: str, table: str, seq: int | None = None) -> list[dict]:
        """Provenance rows of `table`'s records of one deliberation (every record when `seq`
        is None): the lines a list of names was read from."""
        return self._by_record.get((doc_id, table, seq), [])

    @cached_property
    def _by_key(self) -> dict[tuple, dict]:
        return {(doc, table, str(row.get("record_key") or ""), field): row
                for (doc, table, field), rows in reversed(list(self._prov.items())) for row in reversed(rows)}

    @cached_property
    def _by_record(self) -> dict[tuple, list[dict]]:
        index: dict[tuple, list[dict]] = {}
        for (doc, table, _), rows in self._prov.items():
            for row in rows:
                index.setdefault((doc, table, _seq_of(row)), []).append(row)
                index.setdefault((doc, table, None), []).append(row)
        return index

    def line_text(self, doc_id: str, page: Any, line: Any) -> str | None:
        """The text of a document's line, as the first provenance row there quotes it."""
        return self._line_index.get((doc_id, as_int(page), as_int(line)))

    @cached_property
    def _line_index(self) -> dict[tuple, str]:
        index: dict[tuple, str] = {}
        for row in self._rows.get("provenance", ()):
            if not is_null(row.get("text")):
                index.setdefault((row.get("doc_id"), as_int(row.get("page")), as_int(row.get("line"))),
                                 str(row["text"]))
        return index


def _seq_of(prov: dict) -> int | None:
    """The deliberation of a provenance row: `key_seq`, else the `seq=` of its record key."""
    seq = as_int(prov.get("key_seq"))
    if seq is None:
        head = str(prov.get("record_key") or "").split("|")[0]
        seq = as_int(head[4:]) if head.startswith("seq=") else None
    return seq


def records(table: Any) -> list[dict]:
    """Rows of a DataFrame, an Arrow table or a list of dicts, as a list of dicts."""
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    if hasattr(table, "to_pylist"):  # pyarrow.Table
        return table.to_pylist()
    return list(table)


def _key(value: Any) -> Any:
    """Group keys compare as Python values: 1, 1.0 and numpy's 1 are one `seq`."""
    if is_null(value):
        return None
    return as_int(value) if isinstance(value, numbers.Number) and not isinstance(value, bool) else value


def by_deliberation(tables: Tables, name: str) -> dict[tuple[str, int], list[dict]]:
    """Rows of attendance/proxies grouped by (doc_id, seq)."""
    return tables.grouped(name, "doc_id", "seq")


def deliberations(tables: Tables) -> list[dict]:
    return tables.get("deliberations") or []


def where(tables: Tables, delib: dict, *fields: str) -> dict[str, Any]:
    """page/line/quote of a deliberation's fields; its first page otherwise."""
    seq = as_int(delib.get("seq"))
    fallback = Source(as_int(delib.get("page_start")))
    src = tables.locate(delib["doc_id"], "deliberations", f"seq={seq}", fields, fallback)
    return {"doc_id": delib["doc_id"], "seq": seq, "subject": f"deliberation {seq}", **src.as_dict()}
