"""Every pattern of extractors/patterns/*.json, and every regex compiled at a module's top in extractors/ and
pipeline/loaders/, against adversarial lines, each search given 2 s.

    .venv/bin/python benchmarks/patterns_backtracking.py      # prints SLOW <file> <path> <line> for each, then done

A pattern whose quantifiers overlap (a list of numbers whose separators are optional, a number's letters that may
be "et") backtracks exponentially on a long line that does not match: the thirty-sixth round's first
`closing_named` ran for minutes on two held-out texts. Linux only (SIGALRM).
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from extractors import lexicon  # noqa: E402

LINES = ["sauf les deliberations " + ", ".join(f"2021-{n}" for n in range(10, 30)) + " relatives",
         "les deliberations n° " + " et ".join(f"20{n}" for n in range(10, 40)) + " x",
         "m. " + "jean dupont, " * 40 + "x", "1 " * 120 + "x", "presents : " + "12 - " * 60 + "x",
         "a" * 300 + "!", "le conseil " + "de la " * 60 + "x", "n° " + "ab-12/" * 40 + "!", "- " * 150,
         "m. jean-pierre de la " * 20 + "x", "pour : 12 contre : " * 30 + "x", "(" * 50 + "a" * 50]


class Slow(Exception):
    pass


def _alarm(*_):
    raise Slow()


def patterns(node, path: str = ""):
    """(path, pattern) of every string of a patterns file, its "_doc" keys left out."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, list):
        for k, x in enumerate(node):
            yield from patterns(x, f"{path}[{k}]")
    elif isinstance(node, dict):
        for key, x in node.items():
            if not key.startswith("_"):
                yield from patterns(x, f"{path}.{key}")


def slow(rx, seconds: int = 2) -> str | None:
    """The first adversarial line `rx` takes longer than `seconds` to search, or None."""
    for line in LINES:
        signal.alarm(seconds)
        try:
            rx.search(line)
        except Slow:
            return line
        finally:
            signal.alarm(0)
    return None


def slow_patterns() -> list[tuple[str, str, str]]:
    """(file, path, line) of every pattern slow on one of the adversarial lines."""
    signal.signal(signal.SIGALRM, _alarm)
    found = []
    for file in sorted((ROOT / "extractors" / "patterns").glob("*.json")):
        for path, pattern in patterns(json.loads(file.read_text(encoding="utf-8"))):
            try:
                rx = lexicon.rx(pattern)
            except Exception:  # a template or a word list, not a regex of its own
                continue
            line = slow(rx)
            if line is not None:
                found.append((file.name, path, line))
    return found + _slow_in_modules()


def _slow_in_modules() -> list[tuple[str, str, str]]:
    """(module, name, line) of every regex compiled at a module's top that is slow on an adversarial line."""
    found = []
    for package in ("extractors", "pipeline.loaders"):
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
            module = importlib.import_module(f"{package}.{info.name}")
            for name, value in vars(module).items():
                if not isinstance(value, re.Pattern) or not isinstance(value.pattern, str):
                    continue  # (a bytes pattern reads a PDF's raw stream, not a line)
                line = slow(value)
                if line is not None:
                    found.append((module.__name__, name, line))
    return found


def main() -> int:
    found = slow_patterns()
    for name, path, line in found:
        print("SLOW", name, path, repr(line[:40]))
    print("done")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
