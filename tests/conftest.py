"""Fixtures shared by the rounds' test files."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stages import process

DEV = Path(__file__).parent / "data" / "second_hand" / "dev"


@pytest.fixture(scope="module")
def read():
    """A dev text's rows by its number ("1240"), each read once per test module."""
    cache: dict[str, dict] = {}

    def rows(stem: str) -> dict:
        if stem not in cache:
            cache[stem] = process(DEV / f"{stem}.txt").rows
        return cache[stem]
    return rows
