"""Every regex of the reader's pattern files compiles, its word families expanded: a pattern that
does not compile is caught here, not by a document that silently gives no deliberation (the
twenty-fifth round's first `segments.json` edit of a numbered title had one parenthesis too many:
three probes read no deliberation while their documents were reported read)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.patterns_backtracking import patterns as strings  # (where, pattern) of every string, "_doc" keys left out
from extractors import lexicon

PATTERNS = Path(__file__).parent.parent / "extractors" / "patterns"


@pytest.mark.parametrize("name", ["sitting.json", "segments.json"])
def test_every_pattern_compiles(name):
    data = json.loads((PATTERNS / name).read_text(encoding="utf-8"))
    found = list(strings(data))
    assert len(found) > 100
    bad = []
    for where, pattern in found:
        try:
            re.compile(lexicon.expand(pattern))
        except re.error as e:
            bad.append(f"{where}: {e}")
    assert bad == []


def test_a_broken_pattern_is_caught():
    """The check itself: one parenthesis too many does not compile."""
    with pytest.raises(re.error):
        re.compile(lexicon.expand("^(?P<num>\\d{1,3})\\s*[–-]\\s+(?P<title>(?:[a-z]|\\((?=\\d))).{2,})$"))
