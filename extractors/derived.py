"""Values given by others, each marked derived in `provenance` (a check never compares one with what
it was derived from):

    Adopté à l'unanimité.                         pour = votants, contre = abstentions = 0
    à l'unanimité des suffrages exprimés          contre = 0 only (abstentions may stand)
    Par 16 voix pour et 1 contre                  unanimite False
    Mme X (pouvoir à M. Y), M. Z (pouvoir à …)    pouvoirs 2 when no count is printed
    Pouvoirs : néant                              pouvoirs 0 when no count is printed
"""
from __future__ import annotations

from extractors import votes
from extractors.members import Member
from extractors.sitting import Fact
from extractors.stream import fold
from schemas import Span


def derive(facts: dict[str, Fact], people: list[tuple[Member, Span]]) -> None:
    """Values given by others: unanimity's counts, pouvoirs and absents as listed."""
    said = facts.get("unanimite")
    # (not "à l'unanimité, sauf M. X qui vote contre": the exception a vote against)
    if said and said.value and not (said.method == "unanimity_expressed" and "contre" in fold(said.span.text or "")):
        values = {c: f.value for c, f in facts.items()}
        for column, value in votes.complete_unanimous(values, said.method == "unanimity_expressed").items():
            facts.setdefault(column, Fact(value, facts["unanimite"].span, "unanimity", True))
    split = [facts[c] for c in ("contre", "abstentions") if c in facts and facts[c].value]
    if split and "unanimite" not in facts:  # "Par 16 voix pour et 1 contre": not unanimous
        facts["unanimite"] = Fact(False, split[0].span, "split_vote", True)
    givers = [(m, s) for m, s in people if m.status == "absent" and (m.holder or m.gave_proxy)]
    if givers and "pouvoirs" not in facts:
        facts["pouvoirs"] = Fact(len(givers), givers[0][1], "proxies_listed", True)
    if "pouvoirs" not in facts and "pouvoirs_neant" in facts and facts["pouvoirs_neant"].method == "list_none_said":
        # "Pouvoirs : néant", no count printed (not a label printed empty: a template's, maybe)
        facts["pouvoirs"] = Fact(0, facts["pouvoirs_neant"].span, "proxies_none", True)
    absent = [(m, s) for m, s in people if m.status == "absent"]
    if absent and "absents" not in facts:
        facts["absents"] = Fact(len(absent), absent[0][1], "absents_listed", True)
