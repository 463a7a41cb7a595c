"""How French text is compared, for every layer: one fold, one "same person".

`fold` keeps one character for one, so that a pattern matched on the folded text
slices the original with its accents and case::

    fold("Étaient présents :")  -> "etaient presents :"
    fold("L’an deux mille")     -> "l'an deux mille"      (curly apostrophe made straight)
    fold("Conseil – Budget")    -> "conseil – budget"      (every dash one en dash)

`same_person` is the one definition of "the same member" used by the extractors (to
merge a member named in two lists) and by the checks (a proxy holder among the
present): "Danièle MAJOREL", "Daniele Majorel", "MAJOREL Danièle" and "Mme Danièle
MAJOREL" are one person; "Karine BATIFOULIER" and "Vivien BATIFOULIER" are two.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "\u2019\u2018\u02bc`´"
DASHES = "\u2013\u2014\u2012\u2212"
CIVILITIES = {"monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "mme", "mmes", "mlle", "mr",
              "m", "mm", "me", "dr"}
# Two people of one family share the surname ("Karine BATIFOULIER" / "Vivien BATIFOULIER"
# score about 70): a near match must be very near.
SAME_PERSON = 90
OCR_IN_WORD = re.compile(r"(?<=[a-z])[01](?=[a-z])")  # "Nico1e", "Le0n": OCR's l and o among letters


def _fold_char(c: str) -> str:
    if c in APOSTROPHES:
        return "'"
    if c in DASHES:
        return "–"
    if c == "º":
        return "°"  # "Nº 2021/138": the ordinal indicator printed for the sign of "n°"
    if c in "œŒ":
        return "o"  # one character for one ("œuvre" -> "ouvre"): matching only
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base[0] if base else c


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, one dash: same length as `text`."""
    return "".join(_fold_char(c) for c in text)


# a full stop that ends an abbreviation, not the sentence: "sous la présidence de M." / "Jean-Louis …"
ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:M|MM|Mme|Mmes|Mlle|Me|Dr|St|Ste|[A-Z])\.$")


def ends_sentence(text: str, marks: str = ".") -> bool:
    """The line closes its sentence: it ends with one of `marks` (the full stop by default),
    and a full stop is not that of "M." or an initial."""
    text = text.rstrip()
    return bool(text) and text[-1] in marks and not (text.endswith(".") and ABBREVIATION_END.search(text))


# a line cut before its sentence's next word: "… était réuni au siège du syndicat, sur la" /
# "convocation qui lui a été adressée le 02.06.2017 ; …" (the next line is no label then)
FUNCTION_WORD_END = re.compile(r"(?:^|[\s(])(?:de|du|des|la|le|les|l'|d'|à|a|au|aux|et|en|pour|sur|avec|par)$")


def ends_on_function_word(text: str) -> bool:
    """``"… réuni au siège du syndicat, sur la"``: the sentence goes on below."""
    return bool(FUNCTION_WORD_END.search(text.rstrip()))


def compact(text: str | None) -> str:
    """Folded, punctuation and runs of spaces made one space: a key to compare two texts."""
    return " ".join(re.sub(r"[^\w']+", " ", fold(text or "")).split())


def body_key(name: str | None) -> str:
    """A collectivité's name to compare: ``"Ville de Lannion"``, ``"LANNION"`` and ``"Commune
    de Lannion"`` give ``"lannion"``; an intercommunality keeps its words."""
    return re.sub(r"^(?:commune|ville|mairie)\s+(?:de\s+|d'\s*|du\s+|des\s+)", "", compact(name))


def name_key(name: str) -> str:
    """``"Mme Danièle  MAJOREL-Dupont (suppléante)"`` -> ``"daniele majorel dupont"``. OCR's
    confusions are undone the same way on both names compared: a 1 or 0 between letters is
    an l or an o ("Nico1e"), "rn" is read "m" ("Jérôrne")."""
    text = OCR_IN_WORD.sub(lambda m: "l" if m.group(0) == "1" else "o", fold(re.sub(r"\([^)]*\)", " ", name or "")))
    words = re.sub(r"[^a-z]+", " ", text.replace("rn", "m")).split()
    while len(words) > 1 and words[0] in CIVILITIES:
        words = words[1:]
    return " ".join(words)


def cut_and_rejoined(a: str, b: str) -> bool:
    """``"M. MOU-GIN"`` and ``"Marc MOUGIN"`` are not; ``"MOU-GIN"`` and ``"MOUGIN"`` are one
    name: "M. MOU-" / "GIN, …", a surname cut at a line's end and rejoined with its hyphen."""
    return "-" in a + b and name_key(a).replace(" ", "") == name_key(b).replace(" ", "")


# a note's call, in a table's cell or opening the note under it: "(1)", "(*)", "(a)", "*" (read by the loaders and the
# extractors alike: pipeline/loaders/text_grid.py, extractors/moves.py)
CALL_MARK = r"\(\s*(?:\d{1,2}|\*+|[a-z])\s*\)|\*+"


def keys_rejoined(name: str) -> list[str]:
    """The name's key, and for a hyphenated name the key without its hyphens: "Mme Soazig AB-" / "GRALL", a surname
    cut at a line's end and rejoined with its hyphen, is "soazig abgrall" too ("Mme ABGRALL" fits it)."""
    return [name_key(name)] + ([name_key(name.replace("-", ""))] if "-" in name else [])


def same_person(a: str, b: str, threshold: float = SAME_PERSON) -> bool:
    """Equal names up to accents, case, civility, hyphens, word order and a typo. A surname
    alone is matched exactly: LECLERC and LECLERCQ, LEFÈVRE and LEFEBVRE are two families."""
    from rapidfuzz import fuzz

    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if cut_and_rejoined(a, b):
        return True
    return " " in ka and " " in kb and fuzz.token_sort_ratio(ka, kb) >= threshold


# words that begin a surname ("DE LA ROCHE", "LE GALL"): never a first name on their own
SURNAME_PARTICLES = {"de", "d", "du", "des", "la", "le", "les", "van", "von", "der", "den", "da", "di", "dos", "del", "el",
                     "ben", "mac", "mc", "saint", "sainte", "st", "ste"}


def find_person(name: str, names: list[str]) -> int | None:
    """Index of the first of `names` naming the same person as `name`, else None."""
    key = name_key(name)
    for i, other in enumerate(names):
        if name_key(other) == key:
            return i
    for i, other in enumerate(names):
        if same_person(name, other):
            return i
    fits = [i for i, other in enumerate(names) if _initials_fit(key.split(), name_key(other).split())]
    if not fits:  # "M. LE DU rejoint la séance": the surname alone, at either end of one name
        fits = [i for i, other in enumerate(names)
                if any(_surname_fits(key.split(), k.split()) for k in keys_rejoined(other))]
    return fits[0] if len(fits) == 1 else None  # "L. PETIT" is "Luc PETIT" when no other PETIT fits


def _surname_fits(short: list[str], full: list[str]) -> bool:
    """["le", "du"] fits ["alain", "le", "du"] (and ["le", "du", "alain"]): fewer words, the
    same words at the start or at the end, and what is left a first name, not a particle
    (["roche"] is not ["de", "la", "roche"], a surname of its own)."""
    n = len(short)
    if not 0 < n < len(full):
        return False
    rest = full[:-n] if full[-n:] == short else full[n:] if full[:n] == short else None
    return rest is not None and not set(rest) <= SURNAME_PARTICLES


def _initials_fit(short: list[str], full: list[str]) -> bool:
    """["l", "petit"] fits ["luc", "petit"]: the surname words equal, each initial the start
    of one of the other words, and at least one initial."""
    initials = [w for w in short if len(w) <= 2 and w not in full]
    words = [w for w in short if w not in initials]
    rest = [w for w in full if w not in words]
    return bool(initials) and bool(words) and all(w in full for w in words) and \
        all(any(f.startswith(i) for f in rest) for i in initials)


def number_shape(number: str | None) -> str:
    """"22SP-0453" -> "9A-9", "CP/2016-OCT/01.04" -> "A/9-A/9.9": an act number's runs of digits and
    letters, not their lengths (2026-9 and 2026-10 are one numbering); None gives ""."""
    return re.sub(r"[^\W\d_]+", "A", re.sub(r"\d+", "9", (number or "").strip()))


def joined(texts: list[str], whole_words: bool = False) -> str:
    """Lines read as one text: a word cut by a hyphen at a line end is rejoined
    (``"Jean-"`` + ``"Claude GROSS"`` -> ``"Jean-Claude GROSS"``), other lines meet at a space.
    The hyphen stays: without the document's vocabulary, "procès-" / "verbal" and
    "munici-" / "pal" cannot be told apart, and a hyphen too many damages no value read.
    `whole_words`: a hyphen before a lower-case letter is dropped (``"le Conseil munici-"`` +
    ``"pal, convoqué …"`` -> ``"le Conseil municipal, convoqué …"``), a second reading only
    ("procès-verbal" is broken by it)."""
    out = ""
    for text in texts:
        if not text:
            continue
        if whole_words and re.search(r"[^\W\d_]{2}-$", out) and text[:1].islower():
            out = out[:-1] + text
        elif re.search(r"[^\W\d_]-$", out) and text[:1].isalpha():
            out += text
        else:
            out += (" " if out else "") + text
    return out
