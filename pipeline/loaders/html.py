"""Load an HTML page into a `Document` (lxml): paragraphs, bold runs and tables.

Written for the pages councils publish and for LibreOffice's "save as HTML" of their
Word minutes (Aiglun's), which look like::

    <p class="western"><font face="Arial"><b>Présents&nbsp;:</b></font><font face="Arial">Daniel J</font>
    <span style="text-transform: uppercase"><font face="Arial">ugy</font></span>, …</p>

- Each block (`<p>`, `<li>`, `<h1>`…, text loose in a `<div>`) is one `Line`; a `<br>`
  inside it starts another. White space is collapsed as a browser does.
- `text-transform: uppercase` is applied: LibreOffice writes a surname typed in small
  capitals as "J" + an uppercased span "ugy", which a reader sees as "JUGY".
- `<b>`, `<strong>` and `font-weight: bold` make bold runs (`Line.bold`).
- A `<table>` is a `Table`, one `Row` per `<tr>` and one `Cell` per `<td>`/`<th>` (a cell
  spanning n columns is followed by n-1 empty cells, so columns stay aligned).

An HTML page has no pages and no geometry: `Span.page` is 1 + the page breaks written in
the page's styles (`page-break-before: always`, as LibreOffice exports a hard page
break), `Span.line` the 1-based order of the line in the body (each paragraph, each line
of a paragraph broken by `<br>`, each table row), and `bbox` is None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.loaders.office import split_lines as _lines
from pipeline.loaders.office import titled as _titled
from schemas import Cell, Document, Line, Row, Span, Table

BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
         "blockquote", "address", "center", "section", "article", "header", "footer", "main", "nav",
         "aside", "form", "fieldset", "body", "caption", "figure", "hr"}
SKIP = {"script", "style", "head", "title", "noscript", "template", "sdfield"}
BREAK = ("\n", False)  # a <br> in a run of text
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def load(doc: Document, path, raw: bytes, settings=None) -> Document:
    """The loader of `FORMATS` (pipeline/loaders/__init__.py)."""
    import lxml.html

    text, doc.meta["encoding"] = decode_html(raw)
    root = lxml.html.document_fromstring(text)
    walker = _Walker(doc)
    body = root.find("body")
    walker.block(body if body is not None else root)
    doc.page_count = walker.page
    return doc


def decode_html(raw: bytes) -> tuple[str, str]:
    """The page as text: in the charset its `<meta>` declares, else as a text file is read."""
    from pipeline.loaders.text import decode

    declared = META_CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return raw.decode(name).lstrip("\ufeff"), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess as for a text file
    return decode(raw)


@dataclass
class _Walker:
    doc: Document
    page: int = 1
    line: int = 0
    pending: list = field(default_factory=list)  # inline runs waiting for the end of their block

    def block(self, el) -> None:
        """Emit `el`'s lines and tables in reading order."""
        self._page_break(el, "before")
        number = _list_number(el)
        if number:  # what a browser draws before an item of <ol>: Aiglun's items are numbered so only
            self.pending.append((f"{number}. ", False))
        for kind, item in _children(el):
            if kind == "table":
                self.flush()
                self.table(item)
            elif kind == "block":
                self.flush()
                self.block(item)
            else:
                self.pending += item
        self.flush()
        self._page_break(el, "after")

    def flush(self) -> None:
        for text, bold in _lines(self.pending):
            self.line += 1
            self.doc.items.append(Line(text, Span(self.page, self.line, None, text), bold))
        self.pending = []

    def table(self, el) -> None:
        rows = []
        for tr in el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            self.line += 1
            span = Span(self.page, self.line, None, "")
            cells = []
            for td in tr.xpath("./td|./th"):
                text = " ".join(t for t, _ in _lines(_runs(td)))
                cells.append(Cell(text, Span(span.page, span.line, None, text)))
                cells += [Cell("", span) for _ in range(_int(td.get("colspan")) - 1)]
            if cells:
                rows.append(Row(cells))
        if rows:
            self.doc.items.append(_titled(Table(rows), self.doc.items))

    def _page_break(self, el, where: str) -> None:
        style = (el.get("style") or "").replace(" ", "").lower()
        if f"page-break-{where}:always" in style or f"break-{where}:page" in style:
            self.page += 1


def _list_number(el) -> str | None:
    """The marker of an `<li>` in an `<ol start="N" type="1|I|i|A|a">`, as a browser counts."""
    parent = el.getparent()
    if el.tag != "li" or parent is None or parent.tag != "ol":
        return None
    siblings = [c for c in parent if c.tag == "li"]
    n = _int(parent.get("start") or "1") + siblings.index(el)
    kind = parent.get("type") or "1"
    if kind in ("I", "i"):
        roman = _roman(n)
        return roman if kind == "I" else roman.lower()
    if kind in ("A", "a") and 1 <= n <= 26:
        return chr(ord(kind) + n - 1)
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _children(el):
    """("text", runs) for inline content, ("block", element), ("table", element), in order."""
    runs = _text_run(el.text, False, False)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table" or tag in BLOCK:
            if runs:
                yield "text", runs
            yield ("table" if tag == "table" else "block"), child
            runs = []
        elif tag not in SKIP and tag:
            runs += _runs(child)
        runs += _text_run(child.tail, False, False)
    if runs:
        yield "text", runs


def _runs(el, bold: bool = False, upper: bool = False) -> list:
    """(text, bold) runs of an inline element and its descendants ("\n" for a <br>)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP or not tag:
        return []
    if tag == "br":
        return [BREAK]
    style = (el.get("style") or "").replace(" ", "").lower()
    bold = bold or tag in ("b", "strong") or bool(re.search(r"font-weight:(bold|[6-9]00)", style))
    upper = (upper or "text-transform:uppercase" in style) and "text-transform:none" not in style
    out = _text_run(el.text, bold, upper)
    for child in el:
        out += _runs(child, bold, upper)
        out += _text_run(child.tail, bold, upper)
    if tag in BLOCK or tag in ("td", "th", "tr"):
        out.append(BREAK)
    return out


def _text_run(text: str | None, bold: bool, upper: bool) -> list:
    if not text:
        return []
    return [((text.upper() if upper else text).replace("\n", " "), bold)]  # source newlines are spaces


def _int(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
