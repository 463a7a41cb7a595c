"""The per-document pipeline: a plain list of stages, each `stage(doc) -> doc`.

    load -> minutes -> deliberations -> objectives -> fiches -> numeric tables -> stamps
         -> sittings and members (from the rows above) -> rows -> checks and coverage

A stage that fails on one document adds an `ErrorItem` and the next stage still
runs: the document is a partial success. Only a file that cannot be loaded at all
is `failed`. The checks run last, on the document's own rows (every rule compares
values within one document), so they run in the worker and their findings and the
`coverage` rows (what was read, what was checked) are committed with the rows they
point at.
"""
from __future__ import annotations

import datetime as dt
import importlib
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import checks
from pipeline.loaders import LoadError, load
from pipeline.loaders.ocr import confidence_at, mark_confidence
from schemas import Document, Span
from schemas.tables import KEYS

VERSION = "0.2.0"  # 0.2.0: findings computed per document, committed with its rows

# Extractor modules, in order; each exposes extract(doc) -> doc.
EXTRACTORS = ("extractors.deliberation_new", "extractors.objectives",
              "extractors.fiches", "extractors.numeric_tables", "extractors.stamps",
              "extractors.sittings")  # sittings: derived from the rows the others wrote


def stages() -> list[tuple[str, Callable[[Document], Document]]]:
    return [(name.rsplit(".", 1)[1], importlib.import_module(name).extract) for name in EXTRACTORS]


@dataclass
class DocResult:
    """What one document gives: rows per table (documents and provenance included)."""

    path: str
    ok: bool
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    error: str = ""
    pages: int = 0


def process(path: str | Path, settings=None) -> DocResult:
    """Run every stage on one file; never raises for a bad document."""
    path = Path(path)
    try:
        preflight(path, settings)
        doc = load(path, settings)
    except LoadError as exc:
        return _failed(path, str(exc))
    except (OSError, MemoryError) as exc:
        return _failed(path, f"cannot read: {exc.__class__.__name__}: {exc}")
    except Exception as exc:  # a parser bug must not stop the batch
        return _failed(path, f"loader crashed: {exc.__class__.__name__}: {exc}")
    mark_confidence(doc)  # OCR'd lines carry Tesseract's confidence to provenance.confidence
    for name, stage in stages():
        try:
            doc = stage(doc)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            doc.error(name, f"{exc.__class__.__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
    rows = to_rows(doc)
    rows["findings"], rows["coverage"] = checks.review(rows)  # never raises for a rule's bug: it warns
    return DocResult(str(path), True, rows, pages=doc.page_count)


SITTING_LOOKAHEAD = 400  # units searched for a sitting's opening in a document with no deliberation


def sitting_evidence(doc: Document) -> list[dict]:
    """For a document where no deliberation was read, the provenance row (table `documents`,
    field `sitting`) of the line that states a sitting ("L'an deux mille quatorze, le
    quinze septembre, le conseil municipal…", "Séance du 8 juin 2014"): the coverage says
    deliberations are missing there, and `extraction.incomplete` points at that line."""
    from extractors import sitting, stream

    if doc.records.get("deliberations"):
        return []
    fact = sitting.read(stream.units(doc)[:SITTING_LOOKAHEAD], full=True).facts.get("session_date")
    if fact is None:
        return []
    span = fact.span
    return [{"doc_id": doc.doc_id, "table": "documents", "record_key": "", "field": "sitting",
             "page": span.page, "line": span.line, "text": span.text, "derived": False,
             "method": fact.method, "confidence": confidence_at(doc, span)}]


def preflight(path: Path, settings=None) -> None:
    """Refuse cheaply, from the PDF's trailer alone, what the loader would choke on.

    pdfplumber builds every page object before one can count them (minutes for a
    3 000-page file), and reports a password only as a bare PdfminerException."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    max_pages = getattr(settings, "max_pages", None)
    with open(path, "rb") as fh:
        if fh.read(1024).lstrip()[:5] != b"%PDF-":
            return
        fh.seek(0)
        try:
            count = resolve1(resolve1(PDFDocument(PDFParser(fh)).catalog["Pages"])["Count"])
        except PDFEncryptionError:
            raise LoadError("password-protected PDF") from None
        except Exception:  # damaged: the loader says how
            return
    if max_pages and isinstance(count, int) and count > max_pages:
        raise LoadError(f"too many pages ({count} > {max_pages})")


def failed(path: str | Path, reason: str) -> DocResult:
    """The result of a document that could not be read: its `documents` row, status failed."""
    return _failed(Path(path), reason)


def _failed(path: Path, reason: str) -> DocResult:
    from pipeline.loaders import kind_of_suffix, new_document

    try:
        doc = new_document(path, path.read_bytes())
    except OSError:
        doc = Document(doc_id="", source_path=str(path), source_sha256="", source_kind="")
    doc.source_kind = kind_of_suffix(path) or "text"
    row = _document_row(doc, "failed", f"{path.name}: {reason}")
    unread = {"doc_id": doc.doc_id, "scope": "document", "seq": None, "table_id": None, "fields_read": [],
              "fields_missing": [], "checks_run": [], "checks_skipped": [], "status": "unread"}
    return DocResult(str(path), False, {"documents": [row], "coverage": [unread]}, error=row["error"])


def _document_row(doc: Document, status: str, error: str | None) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "source_path": doc.source_path, "source_sha256": doc.source_sha256,
            "source_kind": doc.source_kind, "page_count": doc.page_count, "status": status,
            "error": error, "pipeline_version": VERSION,
            "ingested_at": dt.datetime.now(dt.timezone.utc),
            "text_layer": doc.meta.get("text_layer"), "ocr_confidence": doc.meta.get("ocr_confidence"),
            "encoding": doc.meta.get("encoding")}


def to_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The document's records as table rows, doc_id filled, `_prov` moved to provenance."""
    errors = " | ".join(f"{e.stage}: {e.message}" for e in doc.errors) or None
    out: dict[str, list[dict[str, Any]]] = {"documents": [_document_row(doc, "ok", errors)],
                                            "provenance": sitting_evidence(doc)}
    for table, records in doc.records.items():
        for record in records:
            row = {k: v for k, v in record.items() if not k.startswith("_")}
            row["doc_id"] = doc.doc_id
            out.setdefault(table, []).append(row)
            out["provenance"] += _provenance(doc, table, row, record.get("_prov") or {},
                                             record.get("_how") or {})
    return out


def record_key(table: str, row: dict[str, Any]) -> str:
    """`seq=1`, `code=E.10`: the record's key columns within its document."""
    return "|".join(f"{k}={row.get(k)}" for k in KEYS.get(table, ()) if k != "doc_id")


def _provenance(doc: Document, table: str, row: dict, prov: dict[str, Span],
                how: dict[str, tuple[str, bool]]) -> list[dict]:
    """One row per value read: where (`prov`: column -> Span) and how (`how`: column ->
    (recogniser, derived); the OCR confidence of its lines)."""
    doc_id = doc.doc_id
    key = record_key(table, row)
    typed = {f"key_{k}": row.get(k) for k in KEYS.get(table, ())[1:]}  # provenance.key_seq, key_code, …
    out = []
    for fieldname, span in prov.items():
        if span is None:
            continue
        box = span.bbox
        method, derived = how.get(fieldname, (None, False))
        out.append({"doc_id": doc_id, "table": table, "record_key": key, "field": fieldname,
                    "page": span.page, "line": span.line, "text": span.text,
                    "x0": box.x0 if box else None, "top": box.top if box else None,
                    "x1": box.x1 if box else None, "bottom": box.bottom if box else None,
                    "derived": bool(derived), "method": method,
                    "confidence": confidence_at(doc, span), **typed})
    return out
