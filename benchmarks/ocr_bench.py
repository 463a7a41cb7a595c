"""OCR speed and accuracy: scanned copies of the typed samples against the typed PDFs.

Makes scanned copies (benchmarks/make_scans.py), ingests them with `registre ingest`
with 1 and 2 workers (seconds per scanned page), and compares the rows they give with
the typed PDFs' rows, table by table (share of the typed rows found identical in the
scan, doc_id aside) and, for deliberations, field by field.

    .venv/bin/python benchmarks/ocr_bench.py [--workers 1 2]
"""
from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PAIRS = [("hautes-terres-deliberation-2024.pdf", "hautes-terres-deliberation-2024-scan.pdf (real scan)")]
TABLES = ("deliberations", "attendance", "proxies", "decisions", "objectives", "fiches", "table_cells")


def ingest(files: list[Path], out: Path, workers: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", *map(str, files), "--out", str(out),
                    "--workers", str(workers)], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def rows_by_source(out: Path) -> dict[str, dict[str, list[dict]]]:
    """{source file name: {table: rows}} from an ingest output directory."""
    import pandas as pd

    docs = pd.read_parquet(out / "documents")
    names = dict(zip(docs.doc_id, docs.source_path.map(lambda p: Path(p).name)))
    result: dict = collections.defaultdict(dict)
    for table in TABLES:
        if not (out / table).exists():
            continue
        frame = pd.read_parquet(out / table)
        for doc_id, group in frame.groupby("doc_id"):
            result[names[doc_id]][table] = group.drop(columns=["doc_id"]).to_dict("records")
    result["_documents"] = docs.set_index(docs.source_path.map(lambda p: Path(p).name)).to_dict("index")
    return result


def _norm(v):
    """57 and 57.0 (an int column with a null reads back as floats), NaN and None;
    list columns (fiches_liees) read back as arrays."""
    if hasattr(v, "tolist") and not isinstance(v, (int, float)):
        v = v.tolist()
    if isinstance(v, list):
        return tuple(v)
    if v is None or v != v:
        return None
    return int(v) if isinstance(v, float) and v == int(v) else v


def _same(a, b) -> bool:
    return _norm(a) == _norm(b)


def _key(row: dict) -> tuple:
    return tuple(sorted((k, str(_norm(v))) for k, v in row.items() if k not in ("page", "page_start", "page_end")))


def table_accuracy(typed: list[dict], scanned: list[dict]) -> float | None:
    """Share of the typed rows found, identical, among the scan's (pages aside: page sizes differ)."""
    if not typed:
        return None
    found = collections.Counter(map(_key, scanned))
    hits = 0
    for key in map(_key, typed):
        if found[key]:
            found[key] -= 1
            hits += 1
    return hits / len(typed)


def field_accuracy(typed: list[dict], scanned: list[dict]) -> tuple[int, int, list[str]]:
    fields = [k for r in typed for k in r]
    differ = [k for a, b in zip(typed, scanned) for k in a if not _same(a.get(k), b.get(k))]
    return len(fields) - len(differ), len(fields), differ


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    from make_scans import TYPED, make_scan

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        scans = [ROOT / "samples" / "hautes-terres-deliberation-2024-scan.pdf"]
        pairs = list(PAIRS)
        for path in TYPED:
            target = tmp / "scans" / f"{path.stem}-scanned.pdf"
            make_scan(path, target)
            scans.append(target)
            pairs.append((path.name, target.name))
        pages = sum(_pages(p) for p in scans)
        print(f"scanned files: {len(scans)}, pages: {pages}")
        for n in args.workers:
            seconds = ingest(scans, tmp / f"out{n}", n)
            print(f"--workers {n}: {seconds:.1f} s, {seconds / pages:.2f} s per scanned page")
        ingest(TYPED, tmp / "typed", 1)
        report(rows_by_source(tmp / "typed"), rows_by_source(tmp / f"out{args.workers[0]}"), pairs)


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def report(typed: dict, scanned: dict, pairs) -> None:
    for typed_name, scan_name in pairs:
        name = scan_name.split(" ")[0]
        doc = scanned["_documents"].get(name, {})
        print(f"\n{scan_name} vs {typed_name}: text_layer={doc.get('text_layer')} "
              f"mean confidence={doc.get('ocr_confidence')}")
        t, s = typed.get(typed_name, {}), scanned.get(name, {})
        for table in TABLES:
            acc = table_accuracy(t.get(table, []), s.get(table, []))
            if acc is not None:
                print(f"  {table:14s} rows {len(t.get(table, [])):4d} typed / {len(s.get(table, [])):4d} scan, "
                      f"identical: {acc:6.1%}")
        if t.get("deliberations"):
            same, total, differ = field_accuracy(t["deliberations"], s.get("deliberations", []))
            print(f"  deliberation fields identical: {same}/{total} (differing: {', '.join(differ) or '-'})")
        if t.get("objectives"):
            a, b = t["objectives"], {o["number"]: o for o in s.get("objectives", [])}
            labels = sum(x["label"] != b.get(x["number"], {}).get("label") for x in a)
            status = sum(x["status"] == b.get(x["number"], {}).get("status") for x in a)
            print(f"  objectives: {len(b)} numbers found, status identical {status}/{len(a)}, "
                  f"labels differing {labels} (by objective number)")


if __name__ == "__main__":
    main()
