"""Accuracy of the deliberation reader, per field, on labelled documents.

Three sets, printed apart:
- real documents labelled by reading them (tests/data/labels): DEV (the reader may be
  tuned to them) and TEST (labelled before the reader was changed for them, never used
  to tune a pattern); per field and per source. The gap between them is the figure to watch.
- generated documents (tests/generator), dev and test phrasing variants: the fields, every
  planted inconsistency found, no error finding on a consistent document.
- the synthetic labelled set of tests/data/deliberations (`NN_name.txt`, `NN_name.pdf`,
  `NN_name.expected.json`), with the checks' recall of planted inconsistencies.

    python benchmarks/accuracy.py                       # all three
    python benchmarks/accuracy.py --set real --show-errors dev
    python benchmarks/accuracy.py --set synthetic --kind text --show-errors synthetic
    python benchmarks/accuracy.py --scans               # also scanned copies of the synthetic PDFs (OCR)
    python benchmarks/accuracy.py --set generated --count 1000 --split test [--pdf]
    python benchmarks/accuracy.py --set generated --split dev2 --show-errors dev2

Mismatches of the TEST split are printed only with `--show-errors test`: looking at them
turns test documents into dev documents.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "deliberations"

# Fields of the attendance, proxies and decisions tables compared per deliberation.
LIST_FIELDS = ("attendance.present", "attendance.absent", "attendance.excused",
               "attendance.proxy_holder", "attendance.substitute_for", "proxies", "decisions")


@dataclass
class Score:
    """Per field: (right, total); checks: expected/found findings; the mismatches seen."""

    fields: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    expected_findings: int = 0
    found_expected: int = 0
    false_alarms: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, where: str, got=None, want=None) -> None:
        self.fields[name] += 1
        self.right[name] += ok
        if not ok:
            self.errors.append(f"{where} {name}: got {got!r}, want {want!r}")

    @property
    def overall(self) -> float:
        total = sum(self.fields.values())
        return sum(self.right.values()) / total if total else 1.0


def labelled(kind: str = "all") -> list[tuple[Path, dict]]:
    """(document path, expected values) of every labelled text and PDF."""
    out = []
    for exp_path in sorted(DATA.glob("*.expected.json")):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        stem = exp_path.name[: -len(".expected.json")]
        for suffix in ((".txt", ".pdf") if kind == "all" else (".txt",) if kind == "text" else (".pdf",)):
            path = DATA / f"{stem}{suffix}"
            if path.exists():
                out.append((path, expected))
    return out


def extracted(path: Path) -> dict[str, list[dict]]:
    from pipeline.stages import process

    result = process(path)
    return result.rows if result.ok else {}


def _value(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def list_fields(rows: dict[str, list[dict]], seq: int) -> dict[str, object]:
    """The attendance, proxies and decisions of one deliberation, as comparable values."""
    att = [r for r in rows.get("attendance", []) if r["seq"] == seq]
    absent = [r for r in att if r["status"] == "absent"]
    return {
        "attendance.present": sorted(r["name"] for r in att if r["status"] == "present"),
        "attendance.absent": sorted(r["name"] for r in absent),
        "attendance.excused": sorted((r["name"], str(r["excused"])) for r in absent),
        "attendance.proxy_holder": sorted((r["name"], r["proxy_holder"]) for r in absent if r["proxy_holder"]),
        "attendance.substitute_for": sorted((r["name"], r["substitute_for"]) for r in att if r["substitute_for"]),
        "proxies": sorted((r["giver"], r["holder"]) for r in rows.get("proxies", []) if r["seq"] == seq),
        "decisions": [r["verb"] for r in sorted((r for r in rows.get("decisions", []) if r["seq"] == seq),
                                                 key=lambda r: r["item"])],
    }


def expected_list_fields(d: dict) -> dict[str, object]:
    rows = {"attendance": [r | {"seq": 1} for r in d["attendance"]],
            "proxies": [r | {"seq": 1} for r in d["proxies"]],
            "decisions": [{"seq": 1, "item": i, "verb": v} for i, v in enumerate(d["decisions"], 1)]}
    return list_fields(rows, 1)


def score_document(score: Score, path: Path, expected: dict, rows: dict) -> None:
    got = {r["seq"]: r for r in rows.get("deliberations", [])}
    score.add("deliberation_count", len(got) == len(expected["deliberations"]), path.name,
              len(got), len(expected["deliberations"]))
    for d in expected["deliberations"]:
        want, seq = d["deliberation"], d["deliberation"]["seq"]
        row = got.get(seq, {})
        where = f"{path.name} seq={seq}"
        for name, value in want.items():
            if name != "seq":
                score.add(name, _value(row.get(name)) == value, where, _value(row.get(name)), value)
        have = list_fields(rows, seq)
        for name, value in expected_list_fields(d).items():
            score.add(name, have[name] == value, where, have[name], value)
    score_checks(score, path, expected, rows)


def score_checks(score: Score, path: Path, expected: dict, rows: dict) -> None:
    import pandas as pd

    import checks

    frames = {t: pd.DataFrame(r) for t, r in rows.items() if r}
    found = checks.run_all(frames) if frames else pd.DataFrame(columns=["check_id", "seq"])
    have = Counter((c, None if pd.isna(s) else int(s)) for c, s in zip(found["check_id"], found["seq"]))
    want = Counter((c, s) for c, s in expected["checks"])
    score.expected_findings += sum(want.values())
    score.found_expected += sum((have & want).values())
    extra = have - want
    score.false_alarms += sum(extra.values())
    for (c, s), n in extra.items():
        score.errors.append(f"{path.name} seq={s} false alarm {c}")
    for (c, s), n in (want - have).items():
        score.errors.append(f"{path.name} seq={s} missed {c}")


def run(kind: str = "all", scans: bool = False) -> dict[str, Score]:
    """Scores by source kind (`text`, `pdf`), for both together (`all`), and, with
    `scans`, for scanned copies of the PDFs (benchmarks/make_scans.py) read by OCR."""
    scores = {"text": Score(), "pdf": Score(), "all": Score(), "scan": Score()}
    for path, expected in labelled(kind):
        rows = extracted(path)
        for key in ("text" if path.suffix == ".txt" else "pdf", "all"):
            score_document(scores[key], path, expected, rows)
    if scans:
        _score_scans(scores["scan"])
    return scores


def _score_scans(score: Score) -> None:
    import tempfile

    from benchmarks.make_scans import make_scan

    with tempfile.TemporaryDirectory() as tmp:
        for i, (path, expected) in enumerate(labelled("pdf")):
            scan = Path(tmp) / path.name
            make_scan(path, scan, seed=i)
            score_document(score, scan, expected, extracted(scan))


def report(scores: dict[str, Score]) -> str:
    kinds = [k for k in ("text", "pdf", "all", "scan") if scores[k].fields]
    names = list(scores["all"].fields)
    out = [f"{'field':28}" + "".join(f"{k:>10}" for k in kinds)]
    for name in names:
        cells = []
        for k in kinds:
            s = scores[k]
            cells.append(f"{100 * s.right[name] / s.fields[name]:9.1f}%" if s.fields[name] else f"{'-':>10}")
        out.append(f"{name:28}" + "".join(cells))
    out.append(f"{'OVERALL':28}" + "".join(f"{100 * scores[k].overall:9.1f}%" for k in kinds))
    for k in kinds:
        s = scores[k]
        recall = s.found_expected / s.expected_findings if s.expected_findings else 1.0
        docs = s.fields["deliberation_count"]
        out.append(f"checks ({k}): recall {s.found_expected}/{s.expected_findings} = {100 * recall:.1f}%, "
                   f"false alarms {s.false_alarms} (over {docs} documents)")
    return "\n".join(out)


def real_report(tallies: dict, splits: tuple[str, ...] = ("dev", "test")) -> str:
    """Per field, the share right in each split (fields scored in brackets); outcomes; per source."""
    from benchmarks.labels import OUTCOMES

    names = sorted({n for t in tallies.values() for n in t.counts},
                   key=lambda n: (n not in ("deliberations", "attendance", "proxy_holder"), n))
    heads = [s for s in splits if (s, "all") in tallies]
    out = [f"{'field':22}" + "".join(f"{s:>16}" for s in heads)]
    for name in names:
        out.append(f"{name:22}" + "".join(_cell(tallies[(s, "all")], [name]) for s in heads))
    scalar = [n for n in names if n not in ("deliberations", "attendance", "proxy_holder")]
    out.append(f"{'ALL FIELDS':22}" + "".join(_cell(tallies[(s, "all")], None) for s in heads))
    out.append(f"{'deliberation columns':22}" + "".join(_cell(tallies[(s, "all")], scalar) for s in heads))
    for s in heads:
        total = Counter()
        for c in tallies[(s, "all")].counts.values():
            total.update(c)
        out.append(f"{s}: " + ", ".join(f"{o} {total[o]}" for o in OUTCOMES))
    for (s, source), tally in sorted(tallies.items()):
        if source != "all":
            out.append(f"  {s:5} {source:40}{_cell(tally, None)}")
    return "\n".join(out)


def _cell(tally, names) -> str:
    right, total = tally.rate(names)
    return f"{100 * right / total:8.1f}% ({total:>4})" if total else f"{'-':>16}"


def run_real(split: str | None = None) -> dict:
    """Tallies of the labelled real documents of `split` (both when None)."""
    from benchmarks import labels

    return labels.score([labels.load(p) for p in labels.label_files(split)])


def print_generated(args) -> None:
    """Generated documents (tests/generator), dev and test phrasing variants, with the checks'
    recall of planted inconsistencies and the consistent documents given an error finding."""
    import tempfile

    from benchmarks import labels

    splits = [args.split] if args.split else ["dev", "test"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = [d for s in splits for d in labels.generated(args.count, s, Path(tmp) / s, args.pdf)]
        tallies, checks = labels.score_generated(docs)
    print(f"\nGenerated documents (tests/generator, {args.count} per split, {'PDF' if args.pdf else 'text'})")
    print(real_report(tallies, tuple(splits)))
    for split, tally in checks.items():
        print(f"{split}: planted inconsistencies found: {tally.found}/{tally.planted}; consistent documents "
              f"given an error finding: {tally.false_error_docs}/{tally.consistent_docs}")
    for split in splits:
        if split in args.show_errors and (split, "all") in tallies:
            print("\n".join(tallies[(split, "all")].errors + checks[split].missed + checks[split].false))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("all", "real", "synthetic", "generated"), default="all")
    parser.add_argument("--count", type=int, default=200, help="generated documents per split (default 200)")
    parser.add_argument("--pdf", action="store_true", help="generated documents as PDFs (else texts)")
    parser.add_argument("--kind", choices=("all", "text", "pdf"), default="all", help="synthetic set: which files")
    parser.add_argument("--show-errors", choices=("dev", "dev2", "dev3", "dev4", "dev5", "test", "synthetic"), action="append", default=[],
                        help="list every mismatch of that set (test: only on purpose)")
    parser.add_argument("--scans", action="store_true", help="also scanned copies of the synthetic PDFs (OCR, slow)")
    parser.add_argument("--split", choices=("dev", "test", "dev2", "dev3", "dev4", "dev5"),
                        help="one split only (dev2 … dev5: generated phrasings of a second, a third, a fourth and a fifth hand, "
                             "no real documents)")
    args = parser.parse_args(argv)
    failed = False
    if args.set in ("all", "real"):
        tallies = run_real(args.split)
        print("Real documents labelled by reading them (tests/data/labels)")
        print(real_report(tallies))
        for split in ("dev", "test"):
            if split in args.show_errors and (split, "all") in tallies:
                print("\n".join(tallies[(split, "all")].errors))
    if args.set in ("all", "generated"):
        print_generated(args)
    if args.set in ("all", "synthetic"):
        scores = run(args.kind, args.scans)
        print("\nSynthetic labelled set (tests/data/deliberations)")
        print(report(scores))
        if "synthetic" in args.show_errors:
            print("\n".join(scores["all"].errors))
        failed = bool(scores["all"].errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
