"""The quorum and proxy rules in force on a date, read once from legal_periods.json.

During the health-emergency periods of 2020–2022 the quorum was a third of the
members in office and a member could hold two proxies; the periods, their
wording and sources are data in `checks/legal_periods.json`, not code.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

PERIODS_FILE = Path(__file__).with_name("legal_periods.json")


@dataclass(frozen=True)
class LegalRule:
    quorum_fraction: float
    comparison: str  # "gt" | "ge"
    counts: str  # "present" | "present_or_represented"
    max_proxies_per_holder: int
    source: str
    start: dt.date | None = None
    end: dt.date | None = None
    proxy_source: str = ""
    # another reading of `counts` the sources do not settle (loi 2022-46: "présent ou représenté"?)
    counts_disputed: str = ""
    disputed_from: dt.date | None = None

    def quorum_reached(self, counted: int, members: int) -> bool:
        # Fractions avoid 57 * 0.333… rounding: the third of 57 is exactly 19.
        needed = Fraction(members) * Fraction(self.quorum_fraction).limit_denominator(100)
        return counted > needed if self.comparison == "gt" else counted >= needed

    def required(self, members: int) -> str:
        """'> 28.5', '≥ 19': the threshold as a reader checks it."""
        needed = members * Fraction(self.quorum_fraction).limit_denominator(100)
        value = f"{float(needed):g}"
        return ("> " if self.comparison == "gt" else "≥ ") + value

    def disputed_on(self, date: dt.date | None) -> str:
        """The other reading of who counts, on `date`, when the sources leave it open ("" if none)."""
        if not self.counts_disputed or date is None or (self.disputed_from and date < self.disputed_from):
            return ""
        return self.counts_disputed


def _rule(data: dict, start: str | None = None, end: str | None = None) -> LegalRule:
    return LegalRule(float(data["quorum_fraction"]), data["comparison"], data["counts"],
                     int(data["max_proxies_per_holder"]), data["source"],
                     dt.date.fromisoformat(start) if start else None,
                     dt.date.fromisoformat(end) if end else None,
                     data.get("proxy_source") or data["source"], data.get("counts_disputed", ""),
                     dt.date.fromisoformat(data["counts_disputed_from"]) if data.get("counts_disputed_from") else None)


@lru_cache(maxsize=None)
def load(path: Path = PERIODS_FILE) -> tuple[LegalRule, tuple[LegalRule, ...]]:
    """(common law, derogation periods) from the JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    periods = tuple(_rule(p, p["start"], p["end"]) for p in data["periods"])
    return _rule(data["default"]), periods


def rule_on(date: dt.date | None, path: Path = PERIODS_FILE) -> LegalRule:
    """The rule in force on `date` (the common law when the date is unknown)."""
    default, periods = load(path)
    if date is not None:
        for period in periods:
            if period.start <= date <= period.end:
                return period
    return default
