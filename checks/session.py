"""The sitting itself: was it convened beforehand, and did it reach its quorum?

    Le onze avril deux mille vingt quatre à 20 heures 00, le Conseil communautaire…
    Date de convocation : 04 avril 2024
"""
from __future__ import annotations

from typing import Iterator

from checks import legal
from checks.context import Tables, as_bool, as_date, as_int, deliberations, where
from checks.rules import NOTICE, Finding, check
from checks.trust import compare


@check("quorum.reached", needs=("deliberations",))
def quorum(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        if as_bool(d.get("sans_quorum")):  # second convocation: the assembly sits without quorum (L2121-17 al. 2)
            tables.skip("quorum.reached", d["doc_id"], as_int(d.get("seq")), "seconde convocation, sans quorum")
            continue
        day = as_date(d.get("session_date"))
        rule = legal.rule_on(day)
        represented = "present_or_represented" in (rule.counts, rule.disputed_on(day))
        c = compare(tables, "quorum.reached", d, dict(membres_en_exercice=as_int, presents=as_int),
                    optional=dict(pouvoirs=as_int) if represented else None)
        if c is None:
            continue
        counted, label = c["presents"], "présents"
        if rule.counts == "present_or_represented":
            counted, label = counted + (c["pouvoirs"] or 0), "présents ou représentés"
        if rule.quorum_reached(counted, c["membres_en_exercice"]):
            continue
        row = c.finding("quorum.reached", **where(tables, d, "presents", "membres_en_exercice"),
                        expected=rule.required(c["membres_en_exercice"]), actual=counted, counted=counted,
                        counted_label=label, membres=c["membres_en_exercice"], source=rule.source)
        yield _disputed(row, rule, day, c["presents"] + (c["pouvoirs"] or 0), c["membres_en_exercice"])


DISPUTED = (" — à vérifier : {} présents ou représentés l'atteignent, et la règle de cette période est lue "
            "aussi ainsi (checks/legal_periods.json)")


def _disputed(row: Finding, rule: legal.LegalRule, day, represented: int, members: int) -> Finding:
    """Feb. 2022, "quorum … apprécié en comptant les membres présents ou représentés", 12 présents + 10
    pouvoirs of 39: not reached on présents alone, reached on the period's other reading; a notice."""
    if rule.disputed_on(day) == "present_or_represented" and rule.quorum_reached(represented, members) \
            and row["severity"] != NOTICE:
        row["severity"], row["message"] = NOTICE, row["message"] + DISPUTED.format(represented)
    return row


@check("dates.convocation_before_session", needs=("deliberations",))
def convocation_before_session(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "dates.convocation_before_session", d,
                    dict(convocation_date=as_date, session_date=as_date))
        if c is None or c["convocation_date"] < c["session_date"]:
            continue
        yield c.finding("dates.convocation_before_session",
                        **where(tables, d, "convocation_date", "session_date"),
                        expected=c["session_date"].isoformat(), actual=c["convocation_date"].isoformat())
