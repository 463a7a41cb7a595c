"""Precision of the table checks on real documents: every table finding, per document,
with the verdict a person gave it by looking at the page.

    .venv/bin/python benchmarks/table_precision.py            # findings and figures
    .venv/bin/python benchmarks/table_precision.py --tables   # and each numeric table's status

reads every PDF and text file of ../shared/corpus/real and samples/, runs the pipeline
(`pipeline.stages.process`), and prints each `table.*` and `fiche.cost_matches_table`
finding with the verdict of `tests/data/table_findings.json` (true: the printed numbers
disagree; false: they agree and registre misread the table; `?`: not labelled yet, with
the command that renders the page to look at). Then: error findings, true, false,
unlabelled, notices, and the numeric tables understood / not understood.

The figures of the code before the table model (commit ac07043) come from the same
script run over that tree (its modules first on the path; it writes no numeric_tables):

    mkdir -p /tmp/registre-before && git archive ac07043 | tar -x -C /tmp/registre-before
    PYTHONPATH=/tmp/registre-before .venv/bin/python benchmarks/table_precision.py
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
LABELS = ROOT / "tests" / "data" / "table_findings.json"
CHECKS = ("table.", "fiche.cost_matches_table")


def documents(real: Path, samples: Path) -> list[tuple[str, Path]]:
    """(name as labelled, path): the real corpus's PDFs and texts, then the samples."""
    found = [(p.relative_to(real).as_posix(), p) for p in sorted(real.rglob("*"))
             if p.suffix.lower() in (".pdf", ".txt") and p.name != "README.txt"]
    return found + [(f"samples/{p.name}", p) for p in sorted(samples.iterdir())
                    if p.suffix.lower() in (".pdf", ".txt")]


def _same(a, b) -> bool:
    try:
        return math.isclose(float(a), float(b), abs_tol=0.005)
    except (TypeError, ValueError):
        return False


def verdict(labels: list[dict], name: str, f: dict) -> bool | None:
    for label in labels:
        if (label["document"], label["check_id"], label["page"]) != (name, f["check_id"], f["page"]):
            continue
        if any(_same(a, f["actual"]) and _same(e, f["expected"]) for a, e in label["findings"]):
            return label["verdict"]
    return None


def run(names: list[tuple[str, Path]], labels: list[dict], show_tables: bool) -> Counter:
    from pipeline.stages import process

    tally: Counter = Counter()
    for name, path in names:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = process(path).rows
        found = [f for f in rows.get("findings", []) if f["check_id"].startswith(CHECKS)]
        tables = rows.get("numeric_tables")
        for t in tables or []:
            unconfirmed = "unconfirmed" in (t["row_totals"], t["column_totals"])
            tally["tables understood" if t["understood"] else "tables not understood"] += 1
            tally["not understood, a total not confirmed"] += unconfirmed and not t["understood"]
        if found or (show_tables and tables):
            print(f"\n{name}")
        for f in found:
            _count(tally, f, verdict(labels, name, f))
            _print_finding(f, verdict(labels, name, f), path)
        for t in (tables or []) if show_tables else []:
            _print_table(t)
    return tally


def _count(tally: Counter, f: dict, v: bool | None) -> None:
    kind = f["check_id"] if f["check_id"].startswith("fiche.") else f"table {f['severity']}s"
    tally[kind] += 1
    tally[f"{kind} {'true' if v else 'false' if v is False else 'unlabelled'}"] += 1


def _print_finding(f: dict, v: bool | None, path: Path) -> None:
    mark = {True: "TRUE ", False: "FALSE", None: "?    "}[v]
    print(f"  {mark} {f['severity']:7} {f['check_id']:24} p.{f['page']} {f['subject']}: {f['message']}")
    if v is None:
        print(f"        look: pdftoppm -r 80 -f {f['page']} -l {f['page']} -png '{path}' /tmp/page")


def _print_table(t: dict) -> None:
    state = "understood" if t["understood"] else "not understood"
    why = "; ".join(filter(None, [t.get("row_totals_reason"), t.get("column_totals_reason")]))
    print(f"  table {t['table_id']} p.{t['page']} {state} (row totals {t['row_totals']}, "
          f"column totals {t['column_totals']}){': ' + why if why else ''}")
    for relation in t["relations"]:
        print(f"      {relation}")


def report(tally: Counter) -> None:
    errors = tally["table errors"]
    print(f"\ntable.* error findings: {errors}, true {tally['table errors true']}, "
          f"false {tally['table errors false']}, unlabelled {tally['table errors unlabelled']}")
    if errors:
        print(f"precision: {tally['table errors true'] / errors:.0%} "
              f"(of the labelled: {tally['table errors true']}/{errors - tally['table errors unlabelled']})")
    print(f"table.* notices: {tally['table notices']}, warnings: {tally['table warnings']}")
    fiche = "fiche.cost_matches_table"
    print(f"{fiche} (warning): {tally[fiche]}, true {tally[fiche + ' true']}, false {tally[fiche + ' false']}")
    understood, not_understood = tally["tables understood"], tally["tables not understood"]
    if understood or not_understood:
        unconfirmed = tally["not understood, a total not confirmed"]
        print(f"numeric tables: {understood + not_understood}, understood {understood}, not understood "
              f"{not_understood} (no total row or column: {not_understood - unconfirmed}; a total the "
              f"numbers do not confirm, left unchecked: {unconfirmed})")
    else:
        print("numeric tables: this code records no understanding (no numeric_tables table)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", action="store_true", help="print every numeric table's status")
    parser.add_argument("--real", type=Path, default=REAL, help="the real corpus folder")
    args = parser.parse_args(argv)
    if not args.real.is_dir():
        print(f"no corpus at {args.real}", file=sys.stderr)
        return 2
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    report(run(documents(args.real, ROOT / "samples"), labels, args.tables))
    return 0


if __name__ == "__main__":
    sys.exit(main())
