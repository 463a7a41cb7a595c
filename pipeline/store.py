"""The output folder: one Parquet dataset per table, `out/<table>/part-*.parquet`.

Rows arrive batch by batch. A batch becomes one *part*: one file per table,
`out/<table>/part-000012.parquet`, written under `out/.registre/tmp/`, fsynced,
renamed into the table folders, and only then committed by one line appended to
the manifest (pipeline/manifest.py). Rows of a re-ingested document are removed
by rewriting the parts that hold them as new parts in the same commit, so there
is never a duplicate row and a killed run rolls back to its last commit.

`findings` is global (all documents at once) and replaced whole by folder swap.
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

from pipeline.manifest import Manifest, entry, part_tables
from schemas.tables import KEYS, TABLE_NAMES, schema

COMPACT_TARGET_MB = 128  # a compacted part stays under this (all tables together)


def table_dir(out: Path, table: str) -> Path:
    return out / table


def read_arrow(out: Path, table: str) -> pa.Table:
    """The table as written, or an empty table with its schema."""
    folder = table_dir(out, table)
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return schema(table).empty_table()
    return pa.concat_tables([pq.read_table(f, schema=schema(table)) for f in files])


def read_frames(out: Path, tables: Iterable[str] = TABLE_NAMES) -> dict[str, pd.DataFrame]:
    return {t: read_arrow(out, t).to_pandas() for t in tables}


def row_counts(out: Path) -> dict[str, int]:
    """Rows per table, from the Parquet footers (nothing loaded)."""
    counts = {}
    for table in TABLE_NAMES:
        folder = table_dir(out, table)
        files = folder.glob("*.parquet") if folder.is_dir() else []
        counts[table] = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    return counts


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema(table))


def sort_rows(table: str, data: pa.Table) -> pa.Table:
    keys = [(k, "ascending") for k in KEYS[table] if k in data.column_names]
    return data.sort_by(keys) if data.num_rows and keys else data


def write_table(out: Path, table: str, data: pa.Table) -> pa.Table:
    """Atomically replace `out/<table>/` with `data` (used for the global `findings`);
    returns the table as written (sorted by its key)."""
    final = table_dir(out, table)
    tmp = out / f".{table}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    data = sort_rows(table, data)
    pq.write_table(data, tmp / "part-00000.parquet")
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    shutil.rmtree(old, ignore_errors=True)
    return data


# -- batches -------------------------------------------------------------------

class Commit:
    """One atomic change of the tables: new parts staged, old parts replaced, docs updated."""

    def __init__(self, manifest: Manifest):
        self.m = manifest
        self.staged: list[tuple[Path, Path]] = []  # (tmp file, final file)
        self.record: dict = {"docs": {}, "add": {}, "remove": []}
        self.m.tmp_dir.mkdir(parents=True, exist_ok=True)

    def add_part(self, docs: list[str], tables: dict[str, pa.Table]) -> None:
        pid, files = self.m.new_id(), {}
        for table, data in tables.items():
            name = f"part-{pid}.parquet"
            tmp = self.m.tmp_dir / f"{table}.{name}"
            pq.write_table(sort_rows(table, data), tmp)
            _fsync(tmp)
            self.staged.append((tmp, table_dir(self.m.out, table) / name))
            files[table] = [name]
        self.record["add"][pid] = {"docs": sorted(docs), "files": files}

    def drop_docs(self, doc_ids: set[str]) -> None:
        """Remove these documents' rows: the parts holding them are rewritten without them."""
        hit = sorted({self.m.doc_part[d] for d in doc_ids if d in self.m.doc_part})
        if hit:
            self.merge_parts(hit, drop=doc_ids)

    def merge_parts(self, pids: list[str], drop: set[str] = frozenset()) -> None:
        """Replace parts by one part holding their rows (less `drop`): compaction and deletion."""
        docs = sorted({d for pid in pids for d in self.m.parts[pid]["docs"]} - set(drop))
        ids = pa.array(sorted(drop), pa.string())
        tables = {}
        for table in part_tables():
            files = [table_dir(self.m.out, table) / n for pid in pids
                     for n in self.m.parts[pid]["files"].get(table, [])]
            if not files:
                continue
            data = pa.concat_tables([pq.read_table(f, schema=schema(table)) for f in files])
            if len(ids):
                data = data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=ids)))
            tables[table] = data
        self.record["remove"] += pids
        self.add_part(docs, tables)

    def set_docs(self, entries: dict[str, dict | None]) -> None:
        self.record["docs"].update(entries)

    def apply(self) -> None:
        """Rename the staged files in, then append the commit line: the batch now exists."""
        self._keep_every_table_readable()
        for tmp, final in self.staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        _crash_hook(self.record)
        self.m.commit(self.record)

    def _keep_every_table_readable(self) -> None:
        """A table left without any file gets an empty one, so that readers see its columns."""
        removed = set(self.record["remove"])
        have = {t for pid, p in self.m.parts.items() if pid not in removed for t in p["files"]}
        have |= {t for p in self.record["add"].values() for t in p["files"]}
        missing = {t: schema(t).empty_table() for t in part_tables() if t not in have}
        if not missing:
            return
        if self.record["add"]:  # a file more in a part of this commit
            pid, part = next(reversed(self.record["add"].items()))
            for table, data in missing.items():
                tmp = self.m.tmp_dir / f"{table}.part-{pid}.parquet"
                pq.write_table(data, tmp)
                self.staged.append((tmp, table_dir(self.m.out, table) / f"part-{pid}.parquet"))
                part["files"][table] = [f"part-{pid}.parquet"]
        else:
            self.add_part([], missing)


def _crash_hook(record: dict) -> None:
    """REGISTRE_TEST_KILL_AT=3: SIGKILL ourselves in the worst window of commit 3 (tests)."""
    at = os.environ.get("REGISTRE_TEST_KILL_AT")
    if at and record["add"] and int(max(record["add"])) >= int(at):
        os.kill(os.getpid(), 9)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def part_bytes(out: Path, part: dict) -> int:
    return sum((table_dir(out, t) / n).stat().st_size for t, names in part["files"].items() for n in names)


def compact(manifest: Manifest, target_mb: float = COMPACT_TARGET_MB, snapshot: bool = True) -> int:
    """Merge small parts into parts of about `target_mb`; returns how many parts were merged.

    Content is unchanged: the same rows, re-sorted by key within each new file."""
    limit = target_mb * 2**20
    sizes = {pid: part_bytes(manifest.out, p) for pid, p in manifest.parts.items()}
    small = [pid for pid in sorted(sizes) if sizes[pid] < limit / 2]
    groups, group, total = [], [], 0
    for pid in small:
        if group and total + sizes[pid] > limit:
            groups.append(group)
            group, total = [], 0
        group.append(pid)
        total += sizes[pid]
    groups.append(group)
    merged = 0
    for group in (g for g in groups if len(g) > 1):
        commit = Commit(manifest)
        commit.merge_parts(group)
        commit.apply()
        merged += len(group)
    if merged and snapshot:
        manifest.snapshot()  # the log shrinks to one line
    return merged


def small_parts(manifest: Manifest, target_mb: float = COMPACT_TARGET_MB) -> int:
    limit = target_mb * 2**20 / 2
    return sum(part_bytes(manifest.out, p) < limit for p in manifest.parts.values())


__all__ = ["Commit", "compact", "entry", "read_arrow", "read_frames", "row_counts", "to_arrow",
           "write_table", "small_parts"]
