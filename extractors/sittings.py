"""Sittings and members, derived from the rows the readers wrote (a stage of its own).

A document gives deliberation rows (`deliberations`), who was listed at each
(`attendance`) and proxies (`proxies`), all keyed by the deliberation's `seq`. Analysts
ask per sitting and per member ("how often was X present?"), which those rows answer only
through a DISTINCT over per-item attendance. This stage groups them:

- `sittings`: the deliberations of one document that share a date, an assembly and a
  body are one sitting (a register of extracts, or the items of a procès-verbal); its
  counts are those stated for its first deliberation that states them (the opening), with
  the fewest and most present over its deliberations (members leave and arrive).
- `members`: one row per name listed in a sitting's attendance: at how many of its
  deliberations listed, how many present, excused, whose proxy they held.

It reads only the rows' columns (schemas/tables.py), never a reader's internals, so it
holds whichever reader wrote them.
"""
from __future__ import annotations

from collections import defaultdict

from schemas import Document

OPENING = ("session_time", "collectivite", "organe", "lieu", "president", "secretaire", "convocation_date",
           "membres_en_exercice", "presents", "pouvoirs")


def extract(doc: Document) -> Document:
    delibs = sorted(doc.records.get("deliberations", []), key=lambda d: d.get("seq") or 0)
    groups = group_sittings(delibs)
    sitting_of = {d.get("seq"): n for n, rows in enumerate(groups, 1) for d in rows}
    members = _members(doc, sitting_of)
    for n, rows in enumerate(groups, 1):
        listed = [m for m in members if m["sitting"] == n]
        doc.add("sittings", _sitting(n, rows, listed))
    for m in members:
        doc.add("members", m)
    return doc


def group_sittings(delibs: list[dict]) -> list[list[dict]]:
    """Deliberations grouped by (date, assembly, body), in document order. A row that does
    not say its assembly or body joins the sitting of its date that does."""
    said = defaultdict(set)
    for d in delibs:
        said[d.get("session_date")].add((_norm(d.get("organe")), _norm(d.get("collectivite"))))
    groups: dict[tuple, list[dict]] = {}
    for d in delibs:
        date, key = d.get("session_date"), (_norm(d.get("organe")), _norm(d.get("collectivite")))
        known = sorted(k for k in said[date] if all(k))
        if not all(key) and len(known) == 1:
            key = known[0]
        groups.setdefault((date, key), []).append(d)
    return list(groups.values())


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _sitting(n: int, rows: list[dict], listed: list[dict]) -> dict:
    first = rows[0]
    out = {"sitting": n, "session_date": first.get("session_date"), "deliberations": len(rows),
           "seq_first": first.get("seq"), "seq_last": rows[-1].get("seq")}
    for column in OPENING:  # as stated for the first deliberation that states it
        out[column] = next((d[column] for d in rows if d.get(column) is not None), None)
    presents = [d["presents"] for d in rows if d.get("presents") is not None]
    out["presents_min"] = min(presents, default=None)
    out["presents_max"] = max(presents, default=None)
    out["members_listed"] = len(listed)
    out["members_present"] = sum(1 for m in listed if m["items_present"])
    return out


def _members(doc: Document, sitting_of: dict) -> list[dict]:
    """One row per (sitting, name) of the attendance rows, in the order first listed."""
    out: dict[tuple, dict] = {}
    for a in doc.records.get("attendance", []):
        sitting = sitting_of.get(a.get("seq"))
        if sitting is None or not a.get("name"):
            continue
        m = out.setdefault((sitting, a["name"]), {
            "sitting": sitting, "name": a["name"], "items_listed": 0, "items_present": 0, "excused": None,
            "proxy_holder": None, "substitute_for": None, "proxy_givers": []})
        m["items_listed"] += 1
        if a.get("status") == "present":
            m["items_present"] += 1
        elif a.get("excused") is not None:
            m["excused"] = bool(m["excused"]) or a["excused"]
        m["proxy_holder"] = m["proxy_holder"] or a.get("proxy_holder")
        m["substitute_for"] = m["substitute_for"] or a.get("substitute_for")
    _proxies(doc, sitting_of, out)
    for m in out.values():
        m["status"] = ("present" if m["items_present"] == m["items_listed"]
                       else "absent" if m["items_present"] == 0 else "partial")
        m["proxies_held"] = len(m["proxy_givers"])
    return list(out.values())


def _proxies(doc: Document, sitting_of: dict, members: dict[tuple, dict]) -> None:
    """Proxies given and held, per sitting, from the `proxies` rows."""
    for p in doc.records.get("proxies", []):
        sitting = sitting_of.get(p.get("seq"))
        giver, holder = p.get("giver"), p.get("holder")
        if sitting is None or not giver or not holder:
            continue
        if (sitting, giver) in members:
            members[(sitting, giver)]["proxy_holder"] = members[(sitting, giver)]["proxy_holder"] or holder
        if (sitting, holder) in members and giver not in members[(sitting, holder)]["proxy_givers"]:
            members[(sitting, holder)]["proxy_givers"].append(giver)
