"""Load word-processor files into a `Document`: DOCX (python-docx) and ODT (odfpy).

Both give what the PDF and text loaders give: body paragraphs as `Line`s with their bold
runs, tables as `Table`s of cells (a cell spanning n columns followed by n-1 empty cells),
and the page headers and footers (where a prefecture stamp or "Page 2" sits) as
`Document.furniture`, not body text.

A word-processor file has no fixed pages and no geometry: `Span.page` is 1 + the page
breaks written in the file before the paragraph (a hard page break, or the break Word or
LibreOffice recorded where it laid out a new page when the file was saved:
`w:lastRenderedPageBreak`, `text:soft-page-break`), `Span.line` the 1-based order of the
line in the body (each paragraph, each line of it after a manual line break, each table
row), and `bbox` is None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO

from schemas import Cell, Document, Line, Row, Span, Table

SPACE = re.compile(r"[\s\u00a0\u202f\u2007]+")


@dataclass
class _Body:
    """Lines and tables as they come, numbered."""

    doc: Document
    page: int = 1
    line: int = 0
    furniture: set = field(default_factory=set)

    def paragraph(self, runs: list[tuple[str, bool]]) -> None:
        """Runs of (text, bold); "\\n" in a run is a manual line break."""
        for text, bold in split_lines(runs):
            self.line += 1
            self.doc.items.append(Line(text, Span(self.page, self.line, None, text), bold))

    def table(self, rows: list[list[tuple[str, int]]]) -> None:
        """Rows of (cell text, columns spanned)."""
        out = []
        for cells in rows:
            self.line += 1
            span = Span(self.page, self.line, None, "")
            row = []
            for text, spanned in cells:
                row.append(Cell(text, Span(span.page, span.line, None, text)))
                row += [Cell("", span) for _ in range(spanned - 1)]
            if row:
                out.append(Row(row))
        if out:
            self.doc.items.append(titled(Table(out), self.doc.items))

    def furniture_line(self, text: str) -> None:
        text = SPACE.sub(" ", text).strip()
        if text and text not in self.furniture:  # the same header on every section once
            self.furniture.add(text)
            self.doc.furniture.append(Line(text, Span(1, len(self.furniture), None, text)))


def titled(table: Table, items: list) -> Table:
    """A table's title is the line right above it (as text.py and pdf.py make it)."""
    if items and isinstance(items[-1], Line):
        table.title, table.title_span = items[-1].text, items[-1].span
    return table


def split_lines(runs: list[tuple[str, bool]]) -> list[tuple[str, tuple[str, ...]]]:
    """(text, bold) runs to lines: split at "\n", white space collapsed, bold runs kept."""
    out, parts, bold = [], [], []
    for text, is_bold in runs + [("\n", False)]:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                line = SPACE.sub(" ", "".join(parts)).strip()
                if line:
                    out.append((line, tuple(b for b in (SPACE.sub(" ", x).strip() for x in bold) if b)))
                parts, bold = [], []
            parts.append(piece)
            if is_bold and piece.strip():
                bold.append(piece)
    return out


def _cell_text(paragraph_runs: list[list[tuple[str, bool]]]) -> str:
    return " ".join(t for runs in paragraph_runs for t, _ in split_lines(runs))


# -- DOCX ------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load_docx(doc: Document, path, raw: bytes, settings=None) -> Document:
    """The loader of `FORMATS` for `.docx` (pipeline/loaders/__init__.py)."""
    import docx

    from pipeline.loaders import LoadError

    try:
        word = docx.Document(BytesIO(raw))
    except Exception as exc:  # python-docx raises KeyError, ValueError… on damaged parts
        raise LoadError(f"DOCX endommagé : {exc.__class__.__name__}: {exc}", "unreadable") from None
    body = _Body(doc)
    for block in word.element.body.iterchildren():
        if block.tag == f"{W}p":
            body.page += _docx_page_breaks(block)
            body.paragraph(_docx_runs(block))
        elif block.tag == f"{W}tbl":
            body.table(_docx_rows(block))
    for section in word.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            for p in part.paragraphs if not part.is_linked_to_previous else ():
                body.furniture_line(p.text)
    doc.page_count = body.page
    return doc


def _docx_page_breaks(p) -> int:
    """Breaks before or in this paragraph: a hard break, or where Word laid out a new page."""
    hard = len(p.findall(f".//{W}br[@{W}type='page']"))
    rendered = len(p.findall(f".//{W}lastRenderedPageBreak"))
    return max(hard, rendered)


def _docx_runs(p) -> list[tuple[str, bool]]:
    """(text, bold) of each run; a `w:br` is a line break, a tab a space."""
    style_bold = _docx_bold(p.find(f"{W}pPr/{W}rPr"))
    out = []
    for r in p.iter(f"{W}r"):
        bold = _docx_bold(r.find(f"{W}rPr"), style_bold)
        for child in r:
            if child.tag == f"{W}t":
                out.append((child.text or "", bold))
            elif child.tag == f"{W}tab":
                out.append((" ", bold))
            elif child.tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") != "page":
                out.append(("\n", bold))
    return out


def _docx_bold(rpr, default: bool = False) -> bool:
    """`<w:b/>` or `<w:b w:val="true"/>` is bold, `<w:b w:val="0"/>` is not."""
    b = rpr.find(f"{W}b") if rpr is not None else None
    if b is None:
        return default
    return b.get(f"{W}val", "true") not in ("0", "false", "none")


def _docx_rows(tbl) -> list[list[tuple[str, int]]]:
    rows = []
    for tr in tbl.findall(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            text = _cell_text([_docx_runs(p) for p in tc.iter(f"{W}p")])
            cells.append((text, int(span.get(f"{W}val", 1)) if span is not None else 1))
        rows.append(cells)
    return rows


# -- ODT ---------------------------------------------------------------------------

def load_odt(doc: Document, path, raw: bytes, settings=None) -> Document:
    """The loader of `FORMATS` for `.odt` (pipeline/loaders/__init__.py)."""
    from odf.opendocument import load as odf_load

    from pipeline.loaders import LoadError

    try:
        odt = odf_load(BytesIO(raw))
    except Exception as exc:  # odfpy raises KeyError, xml errors… on damaged parts
        raise LoadError(f"ODT endommagé : {exc.__class__.__name__}: {exc}", "unreadable") from None
    reader = _OdtReader(_Body(doc), _odt_bold_styles(odt))
    reader.block(odt.text)
    for master in odt.masterstyles.childNodes:
        for part in master.childNodes:
            if part.qname[1] in ("header", "footer", "header-first", "footer-first"):
                for p in _odt_all(part, ("p", "h")):
                    reader.body.furniture_line(_cell_text([reader.runs(p)]))
    doc.page_count = reader.body.page
    return doc


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def _odt_bold_styles(odt) -> dict[str, bool]:
    """Style name -> bold, from the automatic and the named styles, parents followed."""
    styles, parent, pagebreak = {}, {}, set()
    for container in (odt.styles, odt.automaticstyles):
        for st in container.childNodes:
            if st.qname != (STYLE_NS, "style"):
                continue
            name = st.getAttrNS(STYLE_NS, "name")
            parent[name] = st.getAttrNS(STYLE_NS, "parent-style-name")
            for props in st.childNodes:
                weight = props.getAttrNS(FO_NS, "font-weight") if props.qname[1] == "text-properties" else None
                if weight:
                    styles[name] = weight == "bold" or weight.isdigit() and int(weight) >= 600
                if props.qname[1] == "paragraph-properties" and props.getAttrNS(FO_NS, "break-before") == "page":
                    pagebreak.add(name)

    def bold(name, depth=0):
        if name in styles or not name or depth > 10:
            return styles.get(name, False)
        return bold(parent.get(name), depth + 1)

    out = {name: bold(name) for name in parent}
    out.update({f"break:{n}": True for n in pagebreak})
    return out


def _odt_all(node, names: tuple[str, ...]):
    for child in node.childNodes:
        if child.nodeType == 1 and child.qname[1] in names and child.qname[0] == TEXT_NS:
            yield child
        elif child.nodeType == 1:
            yield from _odt_all(child, names)


@dataclass
class _OdtReader:
    body: _Body
    bold_styles: dict[str, bool]

    def block(self, node) -> None:
        for child in node.childNodes:
            if child.nodeType != 1:
                continue
            ns, name = child.qname
            if ns == TEXT_NS and name in ("p", "h"):
                if self.bold_styles.get(f"break:{child.getAttrNS(TEXT_NS, 'style-name')}"):
                    self.body.page += 1
                self.body.paragraph(self.runs(child))
            elif ns == TABLE_NS and name == "table":
                self.body.table(self.rows(child))
            elif ns == TEXT_NS and name == "soft-page-break":
                self.body.page += 1
            elif (ns, name) != (TEXT_NS, "tracked-changes"):
                self.block(child)  # lists, list items, sections

    def runs(self, node, bold: bool | None = None) -> list[tuple[str, bool]]:
        if bold is None:
            bold = self.bold_styles.get(node.getAttrNS(TEXT_NS, "style-name"), False)
        out = []
        for child in node.childNodes:
            if child.nodeType == 3:
                out.append((child.data, bold))
                continue
            if child.nodeType != 1:
                continue
            name = child.qname[1]
            if name == "s":
                out.append((" " * int(child.getAttrNS(TEXT_NS, "c") or 1), bold))
            elif name == "tab":
                out.append((" ", bold))
            elif name == "line-break":
                out.append(("\n", bold))
            elif name == "soft-page-break":
                self.body.page += 1
            elif name not in ("note", "annotation", "bookmark", "bookmark-start", "bookmark-end"):
                style = child.getAttrNS(TEXT_NS, "style-name")
                out += self.runs(child, self.bold_styles.get(style, bold) if style else bold)
        return out

    def rows(self, table) -> list[list[tuple[str, int]]]:
        rows = []
        for tr in _odt_rows(table):
            cells = []
            for tc in tr.childNodes:
                if tc.nodeType != 1 or tc.qname[1] not in ("table-cell", "covered-table-cell"):
                    continue
                if tc.qname[1] == "covered-table-cell":
                    continue  # under a spanning cell, whose empties stand for it
                repeat = min(int(tc.getAttrNS(TABLE_NS, "number-columns-repeated") or 1), 64)
                span = int(tc.getAttrNS(TABLE_NS, "number-columns-spanned") or 1)
                text = _cell_text([self.runs(p) for p in _odt_all(tc, ("p", "h"))])
                cells += [(text, span)] * repeat
            rows.append(cells)
        return rows


def _odt_rows(table):
    for child in table.childNodes:
        if child.nodeType == 1 and child.qname[1] == "table-row":
            yield child
        elif child.nodeType == 1 and child.qname[1] in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _odt_rows(child)
