"""The document model every stage reads and writes.

A `Document` is what a loader makes of one file: an ordered list of items in
reading order, each a `Line` of body text or a `Table`, each carrying its
provenance (`Span`: page, line number, bounding box). Running headers and footers
(the prefecture stamp, "Page 3") are not body text: loaders move them to
`Document.furniture`.

Coordinates follow pdfplumber: PDF points, origin at the TOP-LEFT corner of the
page, `top` growing downwards (docling calls this `CoordOrigin.TOPLEFT`). Text
files have no geometry: their spans carry `bbox=None` and the 1-based line number
in the file; a form feed (``\\f``) starts a new page.

Extractors add `Block`s (what they found, with their line range) and records
(one dict per output row, keyed by table name); errors are `ErrorItem`s appended to
the document, never exceptions, so a document with errors is a partial success.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Union

BBOX_ORIGIN = "top-left"


@dataclass(frozen=True)
class BBox:
    """A rectangle in PDF points, origin top-left (pdfplumber's `x0, top, x1, bottom`)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: "BBox | None") -> "BBox":
        if other is None:
            return self
        return BBox(min(self.x0, other.x0), min(self.top, other.top),
                    max(self.x1, other.x1), max(self.bottom, other.bottom))


@dataclass(frozen=True)
class Span:
    """Where a piece of text came from: page (1-based), line number, optional bbox.

    `confidence`: for a line read by OCR, the lowest Tesseract confidence (0-100) of its
    words holding a letter or digit (one doubtful word may be the value read); None for a
    text layer or a text file."""

    page: int
    line: int
    bbox: BBox | None = None
    text: str = ""
    confidence: float | None = None
    piece: int = 0  # a line of a text file cut in pieces (a flattened page): which piece, in order

    @property
    def order(self) -> tuple[int, int, int]:
        """Where it stands in reading order: page, line, piece of the line."""
        return self.page or 0, self.line or 0, self.piece

    def merge(self, other: "Span") -> "Span":
        """The span covering both (the first one's page and line are kept; the lower confidence)."""
        bbox = self.bbox.union(other.bbox) if self.bbox else other.bbox
        confs = [c for c in (self.confidence, other.confidence) if c is not None]
        return Span(self.page, self.line, bbox, self.text, min(confs) if confs else None, self.piece)


@dataclass
class Line:
    """One line of body text. `bold` lists the bold runs (from ``**x**`` or the font)."""

    text: str
    span: Span
    bold: tuple[str, ...] = ()


@dataclass
class Cell:
    text: str
    span: Span


@dataclass
class Row:
    cells: list[Cell]

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def span(self) -> Span:
        return self.cells[0].span


@dataclass
class Table:
    """A table as the document draws it: rows of cells, headers included.

    A table that crosses pages is one `Table` whose rows carry their own pages.
    `title` is the body line just above it ("Temps de travail direction :").
    """

    rows: list[Row]
    title: str = ""
    title_span: Span | None = None

    @property
    def span(self) -> Span:
        return self.rows[0].span

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


Item = Union[Line, Table]


@dataclass
class ErrorItem:
    """A problem met while reading a document; the document still goes on."""

    stage: str
    message: str
    span: Span | None = None


@dataclass
class Block:
    """A region an extractor recognised: kind is `deliberation`, `objectives`, `fiche`, `numeric_table`."""

    kind: str
    start: int  # index of the first item in Document.items
    end: int  # index past the last item
    key: str = ""


@dataclass
class Document:
    doc_id: str
    source_path: str
    source_sha256: str
    source_kind: str  # "pdf" | "text"
    page_count: int = 0
    items: list[Item] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)  # headers/footers
    blocks: list[Block] = field(default_factory=list)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def lines(self, start: int = 0, end: int | None = None) -> Iterator[Line]:
        for item in self.items[start:end]:
            if isinstance(item, Line):
                yield item

    def tables(self, start: int = 0, end: int | None = None) -> Iterator[tuple[int, Table]]:
        for i, item in enumerate(self.items[start:end], start):
            if isinstance(item, Table):
                yield i, item

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.records.setdefault(table, []).append(row)

    def error(self, stage: str, message: str, span: Span | None = None) -> None:
        self.errors.append(ErrorItem(stage, message, span))
