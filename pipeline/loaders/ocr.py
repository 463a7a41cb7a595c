"""Read a scanned PDF page with Tesseract into the PDF loader's raw lines and tables.

Per page (the PDF loader calls `read_pages` for the pages with no usable text layer):

1. render the page with pypdfium2 at the resolution of its scanned image (upscaling a
   150 dpi scan to 300 dpi made Tesseract read *worse*: "Membres en crise : 57");
2. deskew: the angle that makes the rows of ink sharpest (projection profile);
3. find the ruling lines of tables in the image (long runs of dark pixels), erase
   them so Tesseract does not read a rule as "|" or "_", and build `Table` items
   from the grid they draw (`ocr_rules.py`): a scan has no vector lines for
   pdfplumber's `find_tables` (a one-cell box around a paragraph is a frame: its
   lines stay lines);
4. `pytesseract.image_to_data` (French, one call per page) gives words with their
   box and confidence; boxes are converted to PDF points, origin top-left (the
   document model's and pdfplumber's convention), so provenance works as for typed PDFs;
5. words inside a table cell make the cell's text, the others make lines
   (Tesseract's own line segmentation); `extractors.ocr_repair` undoes OCR noise, and
   a count or stamp id read below `count_confidence` / `stamp_confidence` becomes
   "[?]" (left empty, never guessed: a wrong count makes a false finding).

Why pytesseract rather than OCRmyPDF: the pipeline needs words with boxes and
confidences as data, per page, inside the loader; OCRmyPDF writes a new PDF with a
hidden text layer (dropping the confidences) and brings Ghostscript, qpdf and a
process pool of its own that would fight the ingest `--workers` pool.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.loaders import ocr_repair, ocr_rules
from pipeline.loaders.ocr_repair import (STAMP_LINE, UNSURE, flat_dash, is_count_label, repair_cell, repair_line,
                                         repair_number_column, repair_words, respell, sure_count)
from pipeline.loaders.ocr_rules import is_frame, tables
from schemas import BBox, Cell, Row, Span, Table
from schemas.cells import join_cell

# Tesseract's OpenMP threads make one page ~6x slower on a shared 2-core machine
# (8.5 s vs 1.3 s measured); parallelism comes from the ingest --workers pool.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class OcrSettings:
    """Named OCR thresholds."""
    lang: str = "fra"
    min_dpi: int = 100  # render at the scan's own resolution, within these bounds
    max_dpi: int = 300
    default_dpi: int = 150  # when the page's image size is unknown
    max_skew: float = 3.0  # degrees searched by the deskew
    ink: int = 160  # grey level below which a pixel is ink (for rules and deskew)
    min_confidence: float = 50.0  # below this a word is unsure (a speck, a respelling candidate)
    # below this a count or a stamp id is left empty ("[?]"): one wrong digit there makes
    # a false finding ("Membres en exercice : 42" for 12 was read at 78)
    count_confidence: float = 80.0
    # Tesseract rates a 33-character stamp id lower than a word: wrong ids were read at
    # 56 and 58, right ones at 64-87
    stamp_confidence: float = 70.0
    respell_below: float = 90.0  # a word read below this takes the document's confident accents
    furniture_band: float = 0.12  # share of the page height where the stamp / page number sit on a scan
    # memory: a page is never rendered larger than this (A3 at 300 dpi is 17 Mpx; the
    # deskew and the rule search hold a few int arrays of the page's size), nor larger than
    # `content_factor` times the pixels of the images it shows (a 1-pixel image on a page
    # 5 m wide asked for 20,000 x 20,000 pixels: 11.6 GB)
    max_pixels: int = 25_000_000
    content_factor: int = 16


@dataclass
class Word:
    text: str
    conf: float
    bbox: BBox  # PDF points
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


@dataclass
class OcrPage:
    number: int
    width: float  # points
    height: float
    words: list[Word] = field(default_factory=list)
    rules: tuple[list, list] = ([], [])  # horizontal (y, x0, x1), vertical (x, y0, y1), points
    skew: float = 0.0
    line_confidence: list[tuple[BBox, float]] = field(default_factory=list)  # body lines read: box, lowest word


@lru_cache(maxsize=None)
def available(lang: str = "fra") -> str | None:
    """None when OCR can run, else the reason it cannot."""
    if not shutil.which("tesseract"):
        return "tesseract n'est pas installé (Debian : tesseract-ocr tesseract-ocr-fra)"
    try:
        import pytesseract

        langs = pytesseract.get_languages(config="")
    except Exception as exc:  # pytesseract missing or tesseract broken
        return f"tesseract ne fonctionne pas ({exc.__class__.__name__}: {exc})"
    return None if lang in langs else f"tesseract n'a pas la langue '{lang}' (tesseract-ocr-{lang})"


def ocr_pages(path, numbers: list[int], plumber_pages, settings: OcrSettings | None = None) -> list[OcrPage]:
    """OCR the 1-based pages `numbers` of the PDF at `path`."""
    import pypdfium2 as pdfium

    settings = settings or OcrSettings()
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_ocr_page(pdf[n - 1], n, plumber_pages[n - 1], settings) for n in numbers]
    finally:
        pdf.close()


def render_plan(plumber_page, settings: OcrSettings) -> tuple[float, tuple[float, float, float, float]] | None:
    """(dpi, region to render: x0, top, x1, bottom in points) for the page's scan, or None
    when there is nothing readable to render.

    The whole page at the scan's resolution, as long as that fits `max_pixels`; past it,
    only the part of the page its images cover; and never more than `content_factor`
    times the images' own pixels (enlarging a tiny image adds no text)."""
    x0, top, x1, bottom = (float(v) for v in plumber_page.bbox)
    dpi = _page_dpi(plumber_page, settings)
    if _pixels((x0, top, x1, bottom), dpi) > settings.max_pixels:
        shown = [(max(im["x0"], x0), max(im["top"], top), min(im["x1"], x1), min(im["bottom"], bottom))
                 for im in plumber_page.images]
        shown = [b for b in shown if b[2] > b[0] and b[3] > b[1]]
        if not shown:
            return None
        x0, top = min(b[0] for b in shown), min(b[1] for b in shown)
        x1, bottom = max(b[2] for b in shown), max(b[3] for b in shown)
    source = sum(im["srcsize"][0] * im["srcsize"][1] for im in plumber_page.images if im.get("srcsize"))
    allowed = min(settings.max_pixels, max(settings.content_factor * source, 1_000_000))
    wanted = _pixels((x0, top, x1, bottom), dpi)
    if wanted > allowed:
        dpi *= (allowed / wanted) ** 0.5
    return (dpi, (x0, top, x1, bottom)) if dpi >= settings.min_dpi / 4 else None


def _pixels(box, dpi: float) -> float:
    return (box[2] - box[0]) * (box[3] - box[1]) * (dpi / 72) ** 2


def _page_dpi(plumber_page, settings: OcrSettings) -> float:
    """The resolution of the page's largest image, so the scan is rendered 1:1."""
    best = None
    for im in plumber_page.images:
        width_pt = im["x1"] - im["x0"]
        if width_pt > 0 and im.get("srcsize"):
            dpi = im["srcsize"][0] / width_pt * 72
            if best is None or width_pt > best[0]:
                best = (width_pt, dpi)
    dpi = best[1] if best else settings.default_dpi
    return min(max(dpi, settings.min_dpi), settings.max_dpi)


def _ocr_page(pdfium_page, number: int, plumber_page, settings: OcrSettings) -> OcrPage:
    import numpy as np
    import pytesseract
    from PIL import Image

    page = OcrPage(number, float(plumber_page.width), float(plumber_page.height))
    plan = render_plan(plumber_page, settings)
    if plan is None:
        return page
    dpi, (x0, top, x1, bottom) = plan
    px0, ptop, px1, pbottom = (float(v) for v in plumber_page.bbox)
    gray = pdfium_page.render(scale=dpi / 72, grayscale=True,
                              crop=(x0 - px0, pbottom - bottom, px1 - x1, top - ptop)).to_pil().convert("L")
    angle = ocr_rules.skew_angle(gray, settings)
    if angle:
        gray = gray.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    pixels = np.asarray(gray)
    hmask, vmask = ocr_rules.rule_masks(pixels < settings.ink, dpi)
    clean = pixels.copy()
    clean[ocr_rules.grow(hmask | vmask)] = 255  # erase the rules before reading
    data = pytesseract.image_to_data(Image.fromarray(clean), lang=settings.lang, config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    scale = 72 / dpi
    page.skew = angle
    page.words = _words(data, scale)
    page.rules = (ocr_rules.segments(hmask, scale, horizontal=True),
                  ocr_rules.segments(vmask, scale, horizontal=False))
    page.words = _reread_cells(page, clean, scale, settings)
    if (x0, top) != (px0, ptop):  # a region was rendered: back to page coordinates
        _shift(page, x0 - px0, top - ptop)
    return page


def _shift(page: OcrPage, dx: float, dy: float) -> None:
    page.words = [Word(w.text, w.conf, BBox(w.bbox.x0 + dx, w.bbox.top + dy, w.bbox.x1 + dx, w.bbox.bottom + dy),
                       w.line) for w in page.words]
    hs, vs = page.rules
    page.rules = ([(y + dy, a + dx, b + dx) for y, a, b in hs], [(x + dx, a + dy, b + dy) for x, a, b in vs])


def _reread_cells(page: OcrPage, pixels, scale: float, settings: OcrSettings) -> list[Word]:
    """Words of the page, with the table cells Tesseract's page layout missed read again.

    A lone "7" in a wide empty cell is often dropped, or read "GE", by the page pass:
    the ink of every such cell (ink but no confident word) is cut out and stacked on
    one compact image, read in one more call as a block of lines (`--psm 6`), and
    each line goes back to its cell."""
    import numpy as np

    missed = [b for _, cells in tables(page) if not is_frame(cells) for r in cells for b in r
              if b is not None and _missed(b, page.words, pixels, scale, settings)]
    crops = [c for c in (_ink_crop(pixels, b, scale, settings) for b in missed) if c is not None]
    if not crops:
        return page.words
    gap = 24
    canvas = np.full((sum(c[1].shape[0] + gap for c in crops) + gap, max(c[1].shape[1] for c in crops) + 2 * gap),
                     255, np.uint8)
    slots, y = [], gap
    for (box, (x0, y0)), img in ((c[0], c[1]) for c in crops):
        canvas[y:y + img.shape[0], gap:gap + img.shape[1]] = img
        slots.append((y, y + img.shape[0], box, x0, y0))
        y += img.shape[0] + gap
    read = _read_stack(canvas, slots, scale, settings)
    kept = [w for w in page.words if not any(centre_in(w.bbox, b) for b in missed)]
    return kept + read


def _ink_crop(pixels, box: BBox, scale: float, settings: OcrSettings):
    """((box, (x, y) of the crop in the page image), the crop) around the cell's ink."""
    import numpy as np

    x0, y0, x1, y1 = (int(v / scale) for v in (box.x0, box.top, box.x1, box.bottom))
    cell = pixels[y0 + 3:y1 - 2, x0 + 3:x1 - 2]
    ys, xs = np.nonzero(cell < settings.ink)
    if ys.size == 0:
        return None
    top, left = max(ys.min() - 4, 0), max(xs.min() - 4, 0)
    crop = cell[top:ys.max() + 5, left:xs.max() + 5]
    return (box, (x0 + 3 + left, y0 + 3 + top)), crop


def _read_stack(canvas, slots, scale: float, settings: OcrSettings) -> list[Word]:
    import pytesseract
    from PIL import Image

    data = pytesseract.image_to_data(Image.fromarray(canvas), lang=settings.lang, config="--psm 6",
                                     output_type=pytesseract.Output.DICT)
    out = []
    for w in _words(data, 1.0):  # canvas pixels
        mid = (w.bbox.top + w.bbox.bottom) / 2
        for top, bottom, _box, x0, y0 in slots:
            if top - 6 <= mid <= bottom + 6:
                dx, dy = x0 - 24, y0 - top
                out.append(Word(w.text, w.conf, BBox((w.bbox.x0 + dx) * scale, (w.bbox.top + dy) * scale,
                                                     (w.bbox.x1 + dx) * scale, (w.bbox.bottom + dy) * scale),
                                (-1, 0, 0)))
                break
    return out


def _missed(box: BBox, words: list[Word], pixels, scale: float, settings: OcrSettings) -> bool:
    inside = [w for w in words if centre_in(w.bbox, box)]
    if inside and max(w.conf for w in inside) >= settings.min_confidence:
        return False
    x0, y0, x1, y1 = (int(v / scale) for v in (box.x0, box.top, box.x1, box.bottom))
    return int((pixels[y0 + 3:y1 - 3, x0 + 3:x1 - 3] < settings.ink).sum()) > 20


def _words(data: dict, scale: float) -> list[Word]:
    out = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not text.strip():
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append(Word(text.strip(), conf, BBox(x, y, x + w, y + h), key))
    return out


# --- tables from rules -----------------------------------------------------------

def _frame_lines(words: list[Word], frames: list[BBox]) -> list[Word]:
    """Words inside a frame regrouped into lines by their position: Tesseract's lines
    run across the erased frame ("Présents : 9 du Lac" with the paragraph beside it)."""
    out = [w for w in words if not any(centre_in(w.bbox, f) for f in frames)]
    for i, frame in enumerate(frames):
        for j, line in enumerate(text_lines([w for w in words if centre_in(w.bbox, frame)])):
            out += [Word(w.text, w.conf, w.bbox, (-2, i, j)) for w in line]
    return out


# --- words to cells and lines ----------------------------------------------------

def centre_in(b: BBox, box: BBox) -> bool:
    x, y = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def table_item(page: OcrPage, cells: list[list[BBox | None]], words: list[Word],
               settings: OcrSettings | None = None) -> Table:
    """A `Table` whose cells are the words inside each box, one text line per row of
    words (a wrapped cell is re-joined like the PDF loader does)."""
    rows, confs = [], {}
    edges = _column_edges(cells, words)
    for r, row in enumerate(cells, 1):
        out = []
        for c, box in enumerate(row):
            if box is None:
                out.append(Cell("", Span(page.number, r, None, "")))
                continue
            inside = [w for w in words if centre_in(w.bbox, box)
                      and (any(ch.isalnum() for ch in w.text) or w.bbox.x1 > edges[c] - 1)]
            text = cell_text(inside, box)
            out.append(Cell(text, Span(page.number, r, box, text)))
            confs[(r - 1, c)] = min((w.conf for w in inside), default=100.0)
        rows.append(Row(out))
    for col in range(max((len(r.cells) for r in rows), default=0)):
        cells = [r.cells[col] for r in rows if col < len(r.cells)]
        for cell, text in zip(cells, repair_number_column([c.text for c in cells])):
            if text != cell.text:
                cell.text, cell.span = text, Span(cell.span.page, cell.span.line, cell.span.bbox, text)
    _unsure_counts(rows, confs, settings or OcrSettings())
    return Table(rows=rows)


def _unsure_counts(rows: list[Row], confs: dict, settings: OcrSettings) -> None:
    """A count cell (under a count header, or right of a count label) read below the
    count threshold becomes UNSURE: ``Délégués en exercice | … / 42 | …`` read at 78."""
    header = [c.text for c in rows[0].cells] if rows else []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            labels = ([header[c]] if r and c < len(header) else []) + ([row.cells[0].text] if c else [])
            if not cell.text.strip().isdigit() or not any(is_count_label(t) for t in labels if t):
                continue
            text = sure_count(cell.text.strip(), confs.get((r, c), 100.0), settings.count_confidence)
            if text == UNSURE:
                cell.text, cell.span = text, Span(cell.span.page, cell.span.line, cell.span.bbox, text)


def _column_edges(cells: list[list[BBox | None]], words: list[Word]) -> list[float]:
    """Per column, where its text starts (the median left edge of the cells' words): a
    mark left of it is a speck of dust in the cell padding ("- initiée")."""
    import statistics

    edges = []
    for c in range(max(len(r) for r in cells)):
        lefts = [min(w.bbox.x0 for w in inside) for r in cells if c < len(r) and r[c] is not None
                 for inside in [[w for w in words if centre_in(w.bbox, r[c]) and w.text[:1].isalnum()]] if inside]
        edges.append(statistics.median(lefts) if lefts else 0.0)
    return edges


def text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines by vertical overlap, each line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.bbox.top + w.bbox.bottom) / 2):
        mid = (w.bbox.top + w.bbox.bottom) / 2
        if lines and lines[-1][-1].bbox.top <= mid <= max(x.bbox.bottom for x in lines[-1]):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w.bbox.x0) for ln in lines]


def cell_text(words: list[Word], box: BBox) -> str:
    """``communicati`` + ``on`` -> a candidate break the PDF loader resolves later;
    ``publics-`` + ``cibles`` -> ``publics-cibles``; otherwise a space."""
    from pipeline.loaders.pdf import BREAK

    lines = [ln for ln in (_drop_specks(ln, OcrSettings()) for ln in text_lines(words)) if ln]
    if not lines:
        return ""
    padding = lines[0][0].bbox.x0 - box.x0
    text, last = "", None
    for ln in lines:
        piece = repair_cell(" ".join(w.text for w in ln))
        forced = last is not None and len(last) == 1 and last[-1].bbox.x1 >= box.x1 - padding - 6
        text = text + BREAK + piece if forced else join_cell(text, piece)
        last = ln
    return text


# --- the page as the PDF loader's items --------------------------------------------

def read_page(page: OcrPage, settings: OcrSettings | None = None, votes: dict | None = None):
    """(items in reading order, page height, characters read, furniture lines): the
    shape `pdf._read_page` returns, plus the stamp and page number found on the scan
    (a scanner's margin puts them outside the loader's header band)."""
    from pipeline.loaders.pdf import FURNITURE, RawLine
    from schemas import Line

    settings = settings or OcrSettings()
    found = [(box, cells) for box, cells in tables(page) if not is_frame(cells)]
    frames = [box for box, cells in tables(page) if is_frame(cells)]
    words = _frame_lines([_respelled(w, votes, settings) for w in page.words], frames)
    body = [w for w in words if not any(centre_in(w.bbox, box) for box, _ in found)]
    items = [((box.top, box.top), table_item(page, cells, _cells_words(words, box), settings))
             for box, cells in found]
    furniture, chars = [], 0
    for order, line in enumerate(_tesseract_lines(body), 1):
        line = _drop_specks(line, settings)
        if not line:
            continue
        words_read = [(flat_dash(w.text, w.bbox.x1 - w.bbox.x0, w.bbox.bottom - w.bbox.top), w.conf) for w in line]
        text = repair_line(" ".join(repair_words(words_read, settings.count_confidence, settings.stamp_confidence)))
        if not text:
            continue
        bbox = _line_box(line)
        # the lowest word that can hold a value: a dash read at 72 doubts no count of the line
        page.line_confidence.append((bbox, min((w.conf for w in line if any(c.isalnum() for c in w.text)),
                                               default=100.0)))
        raw = RawLine(text, page.number, order, bbox, line[0].bbox.x1 - line[0].bbox.x0)
        band = page.height * settings.furniture_band
        stamp = FURNITURE.search(text) or STAMP_LINE.match(text)
        if stamp and (bbox.top < band or bbox.bottom > page.height - band):
            furniture.append(Line(text, Span(page.number, order, bbox, text)))
            continue
        chars += len(text)
        # a frame's lines are read as one block at its top, before the text beside it
        items.append(((frames[line[0].line[1]].top if line[0].line[0] == -2 else bbox.top, bbox.top), raw))
    items.sort(key=lambda pair: pair[0])
    return [it for _, it in items if not isinstance(it, Table) or it.rows], page.height, chars, furniture


def _line_box(line: list[Word]) -> BBox:
    """The line's box, its top and bottom the median of its words': an ink box's accents
    and descenders ("Étaient", "(pouvoir") shrink the gap between two paragraphs below
    the PDF loader's paragraph gap, and a typed PDF's font box has none of them."""
    import statistics

    return BBox(min(w.bbox.x0 for w in line), statistics.median(w.bbox.top for w in line),
                max(w.bbox.x1 for w in line), statistics.median(w.bbox.bottom for w in line))


def _cells_words(words: list[Word], box: BBox) -> list[Word]:
    return [w for w in words if centre_in(w.bbox, box)]


def _drop_specks(line: list[Word], settings: OcrSettings) -> list[Word]:
    """A line's words without the unsure marks opening it: a speck of dust read as
    "-" or "." (confidence below the threshold, no letter or digit)."""
    while line and line[0].conf < settings.min_confidence and not any(c.isalnum() for c in line[0].text):
        line = line[1:]
    return line


def _respelled(w: Word, votes: dict | None, settings: OcrSettings) -> Word:
    if not votes:
        return w
    return Word(respell(w.text, w.conf, votes, settings.respell_below), w.conf, w.bbox, w.line)


def _tesseract_lines(words: list[Word]) -> list[list[Word]]:
    """Tesseract's lines, top to bottom, each left to right."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    out = [sorted(ln, key=lambda w: w.bbox.x0) for ln in lines.values()]
    return sorted(out, key=lambda ln: min(w.bbox.top for w in ln))


def spelling_votes(pages: list[OcrPage], settings: OcrSettings | None = None) -> dict[str, str]:
    settings = settings or OcrSettings()
    return ocr_repair.spelling_votes([(w.text.strip(".,;:()"), w.conf) for p in pages for w in p.words],
                                     settings.respell_below)


def mean_confidence(pages: list[OcrPage]) -> float | None:
    confs = [w.conf for p in pages for w in p.words]
    return round(sum(confs) / len(confs), 2) if confs else None


# --- the PDF loader's hook ---------------------------------------------------------

def usable_chars(items) -> int:
    """Characters of body text, the stamp and page numbers left out: a scan whose only
    text is the prefecture's electronic stamp has no usable text layer."""
    from pipeline.loaders.pdf import FURNITURE

    n = 0
    for it in items:
        if isinstance(it, Table):
            n += sum(len(t) for row in it.rows for t in row.texts)
        elif not FURNITURE.search(it.text):
            n += len(it.text)
    return n


def with_ocr(doc, path, plumber_pages, pages: list, mode: str, min_chars: int,
             settings: OcrSettings | None = None) -> list:
    """`pages` (the PDF loader's per-page reads) with the pages that have no usable text
    layer replaced by their OCR (`mode` auto), or every page (`always`); `never` leaves
    them, and a file with no usable text at all fails saying OCR is off.

    Sets doc.meta["text_layer"] (native | ocr | mixed) and doc.meta["ocr_confidence"]."""
    from pipeline.loaders import LoadError
    from schemas import Line

    settings = settings or OcrSettings()
    need = [n for n, (plumber, read) in enumerate(zip(plumber_pages, pages), 1)
            if mode == "always" or (usable_chars(read[0]) < min_chars and plumber.images)]
    doc.meta.update(text_layer="native", ocr_confidence=None)
    reason = "l'OCR est désactivé (--ocr never)" if mode == "never" else available(settings.lang)
    if need and reason:
        if sum(usable_chars(read[0]) for read in pages) < min_chars:
            raise LoadError(f"pas de couche texte (PDF scanné ou image seule) et {reason}", "no_text")
        doc.error("load", f"pages {', '.join(map(str, need))} sans couche texte et {reason}")
        return pages
    if not need:
        return pages
    scanned = ocr_pages(path, need, plumber_pages, settings)
    votes = spelling_votes(scanned, settings)
    pages = list(pages)
    for page in scanned:
        items, height, chars, furniture = read_page(page, settings, votes)
        doc.furniture += [Line(it.text, Span(it.page, it.order, it.bbox, it.text))  # an electronic stamp
                          for it in pages[page.number - 1][0] if not isinstance(it, Table)]
        doc.furniture += furniture
        pages[page.number - 1] = (items, height, chars)
        doc.meta.setdefault("ocr_lines", {})[page.number] = page.line_confidence
    doc.meta.update(text_layer="ocr" if len(need) == len(pages) else "mixed",
                    ocr_confidence=mean_confidence(scanned), ocr_pages=need)
    return pages


# --- the confidence of what was read -------------------------------------------------

def confidence_at(doc, span) -> float | None:
    """The OCR confidence of the text at `span`: the lowest of the OCR lines whose centre lies
    in its box (a paragraph joined from several lines, a value's span), None off OCR pages."""
    if span is None or span.confidence is not None or span.bbox is None:
        return None if span is None else span.confidence
    lines = doc.meta.get("ocr_lines", {}).get(span.page)
    confs = [c for box, c in lines or () if centre_in(box, span.bbox)]
    return min(confs) if confs else None


def mark_confidence(doc) -> None:
    """Give the body lines of OCR'd pages their confidence (`Span.confidence`), so that
    every value read from them carries it to `provenance.confidence`."""
    import dataclasses

    from schemas import Line

    if not doc.meta.get("ocr_lines"):
        return
    for line in [*doc.items, *doc.furniture]:
        if isinstance(line, Line):
            conf = confidence_at(doc, line.span)
            if conf is not None:
                line.span = dataclasses.replace(line.span, confidence=conf)
