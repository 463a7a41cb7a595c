"""The library API under the CLI: `ingest`, `check` and `compact`.

    >>> from pipeline.api import ingest
    >>> summary = ingest(["samples/"], out="out/")
    >>> summary.tables["deliberations"]
    2

`ingest` is incremental: the manifest (pipeline/manifest.py) remembers each file
by path and content hash, so a re-run reads only new and changed files, a
changed file's rows replace its old rows, and a file gone from disk keeps its
rows unless `prune=True`. Documents are processed by an engine
(pipeline/engines.py) and committed batch by batch (pipeline/store.py).
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import queue
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa

from pipeline import datapackage, store
from pipeline.engines import Outcome, peak_rss_mb, run_dask, run_local
from pipeline.loaders import SUFFIXES as _FORMAT_SUFFIXES
from pipeline.loaders import kind_of_suffix
from pipeline.manifest import Manifest, entry
from pipeline.progress import Progress, Silent
from pipeline.stages import VERSION

SUFFIXES = set(_FORMAT_SUFFIXES)  # what a folder is searched for: pipeline/loaders FORMATS
ENGINES = ("local", "dask")
BATCH_SIZE = 64
COMPACT_AFTER = 64  # small parts past which ingest compacts on its own
REPORT_DOC_COLUMNS = ["doc_id", "source_path", "status", "error"]  # what the report shows of a document


class UsageError(Exception):
    """Bad arguments: the CLI exits with 2."""


class BusyError(Exception):
    """Another run holds the output folder."""


class NothingToRead(Exception):
    """No document among the paths given (an empty folder, only files of other formats):
    the CLI exits with 1."""


@dataclass
class Summary:
    documents: int = 0  # input documents (new, changed and unchanged)
    read: int = 0  # processed in this run
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # one line per failed input document
    tables: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    batches: int = 0
    removed_kept: int = 0  # files gone from disk whose rows were kept
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files of a folder not read
    renamed: int = 0  # files found under a new path (same bytes, old path gone): rows kept
    pruned: int = 0
    compacted: int = 0
    seconds: float = 0.0
    worker_rss_mb: float = 0.0  # peak resident memory of the busiest worker
    main_rss_mb: float = 0.0  # peak resident memory of the main process
    worker_cpu: dict[int, float] = field(default_factory=dict)  # worker pid -> CPU seconds used
    coverage: dict[str, int] = field(default_factory=dict)  # coverage_counts(): what was read and checked

    def lines(self) -> list[str]:
        detail = f" ({self.read} read, {self.unchanged} unchanged)" if self.read or self.unchanged else ""
        out = [f"documents: {self.documents}{detail}, {len(self.failed)} failed, {self.pages} pages "
               f"in {self.seconds:.1f} s"]
        out += [f"  failed: {reason}" for reason in self.failed]
        if self.skipped:
            out.append(f"  skipped {sum(self.skipped.values())} files: {skipped_text(self.skipped)}")
        if self.renamed:
            out.append(f"  {self.renamed} files renamed or moved: their rows kept, under the new path")
        if self.removed_kept:
            out.append(f"  {self.removed_kept} files gone from disk keep their rows (--prune drops them)")
        if self.pruned or self.compacted:
            out.append(f"  pruned {self.pruned} files, compacted {self.compacted} parts")
        out.append("rows: " + ", ".join(f"{t} {n}" for t, n in self.tables.items()))
        out.append("findings: " + (", ".join(f"{s} {n}" for s, n in sorted(self.findings.items()))
                                   or "none"))
        if self.coverage:
            out.append(coverage_text(self.coverage))
        return out


def coverage_counts(out: Path) -> dict[str, int]:
    """What the `coverage` table of `out` says, counted: documents read (not `unread`), with
    deliberations, checked (some rule evaluated); deliberations fully, partly, not checked."""
    rows = store.read_arrow(out, "coverage", ["doc_id", "scope", "status"]).to_pylist()
    docs = [r for r in rows if r["scope"] == "document"]
    delibs = [r for r in rows if r["scope"] == "deliberation"]
    return {"documents": len(docs), "read": sum(r["status"] != "unread" for r in docs),
            "with_deliberations": len({r["doc_id"] for r in delibs}),
            "checked": sum(r["status"] in ("checked", "partial") for r in docs),
            "deliberations": len(delibs), "fully": sum(r["status"] == "checked" for r in delibs),
            "partly": sum(r["status"] == "partial" for r in delibs),
            "not_checked": sum(r["status"] == "not_checked" for r in delibs)}


def coverage_text(c: dict[str, int]) -> str:
    """`coverage: documents 30: 29 read, 28 with deliberations, 28 checked; deliberations 310:
    40 fully checked, 262 partly, 8 not checked`: what "no finding" can be trusted for."""
    return (f"coverage: documents {c['documents']}: {c['read']} read, {c['with_deliberations']} with "
            f"deliberations, {c['checked']} checked; deliberations {c['deliberations']}: {c['fully']} fully "
            f"checked, {c['partly']} partly, {c['not_checked']} not checked")


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files of a format we read under folders named (recursively)."""
    return find_documents(paths)[0]


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], dict[str, int]]:
    """(files to read, sorted and unique; {reason: count} of the files of folders not read).

    A file named on the command line is always read (its bytes say its format); in a
    folder, files whose suffix is no format of pipeline/loaders FORMATS are counted as
    skipped, with the reason, and so are hidden files."""
    found: dict[Path, None] = {}
    skipped: dict[str, int] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file():
                    continue
                reason = _skip_reason(f.relative_to(p))
                if reason:
                    skipped[reason] = skipped.get(reason, 0) + 1
                else:
                    found[f] = None
        elif p.is_file():
            found[p] = None
        else:
            raise UsageError(f"{p}: no such file or folder")
    return list(found), skipped


def _skip_reason(relative: Path) -> str | None:
    if any(part.startswith(".") for part in relative.parts):
        return "hidden"
    if kind_of_suffix(relative) is None:
        return f"{relative.suffix.lower() or 'no extension'}: not a format registre reads"
    return None


def skipped_text(skipped: dict[str, int]) -> str:
    """`2 .xlsx: not a format registre reads, 1 hidden`."""
    return ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))


@contextmanager
def locked(out: Path, wait: bool = False) -> Iterator[Manifest]:
    """Hold `out/.lock` and yield the recovered manifest.

    A second run on the same folder refuses (or waits, `wait=True`) instead of
    interleaving writes; the lock dies with its process, so kill -9 leaves none."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BusyError(f"{out}: another registre run is writing here; try again when it ends "
                            "(or pass --wait)") from None
        yield Manifest.open(out)


# -- planning ------------------------------------------------------------------

@dataclass
class Plan:
    todo: dict[str, tuple[str, os.stat_result]] = field(default_factory=dict)  # path -> (key, stat)
    unchanged: int = 0
    failed_before: list[str] = field(default_factory=list)
    aliases: dict[str, tuple[str, str, os.stat_result]] = field(default_factory=dict)  # key -> (sha, path, stat)
    touched: dict[str, dict] = field(default_factory=dict)  # key -> entry with a fresh stat
    renamed: dict[str, tuple[str, str, os.stat_result]] = field(default_factory=dict)  # key -> (old key, path, stat)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan(files: list[Path], m: Manifest, force: bool = False, retry_failed: bool = False) -> Plan:
    """Which files to read: new, changed, or asked for again; the rest is left as is."""
    p, by_sha, shas = Plan(), m.by_sha(), {}
    for f in files:
        key, st = str(f.resolve()), f.stat()
        old = m.docs.get(key)
        if old and not force and _current(old, retry_failed):
            if (old.get("size"), old.get("mtime_ns")) == (st.st_size, st.st_mtime_ns):
                _keep(p, old)
                continue
            if sha256(f) == old["sha256"]:  # touched, same bytes
                _keep(p, old)
                p.touched[key] = {**old, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
                continue
        sha = sha256(f)
        twin = by_sha.get(sha)
        if (not force and old is None and twin and twin != key and not os.path.exists(twin)
                and _current(m.docs[twin], retry_failed)):
            p.renamed[key] = (twin, str(f), st)  # the same bytes under a new name, the old one gone
            p.unchanged += 1
            shas[sha] = key  # a second copy of it is an alias of this one, not another rename
            continue
        if not force and ((twin and twin != key and _current(m.docs[twin], retry_failed)) or sha in shas):
            p.aliases[key] = (sha, str(f), st)  # same bytes as another file: its rows serve both
            p.unchanged += 1
            continue
        shas[sha] = key
        p.todo[str(f)] = (key, st)
    return p


def _current(e: dict, retry_failed: bool) -> bool:
    return e.get("version") == VERSION and not (retry_failed and e["status"] == "failed")


def _keep(p: Plan, e: dict) -> None:
    p.unchanged += 1
    if e["status"] == "failed":
        p.failed_before.append(e.get("error") or e["source_path"])


# -- ingest --------------------------------------------------------------------

def ingest(paths: Iterable[str | Path], out: str | Path = "out", workers: int | None = None,
           progress=None, settings=None, *, engine: str = "local",
           scheduler: str | None = None, batch_size: int = BATCH_SIZE, prune: bool = False,
           force: bool = False, retry_failed: bool = False, wait: bool = False,
           compact_after: int = COMPACT_AFTER) -> Summary:
    """Read new and changed documents, commit them batch by batch, run the checks, write the report.

    `progress`: None (silent), a Progress, or a factory `total -> Progress` (e.g. progress_printer)."""
    from pipeline.settings import Settings

    start, out = time.monotonic(), Path(out)
    paths = list(paths)
    files, skipped = find_documents(paths)
    if not files:
        detail = f" ({sum(skipped.values())} files skipped: {skipped_text(skipped)})" if skipped else ""
        raise NothingToRead(f"{', '.join(map(str, paths))}: no document to read{detail}; registre reads "
                            f"{', '.join(sorted(SUFFIXES))}")
    settings = settings or Settings()
    workers = workers or os.cpu_count() or 1
    if engine not in ENGINES:
        raise UsageError(f"engine must be one of {', '.join(ENGINES)}")
    with locked(out, wait) as m:
        p = plan(files, m, force, retry_failed)
        summary = Summary(documents=len(files), unchanged=p.unchanged, failed=list(p.failed_before),
                          skipped=skipped, renamed=len(p.renamed))
        changed = _rename(m, p)
        changed |= _prune(m, summary) if prune else _count_removed(m, summary)
        progress = progress(len(p.todo)) if callable(progress) else (progress or Silent())
        outcomes = (run_dask(p.todo, settings, workers, settings.timeout_s, scheduler) if engine == "dask"
                    else run_local(p.todo, settings, workers, settings.timeout_s))
        try:
            changed |= _commit_all(m, outcomes, p, batch_size, progress, summary, compact_after)
        finally:
            progress.close()
        changed |= _finish(m, p)
        if summary.compacted:
            m.snapshot()
        summary.findings = _report(out, write=changed or not (out / "report.html").exists())
        summary.main_rss_mb = peak_rss_mb()
        summary.tables = store.row_counts(out)
        summary.coverage = coverage_counts(out)
        datapackage.write(out)
    summary.seconds = time.monotonic() - start
    return summary


def _commit_all(m: Manifest, outcomes: Iterator[Outcome], p: Plan, batch_size: int,
                progress: Progress, summary: Summary, compact_after: int) -> bool:
    batch: list[Outcome] = []
    with _Committer(lambda b: _commit(m, b, p, progress, summary, compact_after)) as committer:
        for o in outcomes:
            progress.document(o)
            summary.read += 1
            summary.pages += o.pages
            summary.worker_rss_mb = max(summary.worker_rss_mb, o.rss_mb)
            summary.worker_cpu[o.pid] = max(summary.worker_cpu.get(o.pid, 0.0), o.cpu_s)
            if not o.ok:
                summary.failed.append(o.error)
            batch.append(o)
            if len(batch) >= batch_size:
                committer.put(batch)
                batch = []
        if batch:
            committer.put(batch)
    return summary.batches > 0


class _Committer:
    """Commits batches, one after another, in a thread of its own: the loop that feeds
    the workers goes on while a batch is written (Parquet writing and fsync release the
    GIL), instead of leaving every worker idle with a finished document in its pipe.
    At most one full batch waits; leaving the `with` block commits what was put."""

    def __init__(self, commit):
        self.commit, self.error = commit, None
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.thread = threading.Thread(target=self._run, name="registre-commit", daemon=True)

    def __enter__(self) -> "_Committer":
        self.thread.start()
        return self

    def put(self, batch: list[Outcome]) -> None:
        if self.error:
            raise self.error
        self.queue.put(batch)

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            try:
                if self.error is None:
                    self.commit(batch)
            except BaseException as exc:  # raised again in the caller's thread
                self.error = exc

    def __exit__(self, *exc_info) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error and exc_info[0] is None:
            raise self.error


def _commit(m: Manifest, batch: list[Outcome], p: Plan, progress: Progress, summary: Summary,
            compact_after: int) -> None:
    progress.committed(_commit_batch(m, batch, p))
    summary.batches += 1
    if compact_after and len(m.parts) > compact_after and store.small_parts(m) > compact_after:
        summary.compacted += store.compact(m, snapshot=False)


def _commit_batch(m: Manifest, batch: list[Outcome], p: Plan) -> str:
    """One commit: the batch's rows as a new part, the rows they replace removed."""
    commit, entries, tables, new_ids = store.Commit(m), {}, {}, []
    for o in batch:
        row = o.doc_row
        key, st = p.todo[o.path]
        entries[key] = entry(row, st)
        if row["doc_id"] in new_ids:  # the same bytes twice in a batch: rows once
            continue
        new_ids.append(row["doc_id"])
        for table, data in o.tables.items():
            tables.setdefault(table, []).append(data)
    drop = {d for d in new_ids if d in m.doc_part}  # read again (--force, a retried failure)
    for key, e in entries.items():
        old = m.docs.get(key)
        if old and old["doc_id"] not in new_ids and m.refs[old["doc_id"]] <= 1:
            drop.add(old["doc_id"])  # a changed file: its former content goes
    commit.drop_docs(drop)
    commit.add_part(new_ids, {t: _concat(parts) for t, parts in tables.items()})
    commit.set_docs(entries)
    commit.apply()
    return max(commit.record["add"])


def _concat(tables):
    import pyarrow as pa

    return pa.concat_tables(tables)


def _finish(m: Manifest, p: Plan) -> bool:
    """Record files that share content with another (no rows of their own) and touched files."""
    entries = dict(p.touched)
    for key, (sha, path, st) in p.aliases.items():
        twin = m.docs[m.by_sha()[sha]] if sha in m.by_sha() else None
        if twin:
            entries[key] = {**twin, "source_path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    if not entries:
        return False
    commit = store.Commit(m)
    commit.set_docs(entries)
    commit.apply()
    return bool(p.aliases)


def _rename(m: Manifest, p: Plan) -> bool:
    """Move the manifest entries of renamed files to their new path (their rows stay as they
    are): done before pruning, so that a renamed file is neither pruned nor read again."""
    if not p.renamed:
        return False
    entries: dict[str, dict | None] = {}
    for key, (old, path, st) in p.renamed.items():
        entries[old] = None
        entries[key] = {**m.docs[old], "source_path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    commit = store.Commit(m)
    commit.set_docs(entries)
    commit.apply()
    return False  # no row changed: the report stays as it is


def _count_removed(m: Manifest, summary: Summary) -> bool:
    summary.removed_kept = sum(not os.path.exists(k) for k in m.docs)
    return False


def _prune(m: Manifest, summary: Summary) -> bool:
    """Forget files gone from disk and drop the rows no remaining file holds."""
    gone = [k for k in m.docs if not os.path.exists(k)]
    if not gone:
        return False
    refs = m.refs.copy()
    refs.subtract(m.docs[k]["doc_id"] for k in gone)
    commit = store.Commit(m)
    commit.drop_docs({m.docs[k]["doc_id"] for k in gone if refs[m.docs[k]["doc_id"]] <= 0})
    commit.set_docs(dict.fromkeys(gone))
    commit.apply()
    summary.pruned = len(gone)
    return True


# -- check, compact --------------------------------------------------------------

def check(out: str | Path = "out", wait: bool = False) -> Summary:
    """Re-run the checks on the tables in `out` (after an update of the rules or of the legal
    periods), part by part; replace the findings that changed and rewrite the report."""
    out = _written(out)
    with locked(out, wait) as m:
        store.recompute(m, "findings", _findings_of)
        store.recompute(m, "coverage", _coverage_of)
        return _counted(Summary(findings=_report(out), coverage=coverage_counts(out)), out)


def compact(out: str | Path = "out", target_mb: float = store.COMPACT_TARGET_MB, wait: bool = False) -> Summary:
    """Merge the many small part files of each table into a few of about `target_mb`."""
    out = _written(out)
    with locked(out, wait) as m:
        summary = Summary(compacted=store.compact(m, target_mb), findings=_report(out, write=False))
        return _counted(summary, out)


def _written(out: str | Path) -> Path:
    """`out` as a Path, when an ingest has written tables there."""
    out = Path(out)
    if not (out / "documents").is_dir():
        raise UsageError(f"{out}: no tables here (run `registre ingest` first)")
    return out


def _counted(summary: Summary, out: Path) -> Summary:
    """The row counts of `out` in the summary; out/datapackage.json rewritten (the part files changed)."""
    datapackage.write(out)
    summary.tables = store.row_counts(out)
    summary.documents = summary.tables.get("documents", 0)
    return summary


def _findings_of(tables: dict[str, pa.Table]) -> pa.Table:
    """The findings of some documents' rows (Arrow tables in, Arrow table out)."""
    import checks

    return store.to_arrow("findings", checks.evaluate(tables))


def _coverage_of(tables: dict[str, pa.Table]) -> pa.Table:
    """The coverage rows of some documents' rows (what was read, what was checked)."""
    import checks

    return store.to_arrow("coverage", checks.review(tables)[1])


def _report(out: Path, write: bool = True) -> dict[str, int]:
    """Findings per severity; with `write`, report.html and report.md rewritten from the
    findings and documents tables (nothing else is read: memory grows with the findings,
    not with the archive)."""
    from pipeline.report import write_reports

    findings = store.read_arrow(out, "findings").to_pandas()
    if write:
        documents = store.read_arrow(out, "documents", REPORT_DOC_COLUMNS).to_pandas()
        write_reports(out, findings, documents)  # the report orders findings itself
    return findings["severity"].value_counts().to_dict() if len(findings) else {}


def progress_printer(total: int, stream=None) -> Progress:
    """A tqdm bar on a terminal, plain log lines otherwise."""
    return Progress(total, stream)


def frames(out: str | Path = "out", tables: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table in `out` (or only `tables`) as a pandas DataFrame: counts as nullable
    integers (Int32, <NA> for a count not stated), flags as nullable booleans, dates as
    datetime64 (NaT), strings as pandas strings.

        >>> frames("out/", ["sittings"])["sittings"][["session_date", "presents"]]
    """
    from schemas.tables import TABLE_NAMES

    return store.read_frames(Path(out), tables or TABLE_NAMES)


def read_document(out: str | Path, source: str | Path) -> dict[str, pd.DataFrame]:
    """One document's rows, table by table, found by its path (as given to ingest) or its doc_id.

        >>> rows = read_document("out/", "samples/hautes-terres-deliberation-2024.pdf")
        >>> rows["deliberations"][["seq", "objet", "votants"]]
    """
    import pyarrow.compute as pc

    out, source = Path(out), str(source)
    docs = store.read_arrow(out, "documents", ["doc_id", "source_path"]).to_pylist()
    wanted = {d["doc_id"] for d in docs if source in (d["doc_id"], d["source_path"])
              or Path(d["source_path"]).resolve() == Path(source).resolve()}
    if not wanted:
        raise UsageError(f"{source}: no such document in {out}")
    ids = pa.array(sorted(wanted), pa.string())
    return {t: store.to_frame(a.filter(pc.is_in(a["doc_id"], value_set=ids)))
            for t in store.TABLE_NAMES for a in [store.read_arrow(out, t)]}


def describe(table: str | None = None) -> pd.DataFrame:
    """The documentation of the tables' columns (schemas/tables.py) as a DataFrame:
    table, column, type, key (part of the table's key), description.

        >>> describe("sittings")
    """
    from schemas.tables import COLUMNS, KEYS

    rows = [{"table": t, "column": n, "type": str(ty), "key": n in KEYS[t], "description": d}
            for t, cols in COLUMNS.items() if table in (None, t) for n, ty, d in cols]
    if not rows:
        raise UsageError(f"{table}: no such table")
    return pd.DataFrame(rows)
