"""The library API under the CLI: `ingest`, `check`, `compact` and `repair`, and the
analysts' helpers `frames`, `read_document` and `describe`.

    >>> from pipeline.api import ingest
    >>> summary = ingest(["samples/"], out="out/")
    >>> summary.tables["deliberations"]
    2

`ingest` is incremental: the manifest (pipeline/manifest.py) remembers each file
by path and content hash, so a re-run reads only new and changed files, a
changed file's rows replace its old rows, and a file gone from disk keeps its
rows unless `prune=True`; a file renamed or moved keeps its rows. Documents are processed by an engine
(pipeline/engines.py) and committed batch by batch (pipeline/store.py).
"""
from __future__ import annotations

import errno
import fcntl
import os
import queue
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa

from pipeline import datapackage, store
from pipeline.display import path_text, printable
from pipeline.engines import Outcome, failed_outcome, peak_rss_mb, run_dask, run_local
from pipeline.manifest import Manifest, ManifestError, entry, kind_of, rebuild, stat_key  # noqa: F401
from pipeline.plan import (SUFFIXES, NothingToRead, Plan, Todo, UsageError, discover, find_documents,  # noqa: F401
                           nothing_to_read, plan, sha256, skipped_text)
from pipeline.progress import Progress, Silent

ENGINES = ("local", "dask")
BATCH_SIZE = 64
COMPACT_AFTER = 64  # small parts past which ingest compacts on its own
REPORT_DOC_COLUMNS = ["doc_id", "source_path", "status", "error"]  # what the report shows of a document
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class BusyError(Exception):
    """Another run holds the output folder."""


class DiskFullError(Exception):
    """The disk filled up: the run stopped; `summary` says what was committed before."""

    def __init__(self, message: str, summary: "Summary"):
        super().__init__(message)
        self.summary = summary


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
    pruned: int = 0
    compacted: int = 0
    seconds: float = 0.0
    worker_rss_mb: float = 0.0  # peak resident memory of the busiest worker
    main_rss_mb: float = 0.0  # peak resident memory of the main process
    worker_cpu: dict[int, float] = field(default_factory=dict)  # worker pid -> CPU seconds used
    interrupted: bool = False  # stopped by Ctrl-C (or SIGTERM) after committing what was read
    left: int = 0  # documents not read because the run was interrupted
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files of a folder not read
    renamed: int = 0  # files found under a new path (same bytes, old path gone): rows kept
    coverage: dict[str, int] = field(default_factory=dict)  # coverage_counts(): what was read and checked

    def lines(self) -> list[str]:
        detail = f" ({self.read} read, {self.unchanged} unchanged)" if self.read or self.unchanged else ""
        out = [f"documents: {self.documents}{detail}, {len(self.failed)} failed, {self.pages} pages "
               f"in {self.seconds:.1f} s"]
        out += [f"  failed: {printable(reason)}" for reason in self.failed]
        if self.skipped:
            out.append(f"  {sum(self.skipped.values())} fichiers ignorés : {skipped_text(self.skipped)}")
        if self.renamed:
            out.append(f"  {self.renamed} fichiers renommés ou déplacés : leurs lignes gardées, sous le nouveau chemin")
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


@contextmanager
def locked(out: Path, wait: bool = False) -> Iterator[Manifest]:
    """Hold `out/.lock` and yield the recovered manifest.

    A second run on the same folder refuses (or waits, `wait=True`) instead of
    interleaving writes; the lock dies with its process, so kill -9 leaves none."""
    with _lock(out, wait):
        m = Manifest.open(out)
        try:
            yield m
        finally:  # what a failed commit staged (a full disk) goes now, not at the next start
            shutil.rmtree(m.tmp_dir, ignore_errors=True)


@contextmanager
def _lock(out: Path, wait: bool) -> Iterator[None]:
    name = printable(path_text(out))
    if out.exists() and not out.is_dir():
        raise UsageError(f"{name} : --out doit être un dossier, c'est un fichier")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{name} : impossible de créer le dossier de sortie ({exc.strerror})") from None
    with open(out / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BusyError(f"{name} : une autre exécution de registre écrit ici ; réessayez quand elle "
                            "sera finie (ou passez --wait)") from None
        yield


# -- ingest --------------------------------------------------------------------

def ingest(paths: Iterable[str | Path], out: str | Path = "out", workers: int | None = None,
           progress=None, settings=None, *, engine: str = "local",
           scheduler: str | None = None, batch_size: int = BATCH_SIZE, prune: bool = False,
           force: bool = False, retry_failed: bool = False, wait: bool = False,
           compact_after: int = COMPACT_AFTER, verify: bool = False) -> Summary:
    """Read new and changed documents, commit them batch by batch, run the checks, write the report.

    `progress`: None (silent), a Progress, or a factory `total -> Progress` (e.g. progress_printer).
    `verify`: hash every file, even those whose size and times are unchanged.
    Ctrl-C (SIGINT) or SIGTERM: nothing more is handed out, what was read is committed,
    the summary says `interrupted`; a second one aborts at once (the last commit stays).
    A full disk raises DiskFullError once the workers are stopped and temporaries removed."""
    start, out, paths = time.monotonic(), Path(out), list(paths)
    files, skipped = find_documents(paths)
    if not files:
        raise nothing_to_read(paths, skipped)
    workers = workers or os.cpu_count() or 1
    settings = _sized(settings, workers)
    if engine not in ENGINES:
        raise UsageError(f"--engine doit valoir {' ou '.join(ENGINES)}")
    summary = Summary(documents=len(files), skipped=skipped)
    try:
        with locked(out, wait) as m:
            _ingest(m, files, settings, workers, progress, summary, engine=engine, scheduler=scheduler,
                    batch_size=batch_size, prune=prune, force=force, retry_failed=retry_failed,
                    compact_after=compact_after, verify=verify)
    except OSError as exc:
        if exc.errno not in DISK_FULL:
            raise
        summary.tables, summary.seconds = _quiet_counts(out), time.monotonic() - start
        raise DiskFullError(f"{printable(path_text(out))} : disque plein ; les lots déjà validés sont intacts, "
                            "les fichiers temporaires supprimés ; libérez de la place et relancez la même "
                            "commande", summary) from None
    summary.seconds = time.monotonic() - start
    return summary


def _sized(settings, workers: int):
    """`settings` with the memory cap resolved (default_max_memory_mb for `workers`)."""
    from pipeline.settings import Settings, default_max_memory_mb

    settings = settings or Settings()
    if settings.max_memory_mb is None:
        settings = replace(settings, max_memory_mb=default_max_memory_mb(workers))
    return settings


def _ingest(m: Manifest, files: list[Path], settings, workers: int, progress, summary: Summary, *,
            engine: str, scheduler: str | None, batch_size: int, prune: bool, force: bool,
            retry_failed: bool, compact_after: int, verify: bool) -> None:
    p = plan(files, m, force, retry_failed, verify, settings.max_file_bytes)
    summary.unchanged, summary.failed, summary.renamed = p.unchanged, list(p.failed_before), len(p.renamed)
    changed = _rename(m, p)
    changed |= _prune(m, summary) if prune else _count_removed(m, summary)
    progress = progress(len(p.todo)) if callable(progress) else (progress or Silent())
    stop = threading.Event()
    outcomes = (run_dask(p.todo, settings, workers, settings.timeout_s, scheduler, stop=stop) if engine == "dask"
                else run_local(p.todo, settings, workers, settings.timeout_s, shas=p.shas, work_dir=m.work_dir,
                               stop=stop))
    try:
        with interruptible(stop, progress):
            changed |= _commit_all(m, outcomes, p, batch_size, progress, summary, compact_after)
    finally:
        outcomes.close()  # workers stopped, their temporaries removed, whatever happened
        progress.close()
    summary.interrupted, summary.left = stop.is_set(), len(p.todo) - summary.read
    changed |= _finish(m, p, summary)
    if summary.compacted:
        m.checkpoint()
    summary.findings = _report(m.out, write=changed or not (m.out / "report.html").exists())
    summary.main_rss_mb = peak_rss_mb()
    summary.tables = store.row_counts(m.out)
    summary.coverage = coverage_counts(m.out)
    datapackage.write(m.out)


@contextmanager
def interruptible(stop: threading.Event, progress: Progress) -> Iterator[None]:
    """The first Ctrl-C (or SIGTERM) sets `stop`, says so on one line, and puts the
    default handlers back: a second one aborts at once (KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = (signal.SIGINT, signal.SIGTERM)
    before = {s: signal.getsignal(s) for s in signals}

    def first(signum, frame):
        stop.set()
        for s in signals:
            signal.signal(s, before[s])
        progress.log("interruption : plus aucun document n'est distribué, ce qui est lu est validé "
                     "(Ctrl-C encore pour abandonner tout de suite)")

    for s in signals:
        signal.signal(s, first)
    try:
        yield
    finally:
        for s in signals:
            signal.signal(s, before[s])


def _quiet_counts(out: Path) -> dict[str, int]:
    try:
        return store.row_counts(out)
    except OSError:
        return {}


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
        summary.compacted += store.compact(m, checkpoint=False)


def _commit_batch(m: Manifest, batch: list[Outcome], p: Plan) -> str:
    """One commit: the batch's rows as a new part, the rows they replace removed."""
    commit, entries, tables, new_ids = store.Commit(m), {}, {}, []
    for o in batch:
        row = o.doc_row
        todo = p.todo[o.path]
        entries[todo.key] = entry(row, todo.stat, o.path)
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


def _finish(m: Manifest, p: Plan, summary: Summary) -> bool:
    """Record touched files, and files that share their bytes with another (no rows of
    their own). An alias of a file that failed in this run gets its own failed row."""
    entries, failures = dict(p.touched), []
    by_sha = m.by_sha()
    for key, (sha, path, st, first) in p.aliases.items():
        twin = m.docs.get(p.todo[first].key) if first else m.docs.get(by_sha.get((sha, kind_of(key)), ""))
        if twin is None:
            continue  # its twin was not read (interrupted): planned again next time
        if twin["status"] == "ok":
            entries[key] = {**twin, "source_path": path, **stat_key(st)}
        else:
            failures.append(failed_outcome(path, twin.get("code") or "unreadable",
                                           f"mêmes octets que {twin.get('error')}", sha))
            p.todo[path] = Todo(key, st, sha)
            summary.failed.append(failures[-1].error)
    if failures:
        _commit_batch(m, failures, p)
    if entries:
        commit = store.Commit(m)
        commit.drop_docs(_replaced(m, entries))
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
        entries[key] = {**m.docs[old], "source_path": path, **stat_key(st)}
    commit = store.Commit(m)
    commit.set_docs(entries)
    commit.apply()
    return False  # no row changed: the report stays as it is


def _replaced(m: Manifest, entries: dict[str, dict]) -> set[str]:
    """Documents no file holds any more once `entries` are recorded: a file that now has
    the bytes of another one had rows of its own before."""
    refs = m.refs.copy()
    for key, e in entries.items():
        if key in m.docs:
            refs[m.docs[key]["doc_id"]] -= 1
        refs[e["doc_id"]] += 1
    return {m.docs[k]["doc_id"] for k in entries if k in m.docs and refs[m.docs[k]["doc_id"]] <= 0}


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


def repair(out: str | Path = "out", wait: bool = False) -> tuple[Summary, Path | None]:
    """Rebuild a damaged manifest from the part files readers see (pipeline/manifest.py
    `rebuild`); returns the summary and where the damaged manifest was kept."""
    out = Path(out)
    if not (out / ".registre").is_dir() and not (out / "documents").is_dir():
        raise UsageError(f"{printable(path_text(out))} : pas de tables ici (lancez d'abord `registre ingest`)")
    with _lock(out, wait):
        _, kept = rebuild(out)
    return _counted(Summary(findings=_report(out, write=False)), out), kept


def _written(out: str | Path) -> Path:
    """`out` as a Path, when an ingest has written tables there."""
    out = Path(out)
    if not (out / "documents").is_dir():
        raise UsageError(f"{printable(path_text(out))} : pas de tables ici (lancez d'abord `registre ingest`)")
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
    base = store.current(out)  # one committed state, even while a run commits
    docs = store.read_arrow(base, "documents", ["doc_id", "source_path"]).to_pylist()
    wanted = {d["doc_id"] for d in docs if source in (d["doc_id"], d["source_path"])
              or Path(d["source_path"]).resolve() == Path(source).resolve()}
    if not wanted:
        raise UsageError(f"{printable(source)} : aucun document de ce nom dans {printable(path_text(out))}")
    ids = pa.array(sorted(wanted), pa.string())
    return {t: store.to_frame(a.filter(pc.is_in(a["doc_id"], value_set=ids)))
            for t in store.TABLE_NAMES for a in [store.read_arrow(base, t)]}


def describe(table: str | None = None) -> pd.DataFrame:
    """The documentation of the tables' columns (schemas/tables.py) as a DataFrame:
    table, column, type, key (part of the table's key), description.

        >>> describe("sittings")
    """
    from schemas.tables import COLUMNS, KEYS

    rows = [{"table": t, "column": n, "type": str(ty), "key": n in KEYS[t], "description": d}
            for t, cols in COLUMNS.items() if table in (None, t) for n, ty, d in cols]
    if not rows:
        raise UsageError(f"{table} : pas de table de ce nom")
    return pd.DataFrame(rows)
