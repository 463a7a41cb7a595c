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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    pdfs = sorted(Path(args.samples).glob("*.pdf"))
    pages = pdf_pages(pdfs)
    with tempfile.TemporaryDirectory() as out:
        ingest = [sys.executable, "-m", "pipeline.cli", "ingest", str(args.samples),
                  "--out", out, "--workers", str(args.workers)]
        pipe_s, pipe_mb = best(ingest, args.repeat)
    base_s, base_mb = best([sys.executable, "-c", BASELINE, *map(str, pdfs)], args.repeat)
    print(f"samples: {args.samples} ({len(pdfs)} PDFs, {pages} pages, plus text files)")
    print(f"registre ingest (workers={args.workers}): {pipe_s:.2f} s, peak RSS {pipe_mb:.0f} MiB")
    print(f"bare pdfplumber extract_text:          {base_s:.2f} s, peak RSS {base_mb:.0f} MiB")
    print(f"ratio registre / pdfplumber: {pipe_s / base_s:.2f}x time, {pipe_mb / base_mb:.2f}x memory")


if __name__ == "__main__":
    main()
