"""What every reader of counts shares: a count read (`Count`), folded text with its numbers in
words made digits (`digits`: "vingt-neuf présents" -> "29 presents", "quatorze (14) membres" ->
"14 membres", "Contre : zéro" -> "Contre : 0") the range a count can take (`plausible`)
and what a line made of counts only is (`is_count_line`: "Pour 9", " Elus en exercice : 29").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import lexicon
from extractors.normalise import words_to_digits
from extractors.stream import fold

SMALL = {"zero": "0", "aucun": "0", "aucune": "0", "un": "1", "une": "1", "deux": "2"}
# text2num leaves zéro, un and deux as words; they are counts only right after a label
# or before a count word: "Contre : zéro", "deux abstentions"; or with their digits: "un (1)";
# after an equals sign, always: "Représentés (procurations) = un   Excusés et absents = trois"; not
# what one member holds: "Mme le Maire ne détenant aucun pouvoir, 20 conseillers présents …", "Le
# Maire ne détenait aucune procuration."; before a verb of counts: "cinq contre et deux s'abstiennent", "deux se sont
# fait représenter"
SMALL_WORD = re.compile(r"(?<![\w'])(?:(zero)|(?:(?<=[=→]\s)|(?<=[=→]\s\|\s))(aucune?|une?|deux)(?!\s+(?:tiers|quarts?|cinquiemes?|fois|pour\s+cent))|(?<!detenant\s)(?<!detient\s)(?<!detenait\s)(?<!porteur\sde\s)(?<!porteuse\sde\s)(aucune?|une?|deux)(?![\w'])(?=\s*(?:$|[–/,;|)]|-\s|\(\s*\d|"
                        r"voix|abstentions?|pouvoirs?|procurations?|votants?|presents?|absents?|s'abstien|contre(?![\w-])|"
                        r"votent\b|se\s+sont\s+fait|s'e(?:st|tant)\s+fait)))(?![\w'])")


# "néant" as a count's value in a line of counts is none: "Presents : 19 - Procurations : neant - Votants : 19", the
# label a count's, opening the line or after a separator (alone, "Pouvoirs : néant" is an empty list, read by the
# lists; not "Excusés ayant donné procuration : néant", a list's label; not "néant" in prose)
NIL = re.compile(r"((?:^|[-–—|,;])[ \t]*(?:procurations?|pouvoirs?|representee?s?|mandats?)[ \t]*:[ \t])neant"
                 r"(?=[ \t]*[-–—|,;][ \t]*[^\W\d_][^:\n]{0,40}:[ \t]*\d)", re.M)
# a vote's side said "néant" is none: "ONT VOTÉ CONTRE : néant", "Abstentions : néant"
NIL_VOTE = re.compile(r"((?:^|[-–—|,;(])[ \t]*(?:ont\s+vote\s+)?(?:contre|abstentions?|abst\.?|pour)[ \t]*:[ \t])"
                      r"neant\b", re.M)


@dataclass(frozen=True)
class Count:
    """One count read: the column, the value, the unit (index in the run) and how."""

    column: str
    value: int
    unit: int
    method: str


# a number said twice, in words then in figures: "quatorze (14) conseillers", "zéro (0) pouvoir"
DOUBLED = re.compile(r"(?<![\d,.])(\d{1,4})[ \t]*\([ \t]*\1[ \t]*\)")


def digits(text: str) -> str:
    """Folded text with numbers in words as digits: "vingt-neuf présents" -> "29 presents",
    "quatorze (14) membres" -> "14 membres"."""
    converted = words_to_digits(fold(text))
    converted = SMALL_WORD.sub(lambda m: SMALL[next(g for g in m.groups() if g)], converted)  # "zéro" anywhere is 0
    if "neant" in converted:  # (digits reads every line of every text: most say no "néant")
        converted = NIL_VOTE.sub(r"\g<1>0", NIL.sub(r"\g<1>0", converted))
    return DOUBLED.sub(r"\1", converted)


def plausible(value: int) -> bool:
    return 0 <= value <= lexicon.get("max_count")


# a gloss after a label: "Présents (P) :", "Votants (présents et représentés)", "(dont suppléants)", the
# 2020 election form's formula "Nombre de suffrages exprimés [b – (c + d)] : 13"
GLOSS = re.compile(r"[ \t]*(?:\([^()\n\d]*\)|\[[^\[\]\n\d]*\])")


def totals_only(folded: list[str], out: list[Count]) -> list[Count]:
    """"Présents en salle : 24 | Présents à distance : 13 | Total présents : 37": parts and their total
    on one line or on the lines above it (`folded`: each unit's folded text), the total only."""
    drop = set()
    for c in out:
        same = [x for x in out if 0 <= c.unit - x.unit <= 3 and x.column == c.column and x is not c]
        if same and re.search(rf"\btotal\b[^:|;–\d]{{0,30}}:?\s*{c.value}\b", folded[c.unit]):
            drop |= {id(x) for x in same}
    return [c for c in out if id(c) not in drop]


COUNTS_TITLE = re.compile(r"^\s*(?:(?:nombre|nbre|nb)\.?\s+(?:de|des|d')\s*[a-z]+|votes?|resultat\s+du\s+vote)\s*:"
                          # a box's title in its first column wrapped beside the counts: "Conseillers   En exercice :
                          # 33" / "municipaux     Présents : 26   Pour : 27"
                          r"|^\s*(?:municipaux|communautaires|syndicaux|departementaux|regionaux|metropolitains)\b")


def only_counts(digit_text: str) -> bool:
    """A line made of count labels and numbers only: "presents 15 votants 17" (folded, digits)."""
    line = digit_text
    found = lexicon.labels("counts", line)
    for label in found:
        line = line[:label.start] + " " * (label.end - label.start) + line[label.end:]
    line = re.sub(r"\([^()\d]*\)", " ", line)  # "Abstention 1 (Mme Valérie TOURNIER)": who, not a count
    # "Nombre de membres : en exercice 19 ▪ présents 14 ▪ …", "Vote : Pour 8 Contre 1 …": a title
    line = COUNTS_TITLE.sub(" ", line)
    line = lexicon.rx(lexicon.get("votes", "outcome_tail")).sub(" ", line)  # "… Abst. 0 → adopté"
    return bool(found) and bool(re.search(r"\d", line)) and not re.sub(r"[\d\s:=|._…–—\-/,;()▪•·●]+", "", line)


def is_count_line(text: str) -> bool:
    """``" Elus en exercice : 29"``, ``"Pour 9"``: a line that only gives counts."""
    return only_counts(digits(text))
