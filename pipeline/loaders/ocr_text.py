"""OCR noise left in a text extraction, undone where typed text never looks like it.

A council often publishes the text layer of a scan as it is: "P0UV0IR", "De1iberation",
"Cornrnune", "Délibération n° 2OlO-O7", "par lO voix pour, O voix contre et l abstention",
a count row "8 6 l 7". A text file cannot say it came from a scan, so each repair here
touches only what typed French administrative text does not hold, and keeps what it does:
codes ("DEL01", "B2019-014", "UA1a-2", "DEL-01"), ordinals ("1er", "10bis", "2o"), times
("10h30"), units ("0km", "1000l"), Roman numerals ("I - Budget", "L. 5214-16-I", "Titre
III-2"), initials ("I. MARTIN", "O. LEFEBVRE"), lettered items ("l) de fixer …"), the
pronoun "Il" (tests/test_inputs.py pins each).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from schemas.text import fold

# --- letters read as digits inside a word: "P0UV0IR", "EXERC1CE", "De1iberation" ------------

# A word of letters, or a compound of such words ("VERN0UILLET-SUR-AIZE", repaired part by
# part); a compound with a part of digits only is a code ("UA1a-2", "A0B-12") and left alone; a
# word cut at the line's end keeps its hyphen ("M. M0U-" / "GIN").
TOKEN = re.compile(r"(?<![\w-])\w+(?:-\w+)*(?:-(?=\s*$))?(?![\w-])")
FRAMED = re.compile(r"(?<=[^\W\d_])[01]+(?=[^\W\d_])")
IN_WORD = str.maketrans({"0": "O", "1": "I"})


def letter_digits(text: str) -> str:
    """OCR's 0 and 1 inside a word of letters, as the letters: "P0UV0IR : MME X" ->
    "POUVOIR : MME X", "0bjet :" -> "Objet :"."""
    return TOKEN.sub(_compound, text)


def _compound(m: re.Match) -> str:
    parts = m.group(0).split("-")
    if len(parts) > 1 and any(p.isdigit() for p in parts):
        return m.group(0)
    return "-".join(_as_letters(p) if _ocr_word(p) else p for p in parts)


def _ocr_word(token: str) -> bool:
    """Every digit of the word is a 0 or a 1 framed by letters ("EXERC1CE", not "DEL01",
    "1ère", "10bis"), or a 0 opening a word of four letters or more ("0bjet", "0CT0BRE"; not
    "0km", "0HT")."""
    leading = bool(re.match(r"0[^\W\d_]", token)) and sum(c.isalpha() for c in token) >= 4  # "0CT0BRE"
    digits = sum(c.isdigit() for c in token)
    framed = sum(len(run) for run in FRAMED.findall(token))
    # "GI0RDAN0": a 0 ending a word that holds one framed already (not "DEL0", "RN10")
    trailing = bool(framed) and bool(re.search(r"[^\W\d_]0$", token))
    framed += leading + trailing
    return digits > 0 and framed == digits and sum(c.isalpha() for c in token) >= 2


def _as_letters(word: str) -> str:
    """Each 0 or 1 as the letter OCR took it for, in the case of the letters around it: O and
    I in capitals ("EXERC1CE"), o and l in lower case ("De1iberation", "Mou1in")."""
    out = []
    for i, c in enumerate(word):
        near = word[max(i - 1, 0):i] + word[i + 1:i + 2]
        lower = c in "01" and i > 0 and any(n.islower() for n in near)  # "0bjet": a capital O
        out.append({"0": "o", "1": "l"}[c] if lower else c.translate(IN_WORD))
    return "".join(out)


# --- digits read as letters inside a number: "2Ol7-38", "l98 4OO €", "8 6 l 7" ---------------

AS_DIGITS = str.maketrans({"O": "0", "l": "1", "I": "1"})
# A run of digits with O or l among them (and "-" or "/" inside: "2023-ll"), not touching a
# letter; ending on an l after one digit at most ("2l", "2OlO/4l"; "1000l" is litres). The
# capital I and the small o stay: "5-II", "16-I" are Roman, "1o)", "2o de l'article" ordinals.
DIGIT_RUN = re.compile(r"(?<![^\W\d_])(?=[-/0-9Ol]*\d)(?=[-/0-9]*[Ol])[0-9Ol]+(?:[-/][0-9Ol]+)*(?<![0-9]{2}l)(?![^\W\d_])")
# an act's code ending on l after its dash: "DEL-2024-20l", "16-00l" (litres are never coded with one)
CODE_END_L = re.compile(r"(?<=[-/_])(\d{1,3})l(?![\w-])")
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
               "octobre", "novembre", "décembre")
# a day whose 1 OCR read as l before its month and a year: "JEUDl ll FEVRIER 20l6", "le l2 mars 2O24"
DAY_L = re.compile(r"(?<![\w/.-])(?=[0-9l]{0,1}l)[0-9l]{1,2}(?=\s+(?i:" + "|".join(
    re.sub("[éû]", lambda m: {"é": "[ée]", "û": "[uû]"}[m.group(0)], month) for month in MONTH_NAMES)
    + r")\s+[0-9lO]{4}\b)")
# A row of counts under its labels, "8 6 l 7": its lone l or O are figures (an I stays Roman).
COUNT_ROW = re.compile(r"^(?=.*\d)[\s|]*(?:(?:\d{1,4}|[Ol]{1,2})[\s|]+){2,}(?:\d{1,4}|[Ol]{1,2})?[\s|]*$")
# A table's row whose count cells stand between gutters, "2O23-O41  Approbation du PV   7O     O      O     O
# Adoptée": a lone l or O in a gutter right after a count cell is a figure too (not between pipes: "Pour | 12
# | O | l" may be letters; not a box's rule OCR read as l around a count: "Présents     l  15  l").
AFTER_COUNT = re.compile(r"(?<=\d)(\s{2,}|[ ]?\t\s*)([Ol]{1,2})(?=\s{2,}|[ ]?\t|\s*$)")  # (tab cells too: "52\tl\t0")
RULE_AROUND = re.compile(r"(?<!\S)[Ol] +\d")
# A lone l, O or I (or two: "lO") counting votes or members: "par lO voix pour, l voix
# contre", "O contre", "Votants : l"; not "Il pour …", not an initial ("Présents : I. MARTIN").
# "Nombre de conseillers en exercice : ll", "Vote : pour 7, contre 0, abstention l.": after its label
COUNTED = (r"(?:voix|contre|pour|abstentions?|votants?|pr[ée]sents?|pouvoirs?|procurations?|repr[ée]sent[ée]s?"
           r"|exercice)")
LONE_COUNT = re.compile(rf"(?<![^\s(,;:])(?!Il\b)(?P<before>[lOI]{{1,2}})(?=\s+(?i:{COUNTED})\b)|"
                        rf"(?P<label>\b(?i:{COUNTED})\s*:\s*)(?P<after>[lOI]{{1,2}})(?![\w'’.])|"
                        r"(?P<side>\b(?i:contre|ctre|abstentions?|abst\.),?\s+)(?P<last>[lOI])(?=\s*[.;]?\s*$)|"
                        # "Adoptée - Pour 44 - Contre O - Abst. 3": a side between two others ("P 12 - CTRE O -
                        # ABST. 3", as small secretariats abbreviate them)
                        r"(?P<between>\b(?i:pour|p|contre|ctre|abstentions?|abst\.),?\s*:?\s+)(?P<mid>[lOI]{1,2})"
                        r"(?=\s*[-–—,;/]\s*(?i:pour|contre|ctre|abst\w*|votants?|non-participation)\b)")
# "n° l", and "l - Délibération" or "l. COMPTE ADMINISTRATIF" opening a line: a lone l for 1 (not
# "l) de fixer", a lettered item)
LONE_L = re.compile(r"(\bn\s*°\s*|^\s*)l(?=\s*(?:[-–]\s|$)|\.\s+[A-ZÀ-Ý])", re.MULTILINE)


def digit_letters(text: str) -> str:
    """OCR's letters inside a number, as digits: "Délibération n° 2OlO-O7" -> "… n° 2010-07",
    "8 6 l 7" -> "8 6 1 7", "par lO voix pour" -> "par 10 voix pour"."""
    text = CODE_END_L.sub(r"\g<1>1", DIGIT_RUN.sub(lambda m: m.group(0).translate(AS_DIGITS), text))
    text = DAY_L.sub(lambda m: m.group(0).replace("l", "1"), text)
    if COUNT_ROW.match(text):
        text = re.sub(r"(?<!\S)[Ol]{1,2}(?!\S)", lambda m: m.group(0).translate(AS_DIGITS), text)
    elif not RULE_AROUND.search(text):
        text = _after_counts(text)
    text = LONE_COUNT.sub(_lone_count, text)
    return LONE_L.sub(r"\g<1>1", text)


def _after_counts(text: str) -> str:
    """"70     O      O     O" -> "70     0      0     0": each figure after the one before it."""
    while True:
        fixed = AFTER_COUNT.sub(lambda m: m.group(1) + m.group(2).translate(AS_DIGITS), text)
        if fixed == text:
            return text
        text = fixed


def _lone_count(m: re.Match) -> str:
    return (m.group("label") or m.group("side") or m.group("between") or "") + \
        (m.group("before") or m.group("after") or m.group("last") or m.group("mid")).translate(AS_DIGITS)


# --- "rn" read for "m": "Cornrnune", "Mrne", "unanirnite" ------------------------------------

def _m_words() -> frozenset[str]:
    data = json.loads(Path(__file__).with_name("ocr_words.json").read_text(encoding="utf-8"))
    return frozenset(data["words"])


M_WORDS = _m_words()
RN_WORD = re.compile(r"\b\w*rn\w*\b", re.IGNORECASE)


def rn_words(text: str) -> str:
    """OCR's "rn" for "m" in the council words that hold an m (ocr_words.json): "Cornrnune
    de X", "Mrne LE ROUX", "à l'unanirnite" -> "Commune de X", "Mme LE ROUX", "à l'unanimite";
    "gouvernement", "interne" keep their rn."""
    def word(m: re.Match) -> str:
        w = m.group(0)
        fixed = re.sub("rn", "m", re.sub("RN", "M", w))
        return fixed if _key(w) not in M_WORDS and _key(fixed) in M_WORDS else w
    return RN_WORD.sub(word, text)


# --- a capital I read for an l: "sous Ia présidence", "Ie Maire", "à I'unanimité" -----------

# only the articles and pronouns before a word ("Ia" and "Ie" are no French words), or an
# elided l' before a word in lower case; "I - Budget", "IA" and "Il" stay as they are
I_FOR_L = re.compile(r"(?<![\w.'-])(?<!Mme )(?<!Mlle )(?<!Madame )I(?=(?:a|e|es|ui|eur|eurs)\s+[^\W\d_]|['’][a-zà-ÿ])")


# the article "la" with a 1 for the l, after a word that takes it: "sous 1a présidence", "quitte 1a
# salle", "de 1a Métropole" (not "1e adjointe", an ordinal; not "lot n°1a", "tranche 1a", "situé 1a
# Grande Rue": a lot, a house)
ONE_FOR_L = re.compile(r"(?i)(\b(?:sous|de|à|a|par|dans|sur|pour|quitte|ouvre|lève|leve|clôt|clot|que|et|vers|avec|selon) )"
                       r"1(?=a\s+[^\W\d_]{3,})")


def i_for_l(text: str) -> str:
    """"sous Ia présidence de", "Ie Maire", "I'unanimité", "ouvre 1a séance" -> "la", "le",
    "l'unanimité", "la séance"."""
    return ONE_FOR_L.sub(r"\1l", I_FOR_L.sub("l", text))


def _key(word: str) -> str:
    return " ".join(fold(word).split())


# --- a small l read for a capital I inside a word in capitals: "DELlBERATION", "MUNlCIPAL" ------

# two capitals on each side, or one closing the word ("EXTRAlT DU REGISTRE"); not the word's last
# letter, an L as often as an I ("CONSEIl MUNICIPAL")
# (or right after a word's first capital, three after it: "LlORAN", "LlSTE"; not "LlON")
L_IN_CAPITALS = re.compile(r"(?<=[A-ZÀ-Ý]{2})l(?=[A-ZÀ-Ý]{2}|[A-ZÀ-Ý](?![^\W\d_]))"
                           r"|(?<![^\W\d_][A-ZÀ-Ý])(?<=[A-ZÀ-Ý])l(?=[A-ZÀ-Ý]{3})"
                           # "S.l.V.O.M.", "C.l.A.S.": an acronym's letters between dots
                           r"|(?<=\b[A-Z]\.)l(?=\.[A-Z]\.)")


def l_in_capitals(text: str) -> str:
    """"DELlBERATION N° CP-14-04-37", "EXTRAlT DU REGISTRE" -> "DELIBERATION N° …", "EXTRAIT …":
    typed capitals never hold a small l between capitals; nor end a weekday on one ("JEUDl ll FEVRIER")."""
    return WEEKDAY_L.sub(r"\1I", L_IN_CAPITALS.sub("I", text))


WEEKDAY_L = re.compile(r"\b(LUND|MARD|MERCRED|JEUD|VENDRED|SAMED)l\b")


# --- one letter misread in a label's long word: "en exercicc", "Membres en excrcice" ------------

# long words of the labels a sitting is read by, which no other French word is one letter from
# (not "présents": "présente"; "votants": "volants"; "représentés": "représenter"; "conseillers":
# "conseillera")
LABEL_WORDS = ("exercice", "procuration", "abstention", "délibération", "unanimité", "convocation")
WORD = re.compile(r"(?<![\w-])[^\W\d_]{8,}(?![\w-])")


def label_words(text: str) -> str:
    """"Membres du Bureau en exercicc : 34" -> "… en exercice : 34": a word one letter off a
    label's word (same length, plural kept), in the case it was printed."""
    return WORD.sub(_label_word, text)


def _label_word(m: re.Match) -> str:
    word = m.group(0)
    stem, plural = (word[:-1], word[-1]) if word[-1] in "sS" and fold(word[:-1]) not in _FOLDED else (word, "")
    key = fold(stem)
    if key in _FOLDED:
        return word
    right = next((w for folded, w in _FOLDED_WORDS if len(folded) == len(key) and
                  sum(a != b for a, b in zip(folded, key)) == 1), None)
    if right is None:
        return word
    capitals = 2 * sum(c.isupper() for c in stem) > len(stem)  # "DELIBERATlON": a word in capitals
    right = right.upper() if capitals else right.capitalize() if stem[:1].isupper() else right
    return right + plural


_FOLDED_WORDS = tuple((fold(w), w) for w in LABEL_WORDS)  # folded once: every long word of every line is tried
_FOLDED = frozenset(folded for folded, _ in _FOLDED_WORDS)


# --- a month's name one letter off between a day and a year: "DU JEUDI 31 MAl 2007" ------------

# (its l read 1 too: "du jeudi 12 avri1 2018")
DAY_MONTH_YEAR = re.compile(r"(?<![\w/.-])(?<=\d\s)(?<!\d\d\d\s)([^\W\d_](?:[^\W\d_]|1){2,8})(?=\s+(?:19|20)\d\d\b)")


def month_words(text: str) -> str:
    """"31 MAl 2007", "12 fevrler 2019", "12 avri1 2018" -> "31 MAI 2007", "12 février 2019", "12 avril 2018":
    between a day and a year only a month stands, so a word one letter off one (same length) is that month."""
    return DAY_MONTH_YEAR.sub(_month, text)


def _month(m: re.Match) -> str:
    word, key = m.group(1), fold(m.group(1))
    if any(fold(name).startswith(key) for name in MONTH_NAMES):
        return word  # the month itself, or its abbreviation: "15 juil 2021", "12 mar 2024"
    right = next((name for name in MONTH_NAMES if len(fold(name)) == len(key) and
                  sum(a != b for a, b in zip(fold(name), key)) == 1), None)
    return word if right is None else right.upper() if word.isupper() or word[:-1].isupper() else right


# an item's rank whose 1 OCR read as l: "l) DCM 2015-017 - …", "l0) DCM 2015-026 - …"; not a
# lettered point ("l) de fixer …", "l) DE FIXER …", "l) du 1er janvier"): a rank of l and digits,
# or a lone l before an act's code and its year
RANK_L = re.compile(r"^(\s*)l(?=\d{1,2}[).]\s)|^(\s*)l(?=[).]\s+[A-Za-z]{0,5}\s?(?:19|20)\d\d)"
                    # "l) Approbation du compte rendu …": the first item of a sitting, by the words that open
                    # one (a twelfth lettered point, "l) Fixer …", opens on a verb)
                    r"|^(\s*)l(?=\)\s+(?:Approbation|Adoption|Installation|[ÉE]lection|D[ée]signation"
                    r"|Ouverture|Appel)\b)")


def rank_l(text: str) -> str:
    """"l0) DCM 2015-026" -> "10) DCM 2015-026"."""
    text = NUMBERED_L.sub(r"\g<1>1", PAGE_L.sub("1", text))
    return RANK_L.sub(lambda m: (m.group(1) or m.group(2) or m.group(3) or "") + "1", text)


# "POINT N° l - APPROBATION DU COMPTE RENDU …", "POINT l - …": a rank after its word, l for 1
NUMBERED_L = re.compile(r"(?i)\b((?:point|question|dossier|rapport|affaire)\s+(?:n[°o]\s*)?)l(?=\s*[-–:.)](?:\s|$))")


# a page's number whose 1 OCR read as l, in a running footer: "Relevé du 25/06/2009      - l -",
# "Commission permanente du 10/07/2017      page l / 2" (the footer then repeats as furniture)
PAGE_L = re.compile(r"(?:(?<=\bpage\s)|(?<=\bp\.\s)|(?<=[-–]\s))l(?=\s*(?:/\s*\d|sur\s+\d|[-–]\s*$|$))",
                    re.IGNORECASE)


# --- an S read as 5 opening a word the minutes print on every page: "5ous la présidence de" -----

FIVE_FOR_S = re.compile(r"(?<![\w-])5(?=(?i:ous|éances?|eances?|ecrétaire|ecretaire|uffrages|essions?|yndic\w*|"
                        r"ubvention\w*)\b)")


def five_for_s(text: str) -> str:
    """"5ous la présidence de M. Frédéric SCHNEIDER" -> "Sous …", "5ÉANCE DU" -> "SÉANCE DU": typed
    text never glues a digit to these words (not "5e", "5ans", "5bis"); the text loader and the
    OCR's lines (ocr_repair.repair_cell) both."""
    return FIVE_FOR_S.sub("S", text)


def in_place(text: str) -> str:
    """The repairs that keep each character where it stands (a table's columns found after them
    are still the page's): "2O23-O41  …  7O     O      O" -> "2023-041  …  70     0      0"."""
    return digit_letters(letter_digits(rank_l(five_for_s(text))))


def repair(text: str) -> str:
    """Every repair of this module, in order, on one line of a text file."""
    return month_words(label_words(l_in_capitals(i_for_l(rn_words(in_place(text))))))
