"""What one worker process may take of the machine: memory, temporary files, signals,
and what it may print.

Memory is bounded twice, because each bound alone fails in a way the other covers:

- the operating system's `RLIMIT_AS` at the cap, set by the worker on itself (and
  inherited by the Tesseract it starts): a single large allocation (a page rendered at
  20,000 x 20,000) fails at once with a MemoryError, however fast it is asked for;
- a watchdog in the main process (`Usage`, read from /proc every `WATCH_S`) kills the
  worker's process group when it passes `SOFT_SHARE` of the cap: a document that grows
  step by step (a content stream inflating to 208 MB of glyphs, pdfminer making an
  object of each) would otherwise reach the hard limit inside Python's own exception
  handling, which aborts the process ("Cannot recover from MemoryErrors while
  normalizing exceptions") instead of raising.

Either way the document fails with reason code `memory` and its worker is replaced.
"""
from __future__ import annotations

import os
import resource
import signal
import tempfile
from pathlib import Path

SOFT_SHARE = 0.9  # the watchdog acts past this share of --max-memory
WATCH_S = 0.05  # how often the main process reads each worker's memory
MEMORY_EXIT = 86  # exit code of a worker that stopped itself on a MemoryError
PAGE = os.sysconf("SC_PAGE_SIZE")


def limit_memory(max_memory_mb: int | None) -> None:
    """Cap this process's address space (and its children's) at `max_memory_mb` MiB."""
    if max_memory_mb:
        cap = max_memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def detach() -> None:
    """A process group of our own: a terminal's Ctrl-C goes to the main process only
    (which stops the run cleanly), and killing the group also ends a running Tesseract."""
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def tame_output() -> None:
    """Library warnings of a worker (pdfminer's "Invalid dictionary construct: [/'…']"
    quotes the file's own bytes) reach the terminal as one printable line each, or not
    at all below ERROR for the PDF parsers, whose warnings the reasons already cover."""
    import logging
    import sys
    import warnings

    from pipeline.display import one_line

    class Printable(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return one_line(super().format(record), 300)

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Printable("registre worker: %(name)s: %(message)s"))
    logging.basicConfig(handlers=[handler], level=logging.WARNING, force=True)
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.showwarning = lambda message, category, *_a, **_k: print(
        one_line(f"registre worker: {category.__name__}: {message}", 300), file=sys.stderr)


def private_tmp(work_dir: str | None) -> str:
    """A folder only we can read (0700) for the temporaries of this worker (pytesseract's
    page image and TSV, which it would otherwise leave world-readable in /tmp if the
    worker is killed mid-page); the main process removes `work_dir` at start and end."""
    if work_dir:
        path = Path(work_dir) / str(os.getpid())
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = str(path)
    else:
        path = tempfile.mkdtemp(prefix="registre-")
    tempfile.tempdir = path
    os.environ["TMPDIR"] = path
    return path


def make_work_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def kill_group(pid: int) -> None:
    """SIGKILL the worker and whatever it started (Tesseract)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def tree_bytes(pid: int) -> int:
    """Memory held by a worker: its address space (what RLIMIT_AS counts) plus the
    resident memory of the processes it started; 0 once it is gone."""
    total = _statm(pid, 0)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return total + sum(_statm(int(c), 1) for c in children)


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants (bytes): what a run costs the
    machine, measured from outside (tests, benchmarks/faults.py)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _statm(p, 1)
        try:
            todo += [int(c) for t in Path(f"/proc/{p}/task").iterdir()
                     for c in (t / "children").read_text().split()]
        except OSError:
            pass
    return total


def _statm(pid: int, field: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[field]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def memory_reason(max_memory_mb: int | None) -> str:
    return f"mémoire : la limite de {max_memory_mb} Mio par processus de lecture est dépassée (--max-memory)"
