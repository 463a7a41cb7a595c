"""What the report reads from an output folder, and no more.

Memory follows the findings, not the archive: `documents`, `deliberations` (a few
columns) and `coverage` are read whole (one small row per record); `provenance`
and `table_cells`, by far the largest tables, only for the documents that have
findings. The manifest gives each document's absolute path, which the links and
the page crops need (`documents.source_path` is relative to where ingest ran).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import store
from pipeline.manifest import LOG, STATE_DIR
from schemas.tables import columns, schema

DELIBERATION_COLUMNS = ["doc_id", "seq", "collectivite", "organe", "numero", "session_date", "objet",
                        "page_start", "page_end"]


@dataclass
class Frames:
    """The tables a report is rendered from; any may be empty (then that part says so)."""

    findings: pd.DataFrame
    documents: pd.DataFrame
    deliberations: pd.DataFrame = field(default_factory=lambda: empty("deliberations", DELIBERATION_COLUMNS))
    coverage: pd.DataFrame = field(default_factory=lambda: empty("coverage"))
    provenance: pd.DataFrame = field(default_factory=lambda: empty("provenance"))
    table_cells: pd.DataFrame = field(default_factory=lambda: empty("table_cells"))
    files: dict[str, dict] = field(default_factory=dict)  # doc_id -> {"path": absolute path, "size", "mtime_ns"}

    def __post_init__(self) -> None:
        for name in ("findings", "documents", "deliberations", "coverage", "provenance", "table_cells"):
            setattr(self, name, conform(name, getattr(self, name)))


def empty(table: str, cols: list[str] | None = None) -> pd.DataFrame:
    data = schema(table).empty_table()
    return (data.select(cols) if cols else data).to_pandas()


def conform(table: str, frame: pd.DataFrame | None) -> pd.DataFrame:
    """`frame` with every column of `table` (missing ones null): tests and older folders
    may give fewer columns than the current schema."""
    if frame is None:
        return empty(table)
    missing = [c for c in columns(table) if c not in frame.columns]
    if missing:
        frame = frame.assign(**{c: None for c in missing})
    return frame


# Tables of provenance a rule's evidence is in (besides the finding's own line).
EVIDENCE_TABLES = {"table.": ("table_cells",), "fiche.": ("fiches", "table_cells"),
                   "objectives.": ("summaries",), "proxy.": ("deliberations", "proxies")}
PROVENANCE_COLUMNS = ["doc_id", "table", "record_key", "field", "page", "line", "x0", "top", "x1", "bottom"]


def evidence_tables(check_id: str) -> tuple[str, ...]:
    return next((t for prefix, t in EVIDENCE_TABLES.items() if check_id.startswith(prefix)), ("deliberations",))


def read(out: Path, findings: pd.DataFrame | None = None, documents: pd.DataFrame | None = None) -> Frames:
    """Every table the report needs from `out` (`findings`/`documents` when already read)."""
    out = Path(out)
    findings = store.read_arrow(out, "findings").to_pandas() if findings is None else findings
    have = documents is not None and set(columns("documents")) <= set(documents.columns)
    documents = documents if have else store.read_arrow(out, "documents").to_pandas()
    tables, lines = wanted(findings)
    cell_docs = {d for d, t in tables if t == "table_cells"}
    return Frames(findings=findings, documents=documents,
                  deliberations=store.read_arrow(out, "deliberations", DELIBERATION_COLUMNS).to_pandas(),
                  coverage=store.read_arrow(out, "coverage").to_pandas(),
                  provenance=_stream(out, "provenance", PROVENANCE_COLUMNS,
                                     lambda t: _keep_provenance(t, tables, lines)),
                  table_cells=_stream(out, "table_cells", None,
                                      lambda t: pc.is_in(t["doc_id"], pa.array(sorted(cell_docs), pa.string()))),
                  files=manifest_files(out))


def wanted(findings: pd.DataFrame) -> tuple[set[tuple[str, str]], set[str]]:
    """(doc_id, table) pairs whose provenance the findings' evidence needs, and the
    findings' own lines as `doc_id|page|line` keys."""
    tables: set[tuple[str, str]] = set()
    lines: set[str] = set()
    for doc_id, check_id, page, line in findings[["doc_id", "check_id", "page", "line"]].itertuples(index=False):
        tables.update((doc_id, t) for t in evidence_tables(str(check_id)))
        if not (pd.isna(page) or pd.isna(line)):
            lines.add(f"{doc_id}|{int(page)}|{int(line)}")
    return tables, lines


def _keep_provenance(data: pa.Table, tables: set, lines: set) -> pa.Array:
    pairs = pc.binary_join_element_wise(data["doc_id"], data["table"], "|")
    where = pc.binary_join_element_wise(data["doc_id"], pc.cast(data["page"], pa.string()),
                                        pc.cast(data["line"], pa.string()), "|")
    return pc.or_(pc.is_in(pairs, pa.array(sorted(f"{d}|{t}" for d, t in tables), pa.string())),
                  pc.fill_null(pc.is_in(where, pa.array(sorted(lines), pa.string())), False))


def _stream(out: Path, table: str, cols: list[str] | None, keep) -> pd.DataFrame:
    """Rows of `table` that `keep(arrow_table)` selects, one part file at a time, so that
    the whole table (the largest: provenance) is never in memory at once."""
    folder = store.table_dir(out, table)
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    parts = []
    for path in files:
        data = pq.read_table(path, schema=schema(table), columns=cols)
        parts.append(data.filter(keep(data)))
    if not parts:
        return empty(table, cols)
    return pa.concat_tables(parts).to_pandas()


def manifest_files(out: Path) -> dict[str, dict]:
    """doc_id → absolute path, size and mtime of the file last ingested with that content.

    Read-only replay of `out/.registre/manifest.jsonl` (a torn last line is ignored here;
    the next run under the lock cuts it)."""
    log = Path(out) / STATE_DIR / LOG
    docs: dict[str, dict] = {}
    try:
        lines = log.read_bytes().splitlines()
    except OSError:
        return {}
    for raw in lines:
        try:
            record = json.loads(raw)
        except ValueError:
            break
        if record.get("snapshot"):
            docs = {}
        for path, entry in (record.get("docs") or {}).items():
            docs.pop(path, None)
            if entry is not None:
                docs[path] = entry
    return {e["doc_id"]: {"path": p, "size": e.get("size"), "mtime_ns": e.get("mtime_ns")}
            for p, e in docs.items() if e.get("doc_id")}


def resolve_source(doc: dict, files: dict[str, dict], out: Path) -> tuple[Path | None, bool]:
    """The document's file on disk, and whether it is still the file that was read.

    First `source_path` beside `out` (ingest ran in out's parent, the usual case, and
    the case of out/ moved together with its sources), then the manifest's absolute
    path, then `source_path` from the current folder. A candidate whose size differs
    from the manifest's is another file; one whose mtime changed at the manifest's own
    path is found but not trusted (its boxes may no longer match)."""
    entry = files.get(str(doc.get("doc_id")))
    source = doc.get("source_path") if isinstance(doc.get("source_path"), str) else ""
    candidates = [Path(out).absolute().parent / source] if source and not Path(source).is_absolute() else []
    candidates += [Path(entry["path"])] if entry else []
    candidates += [Path(source).absolute()] if source else []
    for path in candidates:
        try:
            stat = path.stat()
        except OSError:
            continue
        if not entry:
            return path, True
        if stat.st_size != entry.get("size"):
            continue
        return path, path != Path(entry["path"]) or stat.st_mtime_ns == entry.get("mtime_ns")
    return (candidates[0] if candidates else None), False


def relative_href(target: Path, start: Path) -> str:
    """A relative POSIX path from folder `start` to `target` (unquoted)."""
    return Path(os.path.relpath(Path(target).absolute(), Path(start).absolute())).as_posix()
