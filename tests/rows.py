"""The deliberation rows a text is read into, as tuples of the columns a test asserts."""
from __future__ import annotations

from pathlib import Path

from pipeline.stages import process

VOTE = ("numero", "pour", "contre", "abstentions", "unanimite")
DATA = Path(__file__).parent / "data"


def dev_text(number: int) -> dict:
    """Every table a second-hand dev text is read into (``dev_text(1774)["findings"]``)."""
    return process(DATA / "second_hand" / "dev" / f"{number}.txt").rows


def probe_text(stem: str) -> dict:
    """Every table a second reader's probe is read into (``probe_text("r27_rv_…")``)."""
    return process(DATA / "second_reading" / f"{stem}.txt").rows


def column(rows: dict, name: str) -> list:
    """One column of the deliberations, in order."""
    return [d[name] for d in rows["deliberations"]]


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


def breakdown(rows: dict) -> list[tuple[str, int]]:
    """(severity, deliberation) of each `votes.breakdown` finding."""
    return [(f["severity"], f["seq"]) for f in rows["findings"] if f["check_id"] == "votes.breakdown"]


def votes(rows: dict) -> list[tuple]:
    """The VOTE columns of each deliberation, in order."""
    return [tuple(d[c] for c in VOTE) for d in rows["deliberations"]]


def sides(rows: dict, seq: int) -> tuple:
    """(pour, contre, abstentions, unanimite) of one deliberation."""
    d = rows["deliberations"][seq - 1]
    return d["pour"], d["contre"], d["abstentions"], d["unanimite"]


def room(rows: dict, seq: int = 1) -> tuple:
    """(presents, pouvoirs, votants) of one deliberation."""
    d = rows["deliberations"][seq - 1]
    return d["presents"], d["pouvoirs"], d["votants"]
