"""The evidence of a finding: where on the page the compared values are, a picture of
that region with them highlighted, the whole table row, or the lines around it.

Boxes come from `provenance` (PDF points, origin top-left). Which records a rule's
values were read from is declared per rule family below (`_targets`); the finding's
own line is always part of it. Inside those boxes the values themselves are found in
the page's text layer (pypdfium2's text search: "41" in "Présents : 29 – Pouvoirs :
12 – Votants : 41") and outlined; on a scan without a text layer the line is.

Pictures are PNG files beside the report (report/img/), not inline data: a crop is
rendered once and reused by later runs (its name is a hash of the file's content id,
page, region and boxes), pages stay small at 20,000 findings, and the browser loads
only the pictures it scrolls to (`loading="lazy"`).
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from checks.rules import RULES
from pipeline.report import fmt

RENDER_VERSION = "2"  # bump to re-render every cached crop
MARGIN = 36.0  # points of context around the compared values
MAX_WIDTH_PX = 900
MAX_SCALE = 2.0
_NUMBERS = re.compile(r"\d[\d  \u202f]*(?:[.,]\d+)?")


@dataclass(frozen=True)
class Box:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    strong: bool = True  # a compared value (outlined) rather than its line (tinted)

    def grow(self, d: float) -> "Box":
        return Box(self.page, self.x0 - d, self.top - d, self.x1 + d, self.bottom + d, self.strong)

    def contains(self, other: "Box") -> bool:
        return self.x0 <= other.x0 and self.top <= other.top and other.x1 <= self.x1 and other.bottom <= self.bottom


@dataclass
class Crop:
    page: int
    region: Box  # PDF points, origin top-left
    boxes: list[Box]
    src: str = ""  # image path relative to the document page (report/)
    pdf_href: str = ""  # from out/
    note: str = ""
    width: int = 0
    height: int = 0
    scale: float = 1.0


@dataclass
class Line:
    number: int
    text: str
    target: bool


@dataclass
class TableExcerpt:
    headers: list[str]
    rows: list[list[str]]
    mark: set = field(default_factory=set)  # (row index, column index) of the compared cells


class DocEvidence:
    """The provenance and cells of one document, indexed for its findings."""

    def __init__(self, provenance: list[dict], cells: list[dict]):
        self.by_table: dict[str, list[dict]] = {}
        self.by_line: dict[tuple[int, int], list[dict]] = {}
        for row in provenance:
            self.by_table.setdefault(fmt.text(row.get("table")), []).append(row)
            if not (fmt.is_null(row.get("page")) or fmt.is_null(row.get("line"))):
                self.by_line.setdefault((int(row["page"]), int(row["line"])), []).append(row)
        self.cells = cells

    def boxes(self, finding: Any) -> list[Box]:
        """Boxes of the compared values' records; else of the finding's line."""
        row = finding.row
        out = [b for r in _targets(self, finding) if (b := _box(r, True))]
        page, line = row.get("page"), row.get("line")
        if not out and not (fmt.is_null(page) or fmt.is_null(line)):
            # only when the values' own records are not traced: a PDF line number is an
            # order on the page, and a table's row 4 shares it with the text's line 4
            rows = self.by_line.get((int(page), int(line)), [])
            text = [r for r in rows if r.get("table") not in ("table_cells", "objectives")]
            out += [b for r in (text or rows) if (b := _box(r, False))]
        return _dedupe(out)

    def table_excerpt(self, finding: Any) -> TableExcerpt | None:
        """The whole row (row_total, fiche cost) or column (column_total) of the table."""
        cells = self.cells_of(finding)
        if not cells:
            return None
        cols = sorted({(int(c["column_index"]), fmt.text(c.get("column_label"))) for c in cells})
        rows = sorted({int(c["row"]) for c in cells})
        grid = {(int(c["row"]), int(c["column_index"])): c for c in cells}
        out = TableExcerpt(headers=[""] + [label for _, label in cols], rows=[])
        for ri, r in enumerate(rows):
            label = next((fmt.text(c.get("row_label")) for (rr, _), c in grid.items() if rr == r), "")
            out.rows.append([label] + [fmt.text(grid[(r, ci)].get("text")) if (r, ci) in grid else ""
                                       for ci, _ in cols])
            out.mark.update((ri, j + 1) for j, (ci, _) in enumerate(cols) if (r, ci) in grid)
        return out

    def cells_of(self, finding: Any) -> list[dict]:
        table_id, kind, name = _table_subject(finding)
        if not table_id or not self.cells:
            return []
        mine = [dict(c) for c in self.cells if fmt.text(c.get("table_id")) == table_id]
        order = {label: i for i, label in enumerate(dict.fromkeys(fmt.text(c.get("column_label")) for c in mine))}
        for c in mine:
            c["column_index"] = order[fmt.text(c.get("column_label"))]
        if kind == "column":
            return [c for c in mine if fmt.text(c.get("column_label")) == name]
        rows = [c for c in mine if name in (fmt.text(c.get("row_key")), fmt.text(c.get("row_label")),
                                            fmt.text(c.get("row")))]
        return _row_at_line(rows, finding, self) or rows


def _row_at_line(cells: list[dict], finding: Any, ev: DocEvidence) -> list[dict]:
    """Two rows may share a label ("Conseiller délégué"): keep the one on the finding's line."""
    page, line = finding.row.get("page"), finding.row.get("line")
    if fmt.is_null(page) or fmt.is_null(line):
        return []
    keys = {fmt.text(r.get("record_key")) for r in ev.by_line.get((int(page), int(line)), [])}
    rows = {int(c["row"]) for c in cells if _cell_key(c) in keys}
    return [c for c in cells if int(c["row"]) in rows]


def _cell_key(c: dict) -> str:
    return f"table_id={fmt.text(c.get('table_id'))}|row={int(c['row'])}|column_label={fmt.text(c.get('column_label'))}"


def _table_subject(finding: Any) -> tuple[str, str, str]:
    """('t7', 'row', 'Maire') from `table t7 row Maire`; the fiche's row in its cost table."""
    subject = finding.text("subject")
    match = re.match(r"table (\S+) (row|column) (.+)$", subject)
    if match:
        return match.group(1), match.group(2), match.group(3)
    if finding.check_id == "fiche.cost_matches_table":
        match = re.search(r"dans le tableau (\S+)$", finding.text("message"))
        code = subject.removeprefix("fiche ").strip()
        return (match.group(1), "row", code) if match else ("", "", "")
    return "", "", ""


def _targets(ev: DocEvidence, finding: Any) -> list[dict]:
    """Provenance rows of the values a rule compares, by rule family."""
    check_id, row = finding.check_id, finding.row
    rule = RULES.get(check_id)
    if check_id.startswith(("table.", "fiche.")):
        keys = {_cell_key(c) for c in ev.cells_of(finding)}
        out = [r for r in ev.by_table.get("table_cells", []) if fmt.text(r.get("record_key")) in keys
               and r.get("field") in ("value", "text")]
        if check_id.startswith("fiche."):
            code = finding.text("subject").removeprefix("fiche ").strip()
            out += [r for r in ev.by_table.get("fiches", []) if r.get("record_key") == f"code={code}"
                    and r.get("field") == "cout_total_ttc"]
        return out
    if check_id.startswith("objectives."):
        return [r for r in ev.by_table.get("summaries", []) if r.get("field") == "percent"
                and r.get("page") == row.get("page") and r.get("line") == row.get("line")]
    keys = {f"seq={s}" for s in finding.seqs}
    fields = {f for f in (rule.fields if rule else ()) if "." not in f}
    out = [r for r in ev.by_table.get("deliberations", []) if r.get("record_key") in keys and r.get("field") in fields]
    if check_id.startswith("proxy."):
        name = re.sub(r"^.* (?:proxy|holder) ", "", finding.text("subject"))
        out += [r for r in ev.by_table.get("proxies", []) if any(
            fmt.text(r.get("record_key")) == f"{k}|giver={name}" for k in keys)]
    return out


def _box(row: dict, strong: bool) -> Box | None:
    values = [row.get(k) for k in ("page", "x0", "top", "x1", "bottom")]
    if any(fmt.is_null(v) for v in values):
        return None
    page, x0, top, x1, bottom = values
    return Box(int(page), float(x0), float(top), float(x1), float(bottom), strong)


def _dedupe(boxes: list[Box]) -> list[Box]:
    """Drop a line box already covered by a strong box, and repeats."""
    out: list[Box] = []
    for b in boxes:
        same = [o for o in out if (o.page, round(o.x0), round(o.top), round(o.x1), round(o.bottom))
                == (b.page, round(b.x0), round(b.top), round(b.x1), round(b.bottom))]
        if not same:
            out.append(b)
    return out


def regions(boxes: list[Box], page_size: tuple[float, float]) -> Box:
    """The region to show around `boxes` (one page): their union plus a margin above and
    below, and the width of the page's text (5 % to 95 %) so the lines read whole."""
    width, height = page_size
    x0 = min(min(b.x0 for b in boxes) - MARGIN / 3, width * 0.05)
    x1 = max(max(b.x1 for b in boxes) + MARGIN / 3, width * 0.95)
    top, bottom = min(b.top for b in boxes) - MARGIN, max(b.bottom for b in boxes) + MARGIN
    return Box(boxes[0].page, max(0.0, x0), max(0.0, top), min(width, x1), min(height, bottom))


def needles(finding: Any) -> list[str]:
    """The numbers a finding compares, as a document may print them (157500, 157 500,
    1007,33): its expected and actual values, and the field values its message puts in
    brackets ("Votants (41) ≠ présents (29) + pouvoirs (12)"). Other numbers of the
    message (a date in a quoted statement) are not compared, so not outlined."""
    sources = [finding.text("expected"), finding.text("actual")]
    sources += re.findall(r"\(([^()]*)\)", finding.text("message"))
    out: dict[str, None] = {}
    for source in sources:
        for raw in _NUMBERS.findall(source):
            digits = re.sub(r"[\s\u202f]", "", raw).replace(",", ".")
            whole, _, decimals = digits.partition(".")
            for t in ("," + decimals, "." + decimals) if decimals else ("",):
                out[whole + t] = None
                if len(whole) > 3:
                    out[f"{int(whole):,}".replace(",", " ") + t] = None
    return [n for n in out if n]


def context_lines(lines: list[str], target: int, radius: int = 3) -> list[Line]:
    """The lines around line `target` (1-based) of a text source."""
    lo, hi = max(1, target - radius), min(len(lines), target + radius)
    return [Line(n, fmt.visible_controls(fmt.clean(lines[n - 1])), n == target) for n in range(lo, hi + 1)]


def image_name(doc_key: str, crop: Crop) -> str:
    r = crop.region
    spec = [RENDER_VERSION, doc_key, crop.page, *(round(v, 1) for v in (r.x0, r.top, r.x1, r.bottom))]
    spec += [(round(b.x0, 1), round(b.top, 1), round(b.x1, 1), round(b.bottom, 1), b.strong) for b in crop.boxes]
    return hashlib.sha256(repr(spec).encode()).hexdigest()[:20] + ".png"


def by_page(boxes: Iterable[Box]) -> dict[int, list[Box]]:
    pages: dict[int, list[Box]] = {}
    for b in boxes:
        pages.setdefault(b.page, []).append(b)
    return pages


def write_png(image: Any, path: Path) -> None:
    """Save atomically (beside, then renamed): a crop is reused by later runs, so a torn
    file must never be taken for a rendered one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    image.save(tmp, format="PNG", optimize=True)
    os.replace(tmp, path)


def frame_rows(frame: pd.DataFrame | None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    if frame is not None and len(frame):
        for row in frame.to_dict("records"):
            out.setdefault(fmt.text(row.get("doc_id")), []).append(row)
    return out
