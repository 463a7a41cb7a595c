"""Precision of registre's error findings on the labelled real documents, judged by reading them.

    .venv/bin/python benchmarks/findings_precision.py                 # DEV: every error, with its verdict
    .venv/bin/python benchmarks/findings_precision.py --severity all  # notices and warnings listed too
    .venv/bin/python benchmarks/findings_precision.py --split test    # TEST: counts only (stay blind)
    .venv/bin/python benchmarks/findings_precision.py --repo ../base  # another checkout's pipeline (before)

Each document named by tests/data/labels/<split>/*.json is read by `pipeline.stages.process`;
its findings are listed for a person to judge at the place they point to (pdftotext or
pdftoppm at that page). Verdicts live in benchmarks/findings_verdicts.json, one per finding:
document file name, check id, subject (`*` stands for deliberation numbers, so one verdict
serves `deliberation 3 proxy X` and `deliberations 1-14 proxy X`), `true` (the document is
inconsistent there) or `false` (it is not: a misreading), and why. A finding without a verdict
shows `?`. The summary counts findings by severity and by rule, and the precision of error
findings (true / judged) overall, for the deliberation checks and for the table checks.

The TEST split only prints counts: its documents are not to be opened while tuning.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = Path(__file__).with_name("findings_verdicts.json")


def verdict_of(verdicts: list[dict], document: str, row: dict) -> dict | None:
    """The verdict written for this finding (`*` in a subject matches deliberation numbers; an
    `expected` in the verdict tells apart two findings whose subjects read the same)."""
    for v in verdicts:
        if v["document"] == document and v["check_id"] == row["check_id"] and \
                fnmatch.fnmatchcase(_numbers_as_star(row["subject"]), _numbers_as_star(v["subject"])) and \
                str(v.get("expected", row["expected"])) == str(row["expected"]):
            return v
    return None


def _numbers_as_star(subject: str) -> str:
    """`deliberations 1-3, 5 proxy X` -> `deliberation * proxy X`: one cause, however many items."""
    return re.sub(r"^deliberations? [\d ,\-]+(?= |$)", "deliberation *", subject)


def findings_of(split: str) -> list[tuple[str, list[dict]]]:
    """(document file name, its findings) for every labelled document of `split`."""
    from benchmarks.labels import label_files, load

    from pipeline.stages import process

    out = []
    for label_file in label_files(split):
        doc = load(label_file)
        result = process(doc.path)
        out.append((doc.path.name, result.rows.get("findings", [])))
    return out


def family(check_id: str) -> str:
    return "tables" if check_id.startswith("table.") else "deliberations" if not check_id.startswith(
        ("objectives.", "fiche.")) else "annexes"


def report(found: list[tuple[str, list[dict]]], severity: str, listing: bool) -> None:
    verdicts = json.loads(VERDICTS.read_text(encoding="utf-8"))
    by_rule: Counter = Counter()
    judged: Counter = Counter()
    for document, rows in found:
        shown = [r for r in rows if severity == "all" or r["severity"] == severity]
        by_rule.update((r["severity"], r["check_id"]) for r in rows)
        if listing and shown:
            print(f"\n{document}")
        for r in shown:
            v = verdict_of(verdicts, document, r) if r["severity"] == "error" else None
            mark = "?" if v is None else ("T" if v["verdict"] else "F")
            if r["severity"] == "error":
                judged[(family(r["check_id"]), mark)] += 1
            if listing:
                seqs = f" seqs {r['seqs']}" if len(r.get("seqs") or ()) > 1 else ""
                print(f"  [{mark}] {r['severity']:7} {r['check_id']} p{r.get('page')} l{r.get('line')}{seqs}: "
                      f"{r['message']}\n        « {(r.get('quote') or '')[:110]} »"
                      + (f"\n        verdict: {v['why']}" if v else ""))
    _summary(found, by_rule, judged, listing)


def _summary(found, by_rule: Counter, judged: Counter, listing: bool) -> None:
    severities = Counter()
    for (sev, _), n in by_rule.items():
        severities[sev] += n
    print(f"\n{len(found)} documents; findings by severity: "
          + ", ".join(f"{s} {n}" for s, n in sorted(severities.items())))
    for (sev, rule), n in sorted(by_rule.items()):
        print(f"  {sev:7} {rule:36} {n}")
    if not listing:
        return
    for fam in ("deliberations", "tables", "annexes", None):
        keys = [k for k in judged if fam is None or k[0] == fam]
        t, f, q = (sum(judged[k] for k in keys if k[1] == m) for m in "TF?")
        if t + f + q:
            precision = f"{t / (t + f):.0%}" if t + f else "n/a"
            print(f"errors ({fam or 'all'}): {t + f + q}, judged {t + f}: {t} true, {f} false "
                  f"(precision {precision}), {q} not judged")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--severity", choices=("error", "warning", "notice", "all"), default="error")
    parser.add_argument("--repo", type=Path, help="run the pipeline of another checkout (e.g. before a change)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import benchmarks.labels  # noqa: F401  (the labels of this checkout, before --repo shadows the rest)
    if args.repo:
        sys.path.insert(0, str(args.repo.resolve()))
    report(findings_of(args.split), args.severity, listing=args.split == "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
