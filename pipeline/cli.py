"""`registre`: a thin command line over `pipeline.api`.

Domain errors become CLI errors here and only here: exit 0 when every document
was read (findings do not change it), 1 when some document failed (the others are
still written) or there was no document to read, 2 on a usage error (or when another
run holds --out).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import api, store
from pipeline.settings import OCR_MODES, Settings

INGEST_EXAMPLE = """example:
  registre ingest samples/ --out out/
  registre ingest council/2024/*.pdf extra/deliberation.txt --workers 4
  registre ingest archive/ --engine dask --scheduler tcp://10.0.0.5:8786 --batch-size 256
  registre ingest archive/ --prune        # also drop rows of files deleted from archive/
"""
CHECK_EXAMPLE = """example:
  registre check --out out/
"""
COMPACT_EXAMPLE = """example:
  registre compact --out out/ --target-mb 128
"""
EXPORT_EXAMPLE = """example:
  registre export scdl --out out/ --collectivites collectivites.csv --url-base https://example.fr/actes/
  (writes out/scdl/deliberations.csv, rejects.csv and deliberations.registre.csv;
   collectivites.csv has the columns siren,siret,nom)
"""
MAIN_EXAMPLE = """examples:
  registre ingest samples/ --out out/
  registre check --out out/
  registre export scdl --out out/ --collectivites collectivites.csv
  registre COMMAND --help     (each command's options, with an example)
"""


def version() -> str:
    """`registre 0.1.0 (tables 0.2.0)`: the package, and the pipeline version written in its rows."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    from pipeline.stages import VERSION

    try:
        installed = package_version("registre")
    except PackageNotFoundError:
        installed = "not installed"
    return f"registre {installed} (pipeline {VERSION})"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="registre", description="French council documents to checked Parquet tables.",
                                epilog=MAIN_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=version())
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read new and changed documents, write tables, findings and report",
                         epilog=INGEST_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ing.add_argument("paths", nargs="+", help="files (.pdf, .txt, .docx, .odt, .html, .doc) or folders of them "
                                              "(recursive; other files are counted as skipped)")
    _out(ing)
    ing.add_argument("--workers", type=int, default=None, help="worker processes (default: number of cores)")
    ing.add_argument("--ocr", choices=OCR_MODES, default="auto",
                     help="OCR pages without a text layer: auto (default), always, never")
    ing.add_argument("--engine", choices=api.ENGINES, default="local",
                     help="local worker processes (default) or a Dask distributed cluster")
    ing.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (default with --engine dask: a LocalCluster of --workers)")
    ing.add_argument("--batch-size", type=int, default=api.BATCH_SIZE,
                     help=f"documents per committed batch (default {api.BATCH_SIZE})")
    ing.add_argument("--timeout", type=float, default=Settings.timeout_s,
                     help=f"seconds per document before it fails (default {Settings.timeout_s:g})")
    ing.add_argument("--max-pages", type=int, default=Settings.max_pages,
                     help=f"a longer PDF fails as too long (default {Settings.max_pages})")
    ing.add_argument("--prune", action="store_true", help="drop the rows of files no longer on disk")
    ing.add_argument("--force", action="store_true", help="read every file again, changed or not")
    ing.add_argument("--retry-failed", action="store_true", help="read again the files that failed before")
    ing.add_argument("--compact-after", type=int, default=api.COMPACT_AFTER,
                     help=f"compact when more small part files than this (default {api.COMPACT_AFTER}; 0: never)")
    chk = sub.add_parser("check", help="re-run the checks on the tables already written",
                         epilog=CHECK_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _out(chk)
    cmp = sub.add_parser("compact", help="merge small part files into a few well-sized ones",
                         epilog=COMPACT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _out(cmp)
    cmp.add_argument("--target-mb", type=float, default=store.COMPACT_TARGET_MB,
                     help=f"size of a compacted part, all tables together (default {store.COMPACT_TARGET_MB})")
    exp = sub.add_parser("export", help="write the deliberations in an open-data format (SCDL Délibérations)",
                         epilog=EXPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    exp.add_argument("format", choices=["scdl"], help="scdl: SCDL Délibérations 2.1 (schema.data.gouv.fr)")
    exp.add_argument("--out", default="out", help="the folder of the tables; files go to DIR/scdl/ (default: out/)")
    exp.add_argument("--collectivites", metavar="FILE.csv",
                     help="names and SIRETs of the collectivités (columns siren,siret,nom)")
    exp.add_argument("--url-base", metavar="URL", help="DELIB_URL = URL + the document's file name")
    exp.add_argument("--min-confidence", type=float, default=0.6,
                     help="write a matière classified from the object only with this confidence (default 0.6)")
    return p


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="out", help="output folder (default: out/)")
    p.add_argument("--wait", action="store_true", help="if another run holds --out, wait for it instead of refusing")


def _ingest(args) -> api.Summary:
    if args.workers is not None and args.workers < 1:
        raise api.UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise api.UsageError("--batch-size must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise api.UsageError("--scheduler needs --engine dask")
    try:
        settings = Settings(ocr=args.ocr, timeout_s=args.timeout, max_pages=args.max_pages)
    except ValueError as exc:
        raise api.UsageError(str(exc)) from None
    return api.ingest(args.paths, args.out, args.workers, api.progress_printer, settings=settings,
                      engine=args.engine, scheduler=args.scheduler, batch_size=args.batch_size,
                      prune=args.prune, force=args.force, retry_failed=args.retry_failed, wait=args.wait,
                      compact_after=args.compact_after)


def _export(args) -> int:
    from pipeline.export import ExportError, export_scdl

    try:
        summary = export_scdl(args.out, args.collectivites, args.url_base, args.min_confidence)
    except ExportError as exc:
        print(f"registre: error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "export":
        return _export(args)
    try:
        if args.command == "ingest":
            summary = _ingest(args)
        elif args.command == "check":
            summary = api.check(args.out, args.wait)
        else:
            summary = api.compact(args.out, args.target_mb, args.wait)
    except api.NothingToRead as exc:
        print(f"registre: error: {exc}", file=sys.stderr)
        return 1
    except (api.UsageError, api.BusyError) as exc:
        print(f"registre: error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    print(f"report: {Path(args.out) / 'report.html'}")
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
