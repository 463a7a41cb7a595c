"""The vote of a deliberation against its attendance.

    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Pour : 41
    Contre : 0
    Abstention : 0
    Non votants : 0
"""
from __future__ import annotations

from typing import Iterator

from checks.context import Tables, as_int, deliberations, where
from checks.rules import Finding, check, finding


@check("votes.breakdown", needs=("deliberations",))
def breakdown(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        pour, contre, abst, votants = (as_int(d.get(k)) for k in ("pour", "contre", "abstentions", "votants"))
        if None in (pour, contre, abst, votants):
            continue  # "Contre" not stated: the sum cannot be judged
        non_votants = as_int(d.get("non_votants")) or 0
        total = pour + contre + abst
        # Registers differ: some count the non-votants among the votants, some not.
        if total in (votants, votants - non_votants):
            continue
        expected = str(votants) if not non_votants else f"{votants} ou {votants - non_votants}"
        yield finding("votes.breakdown", **where(tables, d, "pour", "votants"),
                      expected=expected, actual=total, pour=pour, contre=contre,
                      abstentions=abst, votants=votants,
                      non_votants_text=f", ou {votants - non_votants} sans les {non_votants} non-votants"
                      if non_votants else "")


@check("votes.votants_le_exercice", needs=("deliberations",))
def votants_le_exercice(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        votants, members = as_int(d.get("votants")), as_int(d.get("membres_en_exercice"))
        if votants is None or members is None or votants <= members:
            continue
        yield finding("votes.votants_le_exercice", **where(tables, d, "votants", "membres_en_exercice"),
                      expected=members, actual=votants)


RESULT_TEXT = {"adopte": "adoptée", "rejete": "rejetée"}


@check("votes.result_consistent", needs=("deliberations",))
def result_consistent(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        result, pour, contre = d.get("resultat"), as_int(d.get("pour")), as_int(d.get("contre"))
        if result not in RESULT_TEXT or pour is None or contre is None or pour == contre:
            continue  # a tie is settled by the president's casting vote: not judged
        adopted = pour > contre  # absolute majority of suffrages exprimés (abstentions excluded)
        if adopted == (result == "adopte"):
            continue
        yield finding("votes.result_consistent", **where(tables, d, "resultat", "pour", "contre"),
                      expected="rejete" if adopted else "adopte", actual=result,
                      resultat_text=RESULT_TEXT[result], pour=pour, contre=contre)
