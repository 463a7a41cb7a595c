"""Regenerate the DOCX and ODT test files from a real document, on purpose only.

    .venv/bin/python tests/data/office/make_office.py

No DOCX or ODT from a council is in ../shared/corpus; Aiglun's minutes of 2013-12-19 are
there as the HTML LibreOffice made from the commune's Word file. This script writes that
content back into the two word-processor formats, as an office suite would: every
paragraph with its bold runs, both tables, plus two things the HTML does not have, so that
the loaders' handling of them is tested: a footer line ("Aiglun – compte-rendu du
19/12/2013", to be set aside as furniture) and a hard page break before the paragraph
"AMENAGEMENT DU TERRITOIRE - Intercommunalité …" (so that it and what follows are on
page 2). The text is read with registre's HTML loader; the files are committed and the
tests compare what the DOCX and ODT loaders read with what the HTML loader reads.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
SOURCE = ROOT.parent / "shared/corpus/real/regardscitoyens__operation-libre-aiglun/2013-12-19.html"
FOOTER = "Aiglun – compte-rendu du 19/12/2013"
BREAK_BEFORE = "AMENAGEMENT DU TERRITOIRE - Intercommunalité"


def runs(line):
    """(text, bold) pieces of a line, the bold runs where the line has them."""
    out, rest = [], line.text
    for b in line.bold:
        i = rest.find(b)
        if i < 0:
            continue
        out += [(rest[:i], False), (b, True)]
        rest = rest[i + len(b):]
    return [r for r in out + [(rest, False)] if r[0]]


def write_docx(items, path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    from schemas import Line

    d = docx.Document()
    d.sections[0].footer.paragraphs[0].text = FOOTER
    for item in items:
        if isinstance(item, Line):
            p = d.add_paragraph()
            if item.text.startswith(BREAK_BEFORE):
                p.add_run().add_break(WD_BREAK.PAGE)
            for text, bold in runs(item):
                p.add_run(text).bold = bold or None
        else:
            t = d.add_table(rows=0, cols=item.width)
            for row in item.rows:
                cells = t.add_row().cells
                for cell, c in zip(cells, row.cells):
                    cell.text = c.text
    d.save(path)


def write_odt(items, path: Path) -> None:
    from odf import style, table, text
    from odf.opendocument import OpenDocumentText

    from schemas import Line

    o = OpenDocumentText()
    bold = style.Style(name="Bold", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    brk = style.Style(name="Break", family="paragraph")
    brk.addElement(style.ParagraphProperties(breakbefore="page"))
    o.automaticstyles.addElement(bold)
    o.automaticstyles.addElement(brk)
    layout = style.PageLayout(name="Layout")
    o.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    footer = style.Footer()
    footer.addElement(text.P(text=FOOTER))
    master.addElement(footer)
    o.masterstyles.addElement(master)
    for item in items:
        if isinstance(item, Line):
            p = text.P(stylename=brk) if item.text.startswith(BREAK_BEFORE) else text.P()
            for t, b in runs(item):
                p.addElement(text.Span(stylename=bold, text=t) if b else text.Span(text=t))
            o.text.addElement(p)
        else:
            t = table.Table()
            t.addElement(table.TableColumn(numbercolumnsrepeated=item.width))
            for row in item.rows:
                tr = table.TableRow()
                for c in row.cells:
                    tc = table.TableCell()
                    tc.addElement(text.P(text=c.text))
                    tr.addElement(tc)
                t.addElement(tr)
            o.text.addElement(t)
    o.save(str(path))


def main() -> None:
    from pipeline.loaders import load

    items = load(SOURCE).items
    write_docx(items, HERE / "aiglun_2013-12-19.docx")
    write_odt(items, HERE / "aiglun_2013-12-19.odt")


if __name__ == "__main__":
    main()
