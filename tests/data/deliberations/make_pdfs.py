"""Render each labelled deliberation (make_set.py) as a PDF, as an office suite would print it.

Every page carries the prefecture stamp of its deliberation in the header
("Envoyé en préfecture le … / Reçu en préfecture le … / ID : …") and "Page n / N" in
the footer; counts written as a table are a ruled table; a document whose counts
are a side box prints them in a framed box left of the body (two columns); some
documents push their lists down so that they cross a page. Core fonts only
(Helvetica, cp1252) keep each file a few kilobytes.

    python tests/data/deliberations/make_pdfs.py          # all
    python tests/data/deliberations/make_pdfs.py 13_cc    # names starting with 13_cc

The PDFs are committed beside the texts: run this only on purpose.
"""
from __future__ import annotations

import dataclasses
import sys

from fpdf import FPDF

from make_set import HERE, count_lines, documents, render, stamp_lines

LINE_H = 4.6  # mm per line of 10 pt text
GAP = 3.2  # mm between paragraphs: more than a wrapped line's spacing (the loader joins less)


class Register(FPDF):
    """A page with the current deliberation's stamp on top and its number at the bottom."""

    stamp: list[str] = []

    def header(self):
        if not self.stamp:
            return
        self.set_font("Helvetica", size=7)
        self.set_xy(130, 6)
        for line in self.stamp:
            self.cell(70, 3.2, line, new_x="LMARGIN", new_y="NEXT", align="R")
            self.set_x(130)
        self.set_y(26)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="C")


def paragraph(pdf: Register, text: str, bold: bool = False, x: float | None = None, w: float = 0) -> None:
    pdf.set_font("Helvetica", style="B" if bold else "", size=10)
    if x is not None:
        pdf.set_x(x)
    pdf.multi_cell(w, LINE_H, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(GAP)


def ruled_table(pdf: Register, rows: list[list[str]]) -> None:
    """The counts as a ruled table: labels in the header row, numbers below."""
    pdf.set_font("Helvetica", size=9)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(rows[0])
    for row in rows:
        for cell in row:
            pdf.cell(width, 6, cell, border=1, align="C")
        pdf.ln(6)
    pdf.ln(GAP)


def side_box(pdf: Register, counts: list[str], body: list[str]) -> None:
    """Counts framed in a left column, the next paragraphs in a right column beside them."""
    top = pdf.get_y()
    pdf.set_font("Helvetica", size=8)
    for line in counts:
        pdf.set_x(pdf.l_margin + 2)
        pdf.cell(58, 5, line, new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y() + 2
    pdf.rect(pdf.l_margin, top - 2, 62, bottom - top + 2)
    pdf.set_y(top)
    for text in body:
        paragraph(pdf, text, x=pdf.l_margin + 70, w=pdf.w - pdf.r_margin - pdf.l_margin - 70)
    pdf.set_y(max(pdf.get_y(), bottom + GAP))


def is_stamp(line: str) -> bool:
    line = line.replace("\u00a0", " ")
    return "préfecture" in line or line.startswith("ID : ")


def render_pdf(doc) -> bytes:
    plain = dataclasses.replace(doc, style=doc.style | {"wrap": 0, "page_break_in_list": False})
    pages = render(plain).split("\f")
    stamps = [stamp_lines(doc, d) for d in doc.delibs]
    if doc.style.get("register"):
        stamps = [[]] + stamps
    pdf = Register(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 26, 20)
    for n, page in enumerate(pages):
        pdf.stamp = stamps[n] if n < len(stamps) else []
        pdf.add_page()
        delib = doc.delibs[min(n - bool(doc.style.get("register")), len(doc.delibs) - 1)]
        side = count_lines(doc, delib) if doc.style.get("counts") == "side" else []
        lines = [ln for ln in page.split("\n") if ln.strip() and not is_stamp(ln)]
        i = 0
        while i < len(lines):
            i = _draw(pdf, doc, lines, i, side)
    return bytes(pdf.output())


def _draw(pdf: Register, doc, lines: list[str], i: int, side: list[str]) -> int:
    """Draw lines[i] (and what goes with it); return the index of the next line."""
    line = lines[i]
    if "\t" in line:  # the counts' ruled table
        rows = [ln.split("\t") for ln in lines[i:] if "\t" in ln]
        ruled_table(pdf, rows)
        return i + len(rows)
    if side and line == side[0]:
        body = [ln for ln in lines[i + len(side):i + len(side) + 3]]
        side_box(pdf, side, body)
        return i + len(side) + len(body)
    if doc.style.get("push_lists") and line.startswith(("Étaient présents", "Présents")):
        pdf.set_y(max(pdf.get_y(), pdf.h - 36))  # the list starts low and crosses the page
    bold = line.isupper() or line.startswith(("DÉLIBÉRATION", "Objet"))
    paragraph(pdf, line, bold=bold)
    return i + 1


def main(prefixes: list[str]) -> None:
    for doc in documents():
        if prefixes and not doc.name.startswith(tuple(prefixes)):
            continue
        data = render_pdf(doc)
        (HERE / f"{doc.name}.pdf").write_bytes(data)
        print(f"{doc.name}.pdf {len(data) // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
