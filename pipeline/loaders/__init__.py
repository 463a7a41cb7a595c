"""Loaders: one file in, one `Document` out. The only place that reads source files.

Formats are mapped to loaders in one table, `FORMATS` (as docling maps input formats to
backends): the suffixes a folder is searched for, the kind recorded in
`documents.source_kind`, and the function that reads it. The kind is decided by the
file's bytes (`sniff_kind`), the suffix only breaking the tie between text and HTML, so
a `.pdf` that is not a PDF fails with that reason instead of being read as text.
"""
from __future__ import annotations

import hashlib
import importlib
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from schemas import Document


class LoadError(Exception):
    """A file that cannot be read at all: `code` is stable (`documents.error_code`, one of
    `schemas.tables.ERROR_CODES`), the message is the one-line reason, in French."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code
        self.sha256 = ""  # the file's, when it was read before the failure


@dataclass(frozen=True)
class Format:
    kind: str  # documents.source_kind
    suffixes: tuple[str, ...]
    loader: str  # "module:function", called as function(doc, path, raw, settings)


FORMATS: tuple[Format, ...] = (
    Format("pdf", (".pdf",), "pipeline.loaders.pdf:load"),
    Format("text", (".txt", ".text"), "pipeline.loaders.text:load"),
    Format("docx", (".docx",), "pipeline.loaders.office:load_docx"),
    Format("odt", (".odt",), "pipeline.loaders.office:load_odt"),
    Format("html", (".html", ".htm", ".xhtml"), "pipeline.loaders.html:load"),
    Format("doc", (".doc",), "pipeline.loaders.doc:load"),
)
BY_KIND = {f.kind: f for f in FORMATS}
SUFFIXES = {s: f.kind for f in FORMATS for s in f.suffixes}  # what a folder is searched for

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (and Excel, PowerPoint) container
_ODT = b"application/vnd.oasis.opendocument.text"


def kind_of_suffix(path: Path) -> str | None:
    """The format a file's name announces (None: not one we read)."""
    return SUFFIXES.get(path.suffix.lower())


def sniff_kind(path: Path, head: bytes, raw: bytes = b"") -> str:
    """The format the bytes say (a `.pdf` that is not a PDF raises LoadError)."""
    said = kind_of_suffix(path)
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return _zip_kind(raw or head, said)
    if head[:8] == _OLE2:
        return "doc"
    if head[:5] == b"{\\rtf":
        raise LoadError("RTF (Rich Text Format) non lu : l'enregistrer en DOCX, ODT ou PDF", "unsupported")
    if said in ("pdf", "docx", "odt", "doc"):
        if said == "doc" and _looks_html(head):  # Word's "save as web page" kept the .doc name
            return "html"
        if said == "pdf":
            raise LoadError("pas un PDF : le fichier ne commence pas par %PDF-", "not_pdf")
        raise LoadError(f"pas un fichier {said.upper()} : ses octets ne sont pas ce format", "not_format")
    return "html" if said == "html" or _looks_html(head) else "text"


def _looks_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start)


def _zip_kind(raw: bytes, said: str | None) -> str:
    """DOCX and ODT are both ZIP files: an ODT names its type in `mimetype`, a DOCX has
    `word/document.xml`."""
    try:
        with zipfile.ZipFile(BytesIO(raw)) as z:
            names = set(z.namelist())
            if "mimetype" in names and z.read("mimetype").strip() == _ODT:
                return "odt"
            if "word/document.xml" in names:
                return "docx"
    except zipfile.BadZipFile:
        raise LoadError("conteneur ZIP endommagé (DOCX/ODT)", "unreadable") from None
    raise LoadError(f"archive ZIP qui n'est ni un DOCX ni un ODT{f' (nommée {said})' if said else ''}", "unsupported")


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
    doc.source_kind = sniff_kind(path, raw[:1024], raw)
    max_pages, pages = getattr(settings, "max_pages", None), raw.count(b"\f") + 1  # a form feed starts a page
    if doc.source_kind == "text" and max_pages and pages > max_pages:
        raise LoadError(f"trop de pages ({pages} > {max_pages}, --max-pages)", "too_many_pages")
    module, function = BY_KIND[doc.source_kind].loader.split(":")
    return getattr(importlib.import_module(module), function)(doc, path, raw, settings)
