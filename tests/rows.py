"""The deliberation rows a text is read into, as tuples of the columns a test asserts."""
from __future__ import annotations

from pathlib import Path

from pipeline.stages import process

VOTE = ("numero", "pour", "contre", "abstentions", "unanimite")


def columns_of(path: Path, *columns: str) -> list[tuple]:
    """``columns_of(SECOND_HAND / "958.txt", *VOTE)`` -> ``[("CA-25-021", 13, 0, 0, True), …]``."""
    result = process(path)
    assert result.ok, result.error
    return [tuple(d[c] for c in columns) for d in result.rows["deliberations"]]


def numbers(rows: dict) -> list[str]:
    """The act numbers (or ranks) of the deliberations, in order."""
    return [d["numero"] for d in rows["deliberations"]]


def errors(rows: dict) -> list[tuple[str, int]]:
    """(check id, deliberation) of each finding of severity error."""
    return [(f["check_id"], f["seq"]) for f in rows.get("findings", []) if f["severity"] == "error"]
