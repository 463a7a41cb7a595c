"""The sentence that opens the record of a sitting, read for its date, time, body, place,
president and convocation::

    L'an deux mille quatorze, le quinze septembre, le conseil municipal de la ville
    d'Avranches, dûment convoqué, s'est assemblé au lieu ordinaire de ses séances, sous
    la présidence de Monsieur David NICOLAS, Maire …
    Le 17 septembre 2025 à 14h30, le Comité syndical, convoqué le 12 septembre 2025, s'est réuni …

The phrasings are data (patterns/sitting.json: `openings`, `convocation_prose`, `organe`,
`collectivite`, `president_prose`, `place`); `extractors/sitting.py` calls `read` where a
line opens and keeps the first value read for each column.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extractors import bodies, entries, lexicon, members
from extractors.normalise import parse_date, parse_time, words_to_digits
from extractors.rejoin import line_cuts, uncut
from extractors.stream import Unit, fold, joined, slice_of as _slice, span_of, unbroken
from schemas import Span
from schemas.text import ends_on_function_word, ends_sentence

if TYPE_CHECKING:  # the reading is sitting.py's; this module only fills it
    from extractors.sitting import Reading


def split_inside(u: Unit) -> list[Unit]:
    """"Convocation du 8 février 2024. Le Conseil municipal s'est réuni à 20 h 30 …": a field
    and the opening sentence run on one line, read as two lines (each with the line's span)."""
    if "." not in u.text or opens(u.text):
        return [u]
    for m in OPENING_AFTER.finditer(u.text):
        if opens(u.text[m.end():]):
            head, rest = u.text[:m.end()].strip(), u.text[m.end():]
            return [Unit(head, u.span, u.index, u.bold, (), u.gap_before), Unit(rest, u.span, u.index, u.bold)]
    return [u]


OPENING_AFTER = re.compile(r"(?<=[\w)][.;])\s+(?=[A-ZÀ-Ý])")  # a sentence's end, the next one starting


def is_opening(units: list[Unit], k: int) -> bool:
    """The sentence that opens the record ("L'an deux mille…", "Le 17 septembre 2025 à
    14h30, le Comité syndical … s'est réuni"), allowed to run over the next two lines."""
    window = units[k:k + 1] if ends_sentence(units[k].text) else units[k:k + 3]
    return opens(joined([u.text for u in window])) or len(window) > 1 and opens(unbroken([u.text for u in window]))


def opens(text: str) -> bool:
    text = words_to_digits(fold(text))
    return any(lexicon.rx(p).match(text) for key, p in lexicon.get("openings").items()
               if not key.startswith("_"))


def read(r: Reading, units: list[Unit], k: int) -> int:
    """The opening sentence, to its full stop: date, time, body, place, president, convocation."""
    j = k + 1
    while j < len(units) and not ends_sentence(units[j - 1].text) and j - k < 8 and (
            ends_on_function_word(units[j - 1].text)  # "…, sur la" / "convocation qui lui a été adressée …"
            or not members.list_label(units[j].text) and not lexicon.label_at_start("fields", units[j].folded)):
        j += 1
    lines = [u.text for u in units[k:j]]
    text, whole = joined(lines), unbroken(lines)
    if not opens(text):  # "le Conseil munici-" / "pal, convoqué le 23 mai, s'est réuni …"
        text = whole
    span = span_of(units[k:j])
    read_opening_text(r, text, span)
    _uncut_names(r, lines, span)
    m = lexicon.first("president_prose", fold(whole)) if "president" not in r.facts and whole != text else None
    if m:  # "… s'est réuni à l'Hôtel de Ville sous la prési-" / "dence de M. Bernard SABATIER, Maire."
        r.set("president", person(whole, m, "name"), span, "opening")
    return j


def _uncut_names(r: Reading, lines: list[str], span: Span) -> None:
    """"… sous la présidence de M. Ibra-" / "him SAÏD ALI, Maire", "… de la Commune de Has-" /
    "parren, dûment convoqué …": a name the opening read across a word cut at a line's end, rejoined."""
    cuts = line_cuts(lines)
    for column in ("president", "collectivite") if cuts else ():
        fact = r.facts.get(column)
        if fact is not None and fact.span == span and isinstance(fact.value, str):
            r.facts[column] = replace(fact, value=uncut(fact.value, cuts))


def convocation(folded: str) -> re.Match | None:
    """``"… convoqué par lettre individuelle le 30 décembre 2007, s'est réuni …"``: the
    convocation's date in a sentence (patterns `convocation_prose`, group "date")."""
    return next((m for p in lexicon.get("convocation_prose") if (m := lexicon.rx(p).search(folded))), None)


def read_opening_text(r: Reading, text: str, span: Span) -> None:
    folded = fold(text)
    conv = convocation(folded)  # that date is not the sitting's
    sitting = text[:conv.start()] + text[conv.end():] if conv else text
    # "agissant par délégation (délibération n° 2020-087 du 16 juillet 2020), s'est réuni le
    # 11 mars 2024": a date in brackets refers to another act
    sitting = re.sub(r"\([^()]*\)", " ", sitting)
    r.set("session_date", parse_date(day_words(sitting)), span, "opening")
    r.set("session_time", parse_time(sitting), span, "opening")
    if conv:
        r.set("convocation_date", parse_date(text[conv.start("date"):conv.end("date")]), span, "opening")
    m = lexicon.rx(lexicon.get("organe")).search(folded)
    if m:
        r.set("organe", bodies.organ(_slice(text, m, "name")), span, "opening")
    for pattern in lexicon.get("collectivite"):
        m = lexicon.rx(pattern).search(folded)
        if m and not pattern.startswith("^"):
            r.set("collectivite", bodies.collectivite(_slice(text, m, "name")), span, "opening")
            break
    m = lexicon.first("president_prose", folded)
    if m:
        r.set("president", person(text, m, "name"), span, "opening")
    convener(r, text, span)
    read_place(r, text, span)


def convener(r: Reading, text: str, span: Span) -> None:
    """``"sur la convocation qui lui a été adressée le 9 mai 2024 par Madame Rolande RINGUET,
    Maire"``: the maire or président who convened presides, unless something else says who
    does (a fallback, pattern `convener`)."""
    folded = fold(text)
    m = lexicon.first("convener", folded) if "convo" in folded else None
    r.suppose("_convener", person(text, m, "name"), span, "convener")


def read_place(r: Reading, text: str, span: Span) -> None:
    """``"s'est réuni à la Mairie en salle du conseil"``, ``"à l'hôtel de ville"`` (a line of
    the framed box), ``"… dans la Salle du Conseil Municipal de la Mairie"``."""
    folded = fold(text).strip()
    for pattern in lexicon.get("place"):
        m = lexicon.rx(pattern).search(folded)
        if m and lexicon.rx(lexicon.get("place_usual")).match(m.group("name")):
            continue  # "dans la salle ordinaire de ses délibérations": the usual room, not named
        if m:
            r.set("lieu", _slice(text.strip(), m, "name"), span, "place")
            return


# "le vingt-deux mai", "le trente et un mai": the "deux" and "un" end a number in words
TENS_BEFORE = re.compile(r"\b(?:vingt|trente)(?:[\s-]+et)?[\s-]*$")


def day_words(text: str) -> str:
    """``"le deux avril"`` -> ``"le 2 avril"`` (text2num leaves un, deux and premier);
    ``"le quatre du mois d'avril"`` -> ``"le quatre avril"``; ``"novembre de l'année deux mille
    quinze"`` -> ``"novembre deux mille quinze"``; ``"le lundi quatorze décembre"`` -> ``"le quatorze décembre"``."""
    month, weekday = lexicon.get("words", "month"), lexicon.get("words", "weekday")
    # "L'an deux mille vingt, le lundi quatorze décembre": the weekday between "le" and the day in words
    named = re.search(rf"(?<=\ble\s)(?:{weekday})\s+(?=[^\W\d_]+(?:[- ][^\W\d_]+)*\s+(?:{month})\b)", fold(text))
    text = text[:named.start()] + text[named.end():] if named else text  # (fold keeps each character's place)
    words = {"premier": "1", "un": "1", "deux": "2", "": " "}
    # found on the folded text, which keeps offsets: "le deux août", "du mois de décembre"
    found = re.finditer(rf"\b(premier|un|deux)\b(?=\s+(?:{month})\b)|\s+du\s+mois\s+(?:de\s+|d'\s*)(?=(?:{month})\b)",
                        fold(text))
    for m in reversed(list(found)):
        if m.group(1) and TENS_BEFORE.search(fold(text[:m.start()])):
            continue  # "vingt-deux", "trente et un": text2num reads the whole number
        text = text[:m.start()] + words[m.group(1) or ""] + text[m.end():]
    # "du mois de novembre de l'année deux mille quinze": the year right after the month
    year = re.search(rf"\b(?:{month})(\s+de\s+l'\s*annee)\b", fold(text))
    return text[:year.start(1)] + " " + text[year.end(1):] if year else text


def person(text: str, m: re.Match | None, group: str) -> str | None:
    if m is None:
        return None
    # "Yann LE GOFF, maire." / "LEFEBVRE Jean-Claude, Maire" / "M. X (maire)": the name before its function
    name = entries.strip_civilities(re.split(r"\s*(?:,|\(|\s[–-]\s)", _slice(text, m, group))[0])
    return name if members.looks_like_member(name) else None
