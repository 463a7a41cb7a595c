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
Each worker loads the extractors (and spaCy) once, at start.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

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

    @property
    def doc_row(self) -> dict:
        return self.tables["documents"].slice(0, 1).to_pylist()[0]


def outcome(result: DocResult) -> Outcome:
    from pipeline.store import to_arrow

    tables = {t: to_arrow(t, rows) for t, rows in result.rows.items() if rows}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return Outcome(result.path, result.ok, result.error, result.pages, tables, usage.ru_maxrss / 1024,
                   usage.ru_utime + usage.ru_stime, os.getpid())


def run_one(path: str, settings=None) -> Outcome:
    """Process one document (in a worker)."""
    _test_hook(path)
    return outcome(process(path, settings))


def failed_outcome(path: str, reason: str) -> Outcome:
    return outcome(failed(path, reason))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _test_hook(path: str) -> None:
    name, _, seconds = os.environ.get(TEST_HOOK, "").partition(":")
    if name and Path(path).name == name:
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


def _worker_main(conn, settings, env: dict) -> None:
    os.environ.update(env)
    ready_worker()
    conn.send("ready")
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(run_one(path, settings))


class _Worker:
    def __init__(self, ctx, settings):
        self.conn, child = ctx.Pipe()
        env = {k: v for k, v in os.environ.items() if k.startswith("REGISTRE_")}
        self.proc = ctx.Process(target=_worker_main, args=(child, settings, env), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.dead = False
        self.held: deque[str] = deque()  # paths sent, in the order the worker reads them
        self.since = 0.0  # when the worker began the first of them

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

    def stop(self, kill: bool = False) -> None:
        if self.dead:
            return
        if kill or not self.ready:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def run_local(paths: Iterable[str], settings, workers: int, timeout: float | None) -> Iterator[Outcome]:
    """Process `paths` in `workers` processes, yielding outcomes as they finish."""
    todo = deque(map(str, paths))
    if not todo:
        return
    if timeout is None and workers <= 1:  # no isolation asked for: in this process
        for p in todo:
            yield run_one(p, settings)
        return
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    pool = [_Worker(ctx, settings) for _ in range(min(workers, len(todo)))]
    try:
        yield from _drive(pool, todo, ctx, settings, timeout or float("inf"))
    finally:
        for w in pool:
            w.stop(kill=w.path is not None)


def _drive(pool: list[_Worker], todo: deque, ctx, settings, timeout: float) -> Iterator[Outcome]:
    deaths = 0
    while todo or any(w.path for w in pool):
        for w in pool:
            while todo and w.wants(len(todo), len(pool)):
                w.give(todo.popleft())
        live = [w for w in pool if not w.dead and (w.path or not w.ready)]
        wait([w.conn for w in live] + [w.proc.sentinel for w in live], timeout=_next_deadline(live, timeout))
        for i, w in enumerate(pool):
            if w.dead:
                continue
            msg = w.receive()
            if msg == "ready":
                w.ready = True
            elif msg is not None:
                w.done()
                yield msg
            elif (w.path or not w.ready) and (reason := _trouble(w, timeout)):
                deaths += not w.ready
                if deaths > 3:
                    raise RuntimeError(f"worker processes die on start-up (exit code {w.proc.exitcode})")
                path, queued = w.path, list(w.held)[1:]
                w.stop(kill=True)
                w.held.clear()
                todo.extendleft(reversed(queued))  # not begun: read by the next worker
                if todo:  # a fresh worker only if there is work left for it
                    pool[i] = _Worker(ctx, settings)
                else:
                    w.ready = True
                    w.dead = True
                if path:
                    yield failed_outcome(path, reason)


def _next_deadline(live: list[_Worker], timeout: float) -> float:
    busy = [w.since for w in live if w.path]
    if not busy or timeout == float("inf"):
        return 1.0
    return min(1.0, max(0.0, min(busy) + timeout - time.monotonic()) + 0.01)


def _trouble(w: _Worker, timeout: float) -> str:
    if not w.proc.is_alive():
        return f"worker crashed (exit code {w.proc.exitcode}) while reading this file"
    if w.path and time.monotonic() - w.since > timeout:
        return f"timed out after {timeout:g} s (parser hung or file too slow to read)"
    return ""


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
    out = failed_outcome(path, f"timed out after {timeout:g} s (parser hung or file too slow to read)")
    out.worker = get_worker().address
    return out


def run_dask(paths: Iterable[str], settings, workers: int, timeout: float,
             scheduler: str | None = None) -> Iterator[Outcome]:
    """The same stages on a Dask distributed cluster (a LocalCluster when no address)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        todo = iter(map(str, paths))
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})) or 4 * workers)
        submit = lambda p: client.submit(_dask_task, p, settings, timeout, pure=False, key=f"registre-{p}-{time.monotonic_ns()}")
        futures = {submit(p): p for p in islice(todo, window)}
        queue = as_completed(list(futures))
        for fut in queue:
            path = futures.pop(fut)
            try:
                out = fut.result()
            except Exception as exc:  # the worker died (KilledWorker) or the task could not run
                out = failed_outcome(path, f"dask worker failed: {exc.__class__.__name__}: {exc}"[:300])
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
