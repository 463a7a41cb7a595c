"""Write generated documents and their labels.

    .venv/bin/python -m tests.generator --out /tmp/gen --count 200 --seed 0 --split dev
    .venv/bin/python -m tests.generator --out /tmp/gen --count 50 --seed 1000000 --split test --pdf
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import KINDS, SEEDS, generate


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.generator", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, help="folder for <name>.txt/.pdf and <name>.labels.json")
    p.add_argument("--count", type=int, default=100, help="number of documents (seeds S .. S+N-1)")
    p.add_argument("--seed", type=int, default=None,
                   help=f"first seed (default: the benchmark's, dev {SEEDS['dev'].start}, test {SEEDS['test'].start})")
    p.add_argument("--split", choices=tuple(SEEDS), default="dev")
    p.add_argument("--kind", choices=KINDS, default=None, help="only this kind of document")
    p.add_argument("--pdf", action="store_true", help="also write the PDF form")
    p.add_argument("--ocr-noise", action="store_true", help="add a few OCR character confusions")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.count < 1:
        print("error: --count must be at least 1", file=sys.stderr)
        return 2
    first = SEEDS[args.split].start if args.seed is None else args.seed
    started, planted = time.perf_counter(), 0
    for seed in range(first, first + args.count):
        doc = generate(seed, args.split, args.kind, ocr_noise=args.ocr_noise)
        doc.write(args.out, pdf=args.pdf)
        planted += bool(doc.labels["planted"])
    elapsed = time.perf_counter() - started
    print(f"{args.count} documents ({planted} with a planted inconsistency) in {args.out} "
          f"[{args.split}, seeds {first}..{first + args.count - 1}] in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
