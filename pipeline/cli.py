"""`registre`: a thin command line over `pipeline.api`.

Domain errors become CLI errors here and only here, each one line in French naming
the file or folder (`registre : erreur : …`). Exit codes:

    0   every document was read (findings do not change it)
    1   some document failed (the others are written; each failure is a row of `documents`),
        or there was no document to read
    2   a usage error, or another run holds --out
    3   the manifest is damaged: nothing was changed; `registre repair` rebuilds it
    4   the disk is full: committed batches are intact, temporaries removed
    130 interrupted (Ctrl-C): what was read is committed; the same command resumes
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

from pipeline import api, store
from pipeline.display import path_text, printable
from pipeline.settings import MEMORY_FLOOR_MB, OCR_MODES, Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DAMAGED, EXIT_DISK_FULL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

INGEST_EXAMPLE = """example:
  registre ingest samples/ --out out/
  registre ingest council/2024/*.pdf extra/deliberation.txt --workers 4 --max-memory 3000
  registre ingest archive/ --engine dask --scheduler tcp://10.0.0.5:8786 --batch-size 256
  registre ingest archive/ --prune        # also drop rows of files deleted from archive/
  registre ingest archive/ --verify       # hash every file, even those whose dates look unchanged
"""
CHECK_EXAMPLE = """example:
  registre check --out out/
"""
COMPACT_EXAMPLE = """example:
  registre compact --out out/ --target-mb 128
"""
REPAIR_EXAMPLE = """example:
  registre repair --out out/    # after "manifest … endommagée": rebuilt from the Parquet files
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
  registre repair --out out/
  registre COMMAND --help     (each command's options, with an example)
"""


def version() -> str:
    """`registre 0.1.0 (pipeline 0.6.19)`: the package, and the pipeline version written in its rows."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    from pipeline.stages import VERSION

    try:
        installed = package_version("registre")
    except PackageNotFoundError:
        installed = "not installed"
    return f"registre {installed} (pipeline {VERSION})"




class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one French line, exit 2."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"registre : erreur : {printable(_french(message))} (--help pour l'aide)\n")


ARGPARSE_FR = [  # argparse's own messages, in French
    (r"the following arguments are required: ", "arguments obligatoires manquants : "),
    (r"unrecognized arguments: ", "arguments inconnus : "),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"choix invalide \1 (au choix : \2)"),
    (r"expected one argument", "une valeur attendue"),
    (r"^argument (\S+): ", r"argument \1 : "),
]


def _french(message: str) -> str:
    for pattern, french in ARGPARSE_FR:
        message = re.sub(pattern, french, message)
    return message


def _whole(low: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low:
            raise argparse.ArgumentTypeError(f"un entier au moins égal à {low} attendu, pas {text!r}")
        return value
    return parse


def _positive():
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value <= 0:
            raise argparse.ArgumentTypeError(f"un nombre fini et positif attendu, pas {text!r}")
        return value
    return parse


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="registre", description="French council documents to checked Parquet tables.",
                epilog=MAIN_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=version())
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read new and changed documents, write tables, findings and report",
                         epilog=INGEST_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ing.add_argument("paths", nargs="+", help="files (.pdf, .txt, .docx, .odt, .html, .doc) or folders of them "
                                              "(recursive; other files are counted as skipped)")
    _out(ing)
    ing.add_argument("--workers", type=_whole(1), default=None,
                     help="worker processes (default: number of cores)")
    ing.add_argument("--ocr", choices=OCR_MODES, default="auto",
                     help="OCR pages without a text layer: auto (default), always, never")
    ing.add_argument("--engine", choices=api.ENGINES, default="local",
                     help="local worker processes (default) or a Dask distributed cluster")
    ing.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (default with --engine dask: a LocalCluster of --workers)")
    ing.add_argument("--batch-size", type=_whole(1), default=api.BATCH_SIZE,
                     help=f"documents per committed batch (default {api.BATCH_SIZE})")
    ing.add_argument("--timeout", type=_positive(), default=Settings.timeout_s,
                     help=f"seconds per document before it fails (default {Settings.timeout_s:g})")
    ing.add_argument("--max-pages", type=_whole(1), default=Settings.max_pages,
                     help=f"a longer PDF or text fails as too long (default {Settings.max_pages})")
    ing.add_argument("--max-memory", type=_whole(MEMORY_FLOOR_MB), default=None, metavar="MIB",
                     help="memory of one worker process in MiB; a document needing more fails, its worker is "
                          "replaced (default: 3/4 of the machine's memory split between the workers, "
                          "1024 to 4096)")
    ing.add_argument("--prune", action="store_true", help="drop the rows of files no longer on disk")
    ing.add_argument("--force", action="store_true", help="read every file again, changed or not")
    ing.add_argument("--retry-failed", action="store_true", help="read again the files that failed before")
    ing.add_argument("--verify", action="store_true",
                     help="hash every file to find changes, even those whose size and dates are unchanged")
    ing.add_argument("--compact-after", type=_whole(0), default=api.COMPACT_AFTER,
                     help=f"compact when more small part files than this (default {api.COMPACT_AFTER}; 0: never)")
    chk = sub.add_parser("check", help="re-run the checks on the tables already written",
                         epilog=CHECK_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _out(chk)
    cmp = sub.add_parser("compact", help="merge small part files into a few well-sized ones",
                         epilog=COMPACT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _out(cmp)
    cmp.add_argument("--target-mb", type=_positive(), default=store.COMPACT_TARGET_MB,
                     help=f"size of a compacted part, all tables together (default {store.COMPACT_TARGET_MB})")
    exp = sub.add_parser("export", help="write the deliberations in an open-data format (SCDL Délibérations)",
                         epilog=EXPORT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    exp.add_argument("format", choices=["scdl"], help="scdl: SCDL Délibérations 2.1 (schema.data.gouv.fr)")
    exp.add_argument("--out", default="out", help="the folder of the tables; files go to DIR/scdl/ (default: out/)")
    exp.add_argument("--collectivites", metavar="FILE.csv",
                     help="names and SIRETs of the collectivités (columns siren,siret,nom)")
    exp.add_argument("--url-base", metavar="URL", help="DELIB_URL = URL + the document's file name")
    exp.add_argument("--min-confidence", type=_positive(), default=0.6,
                     help="write a matière classified from the object only with this confidence (default 0.6)")
    rep = sub.add_parser("repair", help="rebuild a damaged manifest from the Parquet files (nothing is deleted)",
                         epilog=REPAIR_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _out(rep)
    return p


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="out", help="output folder (default: out/)")
    p.add_argument("--wait", action="store_true", help="if another run holds --out, wait for it instead of refusing")


def _ingest(args) -> api.Summary:
    if args.scheduler and args.engine != "dask":
        raise api.UsageError("--scheduler demande --engine dask")
    try:
        settings = Settings(ocr=args.ocr, timeout_s=args.timeout, max_pages=args.max_pages,
                            max_memory_mb=args.max_memory)
    except ValueError as exc:
        raise api.UsageError(str(exc)) from None
    return api.ingest(args.paths, args.out, args.workers, api.progress_printer, settings=settings,
                      engine=args.engine, scheduler=args.scheduler, batch_size=args.batch_size,
                      prune=args.prune, force=args.force, retry_failed=args.retry_failed, wait=args.wait,
                      compact_after=args.compact_after, verify=args.verify)


def _export(args) -> int:
    from pipeline.export import ExportError, export_scdl

    try:
        summary = export_scdl(args.out, args.collectivites, args.url_base, args.min_confidence)
    except ExportError as exc:
        return _say(f"erreur : {exc}", EXIT_USAGE)
    _print(summary.lines())
    return EXIT_OK


def _repair(args) -> api.Summary:
    summary, kept = api.repair(args.out, args.wait)
    kept_text = f" ; l'ancien est gardé dans {printable(path_text(kept))}" if kept else ""
    _say(f"manifeste reconstruit à partir des fichiers Parquet : {summary.documents} documents{kept_text}")
    return summary


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already said on one line
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "export":
        return _export(args)
    try:
        if args.command == "ingest":
            summary = _ingest(args)
        elif args.command == "check":
            summary = api.check(args.out, args.wait)
        elif args.command == "compact":
            summary = api.compact(args.out, args.target_mb, args.wait)
        else:
            summary = _repair(args)
    except api.NothingToRead as exc:
        return _say(f"erreur : {exc}", EXIT_FAILED)
    except (api.UsageError, api.BusyError) as exc:
        return _say(f"erreur : {exc}", EXIT_USAGE)
    except api.ManifestError as exc:
        return _say(f"erreur : {exc}", EXIT_DAMAGED)
    except api.DiskFullError as exc:
        _print(exc.summary.lines())
        return _say(f"erreur : {exc}", EXIT_DISK_FULL)
    except KeyboardInterrupt:
        return _say("interrompu : abandon immédiat ; les tables restent celles du dernier lot validé "
                    "(relancez la même commande pour reprendre)", EXIT_INTERRUPTED)
    _print(summary.lines() + [f"report: {printable(path_text(Path(args.out) / 'report.html'))}"])
    if summary.interrupted:
        return _say(f"interrompu : {summary.read} documents lus et validés, {summary.left} restent à lire "
                    "(relancez la même commande pour reprendre)", EXIT_INTERRUPTED)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _print(lines: list[str]) -> None:
    print("\n".join(printable(line) for line in lines), flush=True)


def _say(message: str, code: int = EXIT_OK) -> int:
    print(f"registre : {printable(message)}", file=sys.stderr, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
