"""`out/datapackage.json`: the tables described as a Frictionless data package.

Written by `ingest`, `check` and `compact` after their last commit, from
schemas/tables.py: one resource per table, its part files (`deliberations/part-000003.parquet`:
read them together, `out/deliberations/*.parquet`), every column with its type and the
description an analyst needs (DuckDB and polars do not show Parquet's field metadata),
the table's key and the keys it joins by. `duckdb_sql` gives the same descriptions as
DuckDB views with `COMMENT`s, so that `DESCRIBE` and `duckdb_columns()` show them.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa

from schemas.tables import COLUMNS, DESCRIPTIONS, KEYS, TABLE_NAMES

# Which tables a table's rows point at: (columns, table, its columns).
REFERENCES: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {
    "attendance": [(("doc_id", "seq"), "deliberations", ("doc_id", "seq"))],
    "proxies": [(("doc_id", "seq"), "deliberations", ("doc_id", "seq"))],
    "decisions": [(("doc_id", "seq"), "deliberations", ("doc_id", "seq"))],
    "restated_votes": [(("doc_id", "seq"), "deliberations", ("doc_id", "seq"))],
    "ballots": [(("doc_id", "seq"), "deliberations", ("doc_id", "seq"))],
    "summaries": [(("doc_id", "table_seq"), "objectives", ("doc_id", "table_seq"))],
    "members": [(("doc_id", "sitting"), "sittings", ("doc_id", "sitting"))],
}


def field_type(t: pa.DataType) -> dict:
    """The Table Schema type of an Arrow type."""
    if pa.types.is_integer(t):
        return {"type": "integer"}
    if pa.types.is_floating(t):
        return {"type": "number"}
    if pa.types.is_boolean(t):
        return {"type": "boolean"}
    if pa.types.is_date(t):
        return {"type": "date"}
    if pa.types.is_timestamp(t):
        return {"type": "datetime"}
    if pa.types.is_list(t):
        return {"type": "array"}
    return {"type": "string"}


def resource(out: Path, table: str) -> dict:
    files = sorted((out / table).glob("*.parquet")) if (out / table).is_dir() else []
    fields = [{"name": n, **field_type(t), "description": d or n} for n, t, d in COLUMNS[table]]
    keys = [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}] \
        if table != "documents" else []
    keys += [{"fields": list(cols), "reference": {"resource": other, "fields": list(theirs)}}
             for cols, other, theirs in REFERENCES.get(table, [])]
    schema = {"fields": fields, "primaryKey": list(KEYS[table])}
    if keys:
        schema["foreignKeys"] = keys
    return {"name": table, "type": "table", "path": [f"{table}/{f.name}" for f in files],
            "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": f"{DESCRIPTIONS[table]} Read all its parts together: {table}/*.parquet.",
            "schema": schema}


def descriptor(out: Path) -> dict:
    from pipeline.stages import VERSION

    return {"name": "registre", "title": "registre: French council documents as checked tables",
            "description": "Tables written by registre (pipeline version " + VERSION + "); every column "
                           "is documented in schemas/TABLES.md.",
            "version": VERSION, "resources": [resource(out, t) for t in TABLE_NAMES if (out / t).is_dir()]}


def write(out: Path) -> Path:
    """Write `out/datapackage.json` atomically (a reader never sees half of it)."""
    path, tmp = out / "datapackage.json", out / ".datapackage.json.tmp"
    tmp.write_text(json.dumps(descriptor(out), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def duckdb_sql(out: str | Path) -> str:
    """SQL creating one DuckDB view per table of `out`, with its description and its columns'
    as COMMENTs:

        con = duckdb.connect(); con.sql(duckdb_sql("out"))
        con.sql("select column_name, comment from duckdb_columns() where table_name = 'sittings'")
    """
    out = Path(out).resolve()
    sql = []
    for table in TABLE_NAMES:
        if not (out / table).is_dir():
            continue
        glob = str(out / table / "*.parquet").replace("'", "''")
        sql.append(f"create or replace view {table} as select * from read_parquet('{glob}');")
        sql.append(f"comment on view {table} is {_quote(DESCRIPTIONS[table])};")
        sql += [f'comment on column {table}."{n}" is {_quote(d or n)};' for n, _, d in COLUMNS[table]]
    return "\n".join(sql) + "\n"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
