"""One deliberation's vote as read (extractors/votes.py reads it): each figure or outcome with the line it was read
on and how ("Pour : 16" -> pour 16, `label_value`; "à l'unanimité" -> unanimite True, `unanimity`), which reader
said it (`said_by`), and the vote printed again beside it (`restated`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.sitting import Fact
from extractors.stream import Unit


@dataclass
class Vote:
    facts: dict[str, Fact] = field(default_factory=dict)
    said_by: dict[str, str] = field(default_factory=dict)  # column -> `label`, `deciding`, `others`, `reported`
    restated: "Vote | None" = None  # the vote again beside the decision ("Résultat du vote", "Adoptée par …")
    restated_kind: str = ""  # `result_box`, `result_line` or `vote_box` (extractors/vote_again.py)

    def set(self, column: str, value, unit: Unit, method: str, derived: bool = False) -> None:
        if value is not None and column not in self.facts:
            self.facts[column] = Fact(value, unit.span, method, derived)

    def value(self, column: str):
        fact = self.facts.get(column)
        return fact.value if fact else None

    def located(self) -> list[Fact]:
        """The facts that say where the vote is printed: not its non-voters ("X quitte la salle et ne prend pas part
        au vote" names one before the vote), not a figure derived from "à l'unanimité", not an outcome read from a
        decision verb."""
        return [f for c, f in self.facts.items() if c != "non_votants" and not f.derived and f.method != "decision"]

    def printed(self) -> list[int]:
        """The figures it prints for its sides ("par 24 voix pour" -> [24]; "à l'unanimité" -> [])."""
        return [f.value for c, f in self.facts.items() if c in ("pour", "contre", "abstentions") and not f.derived]
