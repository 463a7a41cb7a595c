"""Consistency checks over the extracted tables.

    findings = checks.run_all({"deliberations": df, "attendance": df, ...})

Each rule is declared in `checks.rules.RULES` and evaluated by a function of one
family module (attendance, proxies, session, votes, tables, objectives, fiches).
A table that is missing or empty skips the checks that need it; a value that is
not stated skips the comparison it takes part in.
"""
from __future__ import annotations

import warnings

import pandas as pd

from checks import attendance, fiches, objectives, proxies, session, tables, votes  # noqa: F401  (register)
from checks.context import Tables
from checks.rules import CHECKS, RULES, Rule
from schemas.tables import columns

__all__ = ["run_all", "RULES", "Rule", "CHECKS", "empty_findings"]

INT_COLUMNS = ("seq", "page", "line")


def empty_findings() -> pd.DataFrame:
    return _frame([])


def run_all(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every registered check over `frames`; a DataFrame with the `findings` columns."""
    tabs = Tables(frames)
    rows: list[dict] = []
    for rule_id in RULES:
        check = CHECKS.get(rule_id)
        if check is None or not tabs.has(check.needs):
            continue
        try:
            rows.extend(check.evaluate(tabs))
        except Exception as exc:  # a bug in one check must not hide the others' findings
            warnings.warn(f"check {rule_id} failed: {exc!r}", RuntimeWarning, stacklevel=2)
    return _frame(rows)


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns("findings"))
    for name in INT_COLUMNS:
        frame[name] = pd.array(frame[name].tolist(), dtype="Int32") if len(frame) else pd.Series(dtype="Int32")
    for name in set(columns("findings")) - set(INT_COLUMNS) - {"fields"}:
        frame[name] = frame[name].astype("object")
    return frame
