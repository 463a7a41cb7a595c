"""Side-by-side columns on a page: a narrow box beside the body, read one after the other.

Real minutes often put the counts in a box to the left of the opening sentence::

    Nombre de Conseillers      L'an deux mil quatorze, le treize mai, à dix neuf heures
    en exercice : 19           trente, le Conseil Municipal de la Commune de CHEMERE,
    Présents : 16              dûment convoqué, s'est réuni en session ordinaire, …
    Votants : 19
    Procuration : 3

Read line by line across the page, "Présents : 16 dûment convoqué" mixes both. Here a
*band* of rows that share a vertical gutter (no word crosses it, several rows have words
on both sides) is read as two columns: the left box top to bottom, then the right one.
The rows above and below the band are read as usual.

When the box is framed (a drawn rectangle left of the body, as generated minutes and
some office templates print the counts), the frame itself bounds the band: its rows are
the box's, whatever the body beside it looks like (a three-line body would not pass the
text test below), and the full-width paragraph just under the frame is not pulled in.

Some office suites draw that layout as a ruled two-column table (Chéméré): such a
*layout table* (a narrow cell and a wide cell side by side, both several lines long) is
not data, so the loader reads its text as body lines and this module splits the columns.
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_SPLIT_ROWS = 2  # rows with words on both sides of the gutter needed to call it a band
MIN_SIDE_ROWS = 3  # and rows with words on each side
BODY_SHARE = 0.6  # a body line spans at least this share of the right column
MIN_GUTTER = 8.0  # points of white space between the two columns
MIN_WIDTH = 4.0  # the gutter may narrow row by row down to this width
ROW_TOLERANCE = 3.0  # words whose tops differ by less than this are on one row
MAX_LEFT_SHARE = 0.45  # the left box is narrower than this share of the text width
LAYOUT_CELL_LINES = 3  # both cells of a layout table's row hold at least this many lines
FRAME_ROWS = 2  # a frame holds at least this many rows of words, with as many body rows beside


@dataclass(frozen=True)
class Band:
    """Rows from `top` to `bottom` read as two columns split at `gutter`."""

    top: float
    bottom: float
    gutter: float


def is_layout_table(page, table) -> bool:
    """A ruled table used for page layout, not for data: a narrow cell beside a wide one,
    both several lines long ("Nombre de Conseillers en exercice : 19 …" | "L'an …"), or a
    frame of at most two columns around a whole passage (Bourg-en-Bresse draws the
    sitting, the lists and the report in one framed cell of 35 lines)."""
    if max(len(r.cells) for r in table.rows) <= 2 and any(
            _line_count(page, c) >= FRAME_LINES for r in table.rows for c in r.cells if c is not None):
        return True
    for row in table.rows:
        cells = [c for c in row.cells if c is not None]
        if len(row.cells) > 2 or len(cells) != 2:
            continue
        left, right = sorted(cells, key=lambda c: c[0])
        if (left[2] - left[0]) < MAX_LEFT_SHARE * (right[2] - left[0]) and all(
                _line_count(page, c) >= LAYOUT_CELL_LINES for c in (left, right)):
            return max(len(r.cells) for r in table.rows) <= 2
    return False


FRAME_LINES = 8  # a data table's cell wraps over a few lines; a frame holds whole paragraphs


def _line_count(page, bbox) -> int:
    return len(page.crop(bbox, strict=False).extract_text_lines())


def _rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) < ROW_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _gaps(row: list[dict]) -> list[tuple[float, float]]:
    """White intervals at least MIN_GUTTER wide between the words of a row."""
    return [(a["x1"], b["x0"]) for a, b in zip(row, row[1:]) if b["x0"] - a["x1"] >= MIN_GUTTER]


def _narrow(gap: tuple[float, float], row: list[dict]) -> tuple[float, float] | None:
    """The widest part of `gap` that no word of `row` covers; None when too narrow
    (a line of the body running across both columns)."""
    lo, hi = gap
    best, cursor = None, lo
    for w in sorted((w for w in row if w["x1"] > lo and w["x0"] < hi), key=lambda w: w["x0"]):
        if w["x0"] - cursor > (best[1] - best[0] if best else 0):
            best = (cursor, w["x0"])
        cursor = max(cursor, w["x1"])
    if hi - cursor > (best[1] - best[0] if best else 0):
        best = (cursor, hi)
    return best if best and best[1] - best[0] >= MIN_WIDTH else None


def _two_columns(rows: list[list[dict]], gap: tuple[float, float]) -> bool:
    """Rows on both sides of the gutter, some of them side by side: a real box, not a
    stray word in the margin."""
    if gap[1] - gap[0] < MIN_GUTTER:
        return False
    left = [sum(w["x1"] <= gap[0] for w in r) for r in rows]
    right = [any(w["x0"] >= gap[1] for w in r) for r in rows]
    split = sum(bool(a) and b for a, b in zip(left, right))
    # a bullet or an item number beside indented text is one short word: not a box
    phrases = sum(n >= 2 for n in left)
    # the right column is the body: long lines ("31 présents   2 procurations   33 votants"
    # spread over a line is not a box beside a body)
    full = max(w["x1"] for r in rows for w in r) - gap[1]
    body = sum(any(w["x0"] >= gap[1] for w in r) and _extent(r, gap[1]) >= BODY_SHARE * full
               for r in rows)
    return split >= MIN_SPLIT_ROWS and phrases >= MIN_SIDE_ROWS and body >= MIN_SIDE_ROWS


def _extent(row: list[dict], start: float) -> float:
    right = [w for w in row if w["x0"] >= start]
    return max(w["x1"] for w in right) - min(w["x0"] for w in right)


def find_bands(words: list[dict], rects: list[dict] = ()) -> list[Band]:
    """The two-column bands of a page, from its words (pdfplumber `extract_words`) and
    its drawn rectangles (`page.rects`): framed boxes first, then boxes found by the
    white gutter alone where no frame is."""
    framed = framed_bands(words, rects)
    found = [b for b in _gutter_bands(words)
             if not any(b.top < f.bottom and f.top < b.bottom for f in framed)]
    return sorted(framed + found, key=lambda b: b.top)


def framed_bands(words: list[dict], rects) -> list[Band]:
    """Bands bounded by a stroked frame narrower than MAX_LEFT_SHARE of the text width,
    with rows of words inside it and body rows right of it (no word crossing its sides)."""
    if not words:
        return []
    left, right = min(w["x0"] for w in words), max(w["x1"] for w in words)
    bands = []
    for r in rects:
        if not r.get("stroke") or r["x1"] - r["x0"] > MAX_LEFT_SHARE * (right - left):
            continue
        band = _frame_band(r, _rows(words))
        if band and not any(band.top < b.bottom and b.top < band.bottom for b in bands):
            bands.append(band)
    return bands


def _frame_band(r: dict, rows: list[list[dict]]) -> Band | None:
    """The band of frame `r`: the rows between its top and bottom edges, then the body
    rows just below that stay right of the frame (a body paragraph ending under it)."""
    beside = [row for row in rows if r["top"] <= _middle(row) <= r["bottom"]]
    inside = [row for row in beside if any(r["x0"] <= w["x0"] and w["x1"] <= r["x1"] for w in row)]
    body = [[w for w in row if w["x0"] >= r["x1"]] for row in beside]
    crossing = any(w["x0"] < r["x1"] < w["x1"] or w["x0"] < r["x0"] < w["x1"]
                   for row in beside for w in row)
    if crossing or len(inside) < FRAME_ROWS or sum(map(bool, body)) < FRAME_ROWS:
        return None
    start = min(w["x0"] for row in body for w in row)
    bottom = r["bottom"]
    for row in rows:
        if _middle(row) > bottom and row[0]["top"] - bottom < 2 * ROW_TOLERANCE + _height(row):
            if min(w["x0"] for w in row) < r["x1"]:
                break
            bottom = max(w["bottom"] for w in row) + 0.5
    return Band(r["top"], bottom, (r["x1"] + start) / 2)


def _middle(row: list[dict]) -> float:
    return (min(w["top"] for w in row) + max(w["bottom"] for w in row)) / 2


def _height(row: list[dict]) -> float:
    return max(w["bottom"] - w["top"] for w in row)


def _gutter_bands(words: list[dict]) -> list[Band]:
    """Bands found by their white gutter (see the module docstring)."""
    rows = _rows(words)
    if not rows:
        return []
    edges = (min(w["x0"] for w in words), max(w["x1"] for w in words))
    bands, i, done = [], 0, 0
    while i < len(rows):
        found = _band_at(rows, i, edges)
        if found is None:
            i += 1
            continue
        gap, end = found
        first = _extend_up(rows, i, done, gap)
        top = min(w["top"] for w in rows[first]) - 0.5
        bottom = max(w["bottom"] for w in rows[end - 1]) + 0.5
        bands.append(Band(top, bottom, (gap[0] + gap[1]) / 2))
        i = done = end
    return bands


def _band_at(rows, i: int, edges: tuple[float, float]):
    """(gutter interval, index after the band) for a band whose first split row is
    rows[i]; the white interval narrows row by row while it stays wide enough."""
    left, right = edges
    for gap in _gaps(rows[i]):
        if gap[0] - left > MAX_LEFT_SHARE * (right - left):
            continue
        j = i + 1
        while j < len(rows):
            narrowed = _narrow(gap, rows[j])
            if narrowed is None:
                break
            gap, j = narrowed, j + 1
        if _two_columns(rows[i:j], gap):
            return gap, j
    return None


def _extend_up(rows, i: int, floor: int, gap: tuple[float, float]) -> int:
    """The band also takes the rows just above its first split row that leave the
    gutter white: a box line a little higher than its neighbour ("Nombre de Conseillers")."""
    while i > floor and _narrow(gap, rows[i - 1]) == gap:
        i -= 1
    return i


def text_lines(page, chars: list[dict], rects: list[dict]) -> list[tuple[tuple, dict]]:
    """pdfplumber text lines of `chars` (the body of `page`) in reading order, each with
    a sort key, as `page.extract_text_lines()` would give them.

    Outside bands the key is (top, 0, top); inside a band it is (band top, column,
    top), so the left column comes before the right one and tables (keyed by their
    top) still sort in place."""
    from pdfplumber.utils.text import WordExtractor

    # one word pass serves both the band search and the text lines (pdfplumber's
    # extract_words and extract_text_lines would each group the characters again)
    wordmap = WordExtractor().extract_wordmap(chars)
    bands = find_bands([word for word, _ in wordmap.tuples], rects)
    if not bands:
        lines = wordmap.to_textmap(presorted=True, **_layout(page)).extract_text_lines()
        return [((tl["top"], 0, tl["top"]), tl) for tl in lines]
    out = []
    for column, box in _regions(page, bands):
        region = [c for c in chars if _centre_in(c, box)]
        for tl in _lines(page, region):
            key = (column[0], column[1], tl["top"]) if column else (tl["top"], 0, tl["top"])
            out.append((key, tl))
    return sorted(out, key=lambda pair: pair[0])


def _layout(page) -> dict:
    """The textmap settings `page.extract_text_lines()` uses."""
    return {"layout_bbox": page.bbox, "layout_width": page.width, "layout_height": page.height}


def _lines(page, chars: list[dict]) -> list[dict]:
    from pdfplumber.utils.text import chars_to_textmap

    return chars_to_textmap(chars, **_layout(page)).extract_text_lines()


def _regions(page, bands: list[Band]):
    """(column key or None, bbox) covering the page: plain strips and band columns."""
    x0, x1 = page.bbox[0], page.bbox[2]
    top = page.bbox[1]
    for band in bands:
        yield None, (x0, top, x1, band.top)
        yield (band.top, 0), (x0, band.top, band.gutter, band.bottom)
        yield (band.top, 1), (band.gutter, band.top, x1, band.bottom)
        top = band.bottom
    yield None, (x0, top, x1, page.bbox[3])


def _centre_in(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]
