"""The PDF loader's own char conversion (`pipeline.loaders.pdf._fast_chars`) against pdfplumber's.

The loader skips pdfplumber's generic per-object pass for glyphs; every char dict it
builds must still equal pdfplumber's, key for key, or the tables and lines read from
them would drift from what pdfplumber documents."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from pipeline.loaders.pdf import _fast_chars

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("name", ["hautes-terres-deliberation-2024.pdf", "api-strategie-marketing.pdf"])
def test_char_dicts_equal_pdfplumbers(name):
    with pdfplumber.open(SAMPLES / name) as theirs, pdfplumber.open(SAMPLES / name) as ours:
        pairs = list(zip(theirs.pages, ours.pages))
        for a, b in pairs:
            assert _fast_chars(b).chars == a.chars, f"page {a.page_number}"
        total = sum(len(a.chars) for a, _ in pairs)
    assert total == {"hautes-terres-deliberation-2024.pdf": 20479, "api-strategie-marketing.pdf": 53024}[name]


@pytest.mark.parametrize("attr", ["fontname", "mcid"])
def test_a_glyph_with_an_unusual_attribute_goes_pdfplumbers_way(attr):
    """A font name given as bytes, or a marked-content id that is a reference (not a
    plain number), is converted by pdfplumber's generic pass (decoded, resolved)."""
    with pdfplumber.open(SAMPLES / "hautes-terres-deliberation-2024.pdf") as pdf:
        page = pdf.pages[0]
        generic = page.process_object
        glyph = _first_char(page.layout)
        value = {"fontname": b"Arial-BoldMT", "mcid": pdf.doc.xrefs[0].trailer["Info"]}[attr]
        setattr(glyph, attr, value)
        theirs = generic(glyph)
        assert theirs[attr] != value  # pdfplumber changed it: copying it as is would differ
        assert _fast_chars(page).process_object(glyph) == theirs


def _first_char(item):
    from pdfminer.layout import LTChar

    if isinstance(item, LTChar):
        return item
    for child in getattr(item, "_objs", []):
        if (found := _first_char(child)) is not None:
            return found
    return None
