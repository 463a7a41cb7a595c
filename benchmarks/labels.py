"""registre against documents labelled by reading them (tests/data/labels, generated documents).

A label file says, per sitting and per deliberation, what the document states
(tests/data/labels/README.md). Each labelled deliberation is aligned with one of
registre's rows (document order, by number, title and page), then every labelled field
is scored:

- right: the same value; or the label says "not stated" (null) and registre wrote
  nothing, or only a value it marks as derived;
- missed: the document states it, registre wrote nothing;
- wrong: both have a value and they differ;
- invented: the document does not state it, registre wrote a value as read.

Attendance is scored per member (present / absent, and the holder of an absent member's
proxy); a labelled deliberation registre did not find counts as missed in
`deliberations`, a row of registre's that no label matches as invented there.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "labels"
SHARED_REAL = ROOT.parent / "shared" / "corpus" / "real"

SITTING_FIELDS = ("collectivite", "organe", "session_date", "session_time", "lieu", "president",
                  "secretaire", "convocation_date", "membres_en_exercice", "presents", "absents",
                  "pouvoirs", "votants")
OWN_FIELDS = ("numero", "objet", "acte_id", "pour", "contre", "abstentions", "non_votants",
              "unanimite", "resultat")
FIELDS = SITTING_FIELDS + OWN_FIELDS
NAME_FIELDS = ("president", "secretaire")
TEXT_FIELDS = ("collectivite", "organe", "lieu", "objet")
ID_FIELDS = ("numero", "acte_id")
OUTCOMES = ("right", "missed", "wrong", "invented")


# --- what a label file expects ---------------------------------------------------------

@dataclass
class Expected:
    """One labelled deliberation: its fields (the sitting's, overridden by its own)."""

    fields: dict[str, Any]
    present: list[str] | None = None
    absent: list[dict] | None = None
    page: int | None = None


@dataclass
class LabelledDocument:
    label_file: Path
    path: Path
    split: str
    source: str  # the folder the document comes from: "benjaminpochat__demos", "generated"
    deliberations: list[Expected]
    planted: list[dict] | None = None


def load(label_file: Path) -> LabelledDocument:
    data = json.loads(label_file.read_text(encoding="utf-8"))
    path = document_path(label_file, data)
    sittings = {s.get("id"): s for s in data.get("sittings", [])}
    expected = [_expected(d, sittings.get(d.get("sitting"), {})) for d in data.get("deliberations", [])]
    source = path.parent.name if data.get("source") in ("shared", "repo") else "generated"
    return LabelledDocument(label_file, path, data.get("split", "dev"), source, expected,
                            data.get("planted"))


def document_path(label_file: Path, data: dict) -> Path:
    """`shared`: under ../shared/corpus/real; `repo`: under the repository; else beside the label."""
    base = {"shared": SHARED_REAL, "repo": ROOT}.get(data.get("source"), label_file.parent)
    return base / data["path"]


def _expected(delib: dict, sitting: dict) -> Expected:
    merged = {k: sitting[k] for k in SITTING_FIELDS if k in sitting}
    merged.update({k: delib[k] for k in FIELDS if k in delib})
    present = delib["present"] if "present" in delib else sitting.get("present")
    absent = delib["absent"] if "absent" in delib else sitting.get("absent")
    return Expected(merged, present, absent, delib.get("page"))


def label_files(split: str | None = None, folder: Path = LABELS) -> list[Path]:
    """The label files of `split` (dev, test, or both) under tests/data/labels."""
    splits = [split] if split else ["dev", "test"]
    return sorted(p for s in splits for p in (folder / s).glob("*.json"))


# --- comparing values -------------------------------------------------------------------

def fold(text: str) -> str:
    from schemas.text import fold as _fold

    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", _fold(str(text)))).strip()


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


PREFIXES = re.compile(r"^(?:commune(?:\s+nouvelle)?|ville|mairie|hotel\s+de\s+ville|communaute|departement|syndicat)\s+(?:de\s+la|de|du|des|d)\s+")


def same_value(name: str, want: Any, got: Any) -> bool:
    """Equal as the field is compared: names, titles and ids tolerantly, the rest exactly."""
    from rapidfuzz import fuzz

    want, got = _iso(want), _iso(got)
    if name in NAME_FIELDS:
        return same_member(str(want), str(got))
    if name in ID_FIELDS:
        return _id(want) == _id(got)
    if name in TEXT_FIELDS:
        a, b = PREFIXES.sub("", fold(want)), PREFIXES.sub("", fold(got))
        return a == b or (min(len(a), len(b)) >= 4 and fuzz.token_set_ratio(a, b) >= 90)
    return want == got


def _id(value: Any) -> str:
    """``N° 2018-024`` and ``2018-024``, ``DE-2014/47`` and ``2014/47`` compare equal."""
    from schemas.text import fold as _fold

    text = re.sub(r"^(?:n\s*[°o]\s*|de\s*[-–]\s*|deliberation\s+)", "", _fold(str(value)).strip())
    return re.sub(r"[^0-9a-z]", "", text)


def same_member(a: str, b: str) -> bool:
    """Names equal up to accents, case, word order, hyphens, initials and a typo."""
    from rapidfuzz import fuzz

    ka, kb = sorted(fold(a).replace("-", " ").split()), sorted(fold(b).replace("-", " ").split())
    if not ka or not kb:
        return False
    if ka == kb or fuzz.token_sort_ratio(" ".join(ka), " ".join(kb)) >= 90:
        return True
    return _initials_match(ka, kb) or _initials_match(kb, ka)


def _initials_match(short: list[str], full: list[str]) -> bool:
    """``Ph. DUBOURG`` and ``Philippe DUBOURG``; ``DUBOURG`` alone and ``Philippe DUBOURG``."""
    long_words = [w for w in short if len(w) > 2]
    if not long_words or not all(w in full for w in long_words):
        return False
    rest_short = [w for w in short if len(w) <= 2]
    rest_full = [w for w in full if w not in long_words]
    return all(any(f.startswith(s) for f in rest_full) for s in rest_short)


# --- aligning labelled deliberations with registre's rows -----------------------------

def similarity(want: Expected, got: dict) -> float:
    from rapidfuzz import fuzz

    score = 0.0
    if want.fields.get("numero") and got.get("numero") and _id(want.fields["numero"]) == _id(got["numero"]):
        score += 1.0
    if want.fields.get("objet") and got.get("objet"):
        score += max(0.0, fuzz.token_set_ratio(fold(want.fields["objet"]), fold(got["objet"])) / 100 - 0.4)
    if want.page and got.get("page_start") and abs(int(want.page) - int(got["page_start"])) <= 1:
        score += 0.2
    return score


def align(wanted: list[Expected], got: list[dict], threshold: float = 0.45) -> list[tuple[int, int]]:
    """Pairs (label index, row index) in document order maximising the total similarity
    (dynamic programming); a lone label and a lone row always pair."""
    if len(wanted) == 1 and len(got) == 1:
        return [(0, 0)]
    n, m = len(wanted), len(got)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = similarity(wanted[i], got[j])
            take = best[i + 1][j + 1] + s if s >= threshold else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        s = similarity(wanted[i], got[j])
        if s >= threshold and best[i][j] == best[i + 1][j + 1] + s:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# --- scoring ----------------------------------------------------------------------------

@dataclass
class Tally:
    """Outcomes per field; the mismatches seen, for --show-errors."""

    counts: dict[str, Counter] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, outcome: str, where: str = "", detail: str = "") -> None:
        self.counts.setdefault(name, Counter())[outcome] += 1
        if outcome != "right":
            self.errors.append(f"{where} {name} {outcome}: {detail}")

    def merge(self, other: "Tally") -> None:
        for name, counter in other.counts.items():
            self.counts.setdefault(name, Counter()).update(counter)
        self.errors += other.errors

    def rate(self, names: Iterable[str] | None = None, stated_only: bool = False) -> tuple[int, int]:
        """(right, scored) over `names` (all fields by default)."""
        right = total = 0
        for name in names or self.counts:
            c = self.counts.get(name, Counter())
            right += c["right"]
            total += sum(c.values())
        return right, total


def derived_fields(rows: dict, seq: int) -> set[str]:
    """Columns of deliberation `seq` that registre marks as derived in provenance."""
    key = f"seq={seq}"
    return {p["field"] for p in rows.get("provenance", [])
            if p.get("table") == "deliberations" and p.get("record_key") == key and p.get("derived")}


def score_fields(tally: Tally, want: Expected, got: dict, derived: set[str], where: str) -> None:
    for name in FIELDS:
        if name not in want.fields:
            continue
        expected, value = want.fields[name], got.get(name)
        read = value is not None and name not in derived
        if expected is None:
            outcome = "invented" if read else "right"
        elif value is None:
            outcome = "missed"
        else:
            outcome = "right" if same_value(name, expected, value) else "wrong"
        tally.add(name, outcome, where, f"got {_iso(value)!r}, want {_iso(expected)!r}")


def score_attendance(tally: Tally, want: Expected, rows: dict, seq: int, where: str) -> None:
    if want.present is None and want.absent is None:
        return
    got = [a for a in rows.get("attendance", []) if a.get("seq") == seq]
    members = [(n, "present", None) for n in want.present or []]
    members += [(a["name"], "absent", a.get("proxy_holder")) for a in want.absent or []]
    used: set[int] = set()
    for name, status, holder in members:
        k = next((i for i, a in enumerate(got) if i not in used and same_member(name, a["name"])), None)
        if k is None:
            tally.add("attendance", "missed", where, f"{name} ({status})")
            continue
        used.add(k)
        ok = got[k]["status"] == status
        tally.add("attendance", "right" if ok else "wrong", where, f"{name}: got {got[k]['status']}, want {status}")
        if status == "absent" and (holder or got[k].get("proxy_holder")):
            _score_holder(tally, holder, got[k].get("proxy_holder"), f"{where} {name}")
    for i, a in enumerate(got):
        if i not in used:
            tally.add("attendance", "invented", where, f"{a['name']} ({a['status']})")


def _score_holder(tally: Tally, want: str | None, got: str | None, where: str) -> None:
    if want and got:
        outcome = "right" if same_member(want, got) else "wrong"
    else:
        outcome = "missed" if want else "invented"
    tally.add("proxy_holder", outcome, where, f"got {got!r}, want {want!r}")


def score_document(doc: LabelledDocument, rows: dict) -> Tally:
    tally = Tally()
    got = sorted(rows.get("deliberations", []), key=lambda r: r["seq"])
    pairs = align(doc.deliberations, got)
    matched = {i for i, _ in pairs}
    name = doc.path.name
    for i, want in enumerate(doc.deliberations):
        if i not in matched:
            label = want.fields.get("numero") or (want.fields.get("objet") or "")[:50]
            tally.add("deliberations", "missed", name, f"{label!r} not found")
            for f in FIELDS:  # every stated field of a deliberation not found is missed
                if want.fields.get(f) is not None:
                    tally.add(f, "missed", name, "deliberation not found")
    for i, j in pairs:
        want, row = doc.deliberations[i], got[j]
        where = f"{name} seq={row['seq']}"
        tally.add("deliberations", "right", where)
        score_fields(tally, want, row, derived_fields(rows, row["seq"]), where)
        score_attendance(tally, want, rows, row["seq"], where)
    for j in set(range(len(got))) - {j for _, j in pairs}:
        tally.add("deliberations", "invented", name, f"seq={got[j]['seq']} {str(got[j].get('objet'))[:50]!r}")
    return tally


def run_registre(path: Path) -> dict:
    from pipeline.stages import process

    result = process(path)
    return result.rows if result.ok else {}


def score(docs: list[LabelledDocument]) -> dict[tuple[str, str], Tally]:
    """Tallies keyed by (split, source); ("<split>", "all") for each split's total."""
    out: dict[tuple[str, str], Tally] = {}
    for doc in docs:
        tally = score_document(doc, run_registre(doc.path))
        for key in ((doc.split, doc.source), (doc.split, "all")):
            out.setdefault(key, Tally()).merge(tally)
    return out


# --- generated documents (tests/generator) -------------------------------------------------

@dataclass
class CheckTally:
    """Planted inconsistencies found (at their rule's severity), and error findings on
    documents planted with nothing."""

    planted: int = 0
    found: int = 0
    consistent_docs: int = 0
    false_error_docs: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def generated(count: int, split: str, folder: Path, pdf: bool = False) -> list[LabelledDocument]:
    """`count` generated documents of `split` written to `folder` (seeds of tests.generator.SEEDS)."""
    import sys

    sys.path.insert(0, str(ROOT))
    from tests.generator import SEEDS, generate

    docs = []
    for seed in list(SEEDS[split])[:count]:
        g = generate(seed, split)
        paths = g.write(folder, pdf=pdf)
        doc = load(paths[1])
        if pdf:
            doc.path = paths[2]
        doc.split, doc.source = split, "generated" + (" pdf" if pdf else "")
        docs.append(doc)
    return docs


def score_checks(doc: LabelledDocument, rows: dict, tally: CheckTally) -> None:
    """A planted inconsistency is found when its rule reports it at its declared severity
    (an error, or a warning for a warning rule), not lowered to a notice; a consistent
    document must get no error."""
    findings = rows.get("findings", [])
    errors = {f["check_id"] for f in findings if f.get("severity") == "error"}
    reported = {f["check_id"] for f in findings if f.get("severity") in ("error", "warning")}
    planted = {p["check_id"] for p in doc.planted or []}
    tally.planted += len(planted)
    tally.found += len(planted & reported)
    tally.missed += [f"{doc.path.name} {c}" for c in sorted(planted - reported)]
    if not planted:
        tally.consistent_docs += 1
        if errors:
            tally.false_error_docs += 1
            tally.false += [f"{doc.path.name} {c}" for c in sorted(errors)]


def score_generated(docs: list[LabelledDocument]) -> tuple[dict[tuple[str, str], Tally], dict[str, CheckTally]]:
    """Field tallies per (split, source) and (split, "all"); the checks' tally per split."""
    out: dict[tuple[str, str], Tally] = {}
    checks: dict[str, CheckTally] = {}
    for doc in docs:
        rows = run_registre(doc.path)
        tally = score_document(doc, rows)
        score_checks(doc, rows, checks.setdefault(doc.split, CheckTally()))
        for key in ((doc.split, doc.source), (doc.split, "all")):
            out.setdefault(key, Tally()).merge(tally)
    return out, checks
