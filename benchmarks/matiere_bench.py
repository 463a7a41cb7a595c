"""How well the matière classifier (extractors/matiere.py) finds the ACTES code of an object.

    .venv/bin/python -m benchmarks.matiere_bench            # dev and test figures
    .venv/bin/python -m benchmarks.matiere_bench --show dev # and every dev mistake

Labelled data: tests/data/matieres/saint-etienne.csv, the 62 distinct objects of the 80
rows of Saint-Étienne Métropole's SCDL file (../shared/corpus/real/etienne0101__altervilles-
opendata), each given its ACTES code by reading it against the nomenclature (the file's
own DELIB_MATIERE_CODE is empty on every row, and its DELIB_MATIERE_NOM says "COMMANDE
PUBLIQUE" for a vœu and for tax rates, so it could not serve). `alt` is a second code a
careful reader could defend; the strict figures ignore it.

The split is fixed by a hash of the folded object (`split_of`): the same object under two
DELIB_IDs (the file has such repeats) is in one split only. Rules are written and tuned
looking at dev only; test mistakes are not printed unless asked.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import unicodedata
from pathlib import Path

from extractors.matiere import classify

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "matieres" / "saint-etienne.csv"
MIN_CONFIDENCE = 0.6  # what the SCDL export writes (pipeline/export.py)


def fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
    return " ".join(re.sub(r"[^\w']+", " ", re.sub(r"[’']", "'", text)).split())


def split_of(objet: str) -> str:
    """`test` for 2 objects in 5, `dev` otherwise, by a hash of the folded object."""
    return "test" if int(hashlib.sha256(fold(objet).encode()).hexdigest(), 16) % 5 < 2 else "dev"


def labelled() -> list[dict]:
    with open(LABELS, encoding="utf-8", newline="") as f:
        return [{**row, "split": split_of(row["objet"])} for row in csv.DictReader(f)]


def score(rows: list[dict]) -> dict:
    """Coverage (a code written, confidence >= MIN_CONFIDENCE), precision of the codes
    written, and accuracy over all rows (a row without a code counts as a miss)."""
    out = {"rows": len(rows), "written": 0, "right": 0, "right_or_alt": 0, "mistakes": []}
    for row in rows:
        guess = classify(row["objet"])
        if guess.confidence < MIN_CONFIDENCE:
            out["mistakes"].append((row, guess, "no code"))
            continue
        out["written"] += 1
        out["right"] += guess.code == row["code"]
        out["right_or_alt"] += guess.code in (row["code"], row["alt"])
        if guess.code != row["code"]:
            out["mistakes"].append((row, guess, "wrong"))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", choices=["dev", "test"], action="append", default=[],
                    help="print the mistakes of a split (test: only when the rules are frozen)")
    args = ap.parse_args(argv)
    rows = labelled()
    print("split  objects  coded  precision(coded)  accuracy(all)  precision with alt")
    for split in ("dev", "test"):
        s = score([r for r in rows if r["split"] == split])
        prec = s["right"] / s["written"] if s["written"] else 0
        print(f"{split:5}  {s['rows']:7}  {s['written']:5}  {s['right']:3}/{s['written']} = {prec:5.1%}    "
              f"{s['right']:3}/{s['rows']} = {s['right'] / s['rows']:5.1%}   "
              f"{s['right_or_alt']}/{s['written']}")
        if split in args.show:
            for row, guess, what in s["mistakes"]:
                print(f"   {what:8} label {row['code']:5} guess {guess.code or '-':5} {guess.confidence:.1f} "
                      f"{guess.rule!r:40} {row['objet'][:90]}")


if __name__ == "__main__":
    main()
