"""Lines of a page that are not the deliberation's text: a prefecture stamp, a page number,
an acknowledgement of receipt ("Accusé de réception en préfecture", "ID : 015-200066637-…",
"Page 2 / 4", "- 3 -"); and the stamp ids of the whole document, body and running headers."""
from __future__ import annotations

import re

from extractors import sitting, stream
from extractors.stream import Unit
from schemas import Document, Span

FURNITURE = re.compile(r"\bprefecture\b|^id\s*:\s*\d|^page\s+\d+(?:\s*(?:/|sur)\s*\d+)?$|^\d+\s*/\s*\d+$|"
                       r"^-\s*\d+\s*-$|^accuse\s+de\s+reception|^date\s+de\s+(?:tele)?transmission|"
                       r"^\d{2,3}[ab]?-\d{9}-")


def is_furniture_item(item) -> bool:
    return hasattr(item, "text") and is_furniture(stream.Unit(stream.clean(item.text), item.span, -1))


def is_furniture(u: Unit) -> bool:
    """A stamp line or a page number left in the body: set aside, not read as text."""
    return bool(FURNITURE.search(u.folded.strip()))


def stamps(doc: Document, units: list[Unit]) -> list[tuple[str, str, str, Span]]:
    """Every prefecture stamp id of the document, body and running headers."""
    lines = [u for u in units] + [stream.Unit(stream.clean(f.text), f.span, -1) for f in doc.furniture]
    out = []
    for u in lines:
        found = sitting.stamp(u)
        if found:
            out.append((*found, u.span))
    return out
