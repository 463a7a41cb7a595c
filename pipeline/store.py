"""The output folder: one Parquet dataset per table, `out/<table>/part-*.parquet`.

A table is replaced whole and atomically: the new files are written to a temporary
folder beside it, then swapped in by rename, so a reader (or a killed run) sees the
old table or the new one, never half of one. Rows of a re-ingested document
replace its old rows (keyed by doc_id): no duplicate after any sequence of runs.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.tables import KEYS, TABLE_NAMES, schema


def table_dir(out: Path, table: str) -> Path:
    return out / table


def read_arrow(out: Path, table: str) -> pa.Table:
    """The table as written, or an empty table with its schema."""
    folder = table_dir(out, table)
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return schema(table).empty_table()
    return pa.concat_tables([pq.read_table(f) for f in files]).cast(schema(table))


def read_frames(out: Path, tables: Iterable[str] = TABLE_NAMES) -> dict[str, pd.DataFrame]:
    return {t: read_arrow(out, t).to_pandas() for t in tables}


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema(table))


def replace_documents(out: Path, rows: dict[str, list[dict]], doc_ids: set[str]) -> dict[str, int]:
    """Write `rows` for the documents `doc_ids`, dropping their former rows. Returns row counts."""
    counts = {}
    ids = pa.array(sorted(doc_ids), pa.string())
    for table in TABLE_NAMES:
        if table == "findings":
            continue
        old = read_arrow(out, table)
        kept = old.filter(pc.invert(pc.is_in(old["doc_id"], value_set=ids))) if len(ids) else old
        new = pa.concat_tables([kept, to_arrow(table, rows.get(table, []))])
        write_table(out, table, new)
        counts[table] = new.num_rows
    return counts


def write_table(out: Path, table: str, data: pa.Table) -> None:
    """Atomically replace `out/<table>/` with `data`, sorted by the table's key."""
    keys = [(k, "ascending") for k in KEYS[table] if k in data.column_names]
    if data.num_rows and keys:
        data = data.sort_by(keys)
    final = table_dir(out, table)
    tmp = out / f".{table}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    pq.write_table(data, tmp / "part-00000.parquet")
    _swap(tmp, final)


def _swap(tmp: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    shutil.rmtree(old, ignore_errors=True)
