"""Votes given part by part (by college, by category of members, by chapter of a budget) beside,
or instead of, the vote of the whole::

    Collège des membres élus (7 présents, 1 représenté) ........ 8 voix pour
    Collège des membres nommés (6 présents, 1 représentée) ...... 5 voix pour, 2 abstentions
    soit, au total, 13 voix pour et 2 abstentions, aucune voix contre.

    | CA-2019-41 | Décision modificative n° 2 | Département : 13 pour  Communes/EPCI : 4 pour, 2 abst. | Adoptée |
    chap. 011 - Charges a caractere general ............ Pour : 21  Contre : 8

Labelled votes near each other, each led by a label that is no count's ("Collège des élus", "Département",
"chap. 011 - …"): two or more, or one beside a labelled vote of the whole ("Sur la délibération :", "Conseil
communautaire :", "Texte amendé :", "Vote sur l'ensemble :"), are parts; each is blanked (spaces, the same
length, so spans hold), and the item's vote is the whole's or its total when the text prints one, nothing
when it does not ("Le total n'est reporté que lorsque …"). Not parts: one labelled line alone ("Après en
avoir délibéré : 15 voix pour, 2 contre"), parts all unanimous ("Budget principal : à l'unanimité" / "Budget
annexe : à l'unanimité": the whole is), a numbered line's title ("2024-02 Tarifs : 14 voix pour": an act).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors import lexicon
from extractors.stream import Unit

SIDE = r"(?:pour|contre|abst\w*\.?)"
# "8 voix pour", "Pour : 21", "Unanimite (29)"
ONE = (rf"(?:\d{{1,4}}\s+(?:voix\s+)?{SIDE}|{SIDE}\s*:?\s*\d{{1,4}}\b"
       r"|(?:a\s+l')?unanimite\b(?:\s*\(\s*\d{1,4}(?:\s+voix)?\s*\))?)")
# label (a full stop inside, not a leader: "chap. 011 - Charges …"), an aside in brackets, a separator
# (colon, leaders, a dash between spaces), then the part's counts
PART = re.compile(rf"(?P<label>[^\W\d](?:[^:|;\n.…()]|\.(?!\.)){{1,60}}?)(?:\s*\([^()\n]{{0,60}}\))?"
                  rf"\s*(?::|\.{{2,}}|…+|\s[-–—]\s)[\s.…]*(?P<vote>{ONE}(?:[\s,;/]*(?:et\s+)?{ONE})*)")
# a label that speaks of the whole, or of the council voting it: the vote, not a part ("Vote sur l'ensemble
# du budget :", "Sur la délibération :", "Conseil communautaire :", "Texte amendé :")
# (not `{body}`: a "Bureau communautaire : 12 pour, 1 abstention" beside the council's parts is an opinion, a part)
WHOLE = re.compile(r"\b(?:vote|votes|resultat|total|soit|ensemble|global|scrutin|decision|decide|delibere|"
                   r"deliberation|texte|unanimite|majorite|adopte\w*|rejete\w*|assemblee|comite\s+syndical|"
                   r"conseil\s+(?:municipal|communautaire|syndical|metropolitain|departemental|regional|"
                   r"d'administration|de\s+(?:la\s+)?metropole))\b")
NEAR = 4  # parts of one breakdown stand within a few lines of each other
UNANIMOUS = re.compile(r"^(?:a\s+l')?unanimite\b")


def blanked(units: list[Unit]) -> list[Unit]:
    """`units` with the parts of a vote given part by part blanked (see the module's docstring)."""
    found = [(k, m, kind) for k, u in enumerate(units) for m in PART.finditer(u.folded)
             if (kind := _labelled(u.folded, m))]
    parts = [(k, m) for k, m, kind in found if kind == "part"]
    near = {id(m) for k, m in parts if any(abs(k - j) <= NEAR and n is not m for j, n, _ in found)}
    if not near or all(UNANIMOUS.match(m.group("vote")) for _, m in parts if id(m) in near):
        return units
    out = list(units)
    for k, m in parts:
        if id(m) in near:
            out[k] = _blank(out[k], m.start("vote"), m.end("vote"))
    return out


def _labelled(folded: str, m: re.Match) -> str | None:
    """`part`, `whole`, or None: no labelled vote ("2024-02 Tarifs : 14 voix pour", an act's own line;
    "… Pour : 615 voix – Contre : 40 voix", a label opening on a vote's word: the vote's own line)."""
    label = m.group("label").strip(" -–—•*")
    numbered = re.fullmatch(r"\W*\S*\d\S*\s*", folded[:m.start("label")])
    if len(label) < 3 or numbered or lexicon.labels("counts", label) or re.match(rf"(?:voix|{SIDE})\b", label):
        return None
    return "whole" if WHOLE.search(label) else "part"


def _blank(u: Unit, start: int, end: int) -> Unit:
    """The unit with its text from `start` to `end` made spaces, its cells with it (joined by " | ")."""
    text = u.text[:start] + " " * (end - start) + u.text[end:]
    cells = tuple(text.split(" | ")) if u.cells and " | ".join(u.cells) == u.text else u.cells
    return replace(u, text=text, cells=cells)
