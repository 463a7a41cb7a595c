"""One settings object for a run, validated on creation (pdfplumber's TableSettings style)."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.loaders.pdf import PdfSettings

OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class Settings:
    """What `registre ingest` can be told; every field has a named default."""

    ocr: str = "auto"  # auto: OCR the pages that have no usable text layer
    timeout_s: float = 300.0  # per-document limit, past which the document fails
    max_pages: int = 2000  # a longer file fails ("too many pages") instead of stalling a worker
    pdf: PdfSettings = field(default_factory=PdfSettings)

    def __post_init__(self):
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")
        if self.timeout_s <= 0 or self.max_pages < 1:
            raise ValueError("timeout_s must be > 0 and max_pages >= 1")
