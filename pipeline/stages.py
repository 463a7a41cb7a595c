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
import errno
import hashlib
import importlib
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import checks
from pipeline.display import file_label, one_line, path_bytes, path_text
from pipeline.loaders import LoadError, load
from pipeline.loaders.ocr import confidence_at, mark_confidence
from pipeline.manifest import file_key
from pipeline.store import conform
from schemas import Document, Span
from schemas.tables import KEYS

VERSION = "0.6.19"  # 0.6.19: the thirty-eighth round's reader (rows change, columns do not); 0.6.18: the thirty-seventh round's reader (rows change; a new table, ballots, three check ids, votes.ballot_expressed, votes.ballot_sides, votes.ballot_majority, a provenance method, ballot); 0.6.17: the thirty-sixth round's reader (rows change; a new provenance method, closing); 0.6.16: the thirty-fifth round's reader (rows change; two provenance methods, side_named and recap); 0.6.15: the thirty-fourth round's reader (rows change; a provenance method, proxies_none); 0.6.14: the thirty-third round's reader (rows change; a provenance method, list_columns); 0.6.13: the thirty-second round's reader (rows change, columns do not); 0.6.12: the thirty-first round's reader (rows change, columns do not); 0.6.11: the thirtieth round's reader (rows change: a range of acts gives a row per act; columns do not); 0.6.10: the twenty-ninth round's reader (rows change, columns do not); 0.6.9: the twenty-eighth round's reader (rows change, columns do not); 0.6.8: the twenty-seventh round's reader and a new check id, votes.room; restated_votes.kind `vote_box` (rows change, columns do not); 0.6.7: the twenty-sixth round's reader and a new check id, extraction.stage_error (rows change, columns do not); 0.6.6: the twenty-fifth round's reader (rows change, columns do not); 0.6.5: the twenty-fourth round's reader (rows change, columns do not); 0.6.4: the twenty-third round's reader (rows change, columns do not); 0.6.3: the twenty-second round's reader (rows change, columns do not); 0.6.2: the twenty-first round's reader (rows change, columns do not); 0.6.1: the twentieth round's reader (rows change, columns do not); 0.6.0: deliberations.pour_nommes, contre_nommes, abstentions_nommes and the check votes.named_count; Markdown and spaced tables of acts, act numbers by code and by chapter, items withdrawn or not voted left out, counts printed between items held for the items after (a re-run re-reads every document); 0.5.4: who presides said or supposed in more ways, ranks "A1." and act numbers "DEL-24-0612", bodies beside stamps, tables drawn with box characters; two new check ids (rows change, columns do not); 0.5.3: items ranked by letters, votes in tables the items refer to, act numbers at the margin or under an extract (rows change, columns do not); 0.5.2: votes in a table at the end of minutes, acts inside an item, OCR in text files (rows change, columns do not); 0.5.1: lists of acts as tables, outcomes stated against the counts (rows change, columns do not); 0.5.0: deliberations.pouvoirs_neant (a re-run re-reads every document); 0.4.1: the reader of long minutes (rows change, columns do not); 0.4.0: restated_votes; 0.3.0: attendance.also_listed (a re-run re-reads every document); 0.2.0: findings per document

# Extractor modules, in order; each exposes extract(doc) -> doc.
EXTRACTORS = ("extractors.deliberation", "extractors.objectives",
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
    """Run every stage on one file; never raises for a bad document (a MemoryError is
    raised again: the worker that met it is replaced, pipeline/engines.py)."""
    path = Path(path)
    try:
        preflight(path, settings)
        doc = load(path, settings)
    except LoadError as exc:
        return _failed(path, exc.code, str(exc), exc.sha256)
    except MemoryError:
        raise
    except FileNotFoundError:
        return _failed(path, "missing", "fichier introuvable (supprimé, déplacé, ou lien symbolique cassé)")
    except OSError as exc:
        return _failed(path, "unreadable", f"lecture impossible ({OS_REASONS.get(exc.errno, exc.strerror)})")
    except Exception as exc:  # a parser bug must not stop the batch
        if _out_of_memory(exc):
            raise MemoryError from None
        if _raised_in(exc, PDF_LIBRARIES):  # pdfplumber choking on a damaged file (a /Parent loop)
            return _failed(path, "corrupt_pdf", f"PDF endommagé ({_named(exc)})")
        return _failed(path, "loader_error", f"erreur du lecteur ({_named(exc)})")
    mark_confidence(doc)  # OCR'd lines carry Tesseract's confidence to provenance.confidence
    for name, stage in stages():
        try:
            doc = stage(doc)
        except MemoryError:
            raise
        except Exception as exc:
            if _out_of_memory(exc):
                raise MemoryError from None
            where = traceback.extract_tb(exc.__traceback__)[-1]
            doc.error(name, f"{_named(exc)} ({Path(where.filename).name}:{where.lineno})")
    rows = to_rows(doc)
    rows["findings"] = conform(rows)  # a value its column cannot hold is left empty, with a finding
    rows["findings"], rows["coverage"] = checks.review(rows)  # never raises for a rule's bug: it warns
    return DocResult(str(path), True, rows, pages=doc.page_count)


PDF_LIBRARIES = ("/pdfminer/", "/pdfplumber/", "/pypdfium2/")
OS_REASONS = {errno.EACCES: "permission refusée", errno.EPERM: "opération non permise",
              errno.EISDIR: "c'est un dossier", errno.ELOOP: "boucle de liens symboliques",
              errno.EIO: "erreur d'entrée-sortie du disque", errno.ENXIO: "périphérique absent"}


def _raised_in(exc: BaseException, packages: tuple[str, ...]) -> bool:
    """The exception was raised inside one of these libraries (its innermost frame)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and any(p in frames[-1].filename for p in packages)


def _out_of_memory(exc: BaseException, depth: int = 0) -> bool:
    """A MemoryError wrapped by a library (pdfplumber turns zlib's "Unable to allocate
    output buffer" into a PdfminerException): the worker's memory is spent all the same."""
    if isinstance(exc, MemoryError):
        return True
    inner = [exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
    return depth < 5 and any(_out_of_memory(e, depth + 1) for e in inner if e is not None)


def _named(exc: BaseException) -> str:
    return one_line(f"{exc.__class__.__name__}: {exc}".rstrip(": "), 160)


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
    """Refuse cheaply, before any heavy work, what the loader would choke on: a file too
    large for the worker's memory (from its size alone), and from the PDF's trailer alone
    a page count over the limit, a password, or a page tree that refers to itself.

    pdfplumber builds every page object before one can count them (minutes for a
    3 000-page file), reports a password only as a bare PdfminerException, and follows a
    `/Count 7 0 R` where object 7 is `7 0 R` for ever."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfparser import PDFParser

    limit = getattr(settings, "max_file_bytes", None)
    size = path.stat().st_size
    if limit and size > limit:
        raise LoadError(f"fichier trop volumineux ({size / 2**20:,.0f} Mio, au-delà de {limit / 2**20:,.0f} Mio : "
                        "la moitié de --max-memory)".replace(",", " "), "too_large")
    max_pages = getattr(settings, "max_pages", None)
    with open(path, "rb") as fh:
        if fh.read(1024).lstrip()[:5] != b"%PDF-":
            return
        fh.seek(0)
        try:
            catalog = PDFDocument(PDFParser(fh)).catalog
        except PDFEncryptionError:
            raise LoadError("PDF protégé par un mot de passe", "password") from None
        except Exception:  # damaged: the loader says how
            return
        pages = _resolved(catalog.get("Pages"))
        count = _resolved(pages.get("Count")) if isinstance(pages, dict) else None
    if max_pages and isinstance(count, int) and count > max_pages:
        raise LoadError(f"trop de pages ({count} > {max_pages}, --max-pages)", "too_many_pages")


def _resolved(value, hops: int = 32):
    """`resolve1` that gives up on a reference chain that loops (`8 0 R` -> `9 0 R` -> `8 0 R`)."""
    from pdfminer.pdftypes import PDFObjRef

    for _ in range(hops):
        if not isinstance(value, PDFObjRef):
            return value
        try:
            value = value.resolve()
        except Exception:  # a dangling reference: the loader says how
            return None
    raise LoadError("PDF endommagé : l'arbre des pages se référence lui-même", "corrupt_pdf")


def failed(path: str | Path, code: str, reason: str, sha256: str = "") -> DocResult:
    """The result of a document that could not be read: its `documents` row, status failed."""
    return _failed(Path(path), code, reason, sha256)


def failed_doc_id(path: str | Path) -> str:
    """A failed file's own id, from its absolute path: a failure belongs to the file, not
    to its bytes (`a.pdf` may fail where the same bytes as `a.txt` are read), and a file
    that could not be read at all has no bytes to name it by."""
    return hashlib.sha256(b"failed\0" + os.fsencode(file_key(path))).hexdigest()[:16]


def _failed(path: Path, code: str, reason: str, sha256: str = "") -> DocResult:
    from pipeline.loaders import kind_of_suffix

    doc = Document(doc_id=failed_doc_id(path), source_path=str(path), source_sha256=sha256,
                   source_kind=kind_of_suffix(path) or "text")
    row = _document_row(doc, "failed", f"{file_label(path)} : {one_line(reason)}")
    row["error_code"] = code
    unread = {"doc_id": doc.doc_id, "scope": "document", "seq": None, "table_id": None, "fields_read": [],
              "fields_missing": [], "checks_run": [], "checks_skipped": [], "status": "unread"}
    return DocResult(str(path), False, {"documents": [row], "coverage": [unread]}, error=row["error"])


def _document_row(doc: Document, status: str, error: str | None) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "source_path": path_text(doc.source_path),
            "source_path_bytes": path_bytes(doc.source_path), "source_sha256": doc.source_sha256,
            "source_kind": doc.source_kind, "page_count": doc.page_count, "status": status,
            "error": error, "error_code": None, "pipeline_version": VERSION,
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
