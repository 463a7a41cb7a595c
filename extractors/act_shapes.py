"""Act numbers known by their shape repeating down a list, whatever the council's code::

    CP/2016-OCT/01.04 Lycées - dotations complémentaires de fonctionnement 2016 …
    CP/2016-OCT/02.11 Transports - conventions de financement des pôles d'échanges …
    CP/2016-OCT/03.02 Culture - aides aux festivals …

Each council numbers its acts its own way; the patterns of `patterns/segments.json` know the
common ones. A code no pattern knows still numbers acts when three lines or more of one block
open with a code of the same shape (letters and figures in the same order, parted by the same
marks): "CP/2016-OCT/01.04" and "CP/2016-OCT/02.11" are both "A/9-A/9.9", and each records its own
decision before the next one (a list of the mayor's decisions "DEC/2023/041 …", a budget's
operations "OP/2024/01 Voirie … 150 000,00", a contract's lots "MP-24-01 Lot 1 – …" inside one
deliberation decide nothing each). A date ("12/03/2024"; not "21-12-185", whose last figures are
three), a period ("2023-2024") or a section number ("2.1.3") is no act's code: a code holds a letter, or
a year and another figure, or its last figures go up one by one down the list ("23-201 Budget
primitif", "23-202 …": a year cut to two). A code may stand alone on its line, its title on the next
("▸ MPT 028-10/24 CT" / "Avis du Conseil de Territoire …"), where most such codes have an outcome printed
under them (not a contract's lots, "MP-24-01" / "Lot 1 – Gros œuvre" / "… 182 400,00 € HT").
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.entries import CIVILITY
from extractors.outline import Heading
from extractors.stream import Unit, fold
from schemas.text import number_shape

# a code opening a line, after its "N°" or not: letters and figures parted by "-", "/", "." or "_",
# a figure in it
# (after a bullet; the council's letters set apart by a space, "• DL 2017-06-12/01 — Budget principal …")
BULLET = r"(?:[•*▸►▪‣→]\s*)?"
CODE_SHAPE = r"(?:[A-Z]{1,4}\s)?(?=\S*\d)[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+){1,4}"
CODE = re.compile(rf"^\s*{BULLET}(?:[Nn]\s*[°o]\.?\s*)?(?P<num>{CODE_SHAPE})(?:\s*[:–—-]\s+|\s+)"
                  r"(?P<title>[^\W\d_«\"'(].{2,})$")
# a code alone on its line, its title on the next ("▸ MPT 028-10/24 CT" / "  Avis du Conseil de Territoire …"),
# letters after it its own (the territory's "CT")
CODE_ALONE = re.compile(rf"^\s*{BULLET}(?:[Nn]\s*[°o]\.?\s*)?(?P<num>{CODE_SHAPE}(?:\s[A-Z]{{1,4}})?)\s*$")
# (a title: words, not "N°100" nor another code)
TITLE_BELOW = re.compile(r"^\s*(?![Nn]\s*[°o])(?P<title>[^\W\d_«\"'(][^\W\d_]{2}.*)$")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DATE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.](?:\d\d){1,2}$|^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}$"
                  r"|^(?:19|20)\d\d[-/](?:19|20)?\d\d$")  # "2023-2024", "2021/26": a period
PERSON = re.compile(rf"(?i){CIVILITY}\s*[A-ZÀ-Ý]")  # "Mme Stéphanie …": a name, no title
# a budget's line ends on its amount: "… + 5 000 €", "… 150 000,00", "… 412 500,00 HT"
AMOUNT = re.compile(r"(?:\d\s*(?:€|euros?)|\d,\d\d)(?:\s*(?:€|euros?))?(?:\s*(?:TTC|HT))?\s*$", re.IGNORECASE)
REPEATS = 3  # lines of one shape that make it a numbering
SHAPED = 100  # the headings' style: a numbering of its own, apart from the patterns' styles


def _is_code(code: str, title: str) -> bool:
    """Two groups of figures, three figures at least; not a date, a stamp's id, a place's name before its members
    ("Quimper-1 : Mme Stéphanie …"), nor a budget's account ("D-6411 : Personnel titulaire ......... + 5 000 €")."""
    groups = re.findall(r"\d+", code)
    if DATE.match(code) or _stamp_id(code) or len(groups) < 2 or sum(map(len, groups)) < 3:
        return False
    return not (PERSON.match(title) or AMOUNT.search(title))


def _stamp_id(code: str) -> bool:
    """A prefecture's id of the act ("018-200895550-20230304-100-DE", patterns/sitting.json `stamp_id`): a stamp."""
    return bool(lexicon.rx(lexicon.get("stamp_id")).match(fold(code)))


def _marked(code: str) -> bool:
    """A letter ("CP/2016-OCT/01.04") or a year ("2016/01.04") marks a code as a council's own."""
    return bool(re.search(r"[A-Za-z]", code)) or bool(YEAR.search(code))


def _counted(codes: list[str]) -> bool:
    """Codes of figures only, a year cut to two ("23-201", "23-202", "23-204"), number acts when their
    last figures go up one by one down the list (one skipped at most), all else the same, and no other
    heading numbers the block: not figures that happen to share a shape ("12-150 …", "4-32 …"), nor
    the prefecture's numbers listed under items ranked 1, 2, 3."""
    ends = [m for code in codes if (m := LAST.search(code))]
    heads, lasts = {m.string[:m.start()] for m in ends}, [int(m.group()) for m in ends]
    return len(heads) == 1 and all(1 <= b - a <= 2 for a, b in zip(lasts, lasts[1:]))


LAST = re.compile(r"\d+$")


def shaped(units: list[Unit], start: int, end: int, skip: set[int], found: dict[str, list[Heading]],
           said: list[bool]) -> list[Heading]:
    """The headings of units[start:end] opened by a code whose shape opens REPEATS lines or more
    that each record a decision (`said`) before the next (a page's furniture, `skip`, left out), a
    title after the code; none where a heading was found already, nor of a shape the patterns read
    already (a recap's rows under acts they numbered: "2025-304 prend acte" under "2025-304 - Eau -
    Rapport annuel …")."""
    # (a title in capitals is no heading found: "CC_2023_06_29_01 - APPROBATION DU COMPTE DE GESTION …")
    have = {h.unit for f, hs in found.items() if f not in ("caps", "plain") for h in hs}
    known = {number_shape(h.number) for h in found["act"] if h.number}
    coded = [(k, m) for k in range(start, end) if k not in skip and (m := _code_at(units, k, end))
             and _is_code(m["num"], m["title"])]
    shapes: dict[str, list[tuple[int, str]]] = {}  # shape -> (line, code) of each line it opens
    for k, m in coded:
        shapes.setdefault(number_shape(m["num"]), []).append((k, m["num"]))
    alone = not (found["act"] or found["numbered"])  # figures only number acts where nothing else does
    lone = {k for k, m in coded if m["alone"]}
    numbering = {s for s, kc in shapes.items() if s not in known and _decided([k for k, _ in kc], end, said) >= REPEATS
                 and (any(_marked(c) for _, c in kc) or alone and _counted([c for _, c in kc]))
                 and (not lone & {k for k, _ in kc} or _voted([k for k, _ in kc], units, end))}
    return [Heading(k, "act", m["num"], m["title"].strip(" :–-"), SHAPED) for k, m in coded
            if number_shape(m["num"]) in numbering and k not in have]


def _code_at(units: list[Unit], k: int, end: int) -> dict[str, str | bool] | None:
    """{"num", "title", "alone"} of a line a code opens, its title after it or, the code alone, on the next line;
    None for a code the line above cites ("… et de la délibération" / "n° C 2020-07-089 du …")."""
    above = units[k - 1].folded if k and not units[k].gap_before else ""
    if CITING.search(above) and not LABEL_LINE.match(above):
        return None  # "… et de la délibération" / "n° C 2020-07-089 du 16 juillet 2020 portant délégation …": cited
    m = CODE.match(units[k].text)
    if m:
        return {"num": m["num"], "title": m["title"], "alone": False}
    alone = CODE_ALONE.match(units[k].text)
    below = TITLE_BELOW.match(units[k + 1].text) if alone and k + 1 < end else None
    return {"num": alone["num"], "title": below["title"], "alone": True} if below else None


# a line ending where an act's number is cited next: "… en application de l'article L. 5211-10 du CGCT et de la
# délibération" (an act's word, or a word that cannot end a sentence)
# (not a table's header, "N° du rapport   Objet   Décision": the act's word after an article)
CITING = re.compile(r"(?:\b(?:de\s+la|de\s+l'|du|la|l'|le|les|des|sa|cette|ces)\s*(?:deliberations?|decisions?|arretes?"
                    r"|actes?)|\b(?:de|du|des|la|le|les|l'|a|au|aux|par|et|en|sur|selon|vu|n\s*[°o]\.?))\s*$")


# a header or a card's label over the code ("Numéro et objet de la délibération", "N° et intitulé de la décision")
LABEL_LINE = re.compile(r"\W*(?:n\s*[°o]\.?|numeros?|num\.|references?|ref\.?)\s|.*(?<!l')\b(?:objet|intitule)\b")


# an outcome under a code alone on its line ("▸ MPT 028-10/24 CT" / "  Avis …" / "  → Avis favorable — Pour : 68"),
# not a contract's lot ("MP-24-01" / "Lot 1 – Gros œuvre" / "attribué à l'entreprise … 182 400,00 € HT")
OUTCOME = re.compile(r"\b(?:adoptee?s?|approuvee?s?|rejetee?s?|retiree?s?|ajournee?s?|unanimite|favorable|defavorable"
                     r"|pris\s+acte|prend\s+acte|pour\s*:?\s*\d|\d+\s+(?:voix\s+)?pour)\b")


def _voted(lines: list[int], units: list[Unit], end: int) -> bool:
    """Most codes alone on their line, REPEATS at least, have an outcome printed under them, before the next code
    (an election, "… est proclamé", or a report taken note of may print none)."""
    voted = sum(any(OUTCOME.search(u.folded) for u in units[a:b]) for a, b in zip(lines, lines[1:] + [end]))
    return voted >= max(REPEATS, 0.6 * len(lines))


def _decided(lines: list[int], end: int, said: list[bool]) -> int:
    """How many of the coded lines record a decision on their line or below it, before the next one."""
    return sum(any(said[a:b]) for a, b in zip(lines, lines[1:] + [end]))
