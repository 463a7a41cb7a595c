"""Lines of a page that are not the deliberation's text: a prefecture stamp, a page number,
an acknowledgement of receipt ("Accusé de réception en préfecture", "ID : 015-200066637-…",
"Page 2 / 4", "- 3 -"); and the stamp ids of the whole document, body and running headers."""
from __future__ import annotations

import re

from extractors import sitting, stream
from extractors.stream import Unit
from schemas import Document, Span

# the stamp names the prefecture in a line of its own ("Reçu en préfecture le 25 juin 2012", "Préfecture –
# Contrôle de légalité", "Accusé de réception en préfecture"); a line of the body may name it too ("POINT
# N° 4 – Crise de l'eau – convention avec la Préfecture …", "Adoptée à l'unanimité et transmise en
# Préfecture"): no council, decision or vote is ever in the stamp
FURNITURE = re.compile(r"^(?!.*\b(?:conseil|decide|approuve|adoptee?|unanimite|majorite|voix|convention)\b)(?:"
                       r"(?:[^.;:,]{0,40}\s|certifie\s+executoire\s*,?\s*)?(?:recue?s?|envoyee?s?|transmise?s?|deposee?s?|depot"
                       r"|affichee?s?|publiee?s?|arrivee?s?|retour|reception)\s+(?:a\s+la\s+|en\s+)?(?:sous-)?prefecture\b"
                       r"|(?:sous-)?prefecture\b|.*\blegalite\b.*\bprefecture\b|.*\bprefecture\b.*\blegalite\b)|"
                       r"^id\s*:\s*\d|^page\s+\d+(?:\s*(?:/|sur)\s*\d+)?$|^\d+\s*/\s*\d+$|"
                       r"^-\s*\d+\s*-$|^accuse\s+de\s+reception|^date\s+de\s+(?:tele)?transmission|"
                       r"^recue?\s+le\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$|"  # "Reçu le 02/07/2025", a stamp's last line
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
