"""Labels opening a list of members, and what tells names from a count's labels.

A label is an entry of patterns/sitting.json ("lists") opening a line, its gender and
number marks taken out (`unmarked`), then a separator; the names follow::

    Étai(en)t présent(s) : M. NICOLAS, Maire / MME. COCHAT, …      -> present
    Excusé·e·s ayant donné pouvoir : Marta Chron à Marc Baïetto    -> proxies
    Présents : 38 - Représcntés : 1                                -> no list: a count
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import counts, lexicon
from extractors.entries import CIVILITY_START
from extractors.stream import fold


@dataclass(frozen=True)
class ListLabel:
    kind: str  # present | absent | absent_excused | absent_unexcused | proxies
    excused: bool | None
    offset: int  # where the names start in the unit's text


# a word's gender and number marks: "Étai(en)t présent(s)", "Excusé·e·s", "absent(e)s"
MARKED_WORD = re.compile(r"[a-z]+(?:(?:\((?:e|s|es|en|ent|nt)\)|·(?:e|es|s))[a-z]*)+")


def unmarked(folded: str) -> str:
    """Folded text with the marks taken out of each word, padded to the same length
    ("etai(en)t present(s) :" -> "etaient   presents   :"), so one label reads every spelling."""
    if "(" not in folded and "·" not in folded:
        return folded  # most lines: nothing to take out (list_label reads every line)

    def plain(m: re.Match) -> str:
        word = re.sub(r"[()·]", "", m.group())
        return word + " " * (len(m.group()) - len(word))
    return MARKED_WORD.sub(plain, folded)


def labelled(folded: str) -> tuple[re.Match, re.Match] | None:
    """A list label and its end opening a folded line (its marks taken out: `unmarked`),
    whatever follows: "Excusé·e·s : Aucun" is a label before a count of nobody, and no name of
    the list above it."""
    return lexicon.list_label_at_start(folded)


def list_label(text: str) -> ListLabel | None:
    """The list label opening `text` (``"Étaient absents excusés : …"`` -> absent_excused)."""
    folded = unmarked(fold(text))
    found = labelled(folded)
    if found is None:
        return None
    label, end = found
    offset = label.end + end.end()
    said_to = MEMBERS_PREAMBLE.match(folded, offset)  # "Présents : Mmes et MM. les membres R. AUBIN ‖ …"
    offset = said_to.end() if said_to else offset
    rest = text[offset:]
    if re.match(r"\s*\d", counts.digits(rest)) and not names_line(rest):
        return None  # "Présents : 38 - Représcntés : 1": a count, not a list of names
    if count_label(fold(rest).strip()):
        return None  # "Pouvoirs : Votants :" / "38 31 4 35": labels, values below (not "Pour la commune de X :")
    said = folded[label.start:label.end]  # "Absents excusés", "Abs. exc.", "Ont présenté leurs excuses", "Empêchés"
    excused = True if label.name == "absent_excused" or re.search(r"excus|\bexc\.", said) else None
    if label.name == "absent_unexcused":
        excused = False
    return ListLabel(label.name, excused, offset)


COUNTED = re.compile(r"\(\s*\d{1,3}\s*\)\s*[:–-]?\s*$")  # "Présents (22) :", "Presents (22) -"


def counted_list(text: str) -> bool:
    """"Délégués présents (3) :", "PRÉSENTS (11)", the names on the lines below: a list's label with
    its count, no count line of a box."""
    return bool(COUNTED.search(text)) and list_label(text) is not None


def count_label(folded: str) -> bool:
    """"VOTANTS :" under "PROCURATION :", "Votants :" after "Pouvoirs :": labels of a count box
    (not "présents : 11 Françoise GARDÈRES, M. …", a box squashed into the list's lines)."""
    label = lexicon.label_at_start("counts", folded)
    if label and not folded[label.end:].strip(" :="):
        return True  # "Votants" alone under "Pouvoirs": labels one a line, their values below
    sep = re.match(r"\s*[:=|]", folded[label.end:]) if label else None  # "Membres en exercice | Présents | Pouvoirs"
    rest = folded[label.end + sep.end():] if sep else ""
    return bool(sep) and (not re.search(r"[^\W\d_]", rest) or count_label(rest.strip()))


# the members addressed before their names: "Mmes et MM. les membres", "les conseillers suivants"
MEMBERS_PREAMBLE = lexicon.rx(r"\s*(?:(?:mesdames|messieurs|mmes|mm\.?)(?:\s*(?:,|et)\s*(?:mesdames|messieurs|mmes|mm\.?))?"
                              r"\s+)?les\s+{members}(?:\s+suivants)?\s*:?\s*")


def names_line(text: str) -> bool:
    """A surname in capitals ("M. GIRAUD"), or a name after a civility ("Mme Virginie Nicolas")."""
    return bool(re.search(r"[A-ZÀ-Ý]{2,}", text) or CIVILITY_START.match(fold(text).strip()))
