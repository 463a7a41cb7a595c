"""What a text extraction keeps of its pages inside the body: page numbers and running headers.

A PDF's loader sets page furniture aside; a text extraction (``pdftotext``, a copy made by
hand) keeps it in the flow, where it looks like an item's rank or an extract's header::

    … qu'un courrier de rappel sera adressé.
    1.
    Registre des délibérations – Communauté d'agglomération Rives de … – 17.08.2021
    Ce point a fait l'objet d'une présentation en réunion de bureau le 20 février 2021.

Read by extractors/segment.py, which would otherwise number items by the pages ("1.", "2.",
"3." spread over the whole text) or open a new extract at each page's header.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors import lexicon, members, opening
from extractors.stream import Unit

BARE = re.compile(r"^\d{1,3}\s*[.)]?$")  # "1.", "2)", "3": a number alone on its line


def page_numbers(units: list[Unit], start: int, end: int, said: list[bool]) -> set[int]:
    """Bare numbers left of the page breaks, no item's rank: above a line printed on every
    page ("1." / "Communauté d'agglomération … :: Conseil communautaire"), or inside the
    prose, the line after them no title ("2." / "Le CONSEIL MUNICIPAL se prononce
    favorablement à l'unanimité.", or a blank line). `said`: the units that record a decision."""
    seen = Counter(u.folded.strip() for u in units[start:end])
    repeated = {t for t, n in seen.items() if n > 1 and len(t) > 15}
    return {k for k in range(start, end) if BARE.match(units[k].folded.strip())
            and (k + 1 == end or units[k + 1].folded.strip() in repeated or not _can_title(units[k + 1], said[k + 1]))}


def _can_title(u: Unit, decides: bool) -> bool:
    """The line under a bare number may be its title: no blank line before it, no decision,
    no sentence ending in a full stop."""
    text = u.text.strip()
    return not u.gap_before and not decides and not (text.endswith(".") and len(text.split()) > 6)


def running_header(units: list[Unit], k: int, seen: Counter) -> bool:
    """A header printed on every page ("Registre des délibérations – Communauté … –
    17.08.2021") inside an item, not an extract's: the same line elsewhere (`seen` counts the
    document's folded lines), and no sitting opened in the lines after it (an extract's header
    is followed by its sitting's title, opening or list of members; counts may be an item's vote)."""
    if seen[units[k].folded.strip()] < 2:
        return False
    after = range(k + 1, min(k + 12, len(units)))
    return not any(opening.is_opening(units, j) or members.list_label(units[j].text)
                   or lexicon.first("session_title", units[j].folded.strip()) for j in after)
