"""A roll call: each member on a line with a mark of attendance after a dot leader, one or
two columns a line, the legend of the marks above it::

    P = présent ; A = absent excusé
    CC Gâtine Sud                               CC Sologne des Étangs
    M. Bernard AUCLERC ............ P           Mme Pascale BRUNEAU ............ P
    Mme Sabrina MÉNARD ..... pouvoir à          M. Joël LEGRAND ....... pouvoir à
    M. Jean-Louis PINAULT                       Mme Pascale BRUNEAU
    M. Christian BAILLY ... pouvoir à M. Michel DUBOIS
    M. Claude BEAUVAIS ............ A           M. Francis THOMAS .. arrivé à 18 h 45
    Mme Tiphaine GOASDOUÉ ........ excusée → M. Octave ÇELIK
    M. Max GALLO ........ excusé (vote confié à M. Gurvan BAUDOIN)

The dot leader is what makes a line a roll call (a name then a letter alone is too often
an initial). Without one, a line holds a member only when a whole word of attendance ends it,
after a tab, a bar, a slash or a dash (a roster one member a line, no header; entries.ROSTER_LINE)::

    SUSINI Doris        excusée
    M. AILLAUD, Tugdual / absent
    PAOLI Max – abs. non exc.
    ROMERO Fernando     excusé / procuration : VAN HOUTTE Octave
    Mme MOREIRA, Lise / excusée ........ pouvoir à Mme BONIFAY, Maryse

A proxy's holder printed on the next line, one per column, goes to the
entries of the line above still waiting for theirs, left to right. A mark not in the
legend nor in MARKS leaves the member out: better no row than a wrong status.
"""
from __future__ import annotations

import re

from extractors.entries import CIVILITY, INITIAL_DOT, ROSTER_LINE, strip_civilities
from extractors.members import Member, looks_like_member
from extractors.names import parse_entry
from extractors.stream import Unit, fold

# marks and the status they give (absent, excused), when no legend says the document's own
MARKS = {"p": ("present", None), "present": ("present", None), "presente": ("present", None), "pres": ("present", None),
         "a": ("absent", None), "absent": ("absent", None), "absente": ("absent", None),
         "e": ("absent", True), "ae": ("absent", True), "excuse": ("absent", True), "excusee": ("absent", True),
         "absent excuse": ("absent", True), "absente excusee": ("absent", True),
         "abs exc": ("absent", True), "abs non exc": ("absent", False),
         "absent non excuse": ("absent", False), "absente non excusee": ("absent", False)}
NAME = rf"(?:{CIVILITY})\s*(?:[^.…:;]|{INITIAL_DOT}){{2,60}}?"
LEADER = r"\s*(?:\.{2,}|…+)[.…\s]*"
PROXY = r"(?:pouvoir|procuration|mandat)\s+(?:a|à|au)\b"
# "M. X ..... P", "M. X ..... pouvoir à" (holder below) or "… pouvoir à M. Y", "… arrivé à 18 h 45"
ENTRY = re.compile(rf"(?P<name>{NAME}){LEADER}(?P<mark>{PROXY}(?:\s+(?P<holder>{NAME}))?(?=\s+(?:{CIVILITY})\s|\s*$)"
                   rf"|(?:arrivée?|parti(?:e)?)\s+(?:a|à)\s+[\dh ]+|[A-Za-zÀ-ÿ]+(?:\s+excusée?)?)"
                   rf"(?P<tail>\s*\([^)]*\)|\s*(?:→|->)\s*{NAME}(?=\s+(?:{CIVILITY})\s|\s*$))?", re.IGNORECASE)
# after a leader's "à", a member holding the proxy ("… ........... à M. Hervé LE PENVEN")
TO_HOLDER = re.compile(rf"\s+(?P<holder>(?i:{CIVILITY})\s*[A-ZÀ-Ý][^.…:;]{{1,60}}?)\s*$")  # (not "à M. le Maire")
MAY_OPEN = re.compile(r"\.\.|…|[=:\t]|\s[/|]\s|\s[–—-]\s")
LEGEND = re.compile(r"\b(?P<code>[A-Z]{1,2})\s*[=:]\s*(?P<word>(?:absente?\s+excusée?|[a-zà-ÿ]+))", re.IGNORECASE)


def legend(text: str) -> dict[str, tuple[str, bool | None] | None]:
    """"P = présent ; A = absent excusé" -> {"p": present, "a": absent and excused}; a code
    whose word is not a status ("P = pouvoir") maps to None: its members are left out."""
    found = {fold(m["code"]): MARKS.get(fold(m["word"])) for m in LEGEND.finditer(text)}
    return found if len(found) >= 2 and any(found.values()) else {}


def entries(text: str) -> list[re.Match]:
    """The roll-call entries of a line, left to right ("M. X ..... P  Mme Y ..... A"), or the
    line's one member of a roster ("PAOLI Max – abs. non exc.")."""
    ruled = ROSTER_LINE.match(text)  # the whole line, the one member: "Mme X, Josette / excusée ..... pouvoir à Mme Y"
    if ruled and looks_like_member(strip_civilities(ruled["name"].strip(" ,"))):
        return [ruled]
    return list(ENTRY.finditer(text))


def opens(units: list[Unit], k: int) -> bool:
    """A roll call starts at units[k]: two lines of entries (within three lines), or a legend over
    one. Called on every line a sitting's reader reads: a line with no dot leader, "=", ":", tab,
    nor a bar, slash or dash between spaces (which entries and a legend need) is ruled out before
    any pattern runs."""
    first = units[k].text
    if not MAY_OPEN.search(first) or not (entries(first) or legend(first)):
        return False
    return any(entries(u.text) for u in units[k + 1:k + 3])


def read(units: list[Unit], k: int) -> tuple[list[Member], int]:
    """The roll call from units[k] on (a legend, group headings and holders' lines among
    its entries); the members it names and the index of the unit after it."""
    marks, found, waiting, j = dict(MARKS), [], [], k
    while j < len(units):
        text = units[j].text
        key = legend(text)
        if key:  # the document's own marks, and only them
            marks = key
        elif entries(text):
            waiting = _entries(text, j, marks, found)
        elif waiting and _holders(text, waiting):
            waiting = []
        elif not _group_heading(units, j):
            break
        j += 1
    for member in found:
        member.list_at = k
    return found, j


def _entries(text: str, j: int, marks: dict, found: list[Member]) -> list[Member]:
    """The members of one line; those whose holder is on the next line, returned."""
    waiting = []
    for m in entries(text):
        name = strip_civilities(m["name"].strip(" ,"))
        mark = re.sub(r"\s+", " ", fold(m["mark"]).replace(".", " ")).strip()
        if not looks_like_member(name):
            continue
        # "M. Pascal LE NÉZET ........... à M. Hervé LE PENVEN": the proxy's holder, not the mark "A"
        to = TO_HOLDER.match(text, m.end()) if m["mark"].strip() in ("à", "a", "au") else None
        if to or re.match(PROXY, mark):
            holder = strip_civilities((to or m)["holder"]) if (to or m)["holder"] else None
            member = Member(name, "absent", j, None, holder, gave_proxy=True)
            waiting += [member] if holder is None else []
        elif re.match(r"(?:arrivee?|partie?)\s", mark):  # came late or left early: absent at one time
            member = Member(name, "absent" if mark.startswith("arriv") else "present", j, timed=True)
        elif m.re is ROSTER_LINE and marks.get(mark):  # a roster's line: the proxy, if any, in its own group
            holder = strip_civilities(m["holder"].strip(" ,")) if m["holder"] else None
            status, excused = marks[mark]
            member = Member(name, status, j, excused, holder, gave_proxy=bool(holder))
        elif marks.get(mark):
            status, excused = marks[mark]
            # "… excusée → M. Octave ÇELIK", "… excusé (vote confié à M. Gurvan BAUDOIN)": a proxy
            given = parse_entry(m["name"] + re.sub(r"^\s*->", " →", m["tail"] or "")) if status == "absent" else None
            holder = strip_civilities(given.holder) if given and given.holder else None
            member = Member(name, status, j, excused, holder, gave_proxy=bool(holder),
                            timed=bool(m["tail"]) and not holder)
        else:
            continue
        found.append(member)
    return waiting


def _holders(text: str, waiting: list[Member]) -> bool:
    """"M. Jean-Louis PINAULT   Mme Pascale BRUNEAU" under two "pouvoir à": one holder each."""
    pieces = re.split(rf"\s+(?=(?:{CIVILITY})\s)", text.strip(), flags=re.IGNORECASE)
    names = [strip_civilities(p) for p in pieces]
    if len(names) != len(waiting) or not all(looks_like_member(n) and re.match(rf"(?:{CIVILITY})", p, re.I)
                                             for n, p in zip(names, pieces)):
        return False
    for member, holder in zip(waiting, names):
        member.holder = holder
    return True


def _group_heading(units: list[Unit], j: int) -> bool:
    """"CC Val de Sauldre" between two runs of entries: a short line without digits or colon,
    the roll call going on under it."""
    text = units[j].text.strip()
    return len(text) <= 80 and not re.search(r"[\d:]", text) and j + 1 < len(units) \
        and bool(entries(units[j + 1].text) or legend(units[j + 1].text))
