"""The vote of a deliberation against its attendance.

    Présents : 29 – Pouvoirs : 12 – Votants : 41
    Pour : 41
    Contre : 0
    Abstention : 0
    Non votants : 0

"À l'unanimité" with no figures gives pour = votants, contre = abstentions = 0 (derived,
provenance.derived): such a pour is never compared with the votants it was taken from.
"""
from __future__ import annotations

from typing import Iterator

from checks.context import Tables, as_int, deliberations, where
from checks.rules import Finding, check
from checks.trust import compare


@check("votes.breakdown", needs=("deliberations",))
def breakdown(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "votes.breakdown", d, dict(pour=as_int, contre=as_int, abstentions=as_int,
                                                       votants=as_int), optional=dict(non_votants=as_int))
        if c is None:
            continue  # "Contre" not stated: the sum cannot be judged
        pour, contre, abst, votants = c["pour"], c["contre"], c["abstentions"], c["votants"]
        non_votants = c["non_votants"] or 0
        total = pour + contre + abst
        # Registers differ: some count the non-votants among the votants, some not.
        if total in (votants, votants - non_votants):
            continue
        expected = str(votants) if not non_votants else f"{votants} ou {votants - non_votants}"
        yield c.finding("votes.breakdown", **where(tables, d, "pour", "votants"),
                        expected=expected, actual=total, pour=pour, contre=contre,
                        abstentions=abst, votants=votants,
                        non_votants_text=f", ou {votants - non_votants} sans les {non_votants} non-votants"
                        if non_votants else "")


@check("votes.votants_le_exercice", needs=("deliberations",))
def votants_le_exercice(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "votes.votants_le_exercice", d, dict(votants=as_int, membres_en_exercice=as_int))
        if c is None or c["votants"] <= c["membres_en_exercice"]:
            continue
        yield c.finding("votes.votants_le_exercice", **where(tables, d, "votants", "membres_en_exercice"),
                        expected=c["membres_en_exercice"], actual=c["votants"])


RESULT_TEXT = {"adopte": "adoptée", "rejete": "rejetée"}


def _result(value) -> str | None:
    return value if value in RESULT_TEXT else None


@check("votes.result_consistent", needs=("deliberations",))
def result_consistent(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "votes.result_consistent", d, dict(resultat=_result, pour=as_int, contre=as_int))
        if c is None:
            continue
        result, pour, contre = c["resultat"], c["pour"], c["contre"]
        if pour == contre:  # a tie is settled by the president's casting vote: not judged
            tables.skip("votes.result_consistent", d["doc_id"], as_int(d.get("seq")),
                        "égalité des voix (voix prépondérante) : non jugée", replace=True)
            continue
        adopted = pour > contre  # absolute majority of suffrages exprimés (abstentions excluded)
        if adopted == (result == "adopte"):
            continue
        yield c.finding("votes.result_consistent", **where(tables, d, "resultat", "pour", "contre"),
                        expected="rejete" if adopted else "adopte", actual=result,
                        resultat_text=RESULT_TEXT[result], pour=pour, contre=contre)
