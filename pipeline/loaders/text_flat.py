"""A page flattened into a few very long lines, cut back into lines.

Some text extractions lose every line break of a page: the letterhead, the opening
sentence, the count box, the lists of names and the items run on as one line,

    COMMUNE DE FONCINE-LA-COMBE (JURA) – PROCÈS-VERBAL DU CONSEIL MUNICIPAL – SÉANCE DU
    MARDI 6 OCTOBRE 2020 À 20 H 00 – Convocation du 29 septembre 2020 – Conseillers en
    exercice : 15 – Présents : 13 – … Sous la présidence de Mme Éliane VUILLERMOZ, Maire.
    Présents : Éliane VUILLERMOZ, Gérard BAILLY-SALINS, …

A line that long, with that many sentence ends, and pieces that a page would start a line
with (labels and their colon, headings in capitals), is no paragraph: it is cut after each
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

# a full stop or semicolon ending a word of three letters or more, a number, a bracket or an
# amount ("… 31 450 €. DÉLIBÉRATION 2023-24 – …")
# (not "M." / "MM." / "J.-M." / "art."), then a capital or a digit
SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3}[.;])|(?<=\d[.;])|(?<=[)»€%][.;]))\s+(?=[A-ZÀ-Ý0-9])")
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


# a piece that a page's layout would have put at the start of a line: a label and its colon
# ("Présents : …", "Secrétaire de séance : …"), a heading in capitals ("PROCÈS-VERBAL DU …"),
# an item's heading ("Délibération n° 28/2009", "1.", "2008/512 - Budget …")
STRUCTURAL = re.compile(r"^(?:[A-ZÀ-Ý][^\s:]*(?:\s+[^\s:]+){0,5}\s*:\s|[A-ZÀ-Ý'’-]{2,}\s+[A-ZÀ-Ý'’-]{2,}|"
                        r"(?:D[ée]lib[ée]ration|Point|Rapport|Objet)\b|\d{1,3}[.)]?$|"
                        # a relevé's act, its number then its title: "2008/512 - Budget principal - …"
                        r"(?:N°\s*)?[A-Z]{0,6}[ _-]?\d{2,4}[/._-]\d{1,4}(?:[/._-]\d{1,4})?\s+[–—-]\s)")
FLAT_STRUCTURE = 3  # pieces of that kind, at least: a paragraph of prose has none or one


def unflatten(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a flattened line as its pieces (each with the line's index).
    Once one line of the text is plainly a flattened page (its letterhead, counts and lists
    run on), its other long lines with sentence ends are cut too (its items run on as well)."""
    lines = list(lines)
    cut = {index: _pieces(line) for index, line in lines if len(line) > FLAT_CHARS or _acts_run_on(line)}
    flattened = any(sum(bool(STRUCTURAL.match(p)) for p in pieces) >= FLAT_STRUCTURE for pieces in cut.values())
    for index, line in lines:
        if flattened and cut.get(index):
            yield from ((index, piece) for piece in cut[index])
        else:
            yield index, line


# a relevé's acts run on, each after the last one's full stop: "2008/511 - Approbation … - ADOPTE A
# L'UNANIMITE. 2008/512 - Budget principal - … - ADOPTE PAR 36 VOIX POUR ET 7 VOIX CONTRE. 2008/513 - …"
ACT_RUN_ON = re.compile(r"(?:^|[.;]\s+)(?:N°\s*)?[A-Z]{0,6}[ _-]?\d{2,4}[/._-]\d{1,4}(?:[/._-]\d{1,4})?\s+[–—-]\s")
ACTS_RUN_ON = 3  # acts on one line, at least: shorter than a flattened page, still no paragraph


def _acts_run_on(line: str) -> bool:
    return len(ACT_RUN_ON.findall(line)) >= ACTS_RUN_ON


def _pieces(line: str) -> list[str]:
    cuts = cut_points(line)
    if len(cuts) < FLAT_CUTS:
        return []
    pieces = [line[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(line)])]
    pieces = [p.lstrip("–—|- ") if k else p for k, p in enumerate(pieces) if p.strip(" –—|-")]
    return _with_codes(pieces)


# an act's number alone before the dash that joins it to its title: "… ADOPTE. 2008/513 - Garantie
# accordée …" is one line of a relevé, not a number alone (read as a page's folio) and a title
CODE_ONLY = re.compile(r"(?:N°\s*)?[A-Z]{0,6}[ _-]?\d[\w/._-]{2,18}")


def _with_codes(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and CODE_ONLY.fullmatch(out[-1]):
            out[-1] = f"{out[-1]} - {piece}"
        else:
            out.append(piece)
    return out
