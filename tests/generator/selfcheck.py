"""The rules of README's checks table, evaluated on the generator's own labels: a consistent
document breaks none, a planted one exactly the rule it records. Written from the table,
not from checks/ (so it also checks the generator against an independent reading).

Stricter than a reader's checks where that is safe: a missing contre or abstentions next
to a stated pour counts as 0, a missing votants as présents + pouvoirs.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

EMERGENCY = (dt.date(2020, 3, 24), dt.date(2022, 7, 31))


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(sorted(text.replace("-", " ").replace(",", " ").split()))


def _merged(sitting: dict, delib: dict) -> dict:
    """The values that hold for one deliberation: its own, else the sitting's."""
    keys = ("presents", "pouvoirs", "votants", "absents", "present", "absent")
    out = {k: delib[k] if delib.get(k) is not None else sitting.get(k) for k in keys}
    out["exercice"] = sitting.get("membres_en_exercice")
    return out


def attendance_faults(v: dict, date: dt.date) -> set[str]:
    found = set()
    p, pv, votants, n = v["presents"], v["pouvoirs"], v["votants"], v["exercice"]
    present, absent = v["present"], v["absent"]
    if None not in (p, pv, votants) and votants != p + pv:
        found.add("attendance.votants")
    if present is not None and p is not None and len(present) != p:
        found.add("attendance.present_count")
    if absent is not None and pv is not None and sum(1 for a in absent if a["proxy_holder"]) != pv:
        found.add("attendance.proxy_count")
    count = p if p is not None else (len(present) if present is not None else None)
    if n is not None and count is not None:
        if absent is not None and count + len(absent) != n:
            found.add("attendance.members_total")
        if v["absents"] is not None and count + v["absents"] != n:
            found.add("attendance.members_total")
        emergency = EMERGENCY[0] <= date <= EMERGENCY[1]
        if (count < n / 3) if emergency else (count <= n / 2):
            found.add("quorum.reached")
    if votants is None and None not in (p, pv):
        votants = p + pv
    if None not in (votants, n) and votants > n:
        found.add("votes.votants_le_exercice")
    return found | proxy_faults(present, absent, date)


def proxy_faults(present: list | None, absent: list | None, date: dt.date) -> set[str]:
    found = set()
    if absent is None:
        return found
    holders = [fold(a["proxy_holder"]) for a in absent if a["proxy_holder"]]
    limit = 2 if EMERGENCY[0] <= date <= EMERGENCY[1] else 1
    if any(holders.count(h) > limit for h in holders):
        found.add("proxy.one_per_holder")
    if present is not None:
        here = {fold(name) for name in present}
        if any(fold(a["name"]) in here for a in absent if a["proxy_holder"]):
            found.add("proxy.giver_absent")
        if any(h not in here for h in holders):
            found.add("proxy.holder_present")
    return found


def vote_faults(delib: dict, v: dict) -> set[str]:
    found = set()
    pour, contre, abst = delib.get("pour"), delib.get("contre"), delib.get("abstentions")
    votants = delib.get("votants") or v["votants"]
    if votants is None and None not in (v["presents"], v["pouvoirs"]):
        votants = v["presents"] + v["pouvoirs"]
    if pour is not None and votants is not None:
        if pour + (contre or 0) + (abst or 0) != votants - (delib.get("non_votants") or 0):
            found.add("votes.breakdown")
    if pour is not None and contre is not None:
        result = delib.get("resultat")
        if (result == "adopte" and pour < contre) or (result == "rejete" and pour > contre):
            found.add("votes.result_consistent")
    return found


def violations(labels: dict) -> set[str]:
    """Every rule the labelled values break."""
    sitting = labels["sittings"][0]
    date = dt.date.fromisoformat(sitting["session_date"])
    found = set()
    conv = sitting.get("convocation_date")
    if conv and dt.date.fromisoformat(conv) >= date:
        found.add("dates.convocation_before_session")
    for delib in labels["deliberations"]:
        merged = _merged(sitting, delib)
        found |= attendance_faults(merged, date) | vote_faults(delib, merged)
    return found
