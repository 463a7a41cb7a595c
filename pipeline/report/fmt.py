"""How values read in the report: French numbers and dates, words for fields and states.

The findings table keeps values as analysts write them in a CSV (`1007.33`,
`2024-04-11`, `adopte`); a controller reads `1 007,33`, `11/04/2024`, `adoptée`.
Everything here is pure and returns plain text: escaping is the templates' job
(HTML) or `markdown.cell`'s (report.md).
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

import pandas as pd

THIN_NBSP = "\u202f"  # French thousands separator (espace fine insécable)
MINUS = "\u2212"

SEVERITIES = ("error", "warning", "notice")
SEVERITY_LABEL = {"error": "erreur", "warning": "avertissement", "notice": "à vérifier"}
SEVERITY_PLURAL = {"error": "erreurs", "warning": "avertissements", "notice": "à vérifier"}

# Column names as a controller says them (rules.fields and findings.fields).
FIELD_WORDS = {
    "votants": "votants", "presents": "présents", "pouvoirs": "pouvoirs", "absents": "absents",
    "membres_en_exercice": "membres en exercice", "pour": "voix pour", "contre": "voix contre",
    "abstentions": "abstentions", "non_votants": "non-votants", "resultat": "résultat du vote",
    "session_date": "date de séance", "convocation_date": "date de convocation",
    "sans_quorum": "séance sans quorum", "attendance.status": "liste des présents et absents",
    "proxies": "liste des pouvoirs", "proxies.giver": "qui donne pouvoir",
    "proxies.holder": "qui reçoit le pouvoir", "table_cells.value": "cellules du tableau",
    "table_cells.is_total_column": "colonne Total", "table_cells.is_total_row": "ligne Total",
    "summaries.percent": "pourcentage énoncé", "objectives.status": "état des objectifs",
    "fiches.cout_total_ttc": "coût total TTC de la fiche",
}
VALUE_WORDS = {"adopte": "adoptée", "rejete": "rejetée", "present": "présent", "absent": "absent"}

COVERAGE_LABEL = {"checked": "vérifié", "partial": "vérifié en partie", "not_checked": "non vérifié",
                  "unread": "non lu"}

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_null(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def text(value: Any) -> str:
    """Any cell as display text; null is ''. Symbol-font glyphs become what they stand for,
    control characters visible symbols."""
    if isinstance(value, str):
        return visible_controls(clean(value))
    if is_null(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return visible_controls(clean(str(value)))


# Private-use glyphs of Symbol-encoded fonts (U+F020 for a space) as their ASCII character:
# pdfminer hands them over as is, and a browser shows a box.
_SYMBOL_FONT = {code: code - 0xF000 for code in range(0xF020, 0xF07F)}


_PRIVATE = re.compile("[\uf020-\uf07e]")


def clean(value: str) -> str:
    return value.translate(_SYMBOL_FONT) if _PRIVATE.search(value) else value


def number(value: Any, signed: bool = False) -> str:
    """157500 → '157 500'; 1007.33 → '1 007,33'; −7500 with `signed` → '−7 500'; '' for null."""
    if is_null(value):
        return ""
    v = float(value)
    body = f"{abs(v):,.0f}" if v.is_integer() else f"{abs(v):,.2f}"
    body = body.replace(",", THIN_NBSP).replace(".", ",")
    sign = MINUS if v < 0 else ("+" if signed and v > 0 else "")
    return sign + body


def date(value: Any) -> str:
    """2024-04-11 (date, Timestamp or ISO text) → '11/04/2024'; '' when unreadable."""
    if is_null(value):
        return ""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%d/%m/%Y")
    match = _DATE.fullmatch(str(value))
    return "/".join(reversed(str(value).split("-"))) if match else text(value)


def iso_date(value: Any) -> str:
    """A date as YYYY-MM-DD (what the filters compare), '' when there is none."""
    if is_null(value):
        return ""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return str(value) if _DATE.fullmatch(str(value)) else ""


def value(raw: Any) -> str:
    """A finding's expected/actual as a controller reads it: numbers in French, ISO dates
    as dd/mm/yyyy, the few coded words in French; anything else as written."""
    s = text(raw)
    if _NUMBER.fullmatch(s):
        return number(float(s))
    if _DATE.fullmatch(s):
        return date(s)
    return VALUE_WORDS.get(s, s)


_SUBJECTS = [  # findings.subject is written for analysts (English ids); a controller reads French
    (re.compile(r"^table (\S+) row (.+)$"), r"tableau \1, ligne « \2 »"),
    (re.compile(r"^table (\S+) column (.+)$"), r"tableau \1, colonne « \2 »"),
    (re.compile(r'^objectives table (\d+) statement "(.+)"$'), r"tableau d'objectifs \1, énoncé « \2 »"),
    (re.compile(r"^deliberation (\d+) proxy (.+)$"), r"délibération \1, pouvoir de \2"),
    (re.compile(r"^deliberation (\d+) holder (.+)$"), r"délibération \1, pouvoirs détenus par \2"),
    (re.compile(r"^deliberation (\d+)$"), r"délibération \1"),
]


def subject(value: Any) -> str:
    """`table t7 row Maire` → 'tableau t7, ligne « Maire »'; unknown forms as written."""
    s = text(value)
    for pattern, french in _SUBJECTS:
        if pattern.match(s):
            return pattern.sub(french, s)
    return s


def fields(names: Any) -> str:
    """['votants', 'presents'] → 'votants, présents'."""
    if names is None or isinstance(names, str) or is_null_list(names):
        return text(names) if isinstance(names, str) else ""
    return ", ".join(FIELD_WORDS.get(str(n), str(n)) for n in names)


def is_null_list(values: Any) -> bool:
    try:
        return len(values) == 0
    except TypeError:
        return is_null(values)


def ints(values: Any) -> list[int]:
    """A list column (`findings.seqs`) as Python ints; [] for null."""
    if values is None or isinstance(values, str):
        return []
    try:
        return [int(v) for v in values if not is_null(v)]
    except TypeError:
        return []


def shorten(value: str, limit: int = 120) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def plural(n: int, one: str, many: str) -> str:
    return f"{number(n)} {one if n <= 1 else many}"


def _invisible() -> re.Pattern:
    """Control, format and separator characters, but tab, newline and the soft hyphen."""
    chars = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")
             and chr(c) not in "\t\n\u00ad"]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "\U000E0000-\U000E007F]")


_INVISIBLE = _invisible()


def _show(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ … ␟
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


def visible_controls(value: str) -> str:
    """Control, format and bidi characters as visible symbols: an ESC from a quoted line
    prints as '␛' rather than acting on a terminal or hiding text (U+202E reverses it)."""
    return _INVISIBLE.sub(_show, value) if _INVISIBLE.search(value) else value
