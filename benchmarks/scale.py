"""Throughput and memory of `registre ingest` at scale, against bare pdfplumber, in one run.

Builds a corpus of --docs PDF documents from the samples: the two text-layer
PDFs whole, and cut into runs of --chunk pages (pypdf), each copy made distinct
by a comment appended after %%EOF (readers ignore it; the sha256 changes). The
corpus lands in benchmarks/corpus/ (git-ignored) and is reused.

Then, each in a child process of its own (peak RSS from os.wait4):
  * bare pdfplumber `page.extract_text()` over every file, one process;
  * `registre ingest` with 1, 2 and N (= cores) workers: pages/s, peak RSS of
    the busiest worker and of the main process (which commits batches and writes
    the report; the checks run in the workers, one document at a time);
  * memory flatness: the same at --flat-docs (default 250) documents.

With --pairs R it runs instead R alternating pairs (bare pdfplumber, 1 process;
registre, 1 worker) and prints each pair's ratio and the median: the machine's own
run-to-run spread (up to 25 % on this machine) is larger than the difference being measured.
With --side-by-side R it starts bare pdfplumber (1 process) and registre (1 worker) at
the same moment, R times: both then run through the same minutes of the machine, whose
speed drifts by up to 25 % between runs a few minutes apart (two cores: registre's main
process, which commits, shares them with the other two).
With --in-process R it times, in this one process and alternately R times, bare
`extract_text` and registre's per-document work (`stages.process`: load, extract,
check, rows) on the same files: CPU seconds, without start-up or pipes.
With --heap R it times bare `extract_text` over the files in three child processes, R
times: alone; with a worker's warm heap loaded (spaCy, the extractors: `warm_up`); and
with that heap frozen (`ready_worker`, as registre's workers run): the cost of the
cyclic collector walking a large long-lived heap on every full collection.
With --against DIR R it starts `registre ingest` (--workers, default 2) from this tree and
from the registre tree in DIR (e.g. an older commit unpacked with `git archive`) at the
same moment, on the same corpus, R times: what a change costs on the normal path.

    .venv/bin/python benchmarks/scale.py                 # 1000 documents
    .venv/bin/python benchmarks/scale.py --docs 100      # a quick run
    .venv/bin/python benchmarks/scale.py --pairs 3       # speed against bare, 3 times
    .venv/bin/python benchmarks/scale.py --side-by-side 3  # the same, run together
    .venv/bin/python benchmarks/scale.py --docs 110 --in-process 2
    .venv/bin/python benchmarks/scale.py --docs 150 --heap 2
    git archive ac07043 | tar -x -C /tmp/before   # registre before the fault guards
    .venv/bin/python benchmarks/scale.py --docs 300 --workers 2 --against /tmp/before 3
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "corpus"
SOURCES = ("hautes-terres-deliberation-2024.pdf", "api-strategie-marketing.pdf")

BASELINE = """
import sys, pdfplumber
for path in open(sys.argv[1]).read().split("\\n"):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
"""

# The same over N processes, each taking the next file when it is done (as registre's
# workers do): a fixed split of the list would leave one process with the long files.
BASELINE_POOL = """
import sys, multiprocessing as mp, pdfplumber
def read(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
files = open(sys.argv[1]).read().split("\\n")
with mp.get_context("fork").Pool(int(sys.argv[2])) as pool:
    for _ in pool.imap_unordered(read, files, chunksize=1):
        pass
"""

PIPELINE = """
import json, sys
from pipeline import api
files = open(sys.argv[1]).read().split("\\n")
s = api.ingest(files, sys.argv[2], workers=int(sys.argv[3]), batch_size=64)
print(json.dumps({"pages": s.pages, "read": s.read, "failed": len(s.failed), "ingest_s": s.seconds,
                  "worker_mb": s.worker_rss_mb, "main_mb": s.main_rss_mb,
                  "worker_cpu_s": sum(s.worker_cpu.values()),
                  "main_cpu_s": __import__("time").process_time()}))
"""


# BASELINE, timed after a set-up (the heap of a worker, frozen or not) that is not counted.
HEAP = "import time, pdfplumber\nfrom pipeline import engines\n{setup}\nstart = time.process_time()\n{baseline}" \
       "print(time.process_time() - start)\n"
HEAP_SETUPS = {"alone": "", "with a worker's heap": "engines.warm_up()",
               "with that heap frozen": "engines.ready_worker()"}


def variants(chunk: int) -> list[tuple[str, bytes, int]]:
    """(name, bytes, pages): each sample PDF whole and in runs of `chunk` pages."""
    from pypdf import PdfReader, PdfWriter

    out = []
    for name in SOURCES:
        raw = (ROOT / "samples" / name).read_bytes()
        n = len(PdfReader(io.BytesIO(raw)).pages)
        out.append((f"{Path(name).stem}-all", raw, n))
        for first in range(0, n, chunk):
            writer = PdfWriter()
            reader = PdfReader(io.BytesIO(raw))
            for i in range(first, min(first + chunk, n)):
                writer.add_page(reader.pages[i])
            buf = io.BytesIO()
            writer.write(buf)
            out.append((f"{Path(name).stem}-p{first + 1}", buf.getvalue(), min(chunk, n - first)))
    return out


def build_corpus(docs: int, chunk: int) -> tuple[list[Path], int]:
    """`docs` distinct PDFs (reused when already there) and their page count."""
    folder = CORPUS / f"chunk{chunk}"
    folder.mkdir(parents=True, exist_ok=True)
    base = variants(chunk)
    files, pages = [], 0
    for i in range(docs):
        name, raw, n = base[i % len(base)]
        path = folder / f"{i:05d}-{name}.pdf"
        if not path.exists():
            path.write_bytes(raw + f"\n% registre benchmark copy {i}\n".encode())
        files.append(path)
        pages += n
    return files, pages


def child(code: str, *args: str, root: Path = ROOT) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MiB, stdout, CPU seconds) of a Python child process (run
    with the registre tree `root`)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(root)})
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"child failed ({status}): {args}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def bare_parallel(listing: Path, n: int) -> float:
    """Wall seconds of bare pdfplumber over the files of `listing` in `n` processes: the
    machine's own scaling, the ceiling for the pipeline's."""
    return child(BASELINE_POOL, str(listing), str(n))[0]


def pipeline(listing: Path, workers: int, root: Path = ROOT) -> dict:
    with tempfile.TemporaryDirectory() as out:
        wall, rss, text, _ = child(PIPELINE, str(listing), out, str(workers), root=root)
    return {"workers": workers, "wall_s": wall, "peak_mb_all": rss, **json.loads(text.strip().splitlines()[-1])}


def _against_bare(label: str, pages: int, bare: tuple, r: dict) -> tuple[float, float]:
    """Print one bare / registre comparison; its (wall, CPU) ratios."""
    base_s, _, _, base_cpu = bare
    wall, cpu = r["wall_s"] / base_s, (r["worker_cpu_s"] + r["main_cpu_s"]) / base_cpu
    print(f"{label}: bare {base_s:.1f} s ({pages / base_s:.1f} pages/s), registre {r['wall_s']:.1f} s "
          f"({pages / r['wall_s']:.1f} pages/s): {wall:.3f}x wall, {cpu:.3f}x CPU", flush=True)
    return wall, cpu


def pairs(listing: Path, pages: int, repeat: int) -> None:
    """Alternating bare / registre (1 worker) runs: wall and CPU ratios, each and median."""
    walls, cpus = zip(*(_against_bare(f"pair {i + 1}", pages, child(BASELINE, str(listing)), pipeline(listing, 1))
                        for i in range(repeat)))
    print(f"median over {repeat} pairs: {statistics.median(walls):.3f}x wall time, "
          f"{statistics.median(cpus):.3f}x CPU time (registre / bare pdfplumber)")


def side_by_side(listing: Path, pages: int, repeat: int) -> None:
    """Bare (1 process) and registre (1 worker) started together: wall and CPU ratios."""
    from concurrent.futures import ThreadPoolExecutor

    walls = []
    for i in range(repeat):
        with ThreadPoolExecutor(2) as ex:
            bare, reg = ex.submit(child, BASELINE, str(listing)), ex.submit(pipeline, listing, 1)
            walls.append(_against_bare(f"together {i + 1}", pages, bare.result(), reg.result())[0])
    print(f"median over {repeat} runs side by side: {statistics.median(walls):.3f}x wall time")


def against(listing: Path, pages: int, other: Path, repeat: int, workers: int) -> None:
    """This tree and `other` started together, `repeat` times (both then run through the same
    minutes of a shared machine): wall, worker and main CPU, and ratios."""
    from concurrent.futures import ThreadPoolExecutor

    ratios = []
    for i in range(repeat):
        with ThreadPoolExecutor(2) as ex:
            new, old = ex.submit(pipeline, listing, workers), ex.submit(pipeline, listing, workers, other)
            runs = {"this tree": new.result(), str(other): old.result()}
        for name, r in runs.items():
            print(f"pair {i + 1}, {name}: {r['wall_s']:.1f} s wall, {pages / r['wall_s']:.1f} pages/s, worker CPU "
                  f"{r['worker_cpu_s']:.1f} s, main CPU {r['main_cpu_s']:.1f} s, peak RSS per worker "
                  f"{r['worker_mb']:.0f} MiB, main {r['peak_mb_all']:.0f} MiB", flush=True)
        new, old = runs.values()
        ratios.append((new["wall_s"] / old["wall_s"], (new["worker_cpu_s"] + new["main_cpu_s"])
                       / (old["worker_cpu_s"] + old["main_cpu_s"])))
    print(f"median over {repeat} pairs, this tree / {other}: {statistics.median(r[0] for r in ratios):.3f}x wall, "
          f"{statistics.median(r[1] for r in ratios):.3f}x CPU")


def in_process(files: list[Path], repeat: int) -> None:
    """CPU seconds of bare extract_text and of `stages.process` over `files`, alternately."""
    sys.path.insert(0, str(ROOT))
    import pdfplumber

    from pipeline.engines import ready_worker
    from pipeline.stages import process

    def bare() -> None:
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()

    ready_worker()  # as in a worker: warm, and its heap frozen
    for i in range(repeat):
        times = []
        for work in (bare, lambda: [process(f) for f in files]):
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        print(f"round {i + 1}: bare {times[0]:.1f} CPU-s, registre per-document work {times[1]:.1f} CPU-s "
              f"({times[1] / times[0]:.2f}x)", flush=True)


def heap(listing: Path, repeat: int) -> None:
    """CPU seconds of bare extract_text alone, beside a worker's heap, and beside it frozen."""
    for i in range(repeat):
        cpu = {name: float(child(HEAP.format(setup=setup, baseline=BASELINE), str(listing))[2])
               for name, setup in HEAP_SETUPS.items()}
        print(f"round {i + 1}: bare extract_text " + ", ".join(f"{n} {s:.1f} CPU-s" for n, s in cpu.items()),
              flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--chunk", type=int, default=2, help="pages per cut document (default 2)")
    ap.add_argument("--flat-docs", type=int, default=250, help="smaller run for memory flatness (0: skip)")
    ap.add_argument("--workers", default=None, help="comma list (default: 1,2,cores)")
    ap.add_argument("--pairs", type=int, default=0, help="only R alternating bare / 1-worker runs")
    ap.add_argument("--side-by-side", type=int, default=0, help="only R bare / 1-worker runs started together")
    ap.add_argument("--in-process", type=int, default=0, help="only R alternating in-process timings")
    ap.add_argument("--heap", type=int, default=0, help="only R timings of the collector's cost of a warm heap")
    ap.add_argument("--against", nargs=2, metavar=("DIR", "R"),
                    help="only R runs of this tree and of the registre tree in DIR, started together")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    counts = sorted({int(w) for w in args.workers.split(",")}) if args.workers else sorted({1, 2, cores})
    files, pages = build_corpus(args.docs, args.chunk)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(map(str, files)))
        listing = Path(f.name)
    print(f"corpus: {len(files)} PDFs, {pages} pages ({CORPUS}); {cores} cores", flush=True)
    if args.against:
        against(listing, pages, Path(args.against[0]), int(args.against[1]), counts[0] if args.workers else 2)
    elif args.heap:
        heap(listing, args.heap)
    elif args.in_process:
        in_process(files, args.in_process)
    elif args.pairs:
        pairs(listing, pages, args.pairs)
    elif args.side_by_side:
        side_by_side(listing, pages, args.side_by_side)
    if args.against or args.heap or args.in_process or args.pairs or args.side_by_side:
        listing.unlink()
        return
    base_s, base_mb, _, base_cpu = child(BASELINE, str(listing))
    print(f"bare pdfplumber extract_text, 1 process: {base_s:.1f} s, {pages / base_s:.1f} pages/s, "
          f"{pages / base_cpu:.1f} pages per CPU-second, peak RSS {base_mb:.0f} MiB", flush=True)
    for n in (c for c in counts if c > 1):
        wall = bare_parallel(listing, n)
        print(f"bare pdfplumber extract_text, {n} processes: {wall:.1f} s, {pages / wall:.1f} pages/s, "
              f"scaling 1 -> {n}: {base_s / wall:.2f}x", flush=True)
    results = {}
    for w in counts:
        r = results[w] = pipeline(listing, w)
        print(f"registre ingest, {w} worker(s): {r['wall_s']:.1f} s wall ({r['ingest_s']:.1f} s in ingest), "
              f"{pages / r['wall_s']:.1f} pages/s, {pages / r['worker_cpu_s']:.1f} pages per worker "
              f"CPU-second (+{r['main_cpu_s']:.1f} CPU s in main), peak RSS per worker {r['worker_mb']:.0f} MiB, "
              f"main {r['peak_mb_all']:.0f} MiB, "
              f"{r['failed']} failed", flush=True)
    if 1 in results and 2 in results:
        print(f"scaling 1 -> 2 workers: {results[1]['wall_s'] / results[2]['wall_s']:.2f}x")
    for w, r in results.items():
        print(f"registre ({w} workers) / bare pdfplumber (1 process): {r['wall_s'] / base_s:.2f}x wall time, "
              f"{(r['worker_cpu_s'] + r['main_cpu_s']) / base_cpu:.2f}x CPU time")
    if args.flat_docs and args.flat_docs < len(files):
        small = listing.with_suffix(".small.txt")
        small.write_text("\n".join(map(str, files[:args.flat_docs])))
        w = max(counts)
        r = pipeline(small, w)
        big = results[w]
        print(f"memory flatness ({w} workers): {args.flat_docs} docs -> worker {r['worker_mb']:.0f} MiB, "
              f"main {r['peak_mb_all']:.0f} MiB; {len(files)} docs -> worker {big['worker_mb']:.0f} MiB, "
              f"main {big['peak_mb_all']:.0f} MiB")
        small.unlink()
    listing.unlink()


if __name__ == "__main__":
    main()
