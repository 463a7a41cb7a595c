"""Running headers, footers and page numbers that a text extraction leaves inside the body,
often in the middle of a list of members ("Page 2 sur 4", "- 3 -", "Conseil Communautaire du
24/05/2022", "X :: Conseil communautaire"): recognised line by line, so that a list goes on
below them (extractors/members.py) and a count box is read without them (extractors/sitting.py).
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.normalise import words_to_digits
from extractors.stream import Unit, fold

# "Ozillac Agglomération - Conseil Communautaire du jeudi 18 décembre 2025": an organ and a date
# "…, conseil communautaire, séance du lundi 22 octobre 2007"
RUNNING_HEADER = lexicon.rx(r"\b{body},?\s+(?:(?:seance|reunion)\s+)?(?:du|le)\s+(?:{weekday}\s+)?\d{1,2}(?:er)?(?:\s+{month}\s+|[/.]\d{1,2}[/.])\d{2,4}\b")
# a running header or footer ends with its page: "… – page 2", "… page 2 sur 3", "… 2/3", "Délibérations – p. 1"
PAGE_WORDS = r"\bpage|\bfeuillet|\bfolio|\bf°"  # a page of the register (outline.FOLIO: "Feuillet n° 2013/38")
PAGE_SAID = rf"(?:{PAGE_WORDS}|[–—-]\s*(?:p\.|pg\.?))\s*\d{{1,3}}(?:\s*(?:/|sur)\s*\d{{1,3}})?"
PAGE_MARK = re.compile(rf"(?:{PAGE_SAID}|[\s–-]\d{{1,3}}\s*/\s*\d{{1,3}})\s*$")
# … or starts with it: "Page 1 sur 6 – Registre des délibérations"
PAGE_FIRST = re.compile(r"(?:page|p\.)\s*\d{1,3}\s*(?:/|sur)\s*\d{1,3}\s*[–|-]\s")


def page_furniture(unit: Unit) -> bool:
    """A page number ("1", "Page 2 sur 4") or a running header naming the sitting or the body
    ("Conseil Communautaire du 24/05/2022"), as a text extraction leaves them mid-list."""
    folded = unit.folded.strip()
    if re.fullmatch(r"[-–\s]*(?:(?:pages?|p\.|pg\.?|feuillet|folio|f°)\s*:?\s*)?\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?\.?[-–\s]*", folded):
        return True  # "1", "1.", "- 1 -", "Page 2 sur 4", "p. 1", "Pages : 1/3"
    words = [w for w in folded.split() if re.search(r"\w", w)]  # dashes are no words
    if len(words) <= 6 and re.search(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}$", folded):
        return True  # "CM – 22.06.2017", "Séance publique – conseil communautaire – 17.09.2013"
    if len(words) <= 14 and (PAGE_MARK.search(folded) or PAGE_FIRST.match(folded)):
        return True  # "Conseil municipal – séance du 12 mars – page 2", "Compte rendu CM 2/3", "Page 1 sur 6 – Registre …"
    # "AGGLOMÉRATION DU GRAND-VILLECOMTAL | conseil communautaire", "X / Délibérations / 29.01.2007"
    dated = re.search(r"[/–—-]\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}$", folded)
    # "COMMUNAUTÉ DE COMMUNES X :: Conseil communautaire" (one colon opens a group of names: "Commune d'Arles :")
    pieces = re.split(r"\s+[|/–—-]\s+" if dated else r"\s+(?:[|–—-]|::)\s+", folded)
    # "PAYS DE MONTCAILLOU COMMUNAUTÉ" atop the next page; "Extrait du registre – Agglomération
    # du Grand X – 08.01.2021": the body in a piece of a dated header
    for head in pieces[:3 if dated else 1]:
        body = lexicon.first("collectivite", head)
        if body and body.start() == 0 and len(words) <= 14:
            return True
    dated = fold(words_to_digits(folded))
    return len(words) <= 14 and (bool(lexicon.first("session_title", dated)) or bool(RUNNING_HEADER.search(dated)))


def page_marked(unit: Unit) -> bool:
    """A line that ends or starts with its page's number said as one: "Délibération DEL-2024-094 - page 1/2",
    "Page 1 sur 6 – Registre …" (a running footer, never an item's heading)."""
    folded = unit.folded.strip()
    return len(folded.split()) <= 14 and bool(PAGE_WORD.search(folded) or PAGE_FIRST.match(folded))


# "… – page 2", "… p. 1/2", "feuillet 3": a page said in words ("N° 2024-11-21/05", "parcelles ZC 4/5"
# end with a fraction that is no page)
PAGE_WORD = re.compile(rf"{PAGE_SAID}\s*$")


def furniture_in_brackets(units: list[Unit]) -> set[int]:
    """Running headers and page numbers inside a bracket that goes on below them ("… (20 membres
    présents ; 21 membres" / "Séance du 29.10.2009" / "votants)."): not read with its counts."""
    return {k for k in range(1, len(units)) if units[k - 1].text.count("(") > units[k - 1].text.count(")")
            and page_furniture(units[k])}
