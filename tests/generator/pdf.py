"""The PDF form of a generated document (fpdf2): the same pages and lines as the text form,
so one set of labels serves both.

Accents and curly apostrophes need a Unicode TrueType font: DejaVu, Liberation or FreeFont
from the system (a fresh Debian has fonts-dejavu-core with most desktop or browser
packages). Without one, fpdf2's core Helvetica is used and the text is reduced to Latin-1
(’ -> ', œ -> oe, € -> EUR), which `Generated.pdf_exact` reports.
"""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from fpdf import FPDF

from .context import Line
from .layout import Page

FONT_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts/opentype", "/usr/local/share/fonts",
             "/usr/share/fonts")
FONT_PAIRS = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
              ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
              ("FreeSans.ttf", "FreeSansBold.ttf"),
              ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"))
# Private-use glyphs of Symbol-font bullets have no shape in a text font: drawn as a bullet.
PDF_CHARS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
                           "\uf020": " ", "\u202f": " "})
LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
                        "œ": "oe", "Œ": "OE", "€": "EUR", "•": "-", "▪": "-", "➢": ">", "❖": "*",
                        "✓": "v", "→": "->", "·": "."})
PAGE_W, PAGE_H, MARGIN = 595.28, 841.89, 42.0
SIZE = 9.5
CREATED = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@functools.cache
def find_fonts() -> tuple[str, str] | None:
    """A regular and a bold Unicode font on this machine, or None."""
    for regular, bold in FONT_PAIRS:
        for root in FONT_DIRS:
            found = sorted(Path(root).rglob(regular)) if Path(root).is_dir() else []
            if found:
                bold_path = found[0].with_name(bold)
                return str(found[0]), str(bold_path if bold_path.exists() else found[0])
    return None


class Writer:
    """Draws pages of lines on A4, one line per text line, in one or two columns."""

    def __init__(self, fonts: tuple[str, str] | None):
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_creation_date(CREATED)  # same seed, same bytes
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN, MARGIN)
        self.unicode = fonts is not None
        if fonts:
            self.pdf.add_font("body", "", fonts[0])
            self.pdf.add_font("body", "B", fonts[1])
        self.family = "body" if fonts else "helvetica"

    def clean(self, text: str) -> str:
        text = text.translate(PDF_CHARS).replace("\u00a0", " ")
        if self.unicode:
            return text
        return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")

    def page(self, page: Page) -> None:
        self.pdf.add_page()
        lines = len(page.head) + page.capacity + len(page.foot)
        lead = min(13.0, (PAGE_H - 2 * MARGIN) / max(lines, 1))
        y = MARGIN
        for line in page.head:
            self.line(line, MARGIN, y, PAGE_W - 2 * MARGIN, size=7.5)
            y += lead
        width = (PAGE_W - 2 * MARGIN - (18 if page.columns == 2 else 0)) / page.columns
        for i, line in enumerate(page.body):
            column, row = divmod(i, page.capacity) if page.columns == 2 else (0, i)
            self.line(line, MARGIN + column * (width + 18), y + row * lead, width)
        for line in page.foot:
            self.line(line, MARGIN, PAGE_H - MARGIN, PAGE_W - 2 * MARGIN, size=7.5)

    def line(self, line: Line, x: float, y: float, width: float, size: float = SIZE) -> None:
        text = self.clean(line.text.replace("**", "")).strip()
        if not text:
            return
        style = "B" if line.bold else ""
        size = 7.0 if line.kind == "stamp" else size
        if "\t" in text:
            return self.cells(text.split("\t"), x, y, width, style, size)
        self.pdf.set_font(self.family, style, size)
        while self.pdf.get_string_width(text) > width and size > 5:
            size -= 0.5
            self.pdf.set_font(self.family, style, size)
        w = self.pdf.get_string_width(text)
        if line.center or line.kind == "stamp":
            x = x + (width - w) / 2 if line.center else x + width - w
        self.pdf.text(x, y + size, text)

    def cells(self, cells: list[str], x: float, y: float, width: float, style: str, size: float) -> None:
        """A tab-separated row: each cell at its own column, as a drawn table prints it."""
        step = width / len(cells)
        self.pdf.set_font(self.family, style, size)
        for i, cell in enumerate(cells):
            cell = cell.strip()
            while self.pdf.get_string_width(cell) > step - 4 and size > 5:
                size -= 0.5
                self.pdf.set_font(self.family, style, size)
            self.pdf.text(x + i * step, y + size, cell)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def render_pdf(pages: list[Page]) -> tuple[bytes, bool]:
    """PDF bytes, and whether the text survived exactly (a Unicode font was found)."""
    writer = Writer(find_fonts())
    for page in pages:
        writer.page(page)
    return writer.output(), writer.unicode
