"""A page flattened into a few very long lines, cut back into lines.

Some text extractions lose every line break of a page: the letterhead, the opening
sentence, the count box, the lists of names and the items run on as one line,

    COMMUNE DE FONCINE-LA-COMBE (JURA) – PROCÈS-VERBAL DU CONSEIL MUNICIPAL – SÉANCE DU
    MARDI 6 OCTOBRE 2020 À 20 H 00 – Convocation du 29 septembre 2020 – Conseillers en
    exercice : 15 – Présents : 13 – … Sous la présidence de Mme Éliane VUILLERMOZ, Maire.
    Présents : Éliane VUILLERMOZ, Gérard BAILLY-SALINS, …

A line that long, with that many sentence ends, is no paragraph: it is cut after each
sentence's full stop, at each spaced dash (or table rule) before a capital and before an
opening sentence ("L'an …", "Le mardi …"), so that the readers meet
headings, labels and lists at the start of a line again. A paragraph typed on one line
(an opening sentence, a list of thirty names) is shorter or has fewer such ends, and
stays whole.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

FLAT_CHARS = 500  # a line longer than this ...
FLAT_CUTS = 4  # ... with at least this many cut points is a flattened page

# a full stop or semicolon ending a word of three letters or more, a number or a bracket
# (not "M." / "MM." / "J.-M." / "art."), then a capital or a digit
SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3}[.;])|(?<=\d[.;])|(?<=[)»][.;]))\s+(?=[A-ZÀ-Ý0-9])")
ABBREVIATIONS = re.compile(r"\b(?:art|cf|env|vol|réf|ref|chap|etc|ste?|sté|mlle|mmes)[.;]$", re.IGNORECASE)
# " – " or " - " before a capital: "… (JURA) – PROCÈS-VERBAL …", "… 20 H 00 – Convocation du …";
# a table's rule left between two cells: "… Votants : l7 | Presents : Francis ESCANDE, …"
SPACED_DASH = re.compile(r"\s+[–—|-]\s+(?=[A-ZÀ-Ý])")  # not "Vote : Pour – 12 ; Contre – 2"
# the opening sentence after the heading it was glued to: "… DU MARDI 24 NOVEMBRE 2015 Le mardi
# vingt-quatre novembre …", "… 2012 L'an deux mille douze …"
MONTHS = "janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre"
OPENING = re.compile(rf"\s+(?=L['’]an\s|Le\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s|"
                     rf"Le\s+\d{{1,2}}(?:er)?\s+(?:{MONTHS})\s)")


def cut_points(line: str) -> list[int]:
    """Offsets where a flattened line is cut: after sentence ends and before spaced dashes."""
    cuts = [m.end() for m in SENTENCE_END.finditer(line) if not ABBREVIATIONS.search(line[:m.start()])]
    cuts += [m.start() for m in SPACED_DASH.finditer(line)] + [m.end() for m in OPENING.finditer(line)]
    return sorted(set(cuts))


def unflatten(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a flattened line as its pieces (each with the line's index)."""
    for index, line in lines:
        cuts = cut_points(line) if len(line) > FLAT_CHARS else []
        if len(cuts) < FLAT_CUTS:
            yield index, line
            continue
        for a, b in zip([0] + cuts, cuts + [len(line)]):
            piece = line[a:b].strip()
            if piece.strip(" –—-"):
                yield index, piece.lstrip("–—|- ") if a else piece
