"""Attendance counts of a deliberation: the header of the register extract.

    Membres en exercice : 57
    Présents : 29 – Pouvoirs : 12 – Votants : 41

The stated counts are compared with each other and with the lists of names
("Étaient présents :", "Étaient absents excusés :", "Pouvoirs :"). Values come through
`checks.trust.compare`: a count not read skips the rule (said in `coverage`), a count
derived from the very list it is compared with is not compared, a doubtful reading
makes a mismatch a notice.
"""
from __future__ import annotations

from typing import Iterator

from checks.context import Source, Tables, as_bool, as_int, by_deliberation, deliberations, where
from checks import names
from checks.rules import ERROR, NOTICE, WARNING, Finding, check, finding
from checks.trust import compare, counted, value


@check("attendance.votants", needs=("deliberations",))
def votants(tables: Tables) -> Iterator[Finding]:
    for d in deliberations(tables):
        c = compare(tables, "attendance.votants", d, dict(presents=as_int, pouvoirs=as_int, votants=as_int))
        # "Présents : 33 - Représentés : 8 - Ne prend pas part au vote : 1 - Votants : 40": those
        # who do not vote left out of the votants, as some clerks count them
        apart = as_int(d.get("non_votants")) or 0
        if c is None or c["votants"] in (c["presents"] + c["pouvoirs"], c["presents"] + c["pouvoirs"] - apart):
            continue
        yield c.finding("attendance.votants", **where(tables, d, "votants", "presents", "pouvoirs"),
                        expected=c["presents"] + c["pouvoirs"], actual=c["votants"],
                        votants=c["votants"], presents=c["presents"], pouvoirs=c["pouvoirs"])


@check("attendance.presents_le_exercice", needs=("deliberations",))
def presents_le_exercice(tables: Tables) -> Iterator[Finding]:
    """"Membres en exercice : 25" / "Membres présents : 26": more in the room than the body has."""
    yield from over_members(tables, "attendance.presents_le_exercice", "presents")


def over_members(tables: Tables, rule_id: str, column: str) -> Iterator[Finding]:
    """A count (présents, votants) over the members in office."""
    for d in deliberations(tables):
        c = compare(tables, rule_id, d, {column: as_int, "membres_en_exercice": as_int})
        if c is None or c[column] <= c["membres_en_exercice"]:
            continue
        yield c.finding(rule_id, **where(tables, d, column, "membres_en_exercice"),
                        expected=c["membres_en_exercice"], actual=c[column])


@check("attendance.present_count", needs=("deliberations",))
def present_count(tables: Tables) -> Iterator[Finding]:
    lists = by_deliberation(tables, "attendance")
    for d in deliberations(tables):
        rows = lists.get((d["doc_id"], as_int(d.get("seq")))) or ()
        listed = sum(r.get("status") == "present" for r in rows)
        if not listed:  # no list of présents: nothing to count
            tables.skip("attendance.present_count", d["doc_id"], as_int(d.get("seq")),
                        "liste des présents non lue")
            continue
        c = compare(tables, "attendance.present_count", d, dict(presents=as_int), lists=("attendance",))
        if c is None or listed == c["presents"]:
            continue
        row = c.finding("attendance.present_count", **where(tables, d, "presents"), expected=c["presents"], actual=listed)
        unreconciled = _lists_unreconciled(rows, as_int(d.get("membres_en_exercice")))
        if listed + 1 == c["presents"] and _president_apart(d, rows) and row["severity"] != NOTICE:
            row["severity"], row["message"] = NOTICE, row["message"] + PRESIDENT_APART.format(d["president"])
        elif unreconciled and row["severity"] == ERROR:  # the document disagrees with itself, which side is unsure
            row["severity"], row["message"] = WARNING, row["message"] + " — à vérifier : " + unreconciled
        yield row


PRESIDENT_APART = " — à vérifier : le président ({}), nommé à part, n'est pas dans la liste des présents"


def _president_apart(d: dict, rows) -> bool:
    """"Présidence : M. DENIS Thomas" above a list of présents without him, "Présents : 64" counting
    him: one name short, and the one who presides is that name."""
    president = d.get("president") if isinstance(d.get("president"), str) else None
    listed = [r.get("name") or "" for r in rows]  # listed absent or giving a proxy: not the one short
    return bool(president) and names.match_how(president, listed)[0] is None


def _lists_unreconciled(rows, members: int | None) -> str | None:
    """Lists that do not add up to the members in office (a name dropped by the clerk, or
    split in two, a running header read as a name, a table's names run together by the
    reader) are in doubt themselves: the mismatch is a warning, not an error. Lists that
    add up point at the count."""
    present = sum(r.get("status") == "present" for r in rows)
    absent = sum(r.get("status") == "absent" for r in rows)
    if members is None:  # nothing to add them up to: the lists may be the ones read wrong
        return f"les listes ({present} présents + {absent} absents) ne peuvent être rapprochées d'aucun nombre de membres en exercice"
    if present + absent == members:
        return None
    return f"les listes ({present} présents + {absent} absents) ne font pas les {members} membres en exercice"


@check("attendance.proxy_count", needs=("deliberations",))
def proxy_count(tables: Tables) -> Iterator[Finding]:
    lists, people = by_deliberation(tables, "proxies"), by_deliberation(tables, "attendance")
    for d in deliberations(tables):
        key = (d["doc_id"], as_int(d.get("seq")))
        listed = len(lists.get(key, ()))
        said_none = not listed and as_bool(d.get("pouvoirs_neant"))  # "Pouvoirs : néant" printed
        if not listed and as_int(d.get("pouvoirs")) and not said_none and not _everyone_listed(people.get(key) or (), d):
            # "Pouvoirs : 3" with no list read (a list of presents alone says nothing of proxies)
            tables.skip("attendance.proxy_count", d["doc_id"], as_int(d.get("seq")), "procurations non listées")
            continue
        # none listed: the lists of members are what says so, their doubts with them
        c = compare(tables, "attendance.proxy_count", d, dict(pouvoirs=as_int),
                    lists=("proxies",) if listed else ("proxies", "attendance"))
        if c is None or listed == c["pouvoirs"]:
            continue
        row = c.finding("attendance.proxy_count", **where(tables, d, "pouvoirs"), expected=c["pouvoirs"], actual=listed)
        if not listed and not said_none and row["severity"] == ERROR:  # none read may be a phrasing not read ("Délégations de vote :")
            row["severity"], row["message"] = WARNING, row["message"] + NONE_READ
        elif 0 < listed * 2 <= c["pouvoirs"] and row["severity"] == ERROR:
            # "Pouvoirs : 9" and one proxy read from "X, excusée, qui a donné pouvoir à Y - M. Z, …": a
            # list read short, not a clerk's slip of one or two
            row["severity"], row["message"] = WARNING, row["message"] + SHORT_READ
        yield row


NONE_READ = " — à vérifier : aucun pouvoir lu à côté des membres listés, qui font les membres en exercice"
SHORT_READ = " — à vérifier : la moitié des pouvoirs au plus a été lue, la liste n'a sans doute pas été lue entière"


def _everyone_listed(rows, d: dict) -> bool:
    """Every member in office is listed, present or absent, and some are absent: a proxy is
    mostly said beside its giver, so none read is probably none given ("Pouvoirs : 1" over lists
    of 26 présents, 2 excusés and 1 absent, 29 members, no one "pouvoir à"); probably, so the
    mismatch is a warning, and a notice when a list is in doubt."""
    members = as_int(d.get("membres_en_exercice"))
    absent = sum(r.get("status") == "absent" for r in rows)
    return bool(rows) and members is not None and absent > 0 and _lists_unreconciled(rows, members) is None


@check("attendance.members_total", needs=("deliberations",))
def members_total(tables: Tables) -> Iterator[Finding]:
    """Présents + absents = membres; absents as stated, else as listed (then in doubt: some
    registers list only the excused). A stated count of absents may leave out those who
    gave a proxy ("Présents : 8 — Représentés : 2 — Absent : 1", 11 members) when the
    lists or the stated pouvoirs show it: then présents + absents + those represented = membres."""
    lists, proxies = by_deliberation(tables, "attendance"), by_deliberation(tables, "proxies")
    for d in deliberations(tables):
        key = (d["doc_id"], as_int(d.get("seq")))
        rows = lists.get(key) or ()
        listed = sum(r.get("status") == "absent" for r in rows)
        whole = sum(r.get("status") == "present" for r in rows) == as_int(d.get("presents"))
        read = value(tables, d, "absents", as_int)  # stated, or counted on the list by the reader
        extra = {"absents": counted("absents", listed, "absents_listed_whole" if whole else "absents_listed")} \
            if listed and (read is None or read.method == "absents_listed") else None
        c = compare(tables, "attendance.members_total", d,
                    dict(membres_en_exercice=as_int, presents=as_int, absents=as_int), extra=extra)
        represented = len(proxies.get(key) or ())
        apart = extra is None and represented and c is not None and c["absents"] == listed - represented
        if c is None or c["membres_en_exercice"] == c["presents"] + c["absents"] + (represented if apart else 0):
            continue
        # "Présents : 55 / Absents ayant donné pouvoir : 11 / Absents : 3", 69 members and no list:
        # the absents stated apart from the represented ones, as the stated pouvoirs show
        if not listed and c["membres_en_exercice"] == c["presents"] + c["absents"] + (as_int(d.get("pouvoirs")) or 0):
            continue
        yield c.finding("attendance.members_total",
                        **where(tables, d, "membres_en_exercice", "absents", "presents"),
                        expected=c["membres_en_exercice"], actual=c["presents"] + c["absents"],
                        presents=c["presents"], absents=c["absents"])


@check("attendance.listed_twice", needs=("deliberations",))
def listed_twice(tables: Tables) -> Iterator[Finding]:
    """"Présents : … M. Thibault RENARD …" and "Absents excusés : M. Thibault RENARD ; …":
    the reader keeps one row (`status`, the first list's) and the other status in
    `also_listed`; a proxy given by someone present is `proxy.giver_absent`'s instead."""
    lists = by_deliberation(tables, "attendance")
    for d in deliberations(tables):
        rows = lists.get((d["doc_id"], as_int(d.get("seq")))) or ()
        if not rows:
            tables.skip("attendance.listed_twice", d["doc_id"], as_int(d.get("seq")), "liste des présents non lue")
            continue
        tables.ran("attendance.listed_twice", d["doc_id"], as_int(d.get("seq")))
        for r in rows:
            if r.get("also_listed") in ("present", "absent") and r.get("also_listed") != r.get("status"):
                yield _twice(tables, d, r)


def _twice(tables: Tables, d: dict, row: dict) -> Finding:
    base = where(tables, d, "presents")
    src = tables.locate(d["doc_id"], "attendance", f"seq={base['seq']}|name={row['name']}", ("name",),
                        Source(as_int(row.get("page")) or base["page"], None, None))
    base = {**base, **({k: v for k, v in src.as_dict().items() if v is not None})}
    base["subject"] += f" member {row['name']}"
    return finding("attendance.listed_twice", **base, expected="présent ou absent",
                   actual="présent et absent", name=row["name"])
