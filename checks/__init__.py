"""Consistency checks over the extracted tables.

    findings = checks.run_all({"deliberations": df, "attendance": df, ...})
    rows = checks.evaluate({"deliberations": [{...}, ...], ...})  # one document, in a worker
    rows, coverage = checks.review({...})  # and the `coverage` rows of its documents

Tables may be DataFrames, Arrow tables or lists of row dicts. Every check compares
values within one document, so `registre ingest` checks each document in the worker
that read it, and the findings are committed with the document's other rows.

Each rule is declared in `checks.rules.RULES` and evaluated by a function of one
family module (attendance, proxies, session, votes, tables, objectives, fiches,
coverage). A table that is missing or empty skips the checks that need it; a value
that is not stated skips the comparison it takes part in, and `review` says so in
the `coverage` rows. How far a check trusts a value read (derived, weak recogniser,
OCR confidence) is `checks.trust`: doubt makes a mismatch a `notice`.
"""
from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from checks import (attendance, ballots, coverage, fiches, objectives, proxies, room, session,  # noqa: F401
                    tables, values, votes)
from checks.context import Tables
from checks.rules import CHECKS, RULES, Rule
from schemas.tables import columns

__all__ = ["run_all", "evaluate", "review", "RULES", "Rule", "CHECKS", "Tables", "empty_findings"]

INT_COLUMNS = ("seq", "page", "line")


def empty_findings() -> pd.DataFrame:
    return _frame([])


def run_all(frames: dict[str, Any]) -> pd.DataFrame:
    """Every registered check over `frames`; a DataFrame with the `findings` columns."""
    return _frame(evaluate(frames))


def evaluate(frames: dict[str, Any]) -> list[dict]:
    """Every registered check over `frames`; one dict per finding, in rule order.

    A finding with a page and line but no quote gets that line's text from `provenance`;
    findings that differ only by the deliberation (one header count inherited by every
    item) are one finding listing the deliberations in `seqs`."""
    return review(frames)[0]


def review(frames: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """(findings, coverage rows) of `frames`: what is wrong, and what was read and checked
    (per document, deliberation and numeric table; documents need their `documents` row)."""
    tabs = Tables(frames)
    rows = _run(tabs)
    table_rows = tables.table_coverage(tabs) if tabs.get("documents") else []  # scope `table`
    return rows, coverage.coverage(tabs, table_rows)


def _run(tabs: Tables) -> list[dict]:
    rows: list[dict] = []
    for rule_id in RULES:
        check = CHECKS.get(rule_id)
        if check is None or not tabs.has(check.needs):
            continue
        try:
            rows.extend(check.evaluate(tabs))
        except Exception as exc:  # a bug in one check must not hide the others' findings
            warnings.warn(f"check {rule_id} failed: {exc!r}", RuntimeWarning, stacklevel=2)
    for row in rows:
        if row.get("quote") is None and row.get("line") is not None:
            row["quote"] = tabs.line_text(row["doc_id"], row.get("page"), row["line"])
    return unique_ids(coverage.merge_repeats(rows))


def unique_ids(rows: list[dict]) -> list[dict]:
    """Keep `finding_id` unique in a document: two findings of one rule whose subjects read
    the same (two rows labelled "Conseiller délégué" in one table, two columns headed
    "Dépenses") get ids that also hash where they point (page, line), stable from run to run."""
    from checks.rules import finding_id

    seen: dict[tuple, int] = {}
    for row in rows:
        seen[(row["doc_id"], row["finding_id"])] = seen.get((row["doc_id"], row["finding_id"]), 0) + 1
    for row in rows:
        if seen[(row["doc_id"], row["finding_id"])] > 1:
            where = f"{row['subject']} @ page {row.get('page')} line {row.get('line')}"
            row["finding_id"] = finding_id(row["doc_id"], row["check_id"], where)
    return rows


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns("findings"))
    for name in INT_COLUMNS:
        frame[name] = pd.array(frame[name].tolist(), dtype="Int32") if len(frame) else pd.Series(dtype="Int32")
    for name in set(columns("findings")) - set(INT_COLUMNS) - {"fields"}:
        frame[name] = frame[name].astype("object")
    return frame
