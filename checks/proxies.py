"""Proxies ("Gilles AMAT pouvoir à Denis DELPIROU") against the list of présents.

A proxy is given by an absent member to a member present (CGCT L2121-20), and
nobody holds more than one — two during the health-emergency periods
(checks/legal_periods.json, picked by the date of the sitting).
"""
from __future__ import annotations

from typing import Iterator

from checks import legal, names
from checks.context import Source, Tables, as_date, as_int, by_deliberation, deliberations, where
from checks.rules import Finding, check, finding


def _present_names(rows: list[dict]) -> list[str]:
    return [r["name"] for r in rows if r.get("status") == "present" and r.get("name")]


def _proxy_where(tables: Tables, delib: dict, proxy: dict, field: str) -> dict:
    """Subject and source of one proxy: its own provenance, else its page.

    The subject names the person (`deliberation 1 proxy Gilles AMAT`) so that two
    findings of one deliberation keep distinct keys.
    """
    base = where(tables, delib, "pouvoirs")
    base["subject"] += f" {'holder' if field == 'holder' else 'proxy'} {proxy.get(field)}"
    key = f"seq={base['seq']}|giver={proxy.get('giver')}"
    src = tables.locate(delib["doc_id"], "proxies", key, (field, "giver", "holder"),
                        Source(as_int(proxy.get("page")) or base["page"], None, None))
    if src.quote is None:  # the list itself was not traced: quote the count line
        src = Source(src.page, base["line"] if src.page == base["page"] else None, base["quote"])
    return {**base, **src.as_dict()}


def _pairs(tables: Tables) -> Iterator[tuple[dict, list[dict], list[str]]]:
    """(deliberation, its proxies, names present) for deliberations listing both."""
    attendance = by_deliberation(tables, "attendance")
    proxies = by_deliberation(tables, "proxies")
    for d in deliberations(tables):
        key = (d["doc_id"], as_int(d.get("seq")))
        present = _present_names(attendance.get(key, []))
        if proxies.get(key) and present:
            yield d, proxies[key], present


@check("proxy.giver_absent", needs=("deliberations", "attendance", "proxies"))
def giver_absent(tables: Tables) -> Iterator[Finding]:
    for d, proxies, present in _pairs(tables):
        for p in proxies:
            same = names.match(p.get("giver") or "", present)
            if same is None:
                continue
            yield finding("proxy.giver_absent", **_proxy_where(tables, d, p, "giver"),
                          expected="absent", actual="present",
                          giver=p.get("giver"), holder=p.get("holder"))


@check("proxy.holder_present", needs=("deliberations", "attendance", "proxies"))
def holder_present(tables: Tables) -> Iterator[Finding]:
    for d, proxies, present in _pairs(tables):
        for p in proxies:
            if not p.get("holder") or names.match(p["holder"], present) is not None:
                continue
            yield finding("proxy.holder_present", **_proxy_where(tables, d, p, "giver"),
                          expected="present", actual="absent",
                          giver=p.get("giver"), holder=p.get("holder"))


@check("proxy.one_per_holder", needs=("deliberations", "proxies"))
def one_per_holder(tables: Tables) -> Iterator[Finding]:
    proxies = by_deliberation(tables, "proxies")
    for d in deliberations(tables):
        rows = proxies.get((d["doc_id"], as_int(d.get("seq"))), [])
        rule = legal.rule_on(as_date(d.get("session_date")))
        by_holder = names.group(r.get("holder") for r in rows)
        for holder, held in by_holder.items():
            if len(held) <= rule.max_proxies_per_holder:
                continue
            proxy = next(r for r in rows if r.get("holder") == holder)
            yield finding("proxy.one_per_holder", **_proxy_where(tables, d, proxy, "holder"),
                          expected=rule.max_proxies_per_holder, actual=len(held),
                          holder=holder, source=rule.proxy_source)
