"""Speed of the document generator (tests/generator), and a census of what it drew.

Generates the benchmark's seed range of each split (tests.generator.SEEDS), checks each
document against its own labels (selfcheck: a consistent document breaks no rule, a planted
one exactly its rule), and renders a few PDFs.

    .venv/bin/python benchmarks/generator_speed.py                 # 1,000 per split, 20 PDFs
    .venv/bin/python benchmarks/generator_speed.py --count 5000 --pdf 50
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.generator import SEEDS, generate  # noqa: E402
from tests.generator.selfcheck import violations  # noqa: E402


def census(split: str, count: int) -> None:
    seeds = range(SEEDS[split].start, SEEDS[split].start + count)
    kinds, rules, layouts, wrong = Counter(), Counter(), Counter(), []
    pages = deliberations = chars = 0
    start = time.perf_counter()
    for seed in seeds:
        doc = generate(seed, split)
        kinds[doc.labels["kind"]] += 1
        rules.update(p["check_id"] for p in doc.labels["planted"])
        layouts[doc.labels["notes"][0].split(",")[0]] += 1
        pages, chars = pages + len(doc.pages), chars + len(doc.text)
        deliberations += len(doc.labels["deliberations"])
        if violations(doc.labels) != {p["check_id"] for p in doc.labels["planted"]}:
            wrong.append(seed)
    elapsed = time.perf_counter() - start
    print(f"{split}: {count} documents (seeds {seeds.start}..{seeds.stop - 1}) in {elapsed:.2f} s "
          f"({count / elapsed:.0f}/s, generation and self-check); {deliberations} deliberations, "
          f"{pages} pages, {chars / count:.0f} characters a document")
    print(f"  kinds: {dict(kinds)}; planted: {sum(rules.values())} ({len(rules)} rules)")
    print(f"  {dict(layouts.most_common())}")
    print(f"  documents whose labels break other rules than the planted one: {len(wrong)} {wrong[:10]}")


def pdfs(count: int) -> None:
    docs = [generate(seed, "dev") for seed in range(count)]
    start = time.perf_counter()
    size = sum(len(doc.pdf()) for doc in docs)
    elapsed = time.perf_counter() - start
    pages = sum(len(doc.pages) for doc in docs)
    print(f"pdf: {count} documents, {pages} pages in {elapsed:.2f} s ({pages / elapsed:.0f} pages/s), "
          f"{size / count / 1024:.0f} KiB a document, Unicode font: {docs[0].pdf_exact}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="documents per split")
    parser.add_argument("--pdf", type=int, default=20, help="documents rendered as PDF")
    args = parser.parse_args()
    for split in ("dev", "test"):
        census(split, args.count)
    if args.pdf:
        pdfs(args.pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
