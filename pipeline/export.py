"""`registre export scdl`: the deliberations as SCDL Délibérations (schema.data.gouv.fr).

Writes three CSV files into `DIR/scdl/` (UTF-8, comma-separated, ISO dates):

- `deliberations.csv`: one row per act, the 17 SCDL columns in order
  (schemas/scdl_deliberations.json, written from the published schema 2.1.5);
- `rejects.csv`: the acts missing a field SCDL requires, the same columns plus `reason`
  (never silently in the first file);
- `deliberations.registre.csv`: our own columns, one row per act of either file (`file`
  says which): how the collectivité and the matière were found, the matière's confidence,
  and the documents and `seq`s the act was read from.

One act, one row: rows of several documents are the same act when they share the
prefecture id, or the number and date of the same issuer, or the date and object of the
same collectivité (the text extraction and the PDF of one deliberation). Its values are
taken from the stamped copy first, then in document order.

Where each column comes from: COLL_NOM and COLL_SIRET from `--collectivites FILE.csv`
(columns `siren,siret,nom`), chosen by the SIREN of the stamp or by the name read (a
one-row file also serves the acts that give neither);
DELIB_ID the act's number (a bare item number "5" of a procès-verbal prefixed with the
date: `2015-04-10-5`), else the stamp's; PREF_ID and PREF_DATE from the stamp (`015-…` ->
`PREF015`; `Reçu en préfecture le …`); the matière from the stamp when it prints one, else
classified from the object (extractors/matiere.py), written only with a confidence of at
least `min_confidence`; VOTE_EFFECTIF the members in office, VOTE_REEL the voters;
DELIB_URL `--url-base` + the file's name. BUDGET_ANNEE and BUDGET_NOM are left empty:
nothing reads them yet.
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from pipeline import store
from schemas.text import body_key
from schemas.actes import LEVEL2, scdl_name

SCDL_COLUMNS = ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM",
                "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL",
                "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL"]
REQUIRED = SCDL_COLUMNS[:7]
OURS = ["file", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "collectivite_read", "collectivite_found_by",
        "matiere_from", "matiere_confidence", "matiere_rule", "matiere_candidates", "doc_ids", "seqs",
        "source_paths"]
MIN_CONFIDENCE = 0.6
SIRET = re.compile(r"^\d{14}$")


class ExportError(Exception):
    """Bad input to the export (no tables, an unreadable collectivités file): exit 2."""


@dataclass
class ExportSummary:
    folder: Path
    acts: int = 0  # distinct acts
    written: int = 0
    rejected: int = 0
    merged: int = 0  # deliberation rows that were another copy of an act already counted
    reasons: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"scdl: {self.written} deliberations written, {self.rejected} rejected "
               f"({self.acts} acts from {self.acts + self.merged} deliberation rows)"]
        out += [f"  rejected: {n} {reason}" for reason, n in self.reasons.most_common()]
        out += [f"files: {self.folder / name}" for name in ("deliberations.csv", "rejects.csv",
                                                            "deliberations.registre.csv")]
        return out


def export_scdl(out: str | Path = "out", collectivites: str | Path | None = None, url_base: str | None = None,
                min_confidence: float = MIN_CONFIDENCE) -> ExportSummary:
    """Write `out/scdl/deliberations.csv`, `rejects.csv` and `deliberations.registre.csv`."""
    out = Path(out)
    if not (out / "deliberations").is_dir():
        raise ExportError(f"{out} : pas de tables ici (lancez d'abord `registre ingest`)")
    registry = Registry.load(Path(collectivites)) if collectivites else Registry()
    rows = store.read_arrow(out, "deliberations").to_pylist()
    paths = {d["doc_id"]: d["source_path"] for d in store.read_arrow(out, "documents", ["doc_id", "source_path"])
             .to_pylist()}
    stamps = {}
    for s in store.read_arrow(out, "stamps").to_pylist():
        stamps.setdefault(s["acte_id"], s)
    summary = ExportSummary(out / "scdl")
    good, bad = [], []
    for act in same_acts(rows):
        row, mine = scdl_row(act, stamps, registry, paths, url_base, min_confidence)
        (bad if reasons(row) else good).append((row, mine))
    for item in _unique_ids(good):
        good.remove(item)
        bad.append(item)
    for row, mine in bad:
        row["reason"] = "; ".join(reasons(row) or [mine.pop("_duplicate")])
        summary.reasons.update(reasons(row, short=True) or ["DELIB_ID not unique"])
    ours = [{**m, "file": "deliberations"} for _, m in good] + [{**m, "file": "rejects"} for _, m in bad]
    summary.acts, summary.written, summary.rejected = len(good) + len(bad), len(good), len(bad)
    summary.merged = len(rows) - summary.acts
    summary.folder.mkdir(parents=True, exist_ok=True)
    _write(summary.folder / "deliberations.csv", SCDL_COLUMNS, [r for r, _ in good])
    _write(summary.folder / "rejects.csv", SCDL_COLUMNS + ["reason"], [r for r, _ in bad])
    _write(summary.folder / "deliberations.registre.csv", OURS, ours)
    return summary


# -- one act, one row -------------------------------------------------------------

def same_acts(rows: list[dict]) -> list[list[dict]]:
    """Deliberation rows grouped by act (rows sharing any key of `_keys`), the stamped copy
    first, in document order otherwise."""
    parent: dict[int, int] = {i: i for i in range(len(rows))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        for key in _keys(row):
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[dict]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    order = lambda r: (r.get("acte_id") is None, r["doc_id"], r.get("seq") or 0)  # noqa: E731
    return [sorted(g, key=order) for g in groups.values()]


def _keys(row: dict) -> list[tuple]:
    who = row.get("siren") or fold(row.get("collectivite"))
    keys = []
    if row.get("acte_id"):
        keys.append(("acte", row["acte_id"]))
    if row.get("numero") and row.get("session_date") and who:
        keys.append(("numero", who, row["numero"], row["session_date"]))
    if row.get("objet") and row.get("session_date"):
        keys.append(("objet", fold(row.get("collectivite")), row["session_date"], fold(row["objet"])))
    return keys


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFD", (text or "").lower())
    return " ".join(re.sub(r"[^\w]+", " ", "".join(c for c in text if unicodedata.category(c) != "Mn")).split())


def scdl_row(act: list[dict], stamps: dict, registry: "Registry", paths: dict, url_base: str | None,
             min_confidence: float) -> tuple[dict, dict]:
    """The SCDL row of one act and our side columns."""
    from extractors.matiere import classify

    v = {k: next((r[k] for r in act if r.get(k) is not None), None) for k in act[0]}
    stamp = stamps.get(v.get("acte_id")) or {}
    nom, siret, found_by = registry.find(v.get("siren") or stamp.get("siren"), v.get("collectivite"))
    matiere, guess = stamp.get("matiere_code"), None
    if matiere not in LEVEL2:
        guess, matiere = classify(v.get("objet")), None
        matiere = guess.code if guess.confidence >= min_confidence else None
    source = paths.get(act[0]["doc_id"]) or ""
    row = {"COLL_NOM": nom or v.get("collectivite"), "COLL_SIRET": siret, "DELIB_ID": delib_id(v, stamp),
           "DELIB_DATE": v.get("session_date"), "DELIB_MATIERE_CODE": matiere,
           "DELIB_MATIERE_NOM": scdl_name(matiere) if matiere else None, "DELIB_OBJET": v.get("objet"),
           "PREF_ID": stamp.get("pref_id") or _pref_id(v.get("acte_id")), "PREF_DATE": stamp.get("received_date"),
           "VOTE_EFFECTIF": v.get("membres_en_exercice"), "VOTE_REEL": v.get("votants"), "VOTE_POUR": v.get("pour"),
           "VOTE_CONTRE": v.get("contre"), "VOTE_ABSTENTION": v.get("abstentions"),
           "DELIB_URL": f"{url_base.rstrip('/')}/{quote(Path(source).name)}" if url_base and source else None}
    mine = {"COLL_SIRET": siret, "DELIB_ID": row["DELIB_ID"], "DELIB_DATE": row["DELIB_DATE"],
            "collectivite_read": v.get("collectivite"), "collectivite_found_by": found_by,
            "matiere_from": "stamp" if guess is None else ("classifier" if matiere else "undecided"),
            "matiere_confidence": 1.0 if guess is None else guess.confidence,
            "matiere_rule": "" if guess is None else guess.rule,
            "matiere_candidates": " ".join(guess.candidates) if guess else matiere,
            "doc_ids": " ".join(dict.fromkeys(r["doc_id"] for r in act)),
            "seqs": " ".join(str(r.get("seq")) for r in act),
            "source_paths": " | ".join(dict.fromkeys(paths.get(r["doc_id"], "") for r in act))}
    return row, mine


def delib_id(v: dict, stamp: dict) -> str | None:
    """The act's number as printed (`2024CC052`); a bare item number of a procès-verbal
    (`5`) is no id of the act, so the sitting's date goes before it (`2015-04-10-5`)."""
    numero = v.get("numero") or stamp.get("numero")
    if numero and re.fullmatch(r"\d{1,3}", numero) and v.get("session_date"):
        return f"{v['session_date'].isoformat()}-{numero}"
    return numero


def _pref_id(acte_id: str | None) -> str | None:
    m = re.match(r"^(\d{2}[0-9AB])-", acte_id or "")
    return f"PREF{m.group(1).zfill(3)}" if m else None


def reasons(row: dict, short: bool = False) -> list[str]:
    """Why a row cannot go into the SCDL file: its required fields that are empty or invalid."""
    out = []
    for column in REQUIRED:
        if row.get(column) in (None, ""):
            out.append(f"{column} missing" if short else f"{column} missing: {WHY_MISSING[column]}")
    if row.get("COLL_SIRET") and not SIRET.match(row["COLL_SIRET"]):
        out.append("COLL_SIRET not 14 digits")
    return out


WHY_MISSING = {
    "COLL_NOM": "no collectivité read in the document nor found in --collectivites",
    "COLL_SIRET": "no SIRET: give --collectivites FILE.csv (siren,siret,nom) with this collectivité",
    "DELIB_ID": "no act number printed and no prefecture stamp",
    "DELIB_DATE": "no sitting date read",
    "DELIB_MATIERE_CODE": "no matière on the stamp, and the object does not give one with confidence",
    "DELIB_MATIERE_NOM": "follows DELIB_MATIERE_CODE",
    "DELIB_OBJET": "no object read",
}


def _unique_ids(good: list) -> list:
    """Rows whose (COLL_SIRET, DELIB_ID) another act of the file also has: none of them is
    kept, since a reader of the file could not tell them apart."""
    seen = Counter((r["COLL_SIRET"], r["DELIB_ID"]) for r, _ in good)
    out = [(r, m) for r, m in good if seen[(r["COLL_SIRET"], r["DELIB_ID"])] > 1]
    for r, m in out:
        m["_duplicate"] = f"DELIB_ID {r['DELIB_ID']} is also the id of another act of {r['COLL_NOM']}"
    return out


# -- the collectivités file --------------------------------------------------------

@dataclass
class Registry:
    """`siren,siret,nom` rows of the `--collectivites` file."""

    by_siren: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_name: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Registry":
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        except OSError as exc:
            raise ExportError(f"{path} : lecture impossible ({exc.strerror or exc})") from None
        if not rows or not {"siren", "siret", "nom"} <= set(rows[0]):
            raise ExportError(f"{path} : il faut les colonnes siren,siret,nom")
        reg = cls()
        for r in rows:
            entry = (r["nom"].strip(), r["siret"].strip())
            reg.by_siren[r["siren"].strip()] = entry
            reg.by_name[body_key(r["nom"])] = entry
        return reg

    def find(self, siren: str | None, name: str | None) -> tuple[str | None, str | None, str]:
        """(nom, siret, how found): by SIREN first, else by the name read (schemas.text.body_key); an act
        that gives neither belongs to the collectivité of a one-row file (a commune exporting
        its own procès-verbaux, which never name the commune)."""
        if siren and siren in self.by_siren:
            return (*self.by_siren[siren], "siren")
        if name and body_key(name) in self.by_name:  # "LANNION" read, "Ville de Lannion" listed
            return (*self.by_name[body_key(name)], "name")
        if not siren and not name and len(self.by_siren) == 1:
            return (*next(iter(self.by_siren.values())), "only row")
        return None, None, "not found"


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write a CSV atomically: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: _cell(row.get(k)) for k in columns})
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
