"""Load a Word 97-2003 file (`.doc`, the OLE2 binary format) through antiword.

No maintained Python library reads that format; antiword (Debian package `antiword`,
installed by the set-up like Tesseract) turns it into text, one paragraph per line with
`-w 0`, tables as lines of cells between bars (`|Présents  |29 |`), a page break as a form
feed. That text is then read as a text file (pipeline/loaders/text.py), the bars turned
into tabs, so `Span.page` and `Span.line` mean what they mean for a text file: pages
counted by form feeds, the line in antiword's output.

A `.doc` that is not Word's binary format fails with the reason: many are RTF or HTML
saved under that name (an HTML one is read as HTML, see `sniff_kind`).
"""
from __future__ import annotations

import re
import shutil
import subprocess

from schemas import Document

ANTIWORD_TIMEOUT_S = 120
TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")


def load(doc: Document, path, raw: bytes, settings=None) -> Document:
    """The loader of `FORMATS` (pipeline/loaders/__init__.py)."""
    from pipeline.loaders import LoadError
    from pipeline.loaders.text import load_lines

    exe = shutil.which("antiword")
    if exe is None:
        raise LoadError("un .doc (Word 97-2003) demande antiword : installer le paquet Debian antiword", "no_antiword")
    try:
        done = subprocess.run([exe, "-w", "0", "-m", "UTF-8.txt", str(path)], capture_output=True,
                              timeout=ANTIWORD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise LoadError(f"antiword n'a pas fini en {ANTIWORD_TIMEOUT_S} s", "timeout") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LoadError(f"antiword ne peut pas le lire : {said[-1] if said else f'sortie {done.returncode}'}", "unreadable")
    doc.meta["encoding"] = "utf-8"
    return load_lines(doc, antiword_to_text(done.stdout.decode("utf-8", "replace")))


def antiword_to_text(out: str) -> str:
    """antiword's table rows (`|a  |b |`) as tab-separated cells, the form of text.py."""
    lines = []
    for line in out.split("\n"):
        row = TABLE_ROW.match(line)
        lines.append("\t".join(c.strip() for c in row.group(1).split("|")) if row else line)
    return "\n".join(lines)
