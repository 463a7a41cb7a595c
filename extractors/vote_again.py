"""A deliberation's vote printed again beside or under its own statement of it::

    Après en avoir délibéré, le conseil municipal, par 17 voix pour, 2 voix contre … :
    | Résultat du vote |  /  | Votants : 20 |  /  | Pour : 17 Contre : 1 Abstentions : 2 |   result_box
    Adoptée par 11 voix pour, 3 contre.     Pour extrait certifié conforme.                 result_line
    … ADOPTE le budget primitif 2010 par 12 voix pour et 2 voix contre.
    Vote : Pour 12 - Contre 1 - Abstention 1                                                vote_box

extractors/votes.py reads the item's vote without such lines when the item says its vote itself;
the lines are then `restated` (extractors/restated.py, `votes.restated`), completing only what
the item leaves out and the two agree on.
"""
from __future__ import annotations

import re

from extractors import counts, lexicon, outline
from extractors.council import DECIDING
from extractors.sitting import Fact
from extractors.stream import Unit

SIDES = ("pour", "contre", "abstentions")
UNANIMITY = lexicon.rx(lexicon.get("votes", "unanimity"))


def box(body: list[Unit]) -> tuple[str, list[Unit]]:
    """The first of a "Résultat du vote" box, result lines under the decision, or labelled counts
    beside the council's sentence that the item prints: (its kind, its lines), or ("", [])."""
    for kind, lines_of in (("result_box", result_box), ("result_line", result_lines), ("vote_box", count_lines)):
        lines = lines_of(body)
        if lines:
            return kind, lines
    return "", []


# "Résultat du vote de l'amendement n° 3 :" over a table per group: an amendment's vote, not the act's
AMENDMENT = re.compile(r"\b(?:sous-)?amendements?\b")


def result_box(body: list[Unit]) -> list[Unit]:
    """The lines of a "Résultat du vote" box: its heading and the counts under it."""
    for k, u in enumerate(body):
        if any(outline.rx(p).search(u.folded) for p in outline.data()["result_box"]) and not AMENDMENT.search(u.folded):
            found = [u]
            for nxt in body[k + 1:k + 5]:
                if not (lexicon.labels("counts", nxt.folded) or UNANIMITY.search(nxt.folded)):
                    break
                found.append(nxt)
            return found
    return []


# a line stating the result again under the decision: "Adoptée par 11 voix pour, 3 contre.",
# "Délibération adoptée à l'unanimité.", "Certifié exécutoire – Adoptée par 20 voix pour …"
RESULT_LINE = lexicon.rx(lexicon.get("votes", "result_line"))


def result_lines(body: list[Unit]) -> list[Unit]:
    """Lines stating a result after the council's decision sentence (which states the vote);
    none where the council decides twice (items a segmentation left together: each its vote)."""
    decided = decided_once(body)
    if not decided:
        return []
    from extractors.segment import is_evidence  # segment reads votes: imported when called

    after = body[decided[-1] + 2:]
    lines = [k for k, u in enumerate(after) if RESULT_LINE.search(u.folded)]
    if not lines:
        return []
    # the line closes the item: no decision after it ("Adoptée à la majorité : 16 pour, 2 contre." /
    # "○ APPROUVE la convention …" is a vote announcing its decisions, another item's, not a restatement)
    if any(is_evidence(u) for u in after[lines[0] + 1:] if not RESULT_LINE.search(u.folded)):
        return []
    return [after[k] for k in lines]


def count_lines(body: list[Unit]) -> list[Unit]:
    """The lines giving a vote under its labels ("Vote : Pour 12 - Contre 1 - Abstention 1", a
    table's "| Pour | Contre | Abstention |" over "|  16  |   3    |     0      |", a margin's
    "Pour : 15"): another statement of the vote where the council's sentence gives its counts (not
    the vote of a second decision: "ADOPTE le budget … par 14 voix pour, …" / "Le Conseil Municipal,
    après en avoir délibéré," / "Pour : 15     Contre : 3" / "FIXE les taux")."""
    if not decided_once(body):
        return []
    lines = {c.unit for c in counts.read(body, SIDES)}
    # a grid's row of values is read with the row of labels over it: both are the box
    lines |= {k - 1 for k in lines if k and not lexicon.labels("counts", body[k].folded)}
    return [body[k] for k in sorted(lines)]


def decided_once(body: list[Unit]) -> list[int]:
    """The lines where the council decides, when it decides once (a sentence over a line or two);
    none where it decides twice (items a segmentation left together: each its vote)."""
    decided = [k for k, u in enumerate(body) if DECIDING.search(u.folded)]
    return [] if any(b - a > 2 for a, b in zip(decided, decided[1:])) else decided


# "Le budget primitif 2022 est adopté par 29 voix pour et 9 voix contre.": the item's decision in
# the passive, its vote given (not "… est adopté par 38 voix pour et 4 voix contre au conseil
# communautaire", another body's)
PASSIVE = re.compile(r"\b(?:est|sont)\s+(?:adoptee?s?|approuvee?s?|rejetee?s?)\s+(?:par\s+\d|a\s+la\s+majorite)"
                     r"(?![^.;]*\b(?:conseil|comite|commission|bureau|assemblee|communaute|syndicat)\b)")


def passive(facts: dict[str, Fact], units: list[Unit]) -> bool:
    """The item says its vote in the passive, its counts read there (a box beside it another statement)."""
    lines = {id(u.span) for u in units if PASSIVE.search(u.folded)}
    return any(id(f.span) in lines for c, f in facts.items() if c in SIDES)


def complete(facts: dict[str, Fact], again: dict[str, Fact]) -> None:
    """What the item leaves out, from its vote printed again, where the two agree on every side
    both print ("par 12 voix pour et 2 voix contre" / "Vote : Pour 12 - Contre 1 - Abstention 1":
    no abstention was voted with 12 and 2); never what the two may disagree on."""
    def value(of: dict[str, Fact], column: str):
        return of[column].value if column in of else None

    if any(value(facts, c) not in (None, value(again, c)) for c in SIDES if value(again, c) is not None):
        return
    for column, fact in again.items():
        if column != "unanimite" and not (column == "contre" and value(facts, "unanimite")):
            facts.setdefault(column, fact)
