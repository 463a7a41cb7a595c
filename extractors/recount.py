"""The counts an item of minutes prints beside its vote, and for which items they hold::

    1. Compte administratif 2021
    Le Conseil municipal adopte le compte administratif par 25 voix pour.
    Présents : 23 – Pouvoirs : 2 – Votants : 25                     this vote's tally (`_tallies_vote`, `fits`:
                                                                    its figures add up to the votants; under
                                                                    "à l'unanimité" nothing tells, the count
                                                                    holds for the items after)

    La séance est levée à 12 h 30. / Deuxième séance – mardi 17 décembre
    Présents : 31 – Pouvoirs : 6 – Votants : 37                     the room from now on (`under_vote`)
    Rapport 19AP.205 – …                                            (or above a heading: `above_heading`)

A count under a vote with a move ("18 h 20 — Arrivée de Mme X. Présents : 59") is the next item's (`after_vote`).
Called by extractors/deliberation.py, which keeps the recount for the items after, and by extractors/segment.py
(`fits`: whether counts under a vote tally it).
"""
from __future__ import annotations

from dataclasses import replace

from extractors import lexicon, outline, sitting, votes
from extractors.sitting import Fact
from extractors.stream import Unit

COUNT_COLUMNS = ("membres_en_exercice", "presents", "absents", "pouvoirs", "votants")


def vote_at(vote: votes.Vote) -> tuple[int, int, int] | None:
    """Where the item's vote is printed, its first line (`Vote.located`: an outcome derived from "à l'unanimité"
    points at the item's first line, one from the decision at the line before it, "X quitte la salle …" / "Le
    conseil … ACCORDE": neither is where the vote is printed)."""
    return min((f.span.order for f in vote.located()), default=None)


def after_vote(own: sitting.Reading, vote: votes.Vote) -> set:
    """The spans of counts printed with a move under the item's vote ("Pour : 53 | Contre : 12"
    / "18 h 20 — Arrivée de Mme X. Présents : 59 | Votants : 67."): the next item's, not this one's."""
    at = vote_at(vote)
    return {f.span for m in own.moves if at is not None and m.span.order > at for f in m.counts.values()}


def under_vote(recount: dict[str, Fact], own: sitting.Reading, vote: votes.Vote) -> set:
    """A count of présents printed under the item's vote, with no move ("La séance est levée …"
    / "Deuxième séance – mardi 17 décembre" / "Présents : 31 – Pouvoirs : 6 – Votants : 37"):
    it holds for the items that follow, kept in `recount`; the spans left out of this item
    (not under the last item's vote: a recap of the sitting's counts, "Membres en exercice : onze")."""
    # the vote's last line (not an outcome read from a decision verb: "Départs, après le vote du point
    # n° 7 : … Présents : 66 – pouvoirs : 17 – votants : 83" says no outcome of its own)
    done = max((f.span.order for c, f in vote.facts.items() if c != "non_votants" and f.method != "decision"),
               default=None)
    later = {c: f for c, f in own.facts.items()
             if c in COUNT_COLUMNS and done is not None and f.span.order > done}
    if "presents" not in later or _tallies_vote(done, later, vote):
        return set()
    recount.update({c: replace(f, method="recount") for c, f in later.items()})
    return {f.span for f in later.values()}


def _tallies_vote(done: tuple[int, int, int], later: dict[str, Fact], vote: votes.Vote) -> bool:
    """"Le Conseil municipal adopte les tarifs par 24 voix pour." / "Présents : 21 – Pouvoirs : 3 – Votants : 24":
    counts on the line right under the vote, its figures adding up to their votants, tally that vote
    (segment._tallies_vote keeps them in its item)."""
    top = min(f.span.order for f in later.values())
    return "votants" in later and top[0] == done[0] and top[1] == done[1] + 1 and fits(vote, later["votants"].value)


def fits(vote: votes.Vote, votants: int) -> bool:
    """The vote's printed figures add up to `votants` ("par 24 voix pour" under "Votants : 24"); a vote printing
    none ("à l'unanimité", "prend acte") tells nothing: counts under it may as well head the next item."""
    sides = vote.printed()
    return bool(sides) and sum(sides) == votants


def above_heading(units: list[Unit], recount: dict[str, Fact], item: outline.Item, kept: dict[str, Fact]) -> None:
    """The room counted again between two items, above this one's heading ("À 12 h 20, M. X …
    quittent la séance." / "Présents : 78 – Pouvoirs : 15 – Votants : 93" / "Rapport 19AP.205 – …"):
    the count holds for the items after it too, as one printed under the vote above (`under_vote`)."""
    said = units[max(0, item.start - 2):item.heading.unit + 1] if item.heading else []
    if not said or any(lexicon.rx(lexicon.get("votes", "one_item")).search(u.folded) for u in said):
        return  # "Pour le point suivant, Mme X … ne prend pas part au vote (Présents : 18 …)": this item's only
    top = units[item.heading.unit].span.order
    above = {c: f for c, f in kept.items() if c in COUNT_COLUMNS and f.span.order < top}
    if "presents" in above:  # this item's too: the lists of names are still the opening's
        recount.update({c: replace(f, method="recount") for c, f in above.items()})
        kept.update({c: recount[c] for c in above})
