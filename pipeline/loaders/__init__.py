"""Loaders: one file in, one `Document` out. The only place that reads source files."""
from __future__ import annotations

import hashlib
from pathlib import Path

from schemas import Document


class LoadError(Exception):
    """A file that cannot be read at all: `code` is stable (`documents.error_code`, one of
    `schemas.tables.ERROR_CODES`), the message is the one-line reason, in French."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code
        self.sha256 = ""  # the file's, when it was read before the failure


def sniff_kind(path: Path, head: bytes) -> str:
    """`pdf` when the bytes say so (whatever the extension), else `text`."""
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise LoadError("pas un PDF : le fichier ne commence pas par %PDF-", "not_pdf")
    return "text"


def new_document(path: Path, raw: bytes) -> Document:
    sha = hashlib.sha256(raw).hexdigest()
    return Document(doc_id=sha[:16], source_path=str(path), source_sha256=sha, source_kind="text")


def load(path: Path, settings=None) -> Document:
    """Read `path` into a Document; raise LoadError with a one-line reason if impossible.

    `settings` is a `pipeline.settings.Settings` (None: the defaults)."""
    raw = path.read_bytes()
    doc = new_document(path, raw)
    try:
        return _load(doc, path, raw, settings)
    except LoadError as exc:
        exc.sha256 = doc.source_sha256
        raise


def _load(doc: Document, path: Path, raw: bytes, settings) -> Document:
    if not raw.strip():
        raise LoadError("fichier vide", "empty")
    doc.source_kind = sniff_kind(path, raw[:1024])
    if doc.source_kind == "pdf":
        from pipeline.loaders.pdf import load_pdf

        return load_pdf(doc, path, settings)
    from pipeline.loaders.text import load_text

    max_pages, pages = getattr(settings, "max_pages", None), raw.count(b"\f") + 1  # a form feed starts a page
    if max_pages and pages > max_pages:
        raise LoadError(f"trop de pages ({pages} > {max_pages}, --max-pages)", "too_many_pages")
    try:
        return load_text(doc, raw)
    except UnicodeDecodeError as exc:
        raise LoadError(f"texte qui n'est pas en UTF-8 (octet {exc.start})", "not_utf8") from None
