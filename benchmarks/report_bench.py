"""Time and size of the report at scale, from synthetic tables.

Writes an output folder of N documents, their deliberations, M findings (a third of
them one root cause repeated over three deliberations) and their coverage, as the
pipeline would (Parquet parts of 64 documents), then renders the report twice: cold
(no previous run) and again (pictures cached, changes compared). Text sources, so no
picture is rendered; `--pdf-findings K` adds K findings on the sample PDF, each with
its provenance box, to measure the page crops (rendered once, then reused).

    .venv/bin/python benchmarks/report_bench.py --docs 10000 --findings 20000
    .venv/bin/python benchmarks/report_bench.py --docs 200 --findings 400 --pdf-findings 200
    .venv/bin/python benchmarks/report_bench.py --browser   # also: the index opened in Chromium

Each render runs in a child process, so its peak RSS is its own.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyarrow.parquet as pq  # noqa: E402

from pipeline import store  # noqa: E402

SAMPLE_PDF = ROOT / "samples" / "hautes-terres-deliberation-2024.pdf"
RULES = ["attendance.votants", "votes.breakdown", "attendance.proxy_count", "quorum.reached",
         "table.row_total", "attendance.members_total", "objectives.summary_percent"]
PART = 64


def write_parts(out: Path, table: str, rows: list[dict]) -> None:
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    by_part: dict[int, list[dict]] = {}
    for row in rows:
        by_part.setdefault(int(row["doc_id"][1:]) // PART, []).append(row)
    for part, chunk in by_part.items():
        pq.write_table(store.to_arrow(table, chunk), folder / f"part-{part:06d}.parquet")


def synthetic(out: Path, docs: int, findings: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    documents, delibs, rows, coverage = [], [], [], []
    for i in range(docs):
        doc_id = f"d{i:015d}"
        documents.append({"doc_id": doc_id, "source_path": f"archive/{i // 500}/cm-{i}.txt", "source_kind": "text",
                          "page_count": 12, "status": "failed" if i % 97 == 0 else "ok",
                          "error": "not a PDF" if i % 97 == 0 else None})
        for seq in range(1, 6):
            delibs.append({"doc_id": doc_id, "seq": seq, "collectivite": f"Commune {i % 300}",
                           "numero": f"{2020 + i % 5}-{seq:03d}", "session_date": dt.date(2020 + i % 5, 1 + i % 12, 1 + seq),
                           "objet": f"Objet de la délibération {seq} <b>du</b> document {i} " + "x" * rnd.randint(10, 120),
                           "page_start": seq})
            coverage.append({"doc_id": doc_id, "scope": "deliberation", "seq": seq,
                             "status": rnd.choice(["checked", "checked", "partial", "not_checked"]),
                             "fields_read": ["presents", "votants"], "fields_missing": ["pour"],
                             "checks_run": ["attendance.votants"], "checks_skipped": ["votes.breakdown: pour non indiqué"]})
    for n in range(findings):
        i, rule = rnd.randrange(docs), RULES[n % len(RULES)]
        repeated = n % 3 == 0
        seqs = [1, 2, 3] if repeated else [1 + n % 5]
        for seq in seqs:
            rows.append({"doc_id": f"d{i:015d}", "check_id": rule, "severity": "warning" if n % 5 == 0 else "error",
                         "seq": seq, "subject": f"deliberation {seq} #{n}", "fields": ["votants"], "expected": "42",
                         "actual": str(41 + n % 3), "message": "Votants (41) ≠ présents (29) + pouvoirs (12) = 42",
                         "page": 1, "line": 10 + n % 40, "quote": "Présents : 29 – Pouvoirs : 12 – Votants : 41",
                         "finding_id": f"{n:016x}"[:16] if not repeated else f"{n:015x}{seq}", "seqs": [seq],
                         "difference": -1.0})
            if len(rows) >= findings:
                break
        if len(rows) >= findings:
            break
    for table, data in (("documents", documents), ("deliberations", delibs), ("findings", rows),
                        ("coverage", coverage)):
        write_parts(out, table, data)


def pdf_findings(out: Path, count: int) -> None:
    """`count` findings on the sample PDF, each pointing at a real line of its pages."""
    import pdfplumber

    src = out.parent / "src"
    src.mkdir(exist_ok=True)
    shutil.copy(SAMPLE_PDF, src / SAMPLE_PDF.name)
    lines = []
    with pdfplumber.open(SAMPLE_PDF) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for k, line in enumerate(page.extract_text_lines()):
                lines.append((number, k + 1, line))
    doc_id = "p000000000000000"
    rows, prov = [], []
    for n in range(count):
        page, line, found = lines[(n * 7) % len(lines)]
        rows.append({"doc_id": doc_id, "check_id": "attendance.votants", "severity": "error", "seq": None,
                     "subject": f"line {n}", "fields": ["votants"], "expected": "42", "actual": "41", "message": "x",
                     "page": page, "line": line, "quote": found["text"], "finding_id": f"p{n:015d}", "seqs": [],
                     "difference": -1.0})
        prov.append({"doc_id": doc_id, "table": "deliberations", "record_key": f"line={n}", "field": "votants",
                     "page": page, "line": line, "x0": found["x0"], "top": found["top"], "x1": found["x1"],
                     "bottom": found["bottom"]})
    pq.write_table(store.to_arrow("findings", rows), out / "findings" / "part-pdf.parquet")
    (out / "provenance").mkdir(exist_ok=True)
    pq.write_table(store.to_arrow("provenance", prov), out / "provenance" / "part-pdf.parquet")
    pq.write_table(store.to_arrow("documents", [{"doc_id": doc_id, "source_path": f"src/{SAMPLE_PDF.name}",
                                                 "source_kind": "pdf", "page_count": 10, "status": "ok"}]),
                   out / "documents" / "part-pdf.parquet")


def render(out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of write_reports(out) in a child process."""
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pipeline.report import write_reports; write_reports({str(out)!r})"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=out.parent)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        sys.exit("render failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def browser_timing(out: Path) -> None:
    """Seconds until the index's tables are built in headless Chromium, and for one filter."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="report-bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        start = time.perf_counter()
        driver.get((out / "report.html").as_uri())
        while driver.execute_script("return document.documentElement.dataset.ready") != "1":
            time.sleep(0.02)
        ready = time.perf_counter() - start
        start = time.perf_counter()
        driver.execute_script("const f = document.getElementById('filters'); f.elements.rule.value = arguments[0];"
                              "f.dispatchEvent(new Event('change'));", RULES[1])
        print(f"  Chromium: index ready in {ready:.2f} s, filter by rule in {time.perf_counter() - start:.2f} s "
              f"({driver.find_element('id', 'counts').text})")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--findings", type=int, default=20_000)
    ap.add_argument("--pdf-findings", type=int, default=0)
    ap.add_argument("--browser", action="store_true", help="time the index in headless Chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        out = Path(tmp) / "out"
        synthetic(out, args.docs, args.findings)
        if args.pdf_findings:
            pdf_findings(out, args.pdf_findings)
        print(f"{args.docs} documents, {args.findings} + {args.pdf_findings} findings (PDF)")
        for label in ("cold (first report)", "again (previous run kept)"):
            seconds, rss = render(out)
            print(f"  {label}: {seconds:.1f} s, peak RSS {rss:.0f} MiB")
        pages = list((out / "report").glob("*.html"))
        print(f"  report.html {size(out / 'report.html') / 1e6:.2f} MB, report.md {size(out / 'report.md') / 1e6:.2f} MB, "
              f"{len(pages)} document pages {sum(size(p) for p in pages) / 1e6:.1f} MB, "
              f"{len(list((out / 'report' / 'img').glob('*.png')))} pictures {size(out / 'report' / 'img') / 1e6:.1f} MB")
        if args.browser:
            browser_timing(out)


if __name__ == "__main__":
    main()
