"""Rendering the region of a PDF page around a finding, values highlighted (pypdfium2).

    crop = Crop(page=10, region=Box(10, 20.8, 129.1, 501.7, 211.1), boxes=[…])
    with PageRenderer(Path("samples/hautes-terres-deliberation-2024.pdf")) as pdf:
        pdf.render(crop, Path("out/report/img/3f2c….png"))

Regions are in PDF points, origin top-left (as `provenance` stores them); pdfium
crops from each edge with its origin bottom-left, hence `_margins`. The lines read
are tinted yellow; each compared value found inside them by the text layer is
outlined in red (`HIT`), so a test — or a controller — can find it in the picture.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.report.evidence import Box, Crop, MAX_SCALE, MAX_WIDTH_PX, write_png

TINT = (255, 214, 0, 80)
RECORD = (230, 120, 0, 255)
HIT = (220, 0, 0, 255)


class PageRenderer:
    """One open PDF; renders crops of its pages. Use as a context manager."""

    def __init__(self, path: Path):
        import pypdfium2 as pdfium  # imported here: only a report with PDF evidence needs it

        self.pdf = pdfium.PdfDocument(str(path))
        self._pages: dict[int, object] = {}

    def __enter__(self) -> "PageRenderer":
        return self

    def __exit__(self, *exc: object) -> None:
        for page in self._pages.values():
            page.close()
        self.pdf.close()

    def page(self, number: int):
        if number not in self._pages:
            self._pages[number] = self.pdf[number - 1]
        return self._pages[number]

    def size(self, number: int) -> tuple[float, float]:
        return tuple(self.page(number).get_size())

    def value_boxes(self, number: int, needles: list[str], within: list[Box]) -> list[Box]:
        """Boxes of `needles` found as whole words in the text layer inside `within`."""
        page = self.page(number)
        height = page.get_size()[1]
        text = page.get_textpage()
        hits: list[Box] = []
        try:
            for needle in needles:
                searcher = text.search(needle, match_whole_word=True)
                while (found := searcher.get_next()) is not None:
                    box = _char_union(text, found, height, number)
                    if any(w.grow(2).contains(box) for w in within):
                        hits.append(box)
                searcher.close()
        finally:
            text.close()
        return hits

    def render(self, crop: Crop, dest: Path, hits: list[Box]) -> Crop:
        """Render `crop` to `dest` (PNG) with its boxes tinted and `hits` outlined."""
        page = self.page(crop.page)
        width_pt = crop.region.x1 - crop.region.x0
        scale = min(MAX_SCALE, MAX_WIDTH_PX / max(width_pt, 1.0))
        bitmap = page.render(scale=scale, crop=_margins(crop.region, page.get_size()))
        image = bitmap.to_pil().convert("RGBA")
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for b in crop.boxes:
            draw.rectangle(_pixels(b, crop.region, scale, 1), fill=TINT)
            if b.strong and not any(b.grow(2).contains(h) for h in hits):
                draw.rectangle(_pixels(b, crop.region, scale, 2), outline=RECORD, width=2)
        for h in hits:
            draw.rectangle(_pixels(h, crop.region, scale, 3), outline=HIT, width=2)
        final = Image.alpha_composite(image, overlay).convert("RGB").quantize(colors=64)
        write_png(final, dest)
        crop.width, crop.height, crop.scale = final.size[0], final.size[1], scale
        return crop


def _margins(region: Box, size: tuple[float, float]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) amounts pdfium cuts from each edge of the page."""
    width, height = size
    return (region.x0, height - region.bottom, width - region.x1, region.top)


def _pixels(box: Box, region: Box, scale: float, pad: float) -> tuple[float, float, float, float]:
    return ((box.x0 - region.x0 - pad) * scale, (box.top - region.top - pad) * scale,
            (box.x1 - region.x0 + pad) * scale, (box.bottom - region.top + pad) * scale)


def _char_union(text, found: tuple[int, int], height: float, page: int) -> Box:
    """The box of `count` characters from `index`, flipped to origin top-left."""
    index, count = found
    boxes = [text.get_charbox(i) for i in range(index, index + count)]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
    return Box(page, left, height - top, right, height - bottom, True)
