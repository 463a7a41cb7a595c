"""Numbers, amounts, dates and times as French council documents write them.

Examples read here: ``310 000 €``, ``1 500,50``, ``25000 € TTC``, ``20 %``,
``04 avril 2024``, ``02/03/2023``, ``Le onze avril deux mille vingt quatre``,
``à 20 heures 00``, ``à 20h30``, ``à dix-huit heures trente``.
dateparser reads dates once the words are digits; text2num turns French number
words into digits.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from schemas.cells import NUMBER  # noqa: F401 (one definition of a French number, shared with the loaders)

# A number as printed: thousands grouped by spaces (normal or no-break) or dots,
# decimals after a comma. "1 500,50" -> 1500.5 ; "310 000" -> 310000.
EURO = re.compile(NUMBER.pattern + r"\s*(?:€|euros?\b|EUR\b)", re.IGNORECASE)
PERCENT = re.compile(r"(\d+(?:,\d+)?)\s*%")
YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
# "20h30", "20 heures 30", "10:30" (a colon only before two digits)
TIME = re.compile(r"\b(\d{1,2})\s*(?:h|heures?|:(?=\d{2}\b))\s*(\d{2})?\b", re.IGNORECASE)
ORDINAL_FIRST = re.compile(r"\b1\s*er\b|\bpremier\b", re.IGNORECASE)


def parse_number(text: str | None) -> float | None:
    """The first number in `text` (``"1 500,50 €"`` -> 1500.5), else None."""
    if not text:
        return None
    m = NUMBER.search(text)
    if not m:
        return None
    whole = re.sub(r"[ \u00a0\u202f.]", "", m.group(1))
    return float(f"{whole}.{m.group(2)}") if m.group(2) else float(whole)


def parse_int(text: str | None) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def amounts_eur(text: str) -> list[float]:
    """Every amount followed by € or euros (``"10 000 € H.T. / 12 000 € TTC"`` -> [10000, 12000])."""
    out = []
    for m in EURO.finditer(text):
        value = parse_number(m.group(0))
        if value is not None:
            out.append(value)
    return out


def first_amount_eur(text: str) -> float | None:
    found = amounts_eur(text)
    return found[0] if found else None


def years(text: str) -> list[int]:
    return [int(y) for y in YEAR.findall(text)]


@lru_cache(maxsize=4096)
def words_to_digits(text: str) -> str:
    """French number words to digits: ``"deux mille vingt quatre"`` -> ``"2024"``."""
    from text_to_num import alpha2digit

    # "vingt quatre" is often written without its hyphen; text2num wants it joined.
    out = alpha2digit(text, "fr")
    # "L'an deux mil vingt et un, le neuf février": text2num stops after "vingt et un," and leaves
    # "neuf" as a word; a second pass reads it
    return alpha2digit(out, "fr") if out != text and LEFT_WORD.search(out) else out


LEFT_WORD = re.compile(r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
                       r"vingt|trente)\b", re.IGNORECASE)


# text2num reads "troisième" as 3e but leaves the first two ordinals as words
FIRST_ORDINALS = {"premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "1re": 1, "deuxieme": 2, "second": 2,
                  "seconde": 2}


def ordinal(text: str) -> int | None:
    """An ordinal in words or figures: "PREMIÈRE" -> 1, "vingt et unième" -> 21, "3ème" -> 3."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode().strip()
    if folded in FIRST_ORDINALS:
        return FIRST_ORDINALS[folded]
    accented = re.sub(r"ieme\b", "ième", text.lower().strip())  # text2num wants the accents: "TROISIEME"
    digits = words_to_digits(accented).strip()
    m = re.fullmatch(r"(\d{1,3})\s*(?:e|ème|eme|er|ère|ere|re)", digits)
    return int(m.group(1)) if m else None


def parse_time(text: str) -> str | None:
    """``"à 20 heures 00"`` / ``"à 20h30"`` / ``"à 10:30"`` / ``"à dix-huit heures trente"`` -> ``"HH:MM"``."""
    m = TIME.search(words_to_digits(text))
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


DATE_WORDS = re.compile(
    r"(\d{1,2}|1er)\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|"
    r"octobre|novembre|d[ée]cembre)\s+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})",
    re.IGNORECASE,
)


MONTHS = (r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
          r"novembre|d[ée]cembre")
# "L'an 2006 et le 24 mars", "l'an 2014 le 6 du mois de novembre" (numbers already digits)
YEAR_FIRST = re.compile(rf"\ban\s+(\d{{4}}),?\s+(?:et\s+)?le\s+(\d{{1,2}})(?:\s+du\s+mois)?(?:\s+de|\s+d')?\s+"
                        rf"({MONTHS})", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`, in digits or words (``"Le onze avril deux mille vingt quatre"``)."""
    digits = ORDINAL_FIRST.sub("1", words_to_digits(text))
    m = DATE_WORDS.search(digits)
    # "L'an 2014, le 28 mars …, élu lors du scrutin du 23 mars 2014": the year first, and first
    year = YEAR_FIRST.search(digits, 0, m.start() if m else len(digits))
    if year:
        return _dateparse(f"{year.group(2)} {year.group(3)} {year.group(1)}")
    short = SHORT_YEAR.search(digits) if m is None else None
    if short and not re.search(r"(?:n\s*°|\bno|\bn\.)\s*$", digits[:short.start()], re.IGNORECASE):
        # "COMPTE-RENDU DE LA REUNION DU 18/05/17": a year of two digits ("… DU 22/06/98": 1998); not
        # a reference "délibération n° 12/05/18"
        century = "19" if int(short.group(3)) > SHORT_YEAR_PIVOT else "20"
        return _dateparse(f"{short.group(1)}/{short.group(2)}/{century}{short.group(3)}")
    return _dateparse(m.group(0)) if m else None


SHORT_YEAR_PIVOT = 40  # "…/17" is 2017, "…/98" 1998: fixed, so that a re-run reads a document the same any year
SHORT_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{2})(?![\d/.-])")


@lru_cache(maxsize=4096)
def _dateparse(text: str) -> dt.date | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["fr"], settings={"DATE_ORDER": "DMY",
                                                                 "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None
