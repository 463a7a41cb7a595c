"""Make "scanned" copies of typed PDFs: what a council gets when it prints, signs and
scans its register.

Each page is rendered to a grey image (150 dpi), rotated by a small random angle
(within ±1°), speckled with dust and blurred a little, and the images are reassembled
into an image-only PDF of the same page size (no text layer).

    .venv/bin/python benchmarks/make_scans.py OUT_DIR [PDF ...]   # default: the typed samples
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPED = [ROOT / "samples" / "hautes-terres-deliberation-2024.pdf", ROOT / "samples" / "api-strategie-marketing.pdf"]
DPI = 150
MAX_ANGLE = 1.0  # degrees
DUST = 0.002  # share of pixels turned into dark specks


def scan_page(image, rng: random.Random):
    """One page as a scanner returns it: tilted, speckled, slightly soft."""
    import numpy as np
    from PIL import Image, ImageFilter

    page = image.convert("L").rotate(rng.uniform(-MAX_ANGLE, MAX_ANGLE), resample=Image.BICUBIC,
                                     fillcolor=255, expand=False)
    pixels = np.asarray(page.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.int16)
    noise = np.random.default_rng(rng.randrange(2**32))
    pixels = pixels + noise.normal(0, 8, pixels.shape).astype(np.int16)
    dust = noise.random(pixels.shape) < DUST
    pixels[dust] = noise.integers(40, 160, int(dust.sum()))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def make_scan(pdf_path: Path, out_path: Path, seed: int = 0) -> int:
    """Write the scanned copy of `pdf_path`; returns its page count."""
    import pypdfium2 as pdfium

    rng = random.Random(f"{pdf_path.name}:{seed}")
    pdf = pdfium.PdfDocument(str(pdf_path))
    pages = [scan_page(pdf[i].render(scale=DPI / 72, grayscale=True).to_pil(), rng) for i in range(len(pdf))]
    pdf.close()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out_path, "PDF", save_all=True, append_images=pages[1:], resolution=DPI, quality=80)
    return len(pages)


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    out = Path(argv[0])
    for path in [Path(p) for p in argv[1:]] or TYPED:
        target = out / f"{path.stem}-scanned.pdf"
        print(f"{target}: {make_scan(path, target)} pages")


if __name__ == "__main__":
    main(sys.argv[1:])
