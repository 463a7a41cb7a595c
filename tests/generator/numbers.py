"""Numbers, dates and times as councils print them.

"vingt et un", "quatre-vingt-dix", "deux mille vingt-quatre", "deux mil six";
"VENDREDI 22 MAI 2015", "1er février 2016", "15.03.2006", "le vingt-deux mai";
"20 h 30", "20h30", "à vingt heures trente", "20 heures 00".
"""
from __future__ import annotations

import datetime as dt
import random

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _below_100(n: int, join: str) -> str:
    if n <= 16:
        return UNITS[n]
    if n < 20:
        return f"dix{join}{UNITS[n - 10]}"
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the teens after a ten
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = _below_100(10 + unit, join)
        return f"{base} et {rest}" if n == 71 else f"{base}{join}{rest}"
    base = "quatre-vingt" if tens == 8 else TENS[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    if unit == 1 and tens != 8:
        return f"{base} et un"
    return f"{base}{join}{UNITS[unit]}"


def _below_1000(n: int, join: str) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_100(rest, join)
    head = "cent" if hundreds == 1 else f"{UNITS[hundreds]} cent" + ("s" if not rest else "")
    return head if not rest else f"{head} {_below_100(rest, join)}"


def words(n: int, join: str = "-", mil: bool = False) -> str:
    """French words for 0 <= n < 1,000,000; `join` between tens and units ('-' or ' ')."""
    if n < 1000:
        return _below_1000(n, join)
    thousands, rest = divmod(n, 1000)
    head = ("mil" if mil else "mille") if thousands == 1 else f"{_below_1000(thousands, join)} mille"
    if thousands == 2 and mil:
        head = "deux mil"  # "l'an deux mil six" (Clairoix): an old spelling of years
    return head if not rest else f"{head} {_below_1000(rest, join)}"


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN * 4:
        while n >= value:
            out, n = out + letters, n - value
    return out


def day_words(day: int, join: str = "-") -> str:
    return "premier" if day == 1 else words(day, join)


def fmt_date(d: dt.date, style: str) -> str:
    """A date in a named style: d_month_y, 0d_month_y, d1er_month_y, weekday, slash, dot, dash, words."""
    month, weekday = MONTHS[d.month - 1], WEEKDAYS[d.weekday()]
    day1 = "1er" if d.day == 1 else str(d.day)
    return {
        "d_month_y": f"{d.day} {month} {d.year}",
        "0d_month_y": f"{d.day:02d} {month} {d.year}",
        "d1er_month_y": f"{day1} {month} {d.year}",
        "weekday": f"{weekday} {d.day} {month} {d.year}",
        "Weekday": f"{weekday.capitalize()} {day1} {month.capitalize()} {d.year}",
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "words": f"{day_words(d.day)} {month} {words(d.year)}",
    }[style]


def fmt_time(t: dt.time, style: str) -> str:
    """A time in a named style: h_spaced (20 h 30), h (20h30), H (20H30), heures (20 heures 00), colon, words."""
    hh, mm = t.hour, t.minute
    return {
        "h_spaced": f"{hh} h {mm:02d}" if mm else f"{hh} h",
        "h": f"{hh}h{mm:02d}" if mm else f"{hh}h",
        "H": f"{hh}H{mm:02d}",
        "heures": f"{hh} heures {mm:02d}" if mm else f"{hh} heures",
        "colon": f"{hh}:{mm:02d}",
        "words": time_words(t, "-"),
    }[style]


def time_words(t: dt.time, join: str) -> str:
    """'vingt heures trente', 'dix-huit heures', 'vingt heures et zéro minute' (Saint-Apollinaire)."""
    hours = f"{words(t.hour, join)} heure" + ("s" if t.hour > 1 else "")
    if t.minute == 0:
        return hours
    return f"{hours} {words(t.minute, join)}"


def fmt_count(n: int, style: str) -> str:
    """A count as printed: digits (15), words (quinze), both (quinze (15))."""
    if style == "words":
        return words(n)
    if style == "both":
        return f"{words(n)} ({n})"
    return str(n)


def random_date(rng: random.Random, first_year: int = 2006, last_year: int = 2025) -> dt.date:
    """A working day of a year councils publish in."""
    start = dt.date(first_year, 1, 8).toordinal()
    d = dt.date.fromordinal(rng.randrange(start, dt.date(last_year, 12, 20).toordinal()))
    return d if d.weekday() < 6 else d - dt.timedelta(days=1)


def random_time(rng: random.Random) -> dt.time:
    return dt.time(rng.choice([9, 10, 14, 17, 18, 18, 19, 19, 20, 20, 20, 21]), rng.choice([0, 0, 0, 15, 30, 30, 45]))
