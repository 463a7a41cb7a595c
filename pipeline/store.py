"""The output folder: one Parquet dataset per table, `out/<table>/part-*.parquet`.

Rows arrive batch by batch. A batch becomes one *part*: one file per table,
`part-000012.parquet`, written under `out/.registre/tmp/` and fsynced; the tables as
they will be are linked into a new snapshot folder (pipeline/snapshots.py), the batch
is committed by one line appended to the manifest (pipeline/manifest.py), and readers
are switched to the new snapshot: `out/<table>` always shows one committed state.
Rows of a re-ingested document are removed by rewriting the parts that hold them as
new parts in the same commit, so there is never a duplicate row and a killed run
rolls back to its last commit.

`findings` are rows of the documents they point at, committed in the same part;
`registre check` recomputes them part by part (`recompute`), replacing only the
findings file of a part whose findings changed.
"""
from __future__ import annotations

import operator
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import snapshots
from pipeline.manifest import Manifest, entry
from schemas.tables import KEYS, TABLE_NAMES, schema

COMPACT_TARGET_MB = 128  # a compacted part stays under this (all tables together)


def table_dir(out: Path, table: str) -> Path:
    return out / table


def read_arrow(out: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """The table as written (only `columns`, if given), or an empty table with its schema."""
    folder = table_dir(out, table)
    return _read_files(table, sorted(folder.glob("*.parquet")) if folder.is_dir() else [], columns)


def _read_files(table: str, files: list[Path], columns: list[str] | None = None) -> pa.Table:
    if not files:
        empty = schema(table).empty_table()
        return empty.select(columns) if columns else empty
    return pa.concat_tables([pq.read_table(f, schema=schema(table), columns=columns) for f in files])


# Arrow types to pandas' nullable dtypes: a count with a null stays an integer (Int32, not
# float64), a flag a boolean, a date a datetime64 (NaT for null), not Python objects.
_NULLABLE = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(),
             pa.string(): pd.StringDtype()}


def to_frame(data: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame with nullable integer, boolean and string columns and
    datetime64 dates."""
    return data.to_pandas(types_mapper=_NULLABLE.get, date_as_object=False)


def read_frames(out: Path, tables: Iterable[str] = TABLE_NAMES) -> dict[str, pd.DataFrame]:
    """Every table as of one same commit, even while a run commits (see `current`)."""
    base = current(out)
    return {t: to_frame(read_arrow(base, t)) for t in tables}


def current(out: Path) -> Path:
    """The snapshot folder readers see now, resolved once: its tables stay whole and
    present (snapshots.GRACE_S) whatever is committed meanwhile; `out` itself when it
    holds no snapshot (written by an older registre)."""
    link = Path(out) / snapshots.STATE / snapshots.CURRENT
    return Path(os.path.realpath(link)) if link.is_symlink() else Path(out)


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


_INT_RANGE = {pa.int32(): (-2**31, 2**31 - 1), pa.int64(): (-2**63, 2**63 - 1)}


def conform(rows: dict[str, list[dict]]) -> list[dict]:
    """Leave empty every integer its column cannot hold (`votants : 99999999999` in an
    int32 column), before Arrow would refuse the whole document; one `value.out_of_range`
    finding each, pointing at the line the value was read from."""
    from checks.rules import finding

    out = []
    for table, records in rows.items():
        if table == "findings":
            continue
        ints = [(f.name, _INT_RANGE[f.type]) for f in schema(table) if f.type in _INT_RANGE]
        for row in records:
            for column, (low, high) in ints:
                value = row.get(column)
                if value is None or low <= _integer(value) <= high:
                    continue
                row[column] = None
                key = "|".join(f"{k}={row.get(k)}" for k in KEYS[table] if k != "doc_id")
                where = _read_at(rows.get("provenance", ()), table, key, column)
                out.append(finding("value.out_of_range", doc_id=row.get("doc_id"), subject=f"{table} {key} {column}",
                                   expected=f"entier de {low} à {high}", actual=str(value)[:40],
                                   seq=row.get("seq"), page=where.get("page"), line=where.get("line"),
                                   quote=where.get("text"), column=f"{table}.{column}"))
                out[-1]["fields"] = [f"{table}.{column}"]
    return out


def _integer(value) -> float:
    """`value` as an integer (numpy's too), or NaN (outside every range) when it is none."""
    try:
        return operator.index(value)
    except TypeError:
        return float("nan")


def _read_at(provenance, table: str, key: str, column: str) -> dict:
    return next((p for p in provenance if (p["table"], p["record_key"], p["field"]) == (table, key, column)), {})


def sort_rows(table: str, data: pa.Table) -> pa.Table:
    keys = [(k, "ascending") for k in KEYS[table] if k in data.column_names]
    return data.sort_by(keys) if data.num_rows and keys else data


# -- batches -------------------------------------------------------------------

class Commit:
    """One atomic change of the tables: new parts staged, old parts replaced, docs updated.

    If anything fails before the commit line (a full disk), `discard` removes what was
    staged; nothing committed is touched."""

    def __init__(self, manifest: Manifest):
        self.m = manifest
        self.staged: dict[tuple[str, str], Path] = {}  # (table, file name) -> staged file
        self.record: dict = {"docs": {}, "add": {}, "remove": []}
        self.m.tmp_dir.mkdir(parents=True, exist_ok=True)

    def add_part(self, docs: list[str], tables: dict[str, pa.Table]) -> None:
        pid = self.m.new_id()
        files = {table: [self._stage(pid, table, data)] for table, data in tables.items()}
        self.record["add"][pid] = {"docs": sorted(docs), "files": files}

    def replace_table(self, pid: str, table: str, data: pa.Table) -> None:
        """Part `pid` again under a new id, with `data` as its `table`; its other files are
        kept as they are (a part lists its files by name), so nothing else is rewritten."""
        old, new = self.m.parts[pid], self.m.new_id()
        files = {t: names for t, names in old["files"].items() if t != table}
        if data.num_rows:
            files[table] = [self._stage(new, table, data)]
        self.record["remove"].append(pid)
        self.record["add"][new] = {"docs": old["docs"], "files": files}

    def _stage(self, pid: str, table: str, data: pa.Table) -> str:
        name = f"part-{pid}.parquet"
        tmp = self.m.tmp_dir / f"{table}.{name}"
        self.staged[(table, name)] = tmp
        pq.write_table(sort_rows(table, data), tmp)
        _fsync(tmp)
        return name

    def drop_docs(self, doc_ids: set[str]) -> None:
        """Remove these documents' rows: the parts holding them are rewritten without them."""
        hit = sorted({self.m.doc_part[d] for d in doc_ids if d in self.m.doc_part})
        if hit:
            self.merge_parts(hit, drop=doc_ids)

    def merge_parts(self, pids: list[str], drop: set[str] = frozenset()) -> None:
        """Replace parts by one part holding their rows (less `drop`): compaction and deletion."""
        parts = [self.m.parts[pid] for pid in pids]
        docs = sorted({d for p in parts for d in p["docs"]} - set(drop))
        ids = pa.array(sorted(drop), pa.string())
        tables = {}
        for table in TABLE_NAMES:
            if not any(table in p["files"] for p in parts):
                continue
            data = pa.concat_tables([read_part(self.m, p, table) for p in parts])
            if len(ids):
                data = data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=ids)))
            tables[table] = data
        self.record["remove"] += pids
        self.add_part(docs, tables)

    def set_docs(self, entries: dict[str, dict | None]) -> None:
        self.record["docs"].update(entries)

    def apply(self) -> None:
        """Link the tables as they will be into a new snapshot, append the commit line (the
        batch now exists), then switch the readers to that snapshot."""
        try:
            self._apply()
        finally:
            self.discard()

    def _apply(self) -> None:
        if not (self.record["add"] or self.record["remove"]):  # documents only: no file changes
            self.m.commit(self.record)
            return
        self._keep_every_table_readable()
        sid = f"{self.m.number(self.record):06d}"
        snapshots.build(self.m.state_dir, sid, self._sources())
        self.record["snap"] = sid
        _crash_hook(self.record)
        self.m.commit(self.record)
        snapshots.switch(self.m.state_dir, sid)
        snapshots.link_tables(self.m.out, self.m.state_dir)
        snapshots.collect(self.m.state_dir, sid, self.m.last_commit)

    def _sources(self) -> dict[tuple[str, str], Path]:
        """Every part file of the tables after this commit -> where it is now."""
        removed = set(self.record["remove"])
        parts = {pid: p for pid, p in self.m.parts.items() if pid not in removed} | self.record["add"]
        return {(t, n): self.staged.get((t, n)) or self.m.part_file(t, n) for t, n in self.m.listed_files(parts)}

    def discard(self) -> None:
        """Remove the staged files (linked into the snapshot when committed)."""
        for tmp in self.staged.values():
            tmp.unlink(missing_ok=True)

    def _keep_every_table_readable(self) -> None:
        """A table left without any file gets an empty one, so that readers see its columns."""
        removed = set(self.record["remove"])
        have = {t for pid, p in self.m.parts.items() if pid not in removed for t in p["files"]}
        have |= {t for p in self.record["add"].values() for t in p["files"]}
        missing = {t: schema(t).empty_table() for t in TABLE_NAMES if t not in have}
        if not missing:
            return
        if self.record["add"]:  # a file more in a part of this commit
            pid, part = next(reversed(self.record["add"].items()))
            for table, data in missing.items():
                part["files"][table] = [self._stage(pid, table, data)]
        else:
            self.add_part([], missing)


def _crash_hook(record: dict) -> None:
    """REGISTRE_TEST_KILL_AT=3: SIGKILL ourselves in the worst window of commit 3 (tests):
    its files written and linked into its snapshot, its line not yet appended."""
    at = os.environ.get("REGISTRE_TEST_KILL_AT")
    if at and record["add"] and int(max(record["add"])) >= int(at):
        os.kill(os.getpid(), 9)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def part_bytes(manifest: Manifest, part: dict) -> int:
    return sum(manifest.part_file(t, n).stat().st_size for t, names in part["files"].items() for n in names)


def compact(manifest: Manifest, target_mb: float = COMPACT_TARGET_MB, checkpoint: bool = True) -> int:
    """Merge small parts into parts of about `target_mb`; returns how many parts were merged.

    Content is unchanged: the same rows, re-sorted by key within each new file."""
    limit = target_mb * 2**20
    sizes = {pid: part_bytes(manifest, p) for pid, p in manifest.parts.items()}
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
    if merged and checkpoint:
        manifest.checkpoint()  # the log shrinks to one line
    return merged


def recompute(manifest: Manifest, table: str, compute: Callable[[dict[str, pa.Table]], pa.Table],
              docs_per_call: int = 64) -> int:
    """Recompute `table` from the tables (itself included, as it was), part by part, `docs_per_call` documents at a
    time (memory: one part's Arrow tables); commit each part whose rows change. Returns
    how many parts changed. A run killed midway leaves every part either old or new."""
    changed = 0
    for pid in sorted(manifest.parts):
        part = manifest.parts[pid]
        inputs = {t: read_part(manifest, part, t) for t in part["files"]}  # `table` too: what it held
        new = sort_rows(table, pa.concat_tables(
            [compute(_only(inputs, chunk)) for chunk in _chunks(part["docs"], docs_per_call)]
            or [schema(table).empty_table()]))
        if new.equals(sort_rows(table, read_part(manifest, part, table))):
            continue
        commit = Commit(manifest)
        commit.replace_table(pid, table, new)
        commit.apply()
        changed += 1
    return changed


def read_part(manifest: Manifest, part: dict, table: str) -> pa.Table:
    """One committed part's rows of `table` (empty when the part has none)."""
    return _read_files(table, [manifest.part_file(table, n) for n in part["files"].get(table, [])])


def _only(tables: dict[str, pa.Table], docs: list[str]) -> dict[str, pa.Table]:
    ids = pa.array(docs, pa.string())
    return {t: d.filter(pc.is_in(d["doc_id"], value_set=ids)) for t, d in tables.items()}


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def small_parts(manifest: Manifest, target_mb: float = COMPACT_TARGET_MB) -> int:
    limit = target_mb * 2**20 / 2
    return sum(part_bytes(manifest, p) < limit for p in manifest.parts.values())


__all__ = ["Commit", "compact", "entry", "read_arrow", "read_frames", "read_part", "recompute",
           "row_counts", "to_arrow", "small_parts"]
