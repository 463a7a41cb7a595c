"""The rulings of a scanned page: skew, rule pixels, rule segments and the grids they draw.

A scan has no vector lines for pdfplumber's `find_tables`: tables are found here from
the image, as long runs of dark pixels (longer than any glyph), then turned into the
same grid of cell boxes pdfplumber gives (None under a merged cell). Used by
`pipeline/loaders/ocr.py`; numpy arrays in, PDF points out.
"""
from __future__ import annotations

from schemas import BBox


def skew_angle(gray, settings) -> float:
    """Degrees to rotate (counter-clockwise) so text rows are horizontal: the angle
    whose row profile of ink changes most sharply, coarse then fine."""
    import numpy as np
    from PIL import Image

    small = gray.resize((gray.width // 2, gray.height // 2))
    ink = Image.fromarray(((np.asarray(small) < settings.ink) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST)).sum(axis=1, dtype=np.float64)
        return float(((rows[1:] - rows[:-1]) ** 2).sum())

    coarse = np.arange(-settings.max_skew, settings.max_skew + 1e-9, 0.5)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    best = max(fine, key=sharpness)
    return round(float(best), 2) if abs(best) >= 0.05 else 0.0


def rule_masks(ink, dpi: float):
    """Pixels on horizontal and vertical rules: ink runs longer than any glyph
    (horizontal: 1 inch; vertical: 0.17 inch, taller than a 12 pt letter's stem,
    shorter than a one-line table row)."""
    closed = ink | _shift(ink, 1, 1) | _shift(ink, -1, 1)  # bridge 1-pixel breaks in a scanned rule
    h = _runs(closed, int(dpi), axis=1) & ink
    closed = ink | _shift(ink, 1, 0) | _shift(ink, -1, 0)
    v = _runs(closed, int(dpi * 0.17), axis=0) & ink
    return h, v


def _shift(a, by: int, axis: int):
    import numpy as np

    out = np.zeros_like(a)
    if axis == 1:
        out[:, max(by, 0):a.shape[1] + min(by, 0)] = a[:, max(-by, 0):a.shape[1] - max(by, 0)]
    else:
        out[max(by, 0):a.shape[0] + min(by, 0), :] = a[max(-by, 0):a.shape[0] - max(by, 0), :]
    return out


def _runs(a, length: int, axis: int):
    """Pixels inside a run of at least `length` true pixels along `axis` (erosion then
    dilation by a 1 x length line, with cumulative sums)."""
    import numpy as np

    a = a if axis == 1 else a.T
    c = np.concatenate([np.zeros((a.shape[0], 1), np.int32), np.cumsum(a, axis=1, dtype=np.int32)], axis=1)
    full = (c[:, length:] - c[:, :-length]) == length  # window starting at j is all ink
    starts = np.concatenate([full, np.zeros((a.shape[0], length - 1), bool)], axis=1).astype(np.int32)
    d = np.cumsum(starts, axis=1)
    d[:, length:] -= d[:, :-length].copy()
    out = d > 0
    return out if axis == 1 else out.T


def grow(mask):
    """The rule mask widened by one pixel, to erase its anti-aliased edge too."""
    return mask | _shift(mask, 1, 0) | _shift(mask, -1, 0) | _shift(mask, 1, 1) | _shift(mask, -1, 1)


def segments(mask, scale: float, horizontal: bool) -> list[tuple[float, float, float]]:
    """Rules as (position, start, end) in points: adjacent pixel rows (columns) of a
    rule are one rule; a gap longer than 5 px along it splits it."""
    import numpy as np

    a = mask if horizontal else mask.T
    rows = np.flatnonzero(a.any(axis=1))
    out = []
    for group in np.split(rows, np.flatnonzero(np.diff(rows) > 2) + 1) if rows.size else []:
        along = np.flatnonzero(a[group].any(axis=0))
        for run in np.split(along, np.flatnonzero(np.diff(along) > 5) + 1):
            out.append((float(group.mean() + 0.5) * scale, float(run[0]) * scale, float(run[-1] + 1) * scale))
    return out


def tables(page, tol: float = 3.0) -> list[tuple[BBox, list[list[BBox | None]]]]:
    """Grids drawn by `page.rules`: (table bbox, rows of cell boxes; None under a merged cell).

    A table is a run of horizontal rules joined by at least two vertical rules; its
    columns are the vertical rules' positions; a row band where a vertical rule is
    missing has a merged cell there."""
    hs, vs = page.rules
    hs = sorted(h for h in hs if h[2] - h[1] > 36)
    out, group = [], []
    for h in hs:
        if group and not _joined(group[-1], h, vs, tol):
            out.append(group)
            group = []
        group.append(h)
    out.append(group)
    return [_grid(g, vs, tol) for g in out if len(g) >= 2]


def is_frame(cells: list[list[BBox | None]]) -> bool:
    """A box drawn around a paragraph (the counts of a deliberation) is a frame, not a
    table: pdfplumber finds no table in one rectangle either, so its text stays lines."""
    return sum(c is not None for r in cells for c in r) <= 1


def _crossing(v, y0: float, y1: float, x0: float, x1: float, tol: float) -> bool:
    return x0 - tol <= v[0] <= x1 + tol and v[1] <= y0 + tol and v[2] >= y1 - tol


def _joined(a, b, vs, tol: float) -> bool:
    x0, x1 = max(a[1], b[1]), min(a[2], b[2])
    return x1 > x0 and sum(1 for v in vs if _crossing(v, a[0], b[0], x0, x1, tol)) >= 2


def _grid(hlines, vs, tol: float):
    x0, x1 = min(h[1] for h in hlines), max(h[2] for h in hlines)
    top, bottom = hlines[0][0], hlines[-1][0]
    xs = _cluster([v[0] for v in vs if x0 - tol <= v[0] <= x1 + tol and v[2] > top and v[1] < bottom])
    rows = []
    for a, b in zip(hlines, hlines[1:]):
        if b[0] - a[0] < 4:  # a thick or doubled rule, not a row
            continue
        inside = [x for x in xs if any(_crossing(v, a[0], b[0], x - tol, x + tol, tol) for v in vs)]
        rows.append(_row_cells(xs, inside, a[0], b[0], tol))
    return BBox(x0, top, x1, bottom), [r for r in rows if r]


def _row_cells(xs: list[float], present: list[float], top: float, bottom: float, tol: float):
    """Cells between the vertical rules present in this band; a missing rule merges
    two cells, pdfplumber style (the first keeps the text, the next is None)."""
    cells, start = [], None
    for x in xs:
        if start is None:
            start = x
            continue
        if any(abs(x - p) <= tol for p in present) or x == xs[-1]:
            cells.append(BBox(start, top, x, bottom))
            cells += [None] * sum(1 for m in xs if start < m < x)
            start = x
    return cells


def _cluster(values: list[float], gap: float = 4.0) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= gap:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]
