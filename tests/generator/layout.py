"""How text really arrives: logical lines flattened or wrapped, cut into pages with
running headers and footers, some pages in two columns, and the noise of extraction
(OCR confusions on request, private-use glyphs of Symbol-font bullets, justified spaces).

A page's text is its header, its body (left column, then right) and its footer; pages are
joined with a form feed, as pdftotext writes them.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .context import Line
from .vocab import Vocab, fill


@dataclass
class Style:
    """The extraction's look, drawn once per document."""
    width: int | None  # wrap width in characters; None: one paragraph per line
    page_lines: int
    flatten: float  # chance that a short field line is joined to the previous one
    flatten_sep: str
    blank: str  # none, keep, double
    two_columns: bool
    header_from: int  # first page with a running header (1, 2, or 0 for none)
    footer: str | None
    header: str | None
    pua: bool
    justified: bool
    ocr: bool


@dataclass
class Page:
    head: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    foot: list[Line] = field(default_factory=list)
    columns: int = 1
    capacity: int = 0  # lines per column

    def lines(self) -> list[Line]:
        return self.head + self.body + self.foot


def draw_style(rng: random.Random, vocab: Vocab, ocr: bool, kind: str) -> Style:
    width = rng.choice([None, 78, 86, 92, 96, 100, 104, 110]) if rng.random() < 0.9 else None
    return Style(
        width=width, page_lines=rng.randint(44, 60), flatten=rng.choice([0, 0, 0.25, 0.5]),
        flatten_sep=rng.choice(["  ", " ", "   ", " - "]), blank=rng.choice(["none", "keep", "keep", "double"]),
        two_columns=kind == "minutes" and width is not None and rng.random() < 0.15,
        header_from=rng.choice([0, 1, 2, 2]), footer=vocab.pick(rng, "layout.footer") if rng.random() < 0.7 else None,
        header=vocab.pick(rng, "layout.running_header"), pua=rng.random() < 0.2,
        justified=rng.random() < 0.12, ocr=ocr)


def flatten(lines: list[Line], style: Style, rng: random.Random) -> list[Line]:
    """Several fields on one line: 'Date de convocation : 04/04/2024  Secrétaire : …'."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (previous and line.kind == "field" and previous.kind == "field" and not line.anchor
                and rng.random() < style.flatten):
            out[-1] = Line(previous.text + style.flatten_sep + line.text.strip(), "field", anchor=previous.anchor)
            continue
        out.append(line)
    return out


def wrap_text(text: str, width: int) -> list[str]:
    """Greedy word wrap (a name may be cut across two lines, as in real extractions)."""
    words, lines, current = text.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def wrap(line: Line, width: int | None) -> list[Line]:
    if width is None or line.kind in ("keep", "stamp", "blank") or len(line.text) <= width:
        return [line]
    pieces = wrap_text(line.text, width)
    first = Line(pieces[0], line.kind, line.bold, line.center, line.anchor)
    return [first] + [Line(p, line.kind, line.bold, line.center) for p in pieces[1:]]


def blanks(lines: list[Line], style: Style) -> list[Line]:
    if style.blank == "none":
        return [line for line in lines if line.kind != "blank"]
    if style.blank == "double":
        out = []
        for line in lines:
            out.append(line)
            if line.kind == "para":
                out.append(Line("", "blank"))
        return out
    return lines


def paginate(lines: list[Line], style: Style, rng: random.Random) -> list[Page]:
    """Cut into pages at the style's height, and where the document breaks a page; a line
    is wrapped at the width of the page (or column) it lands on."""
    pages = [Page(capacity=style.page_lines)]
    for line in lines:
        if line.kind == "break":
            if pages[-1].body:
                pages.append(_new_page(style, rng, len(pages)))
            continue
        pending: Line | None = line
        while pending is not None:
            if len(pages[-1].body) >= pages[-1].capacity * pages[-1].columns:
                pages.append(_new_page(style, rng, len(pages)))
            page = pages[-1]
            pieces = wrap(pending, style.width // 2 - 3 if (style.width and page.columns == 2) else style.width)
            room = page.capacity * page.columns - len(page.body)
            page.body.extend(pieces[:room])
            rest = " ".join(p.text for p in pieces[room:])
            pending = Line(rest, line.kind, line.bold, line.center) if rest else None
    return pages


def _new_page(style: Style, rng: random.Random, index: int) -> Page:
    columns = 2 if style.two_columns and index >= 1 and rng.random() < 0.6 else 1
    return Page(capacity=style.page_lines, columns=columns)


def furniture(pages: list[Page], style: Style, values: dict) -> None:
    """Running headers and footers (page numbers), as a text layer gives them."""
    n = len(pages)
    for p, page in enumerate(pages, 1):
        if style.header_from and p >= style.header_from and style.header:
            page.head.append(Line(fill(style.header, {**values, "p": p, "n": n}), "furniture", center=True))
        if style.footer:
            page.foot.append(Line(fill(style.footer, {**values, "p": p, "n": n}), "furniture", center=True))


def noise(pages: list[Page], style: Style, vocab: Vocab, rng: random.Random) -> None:
    """Symbol-font bullets and spaces, justified double spaces, OCR confusions."""
    bullet = vocab.pick(rng, "layout.pua_bullet")
    odd = vocab.pick(rng, "layout.odd_space")
    pairs = vocab.variants("layout.ocr_confusions")
    for page in pages:
        for line in page.body:
            if style.pua and line.kind == "keep" and line.text[:2] in ("- ", "• "):
                line.text = bullet + odd + line.text[2:]
            if style.justified and line.kind == "para" and rng.random() < 0.5:
                line.text = _justify(line.text, rng)
            if style.ocr:
                line.text = _confuse(line.text, pairs, rng)


def _justify(text: str, rng: random.Random) -> str:
    """Spaces doubled here and there, as a justified paragraph extracts."""
    return "".join("  " if ch == " " and rng.random() < 0.3 else ch for ch in text)


def _confuse(text: str, pairs: tuple, rng: random.Random) -> str:
    """A few OCR confusions: about one character in 150 that has a confusable form."""
    out, i = [], 0
    while i < len(text):
        for wrong, right in pairs:
            if text.startswith(wrong, i) and rng.random() < 0.007:
                out.append(right)
                i += len(wrong)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def text_of(pages: list[Page], bold_marks: bool = False) -> str:
    """The text form: UTF-8 lines, a form feed before each page after the first."""
    def page_text(page: Page) -> str:
        return "\n".join(line.text for line in page.lines())
    return "\n\f".join(page_text(page) for page in pages) + "\n"


def anchors(pages: list[Page]) -> dict[str, int]:
    """1-based page of each anchored line ('sitting', 'delib:3')."""
    found = {}
    for p, page in enumerate(pages, 1):
        for line in page.body:
            if line.anchor and line.anchor not in found:
                found[line.anchor] = p
    return found


def lay_out(lines: list[Line], style: Style, vocab: Vocab, rng: random.Random, values: dict) -> list[Page]:
    lines = blanks(flatten(lines, style, rng), style)
    pages = paginate(lines, style, rng)
    furniture(pages, style, values)
    noise(pages, style, vocab, rng)
    return pages
