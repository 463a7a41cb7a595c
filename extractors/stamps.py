"""The prefecture's stamp on a transmitted act: its id, when it was sent and received.

    Envoyé en préfecture le 16/04/2024 - Reçu en préfecture le 16/04/2024 - ID : 015-200066637-20240411-2024CC052-DE

The id says the département of the prefecture (`015`), the issuer's SIREN, the date of the
decision, the issuer's own number of the act and its nature (`DE`: délibération). Some
acknowledgements also print the ACTES matière (`Matière : 7.1`). A PDF prints the stamp in
the running header of every page (furniture); a text extraction in the body: one row per
id, where it is first printed. The patterns are data: `extractors/patterns/stamps.json`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from schemas import Document, Line

PATTERNS = Path(__file__).parent / "patterns" / "stamps.json"


@lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern]:
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    return {k: re.compile(v, re.I) for k, v in data.items() if not k.startswith("_")}


def extract(doc: Document) -> Document:
    """Add one `stamps` record per prefecture id printed in the document."""
    seen: set[str] = set()
    lines = sorted([*doc.furniture, *doc.lines()], key=lambda ln: (ln.span.page, ln.span.line))
    for line in lines:
        row = read(line)
        if row and row["acte_id"] not in seen:
            seen.add(row["acte_id"])
            doc.add("stamps", row)
    return doc


def read(line: Line) -> dict | None:
    """The stamp record of one line, or None when it prints no prefecture id."""
    p = patterns()
    m = p["id"].search(line.text)
    if not m:
        return None
    dept = m.group(2).zfill(3)
    matiere = p["matiere"].search(line.text)
    return {"acte_id": m.group(1), "siren": m.group(3), "departement": dept, "pref_id": f"PREF{dept}",
            "decision_date": _ymd(m.group(4)), "numero": m.group(5), "nature": m.group(6).upper(),
            "sent_date": _date(p["sent"].search(line.text)), "received_date": _date(p["received"].search(line.text)),
            "matiere_code": matiere.group(1) if matiere else None,
            "page": line.span.page, "line": line.span.line, "text": line.text}


def _ymd(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _date(m: re.Match | None) -> dt.date | None:
    """`16/04/2024` (day first, as French stamps print it)."""
    if not m:
        return None
    day, month, year = re.split(r"[/.-]", m.group(1))
    try:
        return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
    except ValueError:
        return None
