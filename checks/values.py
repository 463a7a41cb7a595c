"""Values their column could not hold, recorded when the rows were written.

    Votants : 99999999999

`pipeline/store.py` (`conform`) leaves such a value empty before Arrow would refuse the
whole document, and writes the `value.out_of_range` finding then, from the value read.
When the checks run again on written tables (`registre check`) the value is no longer
there to be judged: this check carries those findings over as they were written.
"""
from __future__ import annotations

from typing import Iterator

from checks.context import Tables, is_null
from checks.rules import Finding, check

LISTS = ("fields", "seqs")


@check("value.out_of_range", needs=("findings",))
def out_of_range(tables: Tables) -> Iterator[Finding]:
    for f in tables.get("findings"):
        if f.get("check_id") == "value.out_of_range":
            yield {k: (list(v) if k in LISTS and v is not None else None if k not in LISTS and _null(v) else v)
                   for k, v in f.items()}


def _null(value) -> bool:
    try:
        return is_null(value)
    except (TypeError, ValueError):
        return False
