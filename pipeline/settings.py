"""One settings object for a run, validated on creation (pdfplumber's TableSettings style)."""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.loaders.pdf import PdfSettings

OCR_MODES = ("auto", "always", "never")
# --max-memory by default: this share of the machine's memory (or of the cgroup's limit),
# split between the workers, within these bounds (MiB). A worker holds about 530 MiB of
# address space when idle (spaCy, pdfium, numpy mapped), so less than the floor leaves it
# no room to read a document.
MEMORY_SHARE = 0.75
MEMORY_FLOOR_MB = 1024
MEMORY_CEILING_MB = 4096


def machine_memory_mb() -> int:
    """Physical memory, or the cgroup's limit when the process runs under a smaller one."""
    total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(limit).read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total // 2**20


def default_max_memory_mb(workers: int) -> int:
    """`MEMORY_SHARE` of the machine per `workers`, within [MEMORY_FLOOR_MB, MEMORY_CEILING_MB]:
    4096 MiB for 2 workers on 24 GiB."""
    share = int(machine_memory_mb() * MEMORY_SHARE / max(workers, 1))
    return max(MEMORY_FLOOR_MB, min(MEMORY_CEILING_MB, share))


@dataclass(frozen=True)
class Settings:
    """What `registre ingest` can be told; every field has a named default."""

    ocr: str = "auto"  # auto: OCR the pages that have no usable text layer
    timeout_s: float = 300.0  # per-document limit, past which the document fails
    max_pages: int = 2000  # a longer file fails ("too many pages") instead of stalling a worker
    # address space of one worker process (MiB); None: default_max_memory_mb(workers), set by ingest
    max_memory_mb: int | None = None
    pdf: PdfSettings = field(default_factory=PdfSettings)

    def __post_init__(self):
        if self.ocr not in OCR_MODES:
            raise ValueError(f"--ocr doit valoir {', '.join(OCR_MODES)}, pas {self.ocr!r}")
        if not _number(self.timeout_s) or not math.isfinite(self.timeout_s) or self.timeout_s <= 0:
            raise ValueError(f"--timeout doit être un nombre de secondes fini et positif, pas {self.timeout_s!r}")
        if not _integer(self.max_pages) or self.max_pages < 1:
            raise ValueError(f"--max-pages doit être un entier au moins égal à 1, pas {self.max_pages!r}")
        if self.max_memory_mb is not None and (not _integer(self.max_memory_mb)
                                               or self.max_memory_mb < MEMORY_FLOOR_MB):
            raise ValueError(f"--max-memory doit être un entier d'au moins {MEMORY_FLOOR_MB} Mio, "
                             f"pas {self.max_memory_mb!r}")

    @property
    def max_file_bytes(self) -> int | None:
        """A larger file fails before it is read: the loader holds its bytes, and a parser
        several copies of them, within the worker's memory."""
        return self.max_memory_mb * 2**20 // 2 if self.max_memory_mb else None


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
