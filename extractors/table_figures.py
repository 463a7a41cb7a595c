"""The figures of a numeric table and how exactly they agree: a printed figure is exact
to half its last printed digit (« 1 007,33 » to 0.005, « 28 790 » to 0.5), so a sum agrees
with its stated total when they differ by no more than the total's half-digit plus each
part's. `extractors/table_model.py` asks these questions of a table's rows and columns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

EPSILON = 1e-9  # float noise in a sum of decimals
TELLING = 0.05  # an agreement proves a sum when the rounding slack is under 5 % of the total
PRECISE = 0.005  # a product is tested where the slack is under 0.5 % (1.2 and 1.1 then differ)


@dataclass(frozen=True)
class Num:
    """A cell as read: its number (None when empty or not a number), the digits printed
    after its decimal comma, and whether its reading is in doubt."""

    value: float | None = None
    decimals: int = 0
    doubtful: bool = False

    @property
    def slack(self) -> float:
        """Half the last printed digit: « 1 007,33 » is exact to 0.005, « 28 790 » to 0.5."""
        return 0.0 if self.value is None else 0.5 * 10.0 ** -self.decimals


@dataclass(frozen=True)
class Settings:
    majority: float = 2 / 3  # share of the places where a relation must agree to be kept
    share_slack: float = 0.5  # percentage points a share may differ from part / whole × 100
    whole: float = 100.0  # what the shares of a percent column add up to

    def __post_init__(self):
        if not 0.5 < self.majority <= 1:
            raise ValueError(f"majority must be in (0.5, 1], not {self.majority}")
        if self.share_slack < 0:
            raise ValueError(f"share_slack must be ≥ 0, not {self.share_slack}")


@dataclass
class TableInput:
    """A numeric table's value columns: headers, row labels, cell texts and numbers."""

    header: list[str]
    labels: list[str]
    texts: list[list[str]]
    cells: list[list[Num]]

    @property
    def width(self) -> int:
        return len(self.header)

    def words(self, r: int) -> list[str]:
        """The row's label and its text cells that hold no number ("Total", "HT")."""
        texts = [x for x, c in zip(self.texts[r], self.cells[r]) if x and c.value is None and not c.doubtful]
        return [x for x in [self.labels[r]] + texts if x]

    def name_of_row(self, r: int) -> str:
        named = self.words(r)
        return named[0] if named else f"ligne {r + 1}"


@dataclass
class Arithmetic:
    """What was understood, per row and per cell, and for the table."""

    row_roles: list[str]
    column_roles: list[list[str]]  # [row][column]
    total_of_columns: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    total_of_rows: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    unit_from: dict[tuple[int, int], int] = field(default_factory=dict)  # derived cell -> base column
    row_totals: str = "none"  # confirmed | unconfirmed | none
    column_totals: str = "none"
    relations: list[str] = field(default_factory=list)
    row_reasons: list[str] = field(default_factory=list)  # why a total column was not kept
    column_reasons: list[str] = field(default_factory=list)  # why a total row was not kept

    @property
    def understood(self) -> bool:
        return "confirmed" in (self.row_totals, self.column_totals)


@dataclass
class Tally:
    """How often a relation agrees where it can be evaluated."""

    agree: int = 0
    places: int = 0
    telling: int = 0  # agreements with two non-zero parts or more

    def add(self, agrees: bool, telling: bool) -> None:
        self.places += 1
        self.agree += agrees
        self.telling += agrees and telling

    def kept(self, majority: float, least: int = 1) -> bool:
        return self.agree >= max(least, 1) and self.telling >= 1 and self.agree >= majority * self.places

    def __str__(self) -> str:
        return f"{self.agree}/{self.places}"


def agrees(stated: Num, parts: list[Num]) -> tuple[bool, bool]:
    """(the parts add up to `stated` within the printed precision, the agreement proves
    something: two non-zero parts, and a slack under 5 % of the total, so that
    « 1 + 0,8 = 1,8 » in a table of posts, exact to ± 1, proves nothing)."""
    total = sum(p.value or 0.0 for p in parts)
    slack = stated.slack + sum(p.slack for p in parts) + EPSILON
    telling = sum(1 for p in parts if p.value) >= 2 and slack <= TELLING * abs(stated.value)
    return abs(stated.value - total) <= slack, telling


def scaled(derived: Num, base: Num, factor: float) -> bool | None:
    """`derived` = `base` × `factor` within the printed precision of both; None where
    the precision cannot tell one VAT rate from another (small or rounded figures)."""
    slack = derived.slack + abs(factor) * base.slack + EPSILON
    if slack > PRECISE * abs(derived.value):
        return None
    return abs(derived.value - factor * base.value) <= slack
