"""The sitting itself: was it convened beforehand, and did it reach its quorum?

    Le onze avril deux mille vingt quatre à 20 heures 00, le Conseil communautaire…
    Date de convocation : 04 avril 2024
"""
from __future__ import annotations

from typing import Iterator

from checks import legal
from checks.context import Tables, as_bool, as_date, as_int, deliberations, where
from checks.rules import Finding, check, finding


@check("quorum.reached", needs=("deliberations",))
def quorum(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        if as_bool(d.get("sans_quorum")):
            continue  # second convocation: the assembly sits without quorum (L2121-17 al. 2)
        members, presents = as_int(d.get("membres_en_exercice")), as_int(d.get("presents"))
        if members is None or presents is None:
            continue
        rule = legal.rule_on(as_date(d.get("session_date")))
        counted, label = presents, "présents"
        if rule.counts == "present_or_represented":
            pouvoirs = as_int(d.get("pouvoirs")) or 0
            counted, label = presents + pouvoirs, "présents ou représentés"
        if rule.quorum_reached(counted, members):
            continue
        yield finding("quorum.reached", **where(tables, d, "presents", "membres_en_exercice"),
                      expected=rule.required(members), actual=counted, counted=counted,
                      counted_label=label, membres=members, source=rule.source)


@check("dates.convocation_before_session", needs=("deliberations",))
def convocation_before_session(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        convocation, session = as_date(d.get("convocation_date")), as_date(d.get("session_date"))
        if convocation is None or session is None or convocation < session:
            continue
        yield finding("dates.convocation_before_session",
                      **where(tables, d, "convocation_date", "session_date"),
                      expected=session.isoformat(), actual=convocation.isoformat())
