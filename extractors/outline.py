"""The outline of a document as segmentation finds it: blocks (an extract, the minutes of
a sitting), their items and the headings that open them, with the patterns of
`patterns/segments.json` they are found by (`data`, `rx`) and the number that orders
items ("12" -> 12, "IV" -> 4, "2018-24" -> 24).

Kept apart from `segment.py` (which finds them) so that the reader of votes taken
together (`together.py`) and the deliberation builder share them without a cycle.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractors import act_table, lexicon, running
from schemas.text import fold

PATTERNS = Path(__file__).parent / "patterns" / "segments.json"


@lru_cache(maxsize=None)
def data() -> dict:
    return json.loads(PATTERNS.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern:
    return re.compile(lexicon.expand(pattern))


@dataclass
class Heading:
    unit: int
    family: str
    number: str | None
    title: str | None
    style: int = 0  # which pattern of the family: "3 - Titre" and "3° De …" are two numberings
    rank: str | None = None  # the item's rank when its number is the act's ("Point n° 3" / "… n° 2024-023")
    through: str | None = None  # a range's last act, voted with `number` and those between ("4 à 7")


@dataclass
class Item:
    start: int
    end: int
    heading: Heading | None
    evidence: bool
    row: act_table.Row | None = None  # a row of a table of acts, read under the table's header
    shared: int | None = None  # the unit of a vote it shares ("Les points 3 à 5 sont adoptés …")


@dataclass
class Block:
    start: int
    end: int
    header_end: int
    items: list[Item] = field(default_factory=list)


def act_at_end(text: str) -> re.Match | None:
    """The act number ending a line or a title ("… – Délibération n° CC-2023-187", "(DCM 2023-51)",
    "… TRAVAUX 2012 — N° 73/2011", a bare code at the margin "… 2018      D2019-088"), matched on its
    folded copy (same offsets; pattern `act_in_title`);
    a bare "n°" after a title naming another act is that act's ("Abrogation de la délibération du
    12 juin 2022 (n° 2022-31)")."""
    folded = fold(text).rstrip(" .")
    m = rx(data()["act_in_title"]).search(folded)
    outcome = None if m else rx(data()["title_outcome"]).search(folded)
    if outcome:  # "… (2020-083) - Unanimité.": the act before the outcome
        folded = folded[:outcome.start()].rstrip(" .")
        m = rx(data()["act_in_title"]).search(folded)
    if m and re.match(r"[(–—-]?\s*n\s*[°o]", m.group(0)) and OTHER_ACT.search(folded[:m.start()]):
        return None
    # a bare code at the right margin ("OBJET N° 1 - RAPPORT D'ACTIVITE 2018      D2019-088", its gap
    # closed up by the loader), not the number of an act the title's last words name ("… du marché M2019-12")
    before = " ".join(folded[:m.start()].split()[-3:]) if m else ""
    if m and re.fullmatch(r"\(\s*(?:19|20)\d\d/\d{1,4}\s*\)?", m.group(0).strip()) and LAW.search(before):
        return None  # "la directive (2008/98)": a year and a number in brackets after a text of law
    if m and not re.match(r"[(–—-]|\s*(?:acte|deliberation|delib)", m.group(0)) and OTHER_ACT.search(before) \
            and not before.endswith("registre des deliberations"):  # "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS   DL-2019-10-04/23"
        return None
    # "… Délibération 2025-017" at the margin, in capitals; not "Rectification erreur matérielle
    # délibération 2024-018", an act the title cites
    if m and re.match(r"\s*(?:acte|deliberation|delib)\b(?!\.?\s*n\s*[°o])", m.group(0)) \
            and not text[m.start():].lstrip()[:1].isupper():
        return None
    return m


def number_at_end(text: str) -> str | None:
    """The act number ending a line ("… – Délibération n° CC-2023-187", "(DCM 2023-51)"), its
    separators closed up ("2014 / 131" -> "2014/131")."""
    m = act_at_end(text)
    if not m:
        return None
    group = "num" if m.group("num") else "code"
    return re.sub(r"\s*([-_/])\s*", r"\1", text[m.start(group):m.end(group)].strip())


LAW = re.compile(r"\b(?:lois?|directives?|decrets?|reglements?|circulaires?|arretes?|ordonnances?|decisions?)\b")
OTHER_ACT = re.compile(r"\b(?:deliberations?|arretes?|decisions?|actes?|conventions?|marches?|avenants?|lots?)\b")


def act_at_start(title: str) -> tuple[str, str] | None:
    """A numbered item's title opening with the act's own number ("1. Délibération 2013-112 –
    Tarifs municipaux 2014", "Point n° 1 – Décision B2019-031", "1 – DC-2014-052 – …"):
    (the act number, the title after it)."""
    m = rx(data()["act_at_title_start"]).match(fold(title))
    if not m:
        return None
    group = "num" if m.group("num") else "code"
    number = re.sub(r"\s*([-_/.])\s*", r"\1", title[m.start(group):m.end(group)].strip())
    return number, title[m.end():].strip(" :–-")


def header_end(text: str) -> str | None:
    """The act's number printed at the right end of an extract's header line, after its "N°" or
    with a code in capitals ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS          N° 2009/12", "Conseil
    d'administration – Séance du 29 avril 2014          CA 2014/14", "… Délibération D-2011-019");
    not a span of years ("Programme 2024-2026", "Budget PLU 2023-24") nor a date's month and year."""
    m = HEADER_END.search(text.rstrip(" ."))
    if not m or (m.group("code") or "").lower() in FUNCTION_WORDS or names_another(fold(text[:m.start()])) \
            or FOLIO.search(fold(text[:m.start()])):
        return None
    digits = re.sub(r"\s*([-_/])\s*", r"\1", m.group("num") or m.group("coded_num"))
    first, second = (int(p) for p in re.split(r"[-_/]", digits))
    # "Budget PLU 2023-24": two years, where "CA 2014/15" is the fifteenth act of 2014
    if m.group("code") and "-" in digits and second in (first + 1, (first + 1) % 100):
        return None
    return digits if m.group("num") else m.group("code") + m.group("sep") + digits


NUMBER_AT_END = r"(?:19|20)\d\d\s*[-_/]\s*(?!(?:19|20)\d\d\b)\d{1,4}|(?!(?:19|20)\d\d\b)\d{2,4}\s*[-_/]\s*(?:19|20)\d\d"
HEADER_END = re.compile(rf"(?:\b[Nn]\s*[°o]\.?\s*(?P<num>{NUMBER_AT_END})|(?<=\s)(?P<code>[A-Z]{{1,5}})(?P<sep>[ _-]?)"
                        rf"(?P<coded_num>{NUMBER_AT_END}))$")
FUNCTION_WORDS = {"du", "de", "des", "le", "la", "les", "au", "aux", "en", "et", "a"}
# the register's page, not the act: "Commune de BALLERSDORF          Feuillet n° 2013/38"
FOLIO = re.compile(rf"(?:{running.PAGE_WORDS})\s*$")

# what a line says of another act or a period than the extract's own: "OBJET : Avenant n° 2 au lot 3
# du marché M2019-12", "… annule et remplace la DCM 2020/54" (not the title beside the number)
ANOTHER = re.compile(r"^\s*objet\b|\b(?:remplace|abroge|annule|modifie|retire|vu)\b")
NOT_AN_ACT = re.compile(r"\b(?:arretes?|conventions?|marches?|avenants?|lots?|contrats?)\b")  # "… du marché M2019-12"


def names_another(before: str) -> bool:
    return bool(ANOTHER.search(before) or NOT_AN_ACT.search(" ".join(before.split()[-3:])))


LETTERED_RANK = re.compile(r"([a-z])(\d{1,2})")  # "B2": the second item of part B
SUB_NUMBER = re.compile(r"(\d{1,2})[.-](\d{1,2})")  # "4.2 Compte administratif 2023", "1-1 …" under "FINANCES"
PART_SUB = re.compile(r"([IVXL]{1,5}|[A-H])\s?[.-]\s?(\d{1,2})", re.IGNORECASE)  # "I-1 Protection de l'enfance"
COMMITTEE = re.compile(r"(\d{1,3})\(\d{1,2}\)")  # "N° 3(2) – Aide aux éleveurs": a report's rank, its committee's


def outline_key(number: str | None) -> tuple[int, ...] | None:
    """The place of a number in an outline: "3" -> (3,), "4.2" -> (4, 2), "IV" -> (4,), "B2" -> (2, 2)."""
    sub = SUB_NUMBER.fullmatch(number or "")
    if sub:
        return int(sub.group(1)), int(sub.group(2))
    part = PART_SUB.fullmatch((number or "").strip())
    if part:  # "I-1", "II-2" under parts "I - SOLIDARITÉS", "II - ROUTES": as 1.1, 2.2
        return number_key(part.group(1).upper()), int(part.group(2))
    lettered = LETTERED_RANK.fullmatch((number or "").lower().strip())
    if lettered:  # "A1", "A2", "B1" under parts "A. ADMINISTRATION GÉNÉRALE", "B. FINANCES": as 1.1, 1.2, 2.1
        return ord(lettered.group(1)) - ord("a") + 1, int(lettered.group(2))
    key = number_key(number)
    return None if key is None else (key,)


def outline_step(a: tuple[int, ...], b: tuple[int, ...]) -> int | None:
    """How far `b` comes after `a` in an outline: 1 for the next heading (3 -> 4, 3 -> 4.1,
    4.1 -> 4.2, 4.5 -> 5), 2 when one was skipped, negative or None when `b` does not follow;
    not 2 -> 2.1, an item's own sections ("2. Projet de territoire" / "2.1 Le diagnostic")."""
    if len(b) == 2 and b[1] == 1 and b[0] == a[0] + 1:
        return 1
    if len(a) == 2 and len(b) == 2:
        return b[1] - a[1] if b[0] == a[0] else None
    return None if len(b) == 2 else b[0] - a[0]


def number_key(number: str | None) -> int | None:
    """The number that orders items: "12" -> 12, "IV" -> 4, "2018-24" -> 24, "C" -> 3."""
    if not number:
        return None
    if number.isdigit():
        return int(number)
    committee = COMMITTEE.fullmatch(number)
    if committee:  # "3(2)": the third report, of committee 2
        return int(committee.group(1))
    low = number.lower()
    if re.fullmatch(r"[a-z]", low) and low not in "ivxl":  # "A - COMPTE ADMINISTRATIF", "B - …": a letter's rank
        return ord(low) - ord("a") + 1
    if not re.fullmatch(r"[ivxl]+", low):
        digits = re.findall(r"\d+", number)
        return int(digits[-1]) if digits else None
    values, total = {"i": 1, "v": 5, "x": 10, "l": 50}, 0
    for a, b in zip(low, low[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total
