"""File names and messages as text that is safe to store and to print.

A file name on Linux is any bytes: `caf\\xe9.txt` (Latin-1), a name holding a newline, or
one holding terminal escapes (`\\x1b]52;c;…\\x07` writes to the clipboard in some
terminals). Python gives such bytes as lone surrogates, which neither UTF-8 (Parquet,
JSON) nor a terminal accepts. Here:

- `path_text` is the name as UTF-8 text, each byte that is not UTF-8 written `\\xe9`
  (the form Python itself prints); `path_bytes` keeps the exact bytes when they differ,
  so nothing is lost (`documents.source_path_bytes`);
- `printable` makes a line safe for a terminal: control characters (ESC, BEL, CR, LF…)
  and the C1 controls become visible escapes, so a file name can neither move the
  cursor, recolour the screen, nor start an OSC sequence;
- `one_line` bounds a reason (a PDF parser's error may quote kilobytes of raw bytes).
"""
from __future__ import annotations

import os
import re

# C0 controls but the tab, DEL, C1 controls, and lone surrogates (bytes that were not UTF-8)
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MAX_REASON = 240  # characters of a parser's own message kept in a reason


def path_text(path: str | os.PathLike) -> str:
    """`caf\\udce9.txt` (undecodable byte) -> `caf\\xe9.txt`; a UTF-8 name is unchanged."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def path_bytes(path: str | os.PathLike) -> bytes | None:
    """The name's exact bytes when they are not UTF-8 (else None: `path_text` is exact)."""
    raw = os.fsencode(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    return None


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\n`)."""
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match) -> str:
    c = m.group()
    if "\ud800" <= c <= "\udfff":  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{ord(c) - 0xDC00:02x}" if ord(c) >= 0xDC80 else f"\\u{ord(c):04x}"
    return {"\n": "\\n", "\r": "\\r"}.get(c, f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def file_label(path: str | os.PathLike) -> str:
    """The file's name as a reason names it: its last component, printable."""
    return printable(path_text(os.path.basename(os.fspath(path)) or os.fspath(path)))


def one_line(text: str, limit: int = MAX_REASON) -> str:
    """One printable line of at most `limit` characters (runs of blanks collapsed)."""
    text = printable(" ".join(str(text).split()))
    return text if len(text) <= limit else text[:limit - 1] + "…"
