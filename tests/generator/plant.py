"""Planted inconsistencies: each breaks exactly one rule of README's checks table.

A rule is planted in three steps: what the world must allow (`needs`), what the document
must print for the rule to be evaluable (`force`), and the fault itself (`apply`), which
changes a printed value or a printed list, never anything else.
"""
from __future__ import annotations

import datetime as dt
import random

from .context import Plan
from .model import Needs, Sitting, Vote, draw_vote

SITTING_RULES = ("attendance.votants", "attendance.present_count", "attendance.proxy_count",
                 "attendance.members_total", "proxy.giver_absent", "proxy.holder_present",
                 "proxy.one_per_holder", "quorum.reached", "dates.convocation_before_session",
                 "votes.votants_le_exercice")
ITEM_RULES = ("votes.breakdown", "votes.result_consistent")
RULES = SITTING_RULES + ITEM_RULES


def needs(rule: str | None) -> Needs:
    return {
        "attendance.present_count": Needs(spare_present=True),
        "attendance.proxy_count": Needs(min_proxies=1),
        "attendance.members_total": Needs(quorum_margin=1),
        "proxy.giver_absent": Needs(min_proxies=1, spare_present=True),
        "proxy.holder_present": Needs(min_proxies=1, unproxied_absent=True),
        "proxy.one_per_holder": Needs(min_proxies=2, outside_emergency=True),
        "quorum.reached": Needs(quorum_fails=True, outside_emergency=True),
        "votes.votants_le_exercice": Needs(min_proxies=1),
    }.get(rule, Needs())


# The counts each rule compares: printed whatever the plan drew.
SHOWN = {
    "attendance.votants": {"presents", "pouvoirs", "votants"},
    "votes.breakdown": {"votants"},
    "attendance.present_count": {"presents"},
    "attendance.proxy_count": {"pouvoirs"},
    "attendance.members_total": {"exercice", "presents"},
    "quorum.reached": {"presents", "exercice"},
    "votes.votants_le_exercice": {"votants", "exercice"},
}


def force(rule: str, plan: Plan, target: int) -> None:
    """Print what the rule compares (and nothing that would break a second rule)."""
    shown = SHOWN.get(rule, set())
    plan.counts_shown = [f for f in ("exercice", "presents", "pouvoirs", "votants", "absents")
                         if f in shown or f in plan.counts_shown]
    plan.present_list |= rule in ("attendance.present_count", "proxy.giver_absent", "proxy.holder_present")
    plan.absences_list |= rule.startswith("proxy.") or rule in ("attendance.proxy_count", "attendance.members_total")
    if rule in ("attendance.members_total", "votes.votants_le_exercice"):
        plan.afferents = False
    if rule == "votes.votants_le_exercice":  # nothing may count the absent
        plan.absences_list = False
        plan.counts_shown = [f for f in plan.counts_shown if f != "absents"]
    plan.convocation_line |= rule == "dates.convocation_before_session"
    if rule == "quorum.reached":  # no sentence claiming the quorum
        plan.quorum_claims = False
        plan.count_layout = "per_line" if plan.count_layout == "brackets" else plan.count_layout
    if rule in ITEM_RULES:
        plan.forced_votes[target] = "full" if rule == "votes.breakdown" else "pour_contre"


def apply(rule: str, plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> dict:
    """Break the rule in print; returns the truth's `planted` entry."""
    FAULTS[rule](plan, sitting, rng, target)
    scope = "deliberation" if rule in ITEM_RULES else "sitting"
    return {"check_id": rule, "deliberation": target if scope == "deliberation" else 0, "scope": scope}


def _spare(plan: Plan, sitting: Sitting) -> object:
    """A present member who is neither officer, proxy holder nor non-voter."""
    busy = {a.holder for a in sitting.attendance.absences} | {sitting.president, sitting.secretary}
    busy |= {item.non_voter for item in sitting.items}
    return next(m for m in reversed(plan.present_printed) if m not in busy)


def _votants(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """Votants printed one off présents + pouvoirs; the votes add up to the printed figure."""
    att, n = sitting.attendance, sitting.exercice
    delta = 1 if att.votants + 1 <= n and rng.random() < 0.5 else -1
    plan.stated_counts["votants"] = att.votants + delta
    _redraw_votes(sitting, plan.stated_counts["votants"], rng)


def _redraw_votes(sitting: Sitting, votants: int, rng: random.Random) -> None:
    for item in sitting.items:
        if item.vote is not None:
            item.vote = draw_vote(rng, votants, item.vote.nv, item.vote.kind if item.vote.kind != "split_no_abst" else "split")


def _breakdown(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """One vote's figures add up to one more or one less than its votants."""
    vote = _deliberations(sitting)[target].vote
    if vote.result == "adopte" and vote.pour - 1 <= vote.contre:
        vote.pour += 1
    elif vote.result == "rejete" and vote.pour == 0:
        vote.pour += 1
    else:
        vote.pour += rng.choice([-1, 1]) if vote.result == "adopte" else -1
        vote.pour = max(vote.pour, 0)


def _result(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """Adopted with more against than for."""
    item = _deliberations(sitting)[target]
    expressed = item.vote.pour + item.vote.contre + item.vote.abst
    contre = expressed // 2 + 1
    abst = rng.randint(0, max(0, expressed - contre - 1) // 3)
    item.vote = Vote(expressed - contre - abst, contre, abst, item.vote.nv, "adopte")


def _present_count(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """A present member left out of the printed list."""
    plan.present_printed.remove(_spare(plan, sitting))


def _proxy_count(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """A proxy left out of the printed list: its giver is only excused."""
    giver = rng.choice([a for a in plan.absences_printed if a.holder])
    giver.holder = None
    giver.excused = True


def _members_total(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    plan.stated_counts["exercice"] = sitting.exercice + 1


def _giver_absent(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """A proxy giver printed among the present, in the place of a member never named."""
    giver = rng.choice([a for a in plan.absences_printed if a.holder]).member
    plan.present_printed[plan.present_printed.index(_spare(plan, sitting))] = giver


def _holder_present(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """A proxy held by a member who is absent."""
    away = rng.choice([a.member for a in plan.absences_printed if not a.holder])
    rng.choice([a for a in plan.absences_printed if a.holder]).holder = away


def _one_per_holder(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    first, second = rng.sample([a for a in plan.absences_printed if a.holder], 2)
    second.holder = first.holder


def _quorum(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """The world was drawn without a quorum (Needs.quorum_fails): nothing to change."""


def _convocation(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    sitting.convocation = sitting.date + dt.timedelta(days=rng.randint(1, 5))


def _le_exercice(plan: Plan, sitting: Sitting, rng: random.Random, target: int) -> None:
    """Fewer members in office printed than votants (nothing else counts the members)."""
    att = sitting.attendance
    plan.stated_counts["exercice"] = att.votants - rng.randint(1, att.pouvoirs)


def _deliberations(sitting: Sitting) -> list:
    return [item for item in sitting.items if not item.info]


FAULTS = {"attendance.votants": _votants, "votes.breakdown": _breakdown,
          "votes.result_consistent": _result, "attendance.present_count": _present_count,
          "attendance.proxy_count": _proxy_count, "attendance.members_total": _members_total,
          "proxy.giver_absent": _giver_absent, "proxy.holder_present": _holder_present,
          "proxy.one_per_holder": _one_per_holder, "quorum.reached": _quorum,
          "dates.convocation_before_session": _convocation, "votes.votants_le_exercice": _le_exercice}
