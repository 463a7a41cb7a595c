"""registre on council texts written by a second hand (tests/data/second_hand).

    .venv/bin/python benchmarks/second_hand.py [--split dev|test] [--show dev] [--repo DIR] [--numbers 2321-2360]
    [--by-field]

Short French council texts (extracts, minutes, bureaux and comités) written, with their
ground truth, by helper sessions that read neither registre's code nor its other test
data: phrasings of a hand other than the reader's. `dev` (80 texts, two sessions) may be
used to find what the reader misses; `test` (40, a third session) is only counted here
(`--show` refuses it), never read for a mismatch.

Scored per labelled deliberation, in document order, on the fields of the label file:
collectivite, organe, session_date, the four counts of the opening, president, and the
item's numero, pour, contre, abstentions, unanimite. An item whose label gives counts of
its own (`"presents": 16` after an arrival; labels written to the briefs after the
thirty-fifth round's) is scored on them. A value registre marks as derived
(pour = votants from "à l'unanimité") is not counted as invented where the text prints
none. The checks: a planted inconsistency found when any error or warning is reported
on the document; a consistent document given an error finding.

`--repo DIR` scores another checkout of registre (the tree before a change), with this
file's sets.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SETS = HERE / "tests" / "data" / "second_hand"
SITTING = ("collectivite", "organe", "session_date", "membres_en_exercice", "presents", "pouvoirs",
           "votants", "president")
OWN = ("numero", "pour", "contre", "abstentions", "unanimite")
TEXTS = ("collectivite", "organe", "president")
SPLITS = (
    "dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9",
    "test10", "test11", "test12", "test13", "test14", "test15", "test16", "test17", "test18",
    "test19", "test20", "test21", "test22", "test23", "test24", "test25", "test26",
    "test27", "test28", "test29", "test30", "test31", "test32", "test33", "test34", "test35", "test36")
COMMUNE = re.compile(r"^(?:commune|ville) (?:de |d'|du )")  # "Commune d'Esclauzac" and "ESCLAUZAC"


@dataclass
class Tally:
    fields: dict[str, int] = field(default_factory=lambda: dict(right=0, missed=0, wrong=0, invented=0))
    by_field: dict[str, dict[str, int]] = field(default_factory=dict)
    planted: int = 0
    found: int = 0
    consistent: int = 0
    false_error: int = 0
    lines: list[str] = field(default_factory=list)


def outcome(name: str, want, got, derived: bool) -> str:
    """right / missed / wrong / invented for one field."""
    if isinstance(got, dt.date):
        got = got.isoformat()
    if want is None:
        return "right" if got is None or derived else "invented"
    if got is None:
        return "missed"
    if name in TEXTS:  # "Commune de X" and "X", "Jean DUPONT" and "DUPONT Jean"
        a, b = set(COMMUNE.sub("", _plain(want)).split()), set(COMMUNE.sub("", _plain(got)).split())
        return "right" if a <= b or b <= a else "wrong"
    if name == "numero":  # "DCM 2025-031", "N° 2025-031" and "2025-031"; "2023_31" and "2023-31"
        return "right" if _number(got) == _number(want) else "wrong"
    return "right" if got == want else "wrong"


def _plain(value) -> str:
    """Lower case without accents: "Comité syndical" and "COMITE SYNDICAL" (a capitalised heading),
    "Cœur de Savoie" and "COEUR DE SAVOIE" (a ligature no decomposition takes apart), "S.I.V.U." and "SIVU"."""
    text = unicodedata.normalize("NFKD", str(value).lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae"))
    text = ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)  # "S.I.V.U." is "SIVU"
    return "".join(c for c in text if not unicodedata.combining(c))


ACRONYM = re.compile(r"(?<![\w.])(?:\w\.){2,}")


def _number(value) -> str:
    # "DCM n° 21/018" is "DCM 21/018": the prefix, then its "n°"
    text = re.sub(r"^(?:[a-z]{1,4}\s+(?=(?:n\s*°\s*)?\w*\d))?(?:n\s*°|no\b)?\s*", "", str(value).lower().strip())
    return re.sub(r"[^0-9a-z]", "", text)


def score_document(text: Path, tally: Tally, run, derived_fields) -> None:
    label = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
    rows = run(text)
    found = rows.get("deliberations", [])
    for i, want in enumerate(label["deliberations"]):
        got = found[i] if i < len(found) else {}
        derived = derived_fields(rows, got["seq"]) if got else set()
        for name in SITTING + OWN:
            expected = want.get(name) if name in OWN or name in want else label.get(name)
            result = outcome(name, expected, got.get(name), name in derived)
            tally.fields[result] += 1
            per = tally.by_field.setdefault(name, dict(right=0, missed=0, wrong=0, invented=0))
            per[result] += 1
            if result != "right":
                tally.lines.append(f"{text.stem} d{i + 1} {name}: {result}, got {got.get(name)!r}, want {expected!r}")
    _score_checks(label, rows.get("findings", []), tally, text.stem)


def _score_checks(label: dict, findings: list[dict], tally: Tally, stem: str) -> None:
    severities = {f.get("severity") for f in findings}
    if label.get("inconsistency"):
        tally.planted += 1
        found = bool(severities & {"error", "warning"})
        tally.found += found
        if not found:
            tally.lines.append(f"{stem} planted, not reported: {label['inconsistency'][:140]}")
    else:
        tally.consistent += 1
        if "error" in severities:
            tally.false_error += 1
            tally.lines += [f"{stem} false error: {f['check_id']} {f.get('message', '')[:100]}"
                            for f in findings if f.get("severity") == "error"]


def score(split: str, repo: Path, numbers: tuple[int, int] | None = None) -> Tally:
    sys.path.insert(0, str(repo))
    from benchmarks.labels import derived_fields, run_registre

    tally = Tally()
    for text in sorted((SETS / split).glob("*.txt")):
        if numbers is None or numbers[0] <= int(text.stem) <= numbers[1]:
            score_document(text, tally, run_registre, derived_fields)
    return tally


def _numbers(value: str) -> tuple[int, int]:
    """"2321-2360" -> (2321, 2360): the texts of a round, as the README measures them."""
    first, _, last = value.partition("-")
    return int(first), int(last or first)


def report(split: str, t: Tally) -> str:
    total = sum(t.fields.values()) or 1
    parts = ", ".join(f"{k} {v}" for k, v in t.fields.items())
    return (f"{split}: fields {100 * t.fields['right'] / total:.1f}% ({parts}); planted inconsistencies "
            f"reported {t.found}/{t.planted}; consistent documents given an error {t.false_error}/{t.consistent}")


def by_field(t: Tally) -> str:
    """One line per field, weakest first: where a held-out set loses, without reading one mismatch."""
    rows = sorted(t.by_field.items(), key=lambda kv: kv[1]["right"] / (sum(kv[1].values()) or 1))
    return "\n".join(f"  {name:20} {100 * c['right'] / (sum(c.values()) or 1):5.1f}% "
                     + ", ".join(f"{k} {v}" for k, v in c.items()) for name, c in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument("--show", choices=("dev",), help="list every mismatch of dev (never of test)")
    parser.add_argument("--repo", type=Path, default=HERE, help="the registre tree to score")
    parser.add_argument("--by-field", action="store_true", help="each field's figures, weakest first")
    parser.add_argument("--numbers", type=_numbers, help="only the texts numbered FROM-TO (dev 2321-2360: one round's)")
    args = parser.parse_args(argv)
    for split in args.split or [s for s in SPLITS if (SETS / s).is_dir()]:
        tally = score(split, args.repo.resolve(), args.numbers)
        print(report(split, tally))
        if args.by_field:
            print(by_field(tally))
        if args.show == split:
            print("\n".join(tally.lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
