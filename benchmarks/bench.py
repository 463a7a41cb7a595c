"""Time `registre ingest` on samples/ against bare pdfplumber text extraction.

Both run in the same invocation, each in a child process of its own, so that the
peak resident memory of each is measured separately (os.wait4's rusage).

    .venv/bin/python benchmarks/bench.py            # 3 repeats, 1 worker
    .venv/bin/python benchmarks/bench.py --repeat 5 --workers 2
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def pdf_pages(pdfs: list[Path]) -> int:
    import pdfplumber

    total = 0
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            total += len(pdf.pages)
    return total


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def has_text(pdf: Path) -> bool:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return any(page.chars for page in doc.pages)


def measure(label: str, files: list[Path], repeat: int, workers: int) -> None:
    """registre ingest of `files` vs bare pdfplumber on their PDFs, printed as one block."""
    pdfs = [f for f in files if f.suffix == ".pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        # a fresh --out each time: a second run on the same folder would skip every file
        runs = [run([sys.executable, "-m", "pipeline.cli", "ingest", *map(str, files), "--out",
                     f"{tmp}/out{i}", "--workers", str(workers)]) for i in range(repeat)]
    pipe_s, pipe_mb = min(r[0] for r in runs), max(r[1] for r in runs)
    base_s, base_mb = best([sys.executable, "-c", BASELINE, *map(str, pdfs)], repeat)
    pages = pdf_pages(pdfs)
    print(f"{label}: {len(files)} files, {len(pdfs)} PDFs, {pages} PDF pages")
    print(f"  registre ingest (workers={workers}): {pipe_s:6.2f} s, {pages / pipe_s:5.1f} pages/s, "
          f"peak RSS {pipe_mb:.0f} MiB (main process; workers: benchmarks/scale.py)")
    print(f"  bare pdfplumber extract_text:    {base_s:6.2f} s, {pages / base_s:5.1f} pages/s, "
          f"peak RSS {base_mb:.0f} MiB")
    print(f"  ratio registre / pdfplumber: {pipe_s / base_s:.2f}x time, {pipe_mb / base_mb:.2f}x memory")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.samples).iterdir() if p.suffix in (".pdf", ".txt"))
    scans = [f for f in files if f.suffix == ".pdf" and not has_text(f)]
    typed = [f for f in files if f not in scans]
    measure("typed (PDF with a text layer, and texts)", typed, args.repeat, args.workers)
    if scans:  # OCR: bare pdfplumber finds no text there, the ratio says what OCR costs
        measure("scanned (OCR)", scans, args.repeat, args.workers)


if __name__ == "__main__":
    main()
