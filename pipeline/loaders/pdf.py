"""Load a born-digital PDF into a `Document` with pdfplumber.

Per page, in order (small geometric functions, pdfplumber style):

1. `find_tables` on the ruling lines; each table becomes a `Table` whose cells are
   read from `page.crop(cell_bbox)` so wrapped cells can be re-joined;
2. the rest of the page (`page.filter` outside the tables) is read as text lines;
3. running headers/footers — the prefecture stamp ("Envoyé en préfecture le … ID :
   015-200066637-20240411-2024CC052-DE") and "Page 3" — go to `doc.furniture`;
4. wrapped lines are joined into one logical line per paragraph;
5. a table that ends a page and one that starts the next with the same columns are
   one table (office suites break long tables across pages).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.display import one_line
from pipeline.loaders import LoadError
from schemas import BBox, Cell, Document, Line, Row, Span, Table
from schemas.cells import is_numeric, join_cell, merge_rows

FURNITURE = re.compile(r"pr[ée]fecture|^page\s+\d+(\s*(/|sur)\s*\d+)?$|^\d+\s*/\s*\d+$|^-?\s*\d+\s*-?$",
                       re.IGNORECASE)
BULLET = re.compile(r"^[\uf000-\uf8ff•▪●◦■□▣➢►✓-]\s*")  # Symbol-font bullets are private-use chars
SPACES = re.compile(r"[\u00a0\u202f\u2007]")
BREAK = "\u2060"  # marks a possible mid-word break inside a table cell until resolved
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PdfSettings:
    """Named geometric thresholds, validated on creation (pdfplumber's TableSettings style)."""
    margin_ratio: float = 0.12  # header/footer band, as a share of the page height (Lannion: 10 %)
    paragraph_gap: float = 0.8  # a vertical gap above this many line heights ends a paragraph
    wrap_slack: float = 2.0  # points of slack when deciding that the next word did not fit
    min_text_chars: int = 20  # fewer characters than this: the page has no usable text layer

    def __post_init__(self):
        if not 0 < self.margin_ratio < 0.5:
            raise ValueError("margin_ratio must be between 0 and 0.5")
        if self.paragraph_gap <= 0 or self.wrap_slack < 0 or self.min_text_chars < 0:
            raise ValueError("paragraph_gap must be > 0, wrap_slack and min_text_chars >= 0")


@dataclass
class RawLine:
    """A physical line on a page, before paragraphs are joined."""
    text: str
    page: int
    order: int
    bbox: BBox
    first_word_width: float
    bold: tuple[str, ...] = ()


def load(doc: Document, path: Path, raw: bytes, run_settings=None) -> Document:
    """The loader of `FORMATS` (pipeline/loaders/__init__.py): pdfplumber reads the file itself."""
    return load_pdf(doc, path, run_settings)


def load_pdf(doc: Document, path: Path, run_settings=None) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    settings = getattr(run_settings, "pdf", None) or PdfSettings()
    max_pages = getattr(run_settings, "max_pages", None)
    try:
        pdf = pdfplumber.open(path)
    except PDFSyntaxError as exc:
        raise LoadError(f"PDF corrompu ({one_line(str(exc))})", "corrupt_pdf") from None
    except Exception as exc:  # pdfminer raises bare PDFPasswordIncorrect, PSEOF…
        raise _open_error(exc) from None
    with pdf:
        try:
            doc.page_count = len(pdf.pages)
        except (RecursionError, TypeError, KeyError, AttributeError, ValueError) as exc:
            # a page tree whose /Kids or /Parent loop, or hold something else than pages
            raise LoadError(f"PDF endommagé : arbre des pages illisible ({_named(exc)})", "corrupt_pdf") from None
        if max_pages and doc.page_count > max_pages:
            raise LoadError(f"trop de pages ({doc.page_count} > {max_pages}, --max-pages)", "too_many_pages")
        pages = [_read_page(_fast_chars(page), n, settings) for n, page in enumerate(pdf.pages, 1)]
        # pages with no usable text layer are read by OCR (pipeline/loaders/ocr.py)
        from pipeline.loaders.ocr import with_ocr

        pages = with_ocr(doc, path, pdf.pages, pages, getattr(run_settings, "ocr", "auto"),
                         settings.min_text_chars)
    if sum(chars for _, _, chars in pages) < settings.min_text_chars:
        raise LoadError("pas de couche texte (PDF scanné ou image seule), et l'OCR n'a trouvé aucun texte",
                        "no_text")
    _assemble(doc, pages, settings)
    _resolve_breaks(doc)
    return doc


def _open_error(exc: Exception) -> LoadError:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name:
        return LoadError("PDF protégé par un mot de passe", "password")
    return LoadError(f"PDF illisible ({_named(exc)})", "corrupt_pdf")


def _named(exc: BaseException) -> str:
    """`TypeError: 'NoneType' object is not iterable`, bounded and printable: a parser's
    message may quote kilobytes of the file's raw bytes."""
    return one_line(f"{type(exc).__name__}: {exc}".rstrip(": "), 160)


PLAIN = {float, int, str, bool, type(None)}


def _fast_chars(page):
    """`page` converting its characters to dicts without pdfplumber's generic pass.

    pdfplumber's `process_object` resolves every attribute of every glyph recursively
    (`resolve_all`) and decodes its colour-space name again: most of the time of a
    page's parse on typed documents, where those are plain floats, tuples of floats and
    the same few names. The dicts built here are equal to pdfplumber's; other objects
    (lines, rects, images) go through pdfplumber's own conversion."""
    from pdfminer.layout import LTChar
    from pdfplumber.page import ALL_ATTRS
    from pdfplumber.utils.pdfinternals import resolve_and_decode

    generic, names = page.process_object, {}
    if page.pdf.unicode_norm is not None:
        return page
    (mb_x0, mb_top), height, doctop = page.mediabox[:2], page.height, page.initial_doctop

    def process(obj):
        if type(obj) is not LTChar:
            return generic(obj)
        d = obj.__dict__
        attr = {k: d[k] for k in d.keys() & ALL_ATTRS}
        # a glyph's numbers come from arithmetic on content-stream operands (plain floats);
        # only its font name (rarely bytes) and marked-content id (from a property dict)
        # can be anything else: those glyphs go pdfplumber's way
        if type(attr["fontname"]) is not str or type(attr.get("mcid")) not in PLAIN:
            return generic(obj)
        attr["object_type"], attr["page_number"] = "char", page.page_number
        name = obj.ncs.name
        if name not in names:
            names[name] = resolve_and_decode(name)
        attr["ncs"], attr["text"] = names[name], obj.get_text()
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        attr["top"] = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = doctop + attr["top"]
        if mb_x0 != 0:
            attr["x0"], attr["x1"] = attr["x0"] + mb_x0, attr["x1"] + mb_x0
        return attr

    page.process_object = process
    return page


def _read_page(page, number: int, settings: PdfSettings):
    """(body raw lines and tables in reading order, furniture candidates, char count)."""
    from pipeline.loaders import columns

    # the default table strategy only uses ruling edges: no lines, rects or curves, no table
    ruled = page.lines or page.rects or page.curves
    found = [t for t in page.find_tables() if not columns.is_layout_table(page, t)] if ruled else []
    boxes = [t.bbox for t in found]  # Table.bbox is recomputed from the cells on each access
    chars, rects = page.chars, page.rects
    if boxes:  # only chars and rects are read below: filter those, not every object
        chars, rects = _outside(chars, boxes), _outside(rects, boxes)
    # a side box beside the body is read column by column (pipeline/loaders/columns.py)
    keyed = columns.text_lines(page, chars, rects)
    lines = [(key, _raw_line(tl, number, i)) for i, (key, tl) in enumerate(keyed, 1)]
    tables = [(_table(page, t, b, number), b[1]) for t, b in zip(found, boxes)]
    items = lines + [((top, 0, top), t) for t, top in tables if t.rows]
    items.sort(key=lambda pair: pair[0])
    return [it for _, it in items], page.height, len(page.chars)


def _outside(objs: list[dict], boxes: list) -> list[dict]:
    """The objects whose centre is in none of `boxes` (`_inside`, one centre per object)."""
    kept = []
    for o in objs:
        x, y = (o["x0"] + o["x1"]) / 2, (o["top"] + o["bottom"]) / 2
        if not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes):
            kept.append(o)
    return kept


def _inside(obj, bbox) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _raw_line(tl: dict, page: int, order: int) -> RawLine:
    chars = tl["chars"]
    text = SPACES.sub(" ", tl["text"]).strip()
    bbox = BBox(tl["x0"], tl["top"], tl["x1"], tl["bottom"])
    return RawLine(BULLET.sub("- ", text), page, order, bbox, _first_word_width(chars),
                   _bold_runs(chars))


def _first_word_width(chars: list[dict]) -> float:
    """Width of the first word; PDFs often draw no space glyph, so a gap ends it too."""
    for a, b in zip(chars, chars[1:]):
        if b["text"] == " " or b["x0"] - a["x1"] > 1.0:
            return a["x1"] - chars[0]["x0"]
    return chars[-1]["x1"] - chars[0]["x0"] if chars else 0.0


def _bold_runs(chars: list[dict]) -> tuple[str, ...]:
    runs, current = [], []
    for c in chars:
        if "bold" in c.get("fontname", "").lower():
            current.append(c["text"])
        elif current:
            runs.append("".join(current).strip())
            current = []
    if current:
        runs.append("".join(current).strip())
    return tuple(r for r in runs if r)


def _table(page, found, box, number: int) -> Table:
    """A pdfplumber table as rows of cells, each cell's wrapped lines re-joined."""
    chars = [c for c in page.chars if _inside(c, box)]  # one pass over the page
    # characters by the height of their centre, so each row takes its own slice
    order = sorted(range(len(chars)), key=lambda i: chars[i]["top"] + chars[i]["bottom"])
    middles = [chars[i]["top"] + chars[i]["bottom"] for i in order]
    rows = []
    for r, row in enumerate(found.rows):
        cells = []
        top = min(b[1] for b in row.cells if b is not None)
        bottom = max(b[3] for b in row.cells if b is not None)
        picked = order[bisect_left(middles, 2 * top):bisect_right(middles, 2 * bottom)]
        own = [chars[i] for i in sorted(picked)]  # page order, as the text map expects
        for bbox in row.cells:
            if bbox is None:  # merged cell: pdfplumber leaves a hole
                cells.append(Cell("", Span(number, r + 1, None, "")))
                continue
            text = _cell_text(_cell_lines(own, bbox), bbox)
            cells.append(Cell(text, Span(number, r + 1, BBox(*bbox), text)))
        rows.append(Row(cells))
    return Table(rows=rows)


def _cell_lines(chars: list[dict], bbox) -> list[dict]:
    """The cell's text lines, from its own characters: a glyph box overlaps the next
    row's rule, so the character's centre decides which cell it belongs to."""
    from pdfplumber.utils.text import chars_to_textmap

    own = [c for c in chars if _inside(c, bbox)]
    return chars_to_textmap(own).extract_text_lines(strip=True, return_chars=False) if own else []


def _cell_text(lines: list[dict], bbox) -> str:
    """Join a cell's lines: ``communicati`` + ``on`` -> ``communication`` (a word wider
    than the column, broken by the office suite without a hyphen: the line is one word
    reaching the right padding); ``publics-`` + ``cibles`` -> ``publics-cibles``;
    otherwise a space."""
    if not lines:
        return ""
    padding = lines[0]["x0"] - bbox[0]
    text, last = "", None
    for tl in lines:
        piece = SPACES.sub(" ", tl["text"]).strip()
        forced = last is not None and " " not in last["text"].strip() and (
            last["x1"] >= bbox[2] - padding - 6)
        text = text + BREAK + piece if forced else join_cell(text, piece)
        last = tl
    return text


def _resolve_breaks(doc: Document) -> None:
    """Decide each candidate mid-word break: joined when the joined word occurs
    elsewhere in the document (``communicati|on`` -> ``communication``), else a space
    (``communication|grand`` is a full word that happened to fill the line)."""
    words = Counter(w.lower() for line in doc.lines() for w in WORD.findall(line.text))
    for _, table in doc.tables():
        for cell in (c for row in table.rows for c in row.cells if BREAK in c.text):
            cell.text = re.sub(rf"(\w*){BREAK}(\w*)",
                               lambda m: _join_if_word(m.group(1), m.group(2), words), cell.text)
            cell.span = Span(cell.span.page, cell.span.line, cell.span.bbox, cell.text)


def _join_if_word(left: str, right: str, words: Counter) -> str:
    return left + right if words[(left + right).lower()] else f"{left} {right}"


def _assemble(doc: Document, pages, settings: PdfSettings) -> None:
    furniture = _furniture_keys(pages, settings)
    margin = max((it.bbox.x1 for items, _, _ in pages for it in items if isinstance(it, RawLine)),
                 default=0)
    last: RawLine | None = None  # the last physical line of the paragraph being built
    for items, _height, _ in pages:
        for item in items:
            if isinstance(item, Table):
                _add_table(doc, item)
                last = None
            elif _key(item) in furniture:
                doc.furniture.append(Line(item.text, Span(item.page, item.order, item.bbox, item.text)))
            else:
                _add_line(doc, item, last if _continues(last, item, margin, settings) else None)
                last = item


def _key(line: RawLine) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text), round(line.bbox.top / 10)


def _furniture_keys(pages, settings: PdfSettings) -> set:
    """Lines in the top or bottom band that repeat on several pages, or look like a
    stamp or a page number even on a one-page file."""
    seen: Counter = Counter()
    same: Counter = Counter()
    candidates = []
    for items, height, _ in pages:
        band = height * settings.margin_ratio
        for it in items:
            if isinstance(it, RawLine) and (it.bbox.top < band or it.bbox.bottom > height - band):
                seen[_key(it)] += 1
                same[(it.text, _key(it)[1])] += 1
                candidates.append(it)
    # A line printed the same on two pages is a running header; one whose numbers change
    # ("Page 3 sur 19") must recur on a third of the pages at least: two item headings that
    # happen to open two pages ("Délibération D2018-77", "… D2018-80") are body text.
    often = max(3, len(pages) // 3)
    return {_key(it) for it in candidates
            if FURNITURE.search(it.text) or (len(pages) > 1 and (same[(it.text, _key(it)[1])] > 1
                                                                  or seen[_key(it)] >= often))}


def _add_line(doc: Document, raw: RawLine, continues: RawLine | None) -> None:
    """Append `raw` as a new Line, or to the paragraph it continues."""
    prev = doc.items[-1] if doc.items else None
    if continues is None or not isinstance(prev, Line):
        doc.items.append(Line(raw.text, Span(raw.page, raw.order, raw.bbox, raw.text), raw.bold))
        return
    bbox = prev.span.bbox.union(raw.bbox) if prev.span.page == raw.page else prev.span.bbox
    prev.text = join_cell(prev.text, raw.text)
    prev.span = Span(prev.span.page, prev.span.line, bbox, prev.text)
    prev.bold = prev.bold + raw.bold


def _continues(last: RawLine | None, raw: RawLine, margin: float, settings: PdfSettings) -> bool:
    """A line continues the paragraph above when the word it starts with would not
    have fitted at the end of the line above (the line was wrapped, not ended), and
    it does not open with a bold label (``**Absents :** M. X`` under a list of proxies
    that filled its last line is a new list, not the end of the previous one) unless the
    line above ends in bold too (a label wrapped over two lines)."""
    if last is None or raw.text.startswith("- "):
        return False
    if _opens_with_bold_label(raw) and not _ends_in_bold(last):
        return False
    if last.page == raw.page:
        height = raw.bbox.bottom - raw.bbox.top
        if raw.bbox.top - last.bbox.bottom > settings.paragraph_gap * height:
            return False
    return last.bbox.x1 + 3 + raw.first_word_width > margin - settings.wrap_slack


def _opens_with_bold_label(raw: RawLine) -> bool:
    """``**Absents :**`` or ``**Absents** :`` at the start of the line. Bold runs are
    compared without spaces: PDFs often draw no space glyph ("Absents:" in the run)."""
    first = raw.bold[0] if raw.bold else ""
    text = re.sub(r"\s+", "", raw.text)
    if not first or not text.startswith(first):
        return False
    return first.endswith(":") or text[len(first):].startswith(":")


def _ends_in_bold(raw: RawLine) -> bool:
    return bool(raw.bold) and re.sub(r"\s+", "", raw.text).endswith(raw.bold[-1])


def _add_table(doc: Document, table: Table) -> None:
    prev = doc.items[-1] if doc.items else None
    if isinstance(prev, Table) and prev.width == table.width and _starts_page(doc, table):
        rows = table.rows
        if rows and rows[0].texts == prev.rows[0].texts:  # header repeated on each page
            rows = rows[1:]
        if rows and _is_split_row(prev, rows[0]):
            prev.rows[-1], rows = merge_rows(prev.rows[-1], rows[0]), rows[1:]
        prev.rows.extend(rows)
        return
    # the title is the line right above, or the last line of the previous page
    # ("Eléments financiers : SUR 5 ANS" ends page 9, its table opens page 10)
    if isinstance(prev, Line) and prev.span.page >= table.span.page - 1:
        table.title, table.title_span = prev.text, prev.span
    doc.items.append(table)


def _is_split_row(prev: Table, first: Row) -> bool:
    """The page cut a row in two: the new page starts with an empty key cell (the
    objective number) under a table whose rows are keyed, and no new values."""
    keyed = sum(1 for r in prev.rows if r.texts[0]) >= len(prev.rows) / 2
    return (keyed and not first.texts[0] and bool(prev.rows[-1].texts[0])
            and not any(is_numeric(t) for t in first.texts[1:] if t))


def _starts_page(doc: Document, table: Table) -> bool:
    """The table is the first body item on its page (only furniture came before)."""
    prev = doc.items[-1]
    return isinstance(prev, Table) and prev.rows[-1].span.page == table.span.page - 1
