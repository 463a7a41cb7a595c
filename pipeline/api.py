"""The library API under the CLI: `ingest` and `check`.

    >>> from pipeline.api import ingest
    >>> summary = ingest(["samples/"], out="out/")
    >>> summary.tables["deliberations"]
    2
"""
from __future__ import annotations

import fcntl
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from pipeline import store
from pipeline.stages import DocResult, process

SUFFIXES = {".pdf", ".txt", ".text"}


class UsageError(Exception):
    """Bad arguments: the CLI exits with 2."""


class BusyError(Exception):
    """Another run holds the output folder."""


@dataclass
class Summary:
    documents: int = 0
    failed: list[str] = field(default_factory=list)  # one line per failed document
    tables: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    pages: int = 0

    def lines(self) -> list[str]:
        out = [f"documents: {self.documents} read, {len(self.failed)} failed, {self.pages} pages"]
        out += [f"  failed: {reason}" for reason in self.failed]
        out.append("rows: " + ", ".join(f"{t} {n}" for t, n in self.tables.items()))
        out.append("findings: " + (", ".join(f"{s} {n}" for s, n in sorted(self.findings.items()))
                                   or "none"))
        return out


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and .pdf/.txt files under folders named (recursively), sorted, unique."""
    found: dict[Path, None] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    found[f] = None
        elif p.is_file():
            found[p] = None
        else:
            raise UsageError(f"{p}: no such file or folder")
    return list(found)


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold `out/.lock`; a second run on the same folder refuses instead of interleaving."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BusyError(f"{out}: another registre run is writing here; try again when it ends") from None
        yield


def run_documents(files: list[Path], workers: int, progress=None, settings=None) -> Iterator[DocResult]:
    """Process files, in parallel processes when workers > 1, yielding results in order."""
    if workers <= 1 or len(files) <= 1:
        for f in files:
            yield _tick(process(f, settings), progress)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(process, files, [settings] * len(files), chunksize=1):
            yield _tick(result, progress)


def _tick(result: DocResult, progress):
    if progress is not None:
        progress(result)
    return result


def ingest(paths: Iterable[str | Path], out: str | Path = "out", workers: int | None = None,
           progress=None, settings=None) -> Summary:
    """Read every document, write the tables, run the checks, write the report."""
    out = Path(out)
    files = discover(paths)
    workers = workers or os.cpu_count() or 1
    summary = Summary()
    with locked(out):
        rows: dict[str, list[dict]] = {}
        for result in run_documents(files, workers, progress, settings):
            summary.documents += 1
            summary.pages += result.pages
            if not result.ok:
                summary.failed.append(result.error)
            for table, table_rows in result.rows.items():
                rows.setdefault(table, []).extend(table_rows)
        ids = {r["doc_id"] for r in rows.get("documents", [])}
        summary.tables = store.replace_documents(out, rows, ids)
        summary.findings = _check(out)
    return summary


def check(out: str | Path = "out") -> Summary:
    """Re-run the checks on the tables in `out`; rewrite findings and the report."""
    out = Path(out)
    if not (out / "documents").is_dir():
        raise UsageError(f"{out}: no tables here (run `registre ingest` first)")
    with locked(out):
        summary = Summary(findings=_check(out))
        summary.tables = {t: len(df) for t, df in store.read_frames(out).items()}
        summary.documents = summary.tables.get("documents", 0)
    return summary


def _check(out: Path) -> dict[str, int]:
    import checks
    from pipeline.report import write_reports

    frames = store.read_frames(out)
    findings = checks.run_all(frames)
    store.write_table(out, "findings", store.to_arrow("findings", findings.to_dict("records")))
    frames["findings"] = store.read_frames(out, ["findings"])["findings"]
    write_reports(out, frames["findings"], frames["documents"], frames.get("provenance"))
    return findings["severity"].value_counts().to_dict() if len(findings) else {}


def progress_printer(total: int, stream=sys.stderr):
    """A tqdm bar on a terminal, plain log lines otherwise."""
    if stream.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=stream)
        failures = [0]

        def tick(result: DocResult):
            failures[0] += not result.ok
            bar.set_postfix(failed=failures[0], refresh=False)
            bar.update(1)
        return tick

    done = [0]

    def log(result: DocResult):
        done[0] += 1
        line = f"{result.path}: ok" if result.ok else f"FAILED {result.error}"
        print(f"[{done[0]}/{total}] {line}", file=stream)
    return log


def frames(out: str | Path = "out") -> dict[str, pd.DataFrame]:
    """Every table in `out` as a pandas DataFrame."""
    return store.read_frames(Path(out))
