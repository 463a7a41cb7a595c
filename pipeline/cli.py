"""`registre`: a thin command line over `pipeline.api`.

Domain errors become CLI errors here and only here: exit 0 when every document
was read (findings do not change it), 1 when some document failed (the others are
still written), 2 on a usage error.
"""
from __future__ import annotations

import argparse
import sys

from pipeline import api
from pipeline.settings import OCR_MODES, Settings

INGEST_EXAMPLE = """example:
  registre ingest samples/ --out out/
  registre ingest council/2024/*.pdf extra/deliberation.txt --workers 4
"""
CHECK_EXAMPLE = """example:
  registre check --out out/
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="registre", description="French council documents to checked Parquet tables.")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read documents, write tables, findings and report",
                         epilog=INGEST_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ing.add_argument("paths", nargs="+", help=".pdf or .txt files, or folders of them (recursive)")
    ing.add_argument("--out", default="out", help="output folder (default: out/)")
    ing.add_argument("--workers", type=int, default=None, help="worker processes (default: number of cores)")
    ing.add_argument("--ocr", choices=OCR_MODES, default="auto",
                     help="OCR pages without a text layer: auto (default), always, never")
    chk = sub.add_parser("check", help="re-run the checks on the tables already written",
                         epilog=CHECK_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    chk.add_argument("--out", default="out", help="folder holding the tables (default: out/)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "ingest":
            if args.workers is not None and args.workers < 1:
                raise api.UsageError("--workers must be at least 1")
            files = api.discover(args.paths)
            settings = Settings(ocr=args.ocr)
            summary = api.ingest(files, args.out, args.workers, api.progress_printer(len(files)),
                                 settings=settings)
        else:
            summary = api.check(args.out)
    except api.UsageError as exc:
        print(f"registre: error: {exc}", file=sys.stderr)
        return 2
    except api.BusyError as exc:
        print(f"registre: error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    print(f"report: {args.out}/report.html")
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
