"""What was read and what was checked, per document and per deliberation (`coverage`).

A document where nothing was checked must not read as clean. For each deliberation the
checks record in `Tables.ledger` whether they were evaluated or why not
("votes.breakdown: contre non lu"); this module turns the ledger into `coverage` rows:

    scope          fields_read              fields_missing    checks_run  checks_skipped     status
    deliberation   session_date, presents…  pour, contre, …   [9 rules]   [3 "rule: reason"] partial
    document       deliberations, proxies…  []                [...]       [...]              partial

and declares `extraction.incomplete`: a document that states a sitting but gives no
deliberation ("L'an deux mille quatorze, le quinze septembre, le conseil municipal…"
read, no item found), or deliberations without their date or counts, are named in one
warning per document and per kind of gap, with the deliberations concerned in `seqs`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from checks.context import Tables, as_int, deliberations, is_null, where
from checks.rules import CHECKS, Finding, check, finding, finding_id

# What a reader is expected to give for a deliberation (the values the checks compare).
EXPECTED = ("session_date", "objet", "membres_en_exercice", "presents", "pouvoirs", "votants",
            "pour", "contre", "abstentions", "resultat", "convocation_date")
READ = ("collectivite", "organe", "numero", "acte_id", "siren", "session_date", "session_time", "lieu",
        "president", "convocation_date", "secretaire", "objet", "membres_en_exercice", "presents",
        "absents", "pouvoirs", "votants", "pour", "contre", "abstentions", "non_votants", "unanimite",
        "resultat")
# Gaps `extraction.incomplete` names: label -> the columns of which at least one is needed.
# The vote is not among them: many minutes record "adopté" with no figures, which the
# coverage says (votes.breakdown: pour non lu) without a warning per document.
GAPS = {"date de séance": ("session_date",),
        "présents ou votants": ("presents", "votants")}
CONTENT = ("deliberations", "attendance", "proxies", "decisions", "objectives", "summaries", "fiches",
           "table_cells", "stamps")  # tables whose rows mean something was read
SITTING_EVIDENCE = ("documents", "sitting")  # provenance (table, field) of the line stating a sitting
# Rules that check no value of the document: this module's two, and `value.out_of_range`, which
# carries over the findings written with the rows (it would count as run only where a document
# already has findings: after `registre check`, not in the worker).
NOT_COVERED = ("extraction.incomplete", "extraction.stage_error", "value.out_of_range")


def deliberation_rules() -> list[str]:
    return [r for r, c in CHECKS.items() if "deliberations" in c.needs and r not in NOT_COVERED]


def coverage(tables: Tables, table_rows: list[dict] | None = None) -> list[dict]:
    """`coverage` rows of every document of `tables`, after the checks filled its ledger;
    `table_rows`: the rows of scope `table` (checks.tables.table_coverage), if any."""
    table_rows = table_rows or []
    out: list[dict] = []
    for doc in tables.get("documents") or []:
        doc_id = doc["doc_id"]
        delibs = [_deliberation_row(tables, d) for d in deliberations(tables) if d["doc_id"] == doc_id]
        mine = [t for t in table_rows if t.get("doc_id") == doc_id]
        out += [_document_row(tables, doc, delibs, mine), *delibs, *mine]
    return out


def _deliberation_row(tables: Tables, d: dict) -> dict:
    seq = as_int(d.get("seq"))
    ledger = tables.ledger.get((d["doc_id"], seq), {})
    run = [r for r in deliberation_rules() if r in ledger and ledger[r] is None]
    skipped = [f"{r}: {ledger.get(r) or 'non évalué'}" for r in deliberation_rules() if r not in run]
    read = [c for c in READ if not is_null(d.get(c))]
    return {"doc_id": d["doc_id"], "scope": "deliberation", "seq": seq, "table_id": None,
            "fields_read": read, "fields_missing": [c for c in EXPECTED if c not in read],
            "checks_run": run, "checks_skipped": skipped, "status": _status(run, skipped)}


def _document_row(tables: Tables, doc: dict, delibs: list[dict], table_rows: list[dict]) -> dict:
    doc_id = doc["doc_id"]
    read = [t for t in CONTENT if any(r.get("doc_id") == doc_id for r in tables.get(t) or ())]
    run = list(dict.fromkeys(r for row in delibs + table_rows for r in row["checks_run"]))
    run += [r for r in _document_rules(tables, doc_id, table_rows) if r not in run]
    skipped = _skipped_summary(delibs, run) + [s for t in table_rows for s in t["checks_skipped"]
                                               if s.split(":")[0] not in run]
    missing = ["deliberations"] if not delibs and _sitting_evidence(tables, doc_id) else []
    skipped += [f"{stage}: étape interrompue" for stage, _ in _stage_errors(doc)]
    status = "unread" if doc.get("status") == "failed" or not read else _status(run, skipped + missing)
    if status == "checked" and any(r["status"] != "checked" for r in delibs + table_rows):
        status = "partial"
    return {"doc_id": doc_id, "scope": "document", "seq": None, "table_id": None, "fields_read": read,
            "fields_missing": missing, "checks_run": run, "checks_skipped": list(dict.fromkeys(skipped)),
            "status": status}


def _document_rules(tables: Tables, doc_id: str, table_rows: list[dict]) -> list[str]:
    """Rules over whole tables (objectives, fiches; numeric tables when no `table` rows say
    more) evaluated on this document: those whose tables it has."""
    def has(name: str) -> bool:
        return any(r.get("doc_id") == doc_id for r in tables.get(name) or ())
    rules = [r for r, c in CHECKS.items() if "deliberations" not in c.needs and r not in NOT_COVERED
             and not (table_rows and r.startswith("table.")) and all(has(n) for n in c.needs)]
    return rules


def _skipped_summary(delibs: list[dict], run: list[str]) -> list[str]:
    """Per rule skipped somewhere: `votes.breakdown: 3/14 délibérations (contre non lu)`."""
    out = []
    for rule in deliberation_rules():
        reasons = [s.split(": ", 1)[1] for d in delibs for s in d["checks_skipped"] if s.startswith(rule + ":")]
        if reasons:
            common = Counter(reasons).most_common(1)[0][0]
            out.append(f"{rule}: {len(reasons)}/{len(delibs)} délibérations ({common})")
    return out


def _status(run: list[str], skipped: list[str]) -> str:
    return "not_checked" if not run else "partial" if skipped else "checked"


def _sitting_evidence(tables: Tables, doc_id: str) -> dict | None:
    """The provenance row of the line stating a sitting (pipeline/stages.py writes it for a
    document where no deliberation was read)."""
    rows = tables.provenance_of(doc_id, SITTING_EVIDENCE[0])
    return next((r for r in rows if r.get("field") == SITTING_EVIDENCE[1]), None)


# --- the rule -----------------------------------------------------------------------------

@check("extraction.incomplete", needs=("documents",))
def incomplete(tables: Tables) -> Iterator[Finding]:
    """One warning per document and gap: no deliberation under a stated sitting, or the
    same values missing from several deliberations (listed in `seqs`)."""
    for doc in tables.get("documents") or []:
        doc_id = doc["doc_id"]
        delibs = [d for d in deliberations(tables) if d["doc_id"] == doc_id]
        evidence = _sitting_evidence(tables, doc_id) if not delibs else None
        if evidence:
            yield finding("extraction.incomplete", doc_id=doc_id, subject="document",
                          expected="délibérations", actual="aucune", scope="Séance indiquée",
                          page=as_int(evidence.get("page")), line=as_int(evidence.get("line")),
                          quote=None if is_null(evidence.get("text")) else evidence["text"])
        yield from _gaps(tables, doc_id, delibs)


# "deliberation: ValueError: … (segment.py:88) | fiches: KeyError: 'E.1' (fiches.py:40)": pipeline/stages.py
# joins one "stage: message" per stage; a stage that raised names the exception and where it was raised
# (not "load: pages … sans couche texte", a loader's remark, nor "Pour: 12" inside a message)
STAGE_ERROR = re.compile(r"(?:^| \| )(\w+): ([A-Z][A-Za-z]*\b.*? \([\w.]+\.py:\d+\))(?= \| |$)")


@check("extraction.stage_error", needs=("documents",))
def stage_error(tables: Tables) -> Iterator[Finding]:
    """One warning per stage that raised on a document still read (status ok): the cause of
    the rows missing, which `extraction.incomplete` can only call "non lu"."""
    for doc in tables.get("documents") or []:
        for stage, message in _stage_errors(doc):
            yield finding("extraction.stage_error", doc_id=doc["doc_id"], subject=f"document stage {stage}",
                          expected="lecture sans erreur", actual=message, stage=stage)


def _stage_errors(doc: dict) -> list[tuple[str, str]]:
    """(stage, message) of each stage that raised on a document read (a failed file's error
    is the loader's, said by its status)."""
    if doc.get("status") == "failed" or is_null(doc.get("error")):
        return []
    return STAGE_ERROR.findall(str(doc["error"]))


def _gaps(tables: Tables, doc_id: str, delibs: list[dict]) -> Iterator[Finding]:
    groups: dict[tuple[str, ...], list[dict]] = {}
    for d in delibs:
        missing = tuple(label for label, cols in GAPS.items() if all(is_null(d.get(c)) for c in cols))
        if missing:
            groups.setdefault(missing, []).append(d)
    for missing, ds in groups.items():
        seqs = [as_int(d.get("seq")) for d in ds]
        subject = seq_subject(seqs)
        src = where(tables, ds[0], "objet", "numero", "acte_id", "resultat")  # the first deliberation's title
        row = finding("extraction.incomplete", **{**src, "subject": f"{subject} missing {', '.join(missing)}"},
                      expected=", ".join(missing), actual="non lu",
                      scope=subject.replace("deliberation", "Délibération"))
        row["seqs"] = seqs
        yield row


def seq_subject(seqs: list[int]) -> str:
    """`deliberation 4`, `deliberations 1-3, 5, 7-9`."""
    seqs = sorted(set(seqs))
    if len(seqs) == 1:
        return f"deliberation {seqs[0]}"
    runs: list[list[int]] = []
    for s in seqs:
        if runs and s == runs[-1][-1] + 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    return "deliberations " + ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def merge_repeats(rows: list[Finding]) -> list[Finding]:
    """One finding per root cause: the findings of one rule that differ only by the
    deliberation (a session header's count inherited by 18 items: same expected, actual
    and source line) become one, its `seqs` listing them and its subject
    `deliberations 1-18 …`."""
    groups: dict[tuple, list[Finding]] = {}
    for row in rows:
        groups.setdefault(_cause(row), []).append(row)
    out = []
    for same in groups.values():
        first = same[0]
        seqs = sorted({s for r in same for s in r.get("seqs") or ()})
        if len(same) > 1 and first.get("seq") is not None:
            rest = first["subject"][len(f"deliberation {first['seq']}"):]
            first = {**first, "seqs": seqs, "subject": seq_subject(seqs) + rest}
            first["finding_id"] = finding_id(first["doc_id"], first["check_id"], first["subject"])
        out.append(first)
    return out


def _cause(row: Finding) -> tuple:
    """What makes two findings one: all but the deliberation they were found in."""
    seq, subject = row.get("seq"), row.get("subject") or ""
    head = f"deliberation {seq}"
    if seq is None or not (subject == head or subject.startswith(head + " ")):
        return (id(row),)
    return (row["doc_id"], row["check_id"], row["severity"], subject[len(head):], row["expected"],
            row["actual"], row["message"], row.get("page"), row.get("line"), row.get("quote"))

