"""Attendance counts of a deliberation: the header of the register extract.

    Membres en exercice : 57
    Présents : 29 – Pouvoirs : 12 – Votants : 41

The stated counts are compared with each other and with the lists of names
("Étaient présents :", "Étaient absents excusés :", "Pouvoirs :").
"""
from __future__ import annotations

from typing import Iterator

from checks.context import Tables, as_int, by_deliberation, deliberations, where
from checks.rules import Finding, check, finding


@check("attendance.votants", needs=("deliberations",))
def votants(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        presents, pouvoirs, stated = (as_int(d.get(k)) for k in ("presents", "pouvoirs", "votants"))
        if None in (presents, pouvoirs, stated) or stated == presents + pouvoirs:
            continue
        yield finding("attendance.votants", **where(tables, d, "votants", "presents", "pouvoirs"),
                      expected=presents + pouvoirs, actual=stated,
                      votants=stated, presents=presents, pouvoirs=pouvoirs)


@check("attendance.present_count", needs=("deliberations", "attendance"))
def present_count(tables: Tables) -> Iterator[Finding]:
    lists = by_deliberation(tables, "attendance")
    for d in deliberations(tables):
        stated, rows = as_int(d.get("presents")), lists.get((d["doc_id"], as_int(d.get("seq"))))
        listed = sum(r.get("status") == "present" for r in rows or ())
        if stated is None or not listed or listed == stated:
            continue  # no list of présents: nothing to count
        yield finding("attendance.present_count", **where(tables, d, "presents"),
                      expected=stated, actual=listed)


@check("attendance.proxy_count", needs=("deliberations", "proxies"))
def proxy_count(tables: Tables) -> Iterator[Finding]:
    lists = by_deliberation(tables, "proxies")
    for d in deliberations(tables):
        stated = as_int(d.get("pouvoirs"))
        listed = len(lists.get((d["doc_id"], as_int(d.get("seq"))), ()))
        if stated is None or not listed or listed == stated:
            continue  # "Pouvoirs : 3" with no list read: cannot be evaluated
        yield finding("attendance.proxy_count", **where(tables, d, "pouvoirs"),
                      expected=stated, actual=listed)


@check("attendance.members_total", needs=("deliberations",))
def members_total(tables: Tables) -> Iterator[Finding]:
    lists = by_deliberation(tables, "attendance")
    for d in deliberations(tables):
        members, presents = as_int(d.get("membres_en_exercice")), as_int(d.get("presents"))
        absents = _absents(d, lists.get((d["doc_id"], as_int(d.get("seq"))), []))
        if None in (members, presents, absents) or presents + absents == members:
            continue
        yield finding("attendance.members_total",
                      **where(tables, d, "membres_en_exercice", "absents", "presents"),
                      expected=members, actual=presents + absents,
                      presents=presents, absents=absents)


def _absents(delib: dict, rows: list[dict]) -> int | None:
    """Absents as stated, else as listed; None when the document lists none."""
    stated = as_int(delib.get("absents"))
    if stated is not None:
        return stated
    listed = sum(r.get("status") == "absent" for r in rows)
    return listed or None
