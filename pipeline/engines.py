"""Where documents are processed: local worker processes, or a Dask cluster.

Both engines take paths and yield `Outcome`s as documents finish (in any order);
the caller commits them batch by batch, so nothing accumulates here beyond the
documents in flight.

Local: our own pool of processes, one pipe each, rather than
concurrent.futures — a future cannot be cancelled once running, so a parser
stuck in a loop would hold its worker for ever. Here the parent knows which
document each worker holds and since when; past the per-document timeout it
kills that worker (SIGKILL), records the document as failed and starts a fresh
worker. A worker that dies (segfault, out of memory) is handled the same way.
Each worker loads the extractors (and spaCy) once, at start. Its memory is capped
(`Settings.max_memory_mb`: pipeline/limits.py): a document past the cap fails as that
document and its worker is replaced; its temporaries (OCR) stay in a private folder.
A `stop` event (Ctrl-C, pipeline/api.py) ends the run between two documents: nothing
more is handed out, the documents in flight are abandoned (read again next time).
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import shutil
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

from pipeline import limits
from pipeline.display import one_line
from pipeline.stages import EXTRACTORS, DocResult, failed, process, stages

# Imported once in the fork server, so that each worker (and each worker restarted after a
# timeout) starts in a fraction of a second: spaCy's French tokenizer exceptions alone
# take seconds to import.
PRELOAD = ["pipeline.stages", "spacy.lang.fr", *EXTRACTORS]
# Paths a worker holds at once: the next one waits in its pipe, so the worker goes on while
# the main process takes in the last outcome and commits (one document would leave it idle).
IN_FLIGHT = 2
TEST_HOOK = "REGISTRE_TEST_SLEEP"  # "name.pdf:30": that file's worker sleeps 30 s (timeout tests)


@dataclass
class Outcome:
    """One processed document: its rows as Arrow tables, ready to commit."""

    path: str
    ok: bool
    error: str = ""
    pages: int = 0
    tables: dict[str, pa.Table] = field(default_factory=dict)
    rss_mb: float = 0.0  # peak resident memory of the worker that processed it
    cpu_s: float = 0.0  # CPU seconds the worker has used so far
    pid: int = 0
    worker: str = ""  # dask: a worker to restart (its thread is stuck)
    code: str = ""  # documents.error_code when failed
    retire: bool = False  # the worker met a MemoryError: it exits, a fresh one takes its place

    @property
    def doc_row(self) -> dict:
        return self.tables["documents"].slice(0, 1).to_pylist()[0]


def outcome(result: DocResult) -> Outcome:
    from pipeline.store import to_arrow

    try:
        tables = {t: to_arrow(t, rows) for t, rows in result.rows.items() if rows}
    except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:  # conform() missed it
        reason = f"lignes impossibles à écrire ({one_line(f'{type(exc).__name__}: {exc}', 160)})"
        return outcome(failed(result.path, "loader_error", reason, _sha_of(result)))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    code = "" if result.ok else result.rows["documents"][0].get("error_code") or ""
    return Outcome(result.path, result.ok, result.error, result.pages, tables, usage.ru_maxrss / 1024,
                   usage.ru_utime + usage.ru_stime, os.getpid(), code=code)


def _sha_of(result: DocResult) -> str:
    return result.rows["documents"][0].get("source_sha256") or ""


def run_one(path: str, settings=None) -> Outcome:
    """Process one document (in a worker); a MemoryError fails it and retires the worker."""
    _test_hook(path)
    try:
        return outcome(process(path, settings))
    except MemoryError:
        pass  # out of the handler: what the document held is freed before the row is built
    out = failed_outcome(path, "memory", limits.memory_reason(getattr(settings, "max_memory_mb", None)))
    out.retire = True
    return out


def failed_outcome(path: str, code: str, reason: str, sha256: str = "") -> Outcome:
    return outcome(failed(path, code, reason, sha256))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _test_hook(path: str) -> None:
    name, _, seconds = os.environ.get(TEST_HOOK, "").partition(":")
    if name and Path(path).name == name:
        if os.environ.get(TEST_HOOK + "ING"):  # REGISTRE_TEST_SLEEPING=/x: says when the sleep starts
            Path(os.environ[TEST_HOOK + "ING"]).touch()
        time.sleep(float(seconds or 3600))


# -- local processes -----------------------------------------------------------

# a small extract that goes through every recogniser of the reader (spaCy's tokenizer and
# matchers, the lexicon's patterns, text2num, dateparser) before the first document's clock
WARM_UP = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nDélibération n° 2024-01\n"
           "L'an deux mille vingt-quatre, le onze avril à 18 h 00, le Conseil communautaire, dûment convoqué "
           "le 4 avril 2024, s'est réuni à la mairie sous la présidence de M. Paul DURAND, Président.\n"
           "Présents : M. Paul DURAND, Mme Anne ROUX\nPouvoirs : M. Luc PETIT pouvoir à M. Paul DURAND\n"
           "Secrétaire de séance : Mme Anne ROUX\nPrésents : 2 – Pouvoirs : 1 – Votants : 3\n"
           "Objet : Essai\nAprès en avoir délibéré, par 3 voix pour, DÉCIDE :\n- D'APPROUVER le projet.\n")


def warm_up() -> None:
    """Import the extractors and run them once on a line, so that spaCy and the patterns are
    loaded before the first document's clock starts."""
    from pipeline.loaders import new_document
    from pipeline.loaders.text import load_text

    raw = WARM_UP.encode()
    doc = load_text(new_document(Path("warm-up.txt"), raw), raw)
    for _, stage in stages():
        try:
            doc = stage(doc)
        except Exception:  # a stage's own bug shows on real documents, not here
            pass


def ready_worker() -> None:
    """Warm up, then freeze the heap: what is alive now (spaCy's vocabulary and tokenizer,
    the compiled patterns: about 120,000 objects) lives as long as the worker, so the
    cyclic collector need not walk it again. pdfminer leaves cyclic garbage on every page
    and so triggers a full collection every few documents; each one walked that whole
    heap, about a tenth of the worker's CPU (`benchmarks/scale.py --heap`, in the README)."""
    global _READY
    if not _READY:
        warm_up()
        gc.collect()  # the warm-up's own garbage is freed, not frozen with the rest
        gc.freeze()
        _READY = True


_READY = False  # per process: a Dask worker readies itself on its first task


def _worker_main(conn, settings, env: dict, work_dir: str | None) -> None:
    os.environ.update(env)
    limits.detach()
    limits.tame_output()
    limits.private_tmp(work_dir)
    ready_worker()
    limits.limit_memory(getattr(settings, "max_memory_mb", None))
    conn.send("ready")
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        out = run_one(path, settings)
        conn.send(out)
        if out.retire:  # the heap may be fragmented or half-freed: start afresh
            os._exit(limits.MEMORY_EXIT)


class _Worker:
    def __init__(self, ctx, settings, work_dir: str | None = None):
        self.conn, child = ctx.Pipe()
        env = {k: v for k, v in os.environ.items() if k.startswith("REGISTRE_")}
        self.proc = ctx.Process(target=_worker_main, args=(child, settings, env, work_dir), daemon=True)
        self.proc.start()
        child.close()
        self.cap = (getattr(settings, "max_memory_mb", None) or 0) * 2**20
        self.ready = False
        self.dead = False
        self.held: deque[str] = deque()  # paths sent, in the order the worker reads them
        self.since = 0.0  # when the worker began the first of them
        self.peak = 0  # largest memory seen by the watchdog (bytes)

    @property
    def path(self) -> str | None:
        """The document the worker is reading now."""
        return self.held[0] if self.held else None

    def give(self, path: str) -> None:
        if not self.held:
            self.since = time.monotonic()
        self.held.append(path)
        self.conn.send(path)

    def wants(self, left: int, workers: int) -> bool:
        """Room for one more path; a second one only while every worker can still get
        one (else the last documents would queue behind each other on one worker)."""
        room = IN_FLIGHT if left > workers else 1
        return self.ready and not self.dead and len(self.held) < room

    def done(self) -> None:
        """Its current document is back: the next one it holds starts now."""
        self.held.popleft()
        self.since = time.monotonic()

    def receive(self):
        """The worker's message if one is waiting ("ready" or an Outcome), else None."""
        try:
            return self.conn.recv() if self.conn.poll() else None
        except (EOFError, OSError):
            return None

    def over_memory(self) -> bool:
        """The watchdog: past SOFT_SHARE of the cap, the document fails as too large."""
        if not self.cap or not self.held:
            return False
        used = limits.tree_bytes(self.proc.pid)
        self.peak = max(self.peak, used)
        return used > limits.SOFT_SHARE * self.cap

    def stop(self, kill: bool = False) -> None:
        if self.dead:
            return
        if kill or not self.ready:
            limits.kill_group(self.proc.pid)
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            limits.kill_group(self.proc.pid)
            self.proc.join()
        self.conn.close()


def run_local(paths: Iterable[str], settings, workers: int, timeout: float | None, *,
              shas: dict[str, str] | None = None, work_dir: Path | None = None,
              stop: threading.Event | None = None) -> Iterator[Outcome]:
    """Process `paths` in `workers` processes, yielding outcomes as they finish.

    `shas`: the sha256 of each path, when known, for the rows of documents that fail
    here (timeout, memory, crash); `work_dir`: the private folder of the workers'
    temporaries, emptied at the end; `stop`: once set, nothing more is handed out."""
    todo = deque(map(str, paths))
    if not todo:
        return
    if timeout is None and workers <= 1:  # no isolation asked for: in this process
        for p in todo:
            if stop is not None and stop.is_set():
                return
            yield run_one(p, settings)
        return
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    work = str(limits.make_work_dir(work_dir)) if work_dir else None
    pool = [_Worker(ctx, settings, work) for _ in range(min(workers, len(todo)))]
    run = _Run(ctx, settings, work, timeout or float("inf"), shas or {}, stop or threading.Event())
    try:
        yield from run.drive(pool, todo)
    finally:
        for w in pool:
            w.stop(kill=w.path is not None)
        if work:
            shutil.rmtree(work, ignore_errors=True)


@dataclass
class _Run:
    ctx: object
    settings: object
    work: str | None
    timeout: float
    shas: dict[str, str]
    stop: threading.Event
    deaths: int = 0

    def drive(self, pool: list[_Worker], todo: deque) -> Iterator[Outcome]:
        while (todo or any(w.path for w in pool)) and not self.stop.is_set():
            for w in pool:
                while todo and w.wants(len(todo), len(pool)):
                    w.give(todo.popleft())
            live = [w for w in pool if not w.dead and (w.path or not w.ready)]
            wait([w.conn for w in live] + [w.proc.sentinel for w in live], timeout=self._next_wake(live))
            for i, w in enumerate(pool):
                if not w.dead and not self.stop.is_set():
                    yield from self._tend(pool, i, todo)

    def _tend(self, pool: list[_Worker], i: int, todo: deque) -> Iterator[Outcome]:
        """Take what worker `i` says; replace it if it died, hung or outgrew its memory."""
        w = pool[i]
        msg = w.receive()
        if msg == "ready":
            w.ready = True
        elif msg is not None:
            w.done()
            if msg.retire:  # it exits after a MemoryError: what it still held goes to the next
                self._replace(pool, i, todo, begun=False)
            yield msg
        elif (w.path or not w.ready) and (trouble := self._trouble(w)):
            self.deaths += not w.ready
            if self.deaths > 3:
                raise RuntimeError(f"worker processes die on start-up (exit code {w.proc.exitcode})")
            path = w.path
            self._replace(pool, i, todo, begun=bool(path))
            if path:
                yield failed_outcome(path, *trouble, self.shas.get(path, ""))

    def _replace(self, pool: list[_Worker], i: int, todo: deque, begun: bool) -> None:
        """A fresh worker in place of worker `i`; the paths it held and had not begun
        (`begun`: the first one it holds was being read) go back to the queue."""
        w = pool[i]
        queued = list(w.held)[1:] if begun else list(w.held)
        w.stop(kill=True)
        w.held.clear()
        todo.extendleft(reversed(queued))  # not begun: read by the next worker
        if todo:  # a fresh worker only if there is work left for it
            pool[i] = _Worker(self.ctx, self.settings, self.work)
        else:
            w.ready = True
            w.dead = True

    def _next_wake(self, live: list[_Worker]) -> float:
        """Soon enough for the memory watchdog and the first deadline."""
        busy = [w.since for w in live if w.path]
        wake = limits.WATCH_S if any(w.cap for w in live) and busy else 1.0
        if not busy or self.timeout == float("inf"):
            return wake
        return min(wake, max(0.0, min(busy) + self.timeout - time.monotonic()) + 0.01)

    def _trouble(self, w: _Worker) -> tuple[str, str] | None:
        """(reason code, reason) when the worker must go, else None."""
        if not w.proc.is_alive():
            if w.proc.exitcode == limits.MEMORY_EXIT or (w.cap and w.peak > 0.8 * w.cap):
                return "memory", limits.memory_reason(w.cap // 2**20)
            return "crash", f"le processus de lecture s'est arrêté (code {w.proc.exitcode}) sur ce fichier"
        if w.over_memory():
            return "memory", limits.memory_reason(w.cap // 2**20)
        if w.path and time.monotonic() - w.since > self.timeout:
            return "timeout", timeout_reason(self.timeout)
        return None


def timeout_reason(timeout: float) -> str:
    return f"délai dépassé après {timeout:g} s (analyse bloquée ou fichier trop lent à lire ; --timeout)"


# -- dask ----------------------------------------------------------------------

def _dask_task(path: str, settings, timeout: float) -> Outcome:
    """Run one document on a Dask worker, giving up after `timeout`.

    A Dask task cannot be killed from outside, so it runs in a thread here; past
    the timeout the task returns a failure and the engine restarts that worker."""
    from distributed import get_worker

    ready_worker()
    box: list[Outcome] = []
    thread = threading.Thread(target=lambda: box.append(run_one(path, settings)), daemon=True)
    thread.start()
    thread.join(timeout)
    if box:
        return box[0]
    out = failed_outcome(path, "timeout", timeout_reason(timeout))
    out.worker = get_worker().address
    return out


def run_dask(paths: Iterable[str], settings, workers: int, timeout: float,
             scheduler: str | None = None, stop: threading.Event | None = None) -> Iterator[Outcome]:
    """The same stages on a Dask distributed cluster (a LocalCluster when no address; its
    nannies restart a worker past --max-memory, and the document fails)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from None
    memory = getattr(settings, "max_memory_mb", None)
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None,
                                                  memory_limit=f"{memory}MiB" if memory else "auto")
    client = Client(scheduler or cluster)
    try:
        todo = iter(map(str, paths))
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})) or 4 * workers)
        submit = lambda p: client.submit(_dask_task, p, settings, timeout, pure=False, key=f"registre-{p}-{time.monotonic_ns()}")
        futures = {submit(p): p for p in islice(todo, window)}
        queue = as_completed(list(futures))
        for fut in queue:
            if stop is not None and stop.is_set():
                return
            path = futures.pop(fut)
            try:
                out = fut.result()
            except Exception as exc:  # the worker died (KilledWorker) or the task could not run
                out = failed_outcome(path, "crash", f"le worker Dask s'est arrêté ({exc.__class__.__name__}: "
                                                    f"{one_line(str(exc), 160)})")
            fut.release()
            if out.worker:  # its thread is still stuck: start that worker afresh
                client.restart_workers([out.worker])
            for nxt in islice(todo, 1):
                new = submit(nxt)
                futures[new] = nxt
                queue.add(new)
            yield out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
