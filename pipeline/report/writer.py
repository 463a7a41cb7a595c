"""Writing the report: pictures, document pages, then the index and report.md.

    out/report.html          the index: overview, coverage, rules, changes, filters
    out/report.md            the same in Markdown
    out/report/<doc>.html    one page per document: its findings with their evidence
    out/report/img/<h>.png   page crops, reused from one run to the next
    out/report/style.css

Each file is written beside and renamed, and the index last, so it never links to a
page not yet written; pages and pictures no longer referenced are removed after.
Documents are handled one at a time (their provenance indexed, their PDF opened,
their page written, then dropped), so memory does not grow with their number.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from pipeline.report import changes as changes_mod
from pipeline.report import evidence, fmt, html, load, markdown, model
from pipeline.report.model import Doc, Finding

PAGES = "report"
IMAGES = "img"
FAILED_LIMIT = 50
CHANGE_LIMIT = 200
STATIC_DOCS = 100  # rows of the documents table written as HTML (the rest come from the script)


def write_reports(out_dir: Path | str, findings_df: pd.DataFrame | None = None,
                  documents_df: pd.DataFrame | None = None, frames: load.Frames | None = None,
                  now: dt.datetime | None = None) -> dict[str, Path]:
    """Render the whole report under `out_dir` from its tables; return the paths written."""
    out = Path(out_dir)
    pages = out / PAGES
    (pages / IMAGES).mkdir(parents=True, exist_ok=True)
    frames = frames or load.read(out, findings_df, documents_df)
    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = now.strftime("%d/%m/%Y %H:%M UTC")
    docs = model.build_docs(frames)
    known = set(frames.documents["doc_id"].astype(str))
    changes = changes_mod.compare(changes_mod.previous(out), frames.findings, known)
    written = _write_documents(out, docs, frames, changes, stamp)
    atomic_write(pages / "style.css", html.stylesheet())
    ov = model.overview(docs, frames)
    context = index_context(ov, docs, changes, stamp)
    paths = {"html": out / "report.html", "md": out / "report.md"}
    atomic_write(paths["md"], markdown.render(ov, docs, changes, stamp, CHANGE_LIMIT))
    atomic_write(paths["html"], html.render_index(context))
    _remove_stale(pages, written)
    changes_mod.save(out, frames.findings, now.strftime("%d/%m/%Y %H:%M UTC"))
    return paths


def _write_documents(out: Path, docs: list[Doc], frames: load.Frames, changes: Any, stamp: str) -> set[Path]:
    pages = out / PAGES
    prov, cells = evidence.frame_rows(frames.provenance), evidence.frame_rows(frames.table_cells)
    marks, before = changes.by_id, changes.before
    written: set[Path] = {pages / "style.css"}
    context = {"title": "registre — rapport de cohérence", "rendered_at": stamp}
    for doc in docs:
        doc.page_href = f"{PAGES}/{page_name(doc.doc_id)}"
        source, trusted = load.resolve_source(doc.row, frames.files, out)
        doc.source_found = source is not None and source.exists()
        doc.pdf_href = href(source, out) if source is not None else ""
        for f in doc.findings:
            f.change, f.before = marks.get(f.id, ""), before.get(f.id)
        if doc.findings:
            ev = evidence.DocEvidence(prov.pop(doc.doc_id, []), cells.pop(doc.doc_id, []))
            written |= attach(doc, ev, source if trusted else None, pages / IMAGES)
        page = pages / page_name(doc.doc_id)
        atomic_write(page, html.render_document(doc, context))
        written.add(page)
    return written


def attach(doc: Doc, ev: evidence.DocEvidence, source: Path | None, images: Path) -> set[Path]:
    """Give each finding its table excerpt, its text lines or its page crops; return the
    pictures used. A PDF that cannot be rendered leaves the findings without pictures."""
    kind = fmt.text(doc.row.get("source_kind")) or (source.suffix.lstrip(".").lower() if source else "")
    lines = _text_lines(source) if source is not None and kind == "text" else []
    used: set[Path] = set()
    for f in doc.findings:
        page = f.row.get("page")
        if doc.pdf_href and kind == "pdf" and not fmt.is_null(page):
            f.pdf_href = f"{doc.pdf_href}#page={int(page)}"
        if f.check_id.startswith(("table.", "fiche.")):
            f.table_row = ev.table_excerpt(f)
        if lines and not fmt.is_null(f.row.get("line")):
            f.context = evidence.context_lines(lines, int(f.row["line"]))
    if source is not None and kind == "pdf":
        used = _crops(doc, ev, source, images)
    return used


def _crops(doc: Doc, ev: evidence.DocEvidence, source: Path, images: Path) -> set[Path]:
    from pipeline.report.crops import PageRenderer

    used: set[Path] = set()
    try:
        with PageRenderer(source) as pdf:
            for f in doc.findings:
                for page, boxes in sorted(evidence.by_page(ev.boxes(f)).items())[:2]:
                    crop = _crop(pdf, f, page, boxes, doc, images)
                    f.evidence.append(crop)
                    used.add(images / crop.src.rsplit("/", 1)[-1])
    except Exception as exc:  # a PDF pdfium cannot open: the findings stand without pictures
        for f in doc.findings:
            f.evidence = [c for c in f.evidence if c.src]
        doc.row = {**doc.row, "error": "; ".join(filter(None, [fmt.text(doc.row.get("error")),
                                                               f"extraits de page : {exc}"]))}
    return used


def _crop(pdf: Any, f: Finding, page: int, boxes: list, doc: Doc, images: Path) -> evidence.Crop:
    crop = evidence.Crop(page=page, region=evidence.regions(boxes, pdf.size(page)), boxes=boxes)
    name = evidence.image_name(doc.doc_id, crop)
    path = images / name
    crop.src, crop.pdf_href = f"{IMAGES}/{name}", f"{doc.pdf_href}#page={page}"
    if path.exists():
        from PIL import Image

        with Image.open(path) as im:
            crop.width, crop.height = im.size
        crop.scale = crop.width / max(crop.region.x1 - crop.region.x0, 1.0)
        return crop
    hits = pdf.value_boxes(page, evidence.needles(f), boxes)
    return pdf.render(crop, path, hits)


def _text_lines(source: Path) -> list[str]:
    try:
        return source.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return []


def index_context(ov: model.Overview, docs: list[Doc], changes: Any, stamp: str) -> dict[str, Any]:
    collectivites = sorted({c for d in docs for c in d.collectivites})
    rules = [r["id"] for r in ov.by_rule]
    return {"title": "registre — rapport de cohérence", "rendered_at": stamp, "ov": ov, "changes": changes,
            "changes_view": changes_view(changes, {d.doc_id: d for d in docs}), "change_limit": CHANGE_LIMIT,
            "failed_limit": FAILED_LIMIT, "rules": rules, "collectivites": collectivites,
            "static_docs": docs[:STATIC_DOCS], "data": html.index_data(docs, rules, collectivites)}


def changes_view(changes: Any, docs: dict[str, Doc]) -> dict[str, list[dict]]:
    def item(r: dict, was: dict | None = None) -> dict:
        doc = docs.get(fmt.text(r.get("doc_id")))
        anchor = f"#f-{fmt.text(r.get('finding_id'))}" if doc and was is not False else ""
        out = {"doc": doc.name if doc else fmt.text(r.get("doc_id")), "href": doc.page_href + anchor if doc else "",
               "check_id": fmt.text(r.get("check_id")), "subject": fmt.subject(r.get("subject")),
               "values": f"attendu {fmt.value(r.get('expected'))}, constaté {fmt.value(r.get('actual'))}",
               "was": "", "now": ""}
        if was:
            out["was"] = f"{fmt.value(was.get('expected'))} / {fmt.value(was.get('actual'))}"
            out["now"] = f"{fmt.value(r.get('expected'))} / {fmt.value(r.get('actual'))}"
        return out
    return {"new": [item(r) for r in changes.new], "fixed": [item(r, False) for r in changes.fixed],
            "removed": [item(r, False) for r in changes.removed],
            "changed": [item(now, before) for before, now in changes.changed]}


def page_name(doc_id: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", doc_id) + ".html"


def href(target: Path, out: Path) -> str:
    """A link from `out/` to `target`, percent-encoded (a ':' or '#' in a name stays a name)."""
    return quote(load.relative_href(target, out), safe="/")


def atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _remove_stale(pages: Path, written: set[Path]) -> None:
    """Pages and pictures of an earlier run that nothing links to any more."""
    for path in list(pages.glob("*.html")) + list((pages / IMAGES).glob("*.png")):
        if path not in written:
            path.unlink(missing_ok=True)
