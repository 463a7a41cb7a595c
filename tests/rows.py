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
