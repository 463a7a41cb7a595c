"""Proxies ("Gilles AMAT pouvoir à Denis DELPIROU") against the list of présents.

A proxy is given by an absent member to a member present (CGCT L2121-20), and
nobody holds more than one — two during the health-emergency periods
(checks/legal_periods.json, picked by the date of the sitting).

Names are matched tolerantly (checks/names.py); a problem found through a near or
partial match ("G. HUET" for "HUET"), or on a line read by OCR with low confidence,
is a notice: the reading may be what is wrong.
"""
from __future__ import annotations

from typing import Iterator

from checks import legal, names
from checks.context import Source, Tables, as_date, as_float, as_int, by_deliberation, deliberations, where
from checks.rules import Finding, check
from checks.trust import OCR_DOUBT_BELOW, doubtful, list_doubt

MATCH_DOUBT = {names.FUZZY: "nom rapproché par une orthographe voisine",
               names.PARTIAL: "nom rapproché par le seul nom de famille"}


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


def _ocr_doubt(tables: Tables, delib: dict, *tables_read: str) -> str | None:
    """"liste lue par OCR (confiance 62)" when a line of these lists was read below the threshold."""
    seq = as_int(delib.get("seq"))
    confs = [c for t in tables_read for r in tables.provenance_of(delib["doc_id"], t, seq)
             if (c := as_float(r.get("confidence"))) is not None]
    low = min(confs, default=None)
    return f"liste lue par OCR (confiance {low:.0f})" if low is not None and low < OCR_DOUBT_BELOW else None


def _pairs(tables: Tables, rule_id: str) -> Iterator[tuple[dict, list[dict], list[str]]]:
    """(deliberation, its proxies, names present) for deliberations listing both; the
    others are recorded as not evaluated (or evaluated, when "Pouvoirs : 0" is read)."""
    attendance = by_deliberation(tables, "attendance")
    proxies = by_deliberation(tables, "proxies")
    for d in deliberations(tables):
        key = (d["doc_id"], as_int(d.get("seq")))
        present = _present_names(attendance.get(key, []))
        if not proxies.get(key):
            _no_proxy(tables, rule_id, d)
        elif not present and rule_id != "proxy.one_per_holder":
            tables.skip(rule_id, *key, "liste des présents non lue")
        else:
            tables.ran(rule_id, *key)
            yield d, proxies[key], present


def _no_proxy(tables: Tables, rule_id: str, d: dict) -> None:
    if as_int(d.get("pouvoirs")) == 0:
        tables.ran(rule_id, d["doc_id"], as_int(d.get("seq")))  # no proxy given: nothing can be wrong
    else:
        tables.skip(rule_id, d["doc_id"], as_int(d.get("seq")), "aucune procuration listée")


@check("proxy.giver_absent", needs=("deliberations",))
def giver_absent(tables: Tables) -> Iterator[Finding]:
    for d, proxies, present in _pairs(tables, "proxy.giver_absent"):
        for p in proxies:
            same, how = names.match_how(p.get("giver") or "", present)
            if same is None:
                continue
            doubts = [MATCH_DOUBT.get(how), _ocr_doubt(tables, d, "proxies", "attendance"),
                      list_doubt(tables, d, "proxies", "attendance")]
            yield doubtful("proxy.giver_absent", doubts, **_proxy_where(tables, d, p, "giver"),
                           expected="absent", actual="present", giver=p.get("giver"), holder=p.get("holder"))


@check("proxy.holder_present", needs=("deliberations",))
def holder_present(tables: Tables) -> Iterator[Finding]:
    attendance = by_deliberation(tables, "attendance")
    for d, proxies, present in _pairs(tables, "proxy.holder_present"):
        # listed under "excusés" or "non excusés": said absent, not "Absents : X (arrivé à 20 h 10)"
        absent = [r["name"] for r in attendance.get((d["doc_id"], as_int(d.get("seq"))), [])
                  if r.get("status") == "absent" and r.get("name") and r.get("excused") is not None]
        for p in proxies:
            same, how = names.match_how(p.get("holder") or "", present)
            if not p.get("holder") or same is not None or how == names.AMBIGUOUS:
                continue  # an ambiguous surname is somebody present
            # "Absents non excusés : Madame Rolande Chapuis": listed absent in so many words, the
            # holder is not one the présents' list left out when it was read short
            listed_absent = names.match_how(p["holder"], absent)[1] == names.EXACT
            yield doubtful("proxy.holder_present", [_ocr_doubt(tables, d, "proxies", "attendance"),
                                                    list_doubt(tables, d, "proxies", "attendance"),
                                                    None if listed_absent else _short_list(d, present)],
                           **_proxy_where(tables, d, p, "giver"), expected="present", actual="absent",
                           giver=p.get("giver"), holder=p.get("holder"))


def _short_list(delib: dict, present: list[str]) -> str | None:
    """"liste des présents : 51 noms pour 65 présents": a list shorter than the count read was
    not read whole (a page's header cut it, say), so a holder missing from it may be on it."""
    stated = as_int(delib.get("presents"))
    if stated is not None and len(present) < stated:
        return f"liste des présents : {len(present)} noms pour {stated} présents"
    return None


@check("proxy.one_per_holder", needs=("deliberations",))
def one_per_holder(tables: Tables) -> Iterator[Finding]:
    for d, rows, _ in _pairs(tables, "proxy.one_per_holder"):
        rule = legal.rule_on(as_date(d.get("session_date")))
        by_holder = names.group(r.get("holder") for r in rows)
        for holder, held in by_holder.items():
            if len(held) <= rule.max_proxies_per_holder:
                continue
            proxy = next(r for r in rows if r.get("holder") == holder)
            doubts = [MATCH_DOUBT.get(names.match_how(h, [holder])[1]) for h in held] + [_undated(d, len(held))]
            yield doubtful("proxy.one_per_holder", doubts + [_ocr_doubt(tables, d, "proxies")],
                           **_proxy_where(tables, d, proxy, "holder"), expected=rule.max_proxies_per_holder,
                           actual=len(held), holder=holder, source=rule.proxy_source)


def _undated(delib: dict, held: int) -> str | None:
    """The sitting's date not read: two proxies a holder were lawful in 2020–2022 (checks/legal_periods.json)."""
    if as_date(delib.get("session_date")) is not None:
        return None
    most = max(rule.max_proxies_per_holder for rule in legal.load()[1])
    return f"date de séance non lue : jusqu'à {most} pouvoirs admis en période d'urgence" if held <= most else None
