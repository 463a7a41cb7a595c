"""Loaders: one file in, one `Document` out. The only place that reads source files."""
from __future__ import annotations

import hashlib
from pathlib import Path

from schemas import Document


class LoadError(Exception):
    """A file that cannot be read at all; the message is the one-line reason."""


def sniff_kind(path: Path, head: bytes) -> str:
    """`pdf` when the bytes say so (whatever the extension), else `text`."""
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if path.suffix.lower() == ".pdf":
        raise LoadError("not a PDF: the file does not start with %PDF-")
    return "text"


def new_document(path: Path, raw: bytes) -> Document:
    sha = hashlib.sha256(raw).hexdigest()
    return Document(doc_id=sha[:16], source_path=str(path), source_sha256=sha, source_kind="text")


def load(path: Path, settings=None) -> Document:
    """Read `path` into a Document; raise LoadError with a one-line reason if impossible.

    `settings` is a `pipeline.settings.Settings` (None: the defaults)."""
    raw = path.read_bytes()
    doc = new_document(path, raw)
    if not raw.strip():
        raise LoadError("empty file")
    doc.source_kind = sniff_kind(path, raw[:1024])
    if doc.source_kind == "pdf":
        from pipeline.loaders.pdf import load_pdf

        return load_pdf(doc, path, settings)
    from pipeline.loaders.text import load_text

    try:
        return load_text(doc, raw)
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text (byte {exc.start})") from None
