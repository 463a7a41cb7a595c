"""Field accuracy on the real documents that come with a ground truth (../shared/corpus/real).

    PYTHONPATH=. python -m benchmarks.real_accuracy

prints, per source and per document, how many fields the pipeline got right out of
those the ground truth states. A "field" is one scalar of the sitting (date, time,
president, secretary, convocation date), one member's presence, one proxy, or one
item's number / object / prefecture id. Names are compared tolerantly
(extractors.names.same_person, and ground truths that normalise first names:
"Marie-Jo" for "Marie-Josèphe").
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from schemas.text import fold, name_key, same_person

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
CHEMERE = REAL / "regardscitoyens__CM-chemere"
LANNION = REAL / "mthlht__lannion_cm"
AIGLUN = REAL / "regardscitoyens__operation-libre-aiglun"
MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
          "octobre", "novembre", "decembre"]


@dataclass
class Score:
    source: str
    document: str
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, label: str, ok: bool, detail: str = "") -> None:
        self.total += 1
        self.right += bool(ok)
        if not ok:
            self.misses.append(f"{label}: {detail}")


def same_member(a: str, b: str) -> bool:
    """Tolerant: accents, case, a typo, and a shortened first name ("Marie-Jo")."""
    if same_person(a, b, 85):
        return True
    ka, kb = name_key(a).split(), name_key(b).split()
    return bool(ka and kb) and ka[-1] == kb[-1] and (ka[0].startswith(kb[0][:4]) or kb[0].startswith(ka[0][:4]))


def matched(expected: list[str], found: list[str]) -> tuple[list[str], list[str]]:
    """(expected names found, expected names missing)."""
    hits = [e for e in expected if any(same_member(e, f) for f in found)]
    return hits, [e for e in expected if e not in hits]


def run(path: Path) -> dict:
    from pipeline.stages import process

    return process(path).rows


def _session(rows: dict, seq: int = 1) -> tuple[dict, list[dict]]:
    delibs = rows.get("deliberations", [])
    first = next((d for d in delibs if d["seq"] == seq), delibs[0] if delibs else {})
    people = [a for a in rows.get("attendance", []) if a["seq"] == first.get("seq")]
    return first, people


# --- Chéméré: JSON per sitting ------------------------------------------------------

def chemere_pairs() -> list[tuple[Path, Path]]:
    out = []
    for pdf in sorted(CHEMERE.glob("CM *.pdf")):
        day, month, year = pdf.stem.split()[1:4]
        iso = f"{year}-{MONTHS.index(fold(month)) + 1:02d}-{int(day):02d}"
        out.append((pdf, CHEMERE / f"{iso}.json"))
    return out


def score_chemere(pdf: Path, truth: Path, rows: dict | None = None) -> Score:
    gt = json.loads(truth.read_text(encoding="utf-8"))
    rows = rows or run(pdf)
    s = Score("Chéméré", pdf.name)
    d, people = _session(rows)
    s.check("session_date", str(d.get("session_date")) == gt["date"], str(d.get("session_date")))
    s.check("session_time", d.get("session_time") == gt["heure_debut"], str(d.get("session_time")))
    s.check("convocation_date", str(d.get("convocation_date")) == gt["date_convocation"],
            str(d.get("convocation_date")))
    s.check("president", same_member(gt["president"], d.get("president") or ""), str(d.get("president")))
    s.check("secretaire", same_member(gt["secretaire"], d.get("secretaire") or ""), str(d.get("secretaire")))
    present = [p["name"] for p in people if p["status"] == "present"]
    absent = [p["name"] for p in people if p["status"] == "absent"]
    for name in gt["presents"]:
        s.check("present", any(same_member(name, f) for f in present), name)
    for name in gt["excuses"]:
        s.check("excused", any(same_member(name, f) for f in absent), name)
    _score_items(s, gt.get("deliberations", []), rows.get("deliberations", []))
    return s


def _score_items(s: Score, expected: list[dict], delibs: list[dict]) -> None:
    """Each JSON deliberation: its number, its title, its prefecture id (when stated)."""
    for e in expected:
        number = e["id"] if e["id"] != "n/a" else None
        d = next((x for x in delibs if number and x.get("numero") == number), None)
        if number:
            s.check("item numero", d is not None, number)
        if d is None and e["titre"]:
            d = next((x for x in delibs if fold(e["titre"])[:25] in fold(x.get("objet") or "")), None)
        if d is None and e.get("id_pref"):
            d = next((x for x in delibs if x.get("acte_id") == e["id_pref"]), None)
        title = re.sub(r"^\d{4}/\d+\s*[–-]\s*", "", e["titre"]).strip()
        if title:
            got = (d or {}).get("objet") or ""
            s.check("item objet", fold(got).startswith(fold(title)[:40]), f"{title[:40]} / {got[:40]}")
        if re.fullmatch(r"\d{3}-\d{9}-\S+-DE", e.get("id_pref") or ""):
            s.check("item acte_id", (d or {}).get("acte_id") == e["id_pref"], e["id_pref"])


# --- Lannion: attendance CSV --------------------------------------------------------

LANNION_PDFS = {"2020-05-25": "Procès verbal du conseil municipal du 25 mai.pdf",
                "2020-06-08": "Procès verbal du conseil municipal du 8 juin.pdf",
                "2021-07-05": "Procès verbal conseil municipal du 5 juillet.pdf"}


def lannion_truth(iso: str) -> list[dict]:
    """Rows of the CSV without its header rows ("étaient présents", "procurations")."""
    with open(LANNION / f"cm_lannion-{iso}.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    headers = re.compile(r"^(?:etai(?:en)?t |sont )?(?:presents?|excuses?|absents?|procurations?)$")
    return [r for r in rows if not headers.match(fold(r["nom"]).strip())]


def score_lannion(iso: str, rows: dict | None = None) -> Score:
    rows = rows or run(LANNION / LANNION_PDFS[iso])
    s = Score("Lannion", iso)
    d, people = _session(rows)
    s.check("session_date", str(d.get("session_date")) == iso, str(d.get("session_date")))
    for r in lannion_truth(iso):
        want = {"présent": "present"}.get(r["etat"], "absent")
        found = next((p for p in people if same_member(r["nom"], p["name"])), None)
        s.check(f"{r['etat']}", found is not None and found["status"] == want, r["nom"])
        if r["procuration"] != "NA":
            holder = (found or {}).get("proxy_holder") or ""
            s.check("proxy holder", same_member(r["procuration"], holder), f"{r['nom']} -> {holder}")
    return s


# --- Aiglun: presence CSV -------------------------------------------------------------

def aiglun_truth(iso: str) -> list[dict]:
    with open(AIGLUN / "presences-cm-nettoye.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter=";") if r["date"] == iso]


def score_aiglun(path: Path, iso: str, rows: dict | None = None) -> Score:
    rows = rows or run(path)
    s = Score("Aiglun", path.name)
    d, people = _session(rows)
    s.check("session_date", str(d.get("session_date")) == iso, str(d.get("session_date")))
    for r in aiglun_truth(iso):
        want = "present" if r["present"] == "1" else "absent"
        found = next((p for p in people if same_member(r["nom"], p["name"])), None)
        s.check(want, found is not None and found["status"] == want, r["nom"])
        if r["pouvoir"]:
            s.check("proxy holder", same_member(r["pouvoir"], (found or {}).get("proxy_holder") or ""), r["nom"])
        if r["secretaire"] == "1":
            s.check("secretaire", same_member(r["nom"], d.get("secretaire") or ""), str(d.get("secretaire")))
    return s


def all_scores() -> list[Score]:
    out = [score_chemere(pdf, truth) for pdf, truth in chemere_pairs()]
    out += [score_lannion(iso) for iso in LANNION_PDFS]
    out.append(score_aiglun(AIGLUN / "CR CM 19122013.pdf", "2013-12-19"))
    for html in sorted(AIGLUN.glob("*.html")):
        if html.suffix in _supported():
            out.append(score_aiglun(html, html.stem))
    return out


def _supported() -> set[str]:
    try:
        from pipeline.api import SUFFIXES
    except ImportError:
        return {".pdf"}
    return set(SUFFIXES)


def main() -> None:
    totals: dict[str, list[int]] = {}
    for s in all_scores():
        print(f"{s.source:8s} {s.document:48s} {s.right:4d}/{s.total:<4d}")
        for miss in s.misses[:8]:
            print(f"           miss {miss}")
        t = totals.setdefault(s.source, [0, 0])
        t[0] += s.right
        t[1] += s.total
    for source, (right, total) in totals.items():
        print(f"{source:8s} total {right}/{total} ({100 * right / max(total, 1):.0f} %)")


if __name__ == "__main__":
    main()
