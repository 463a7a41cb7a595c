"""A table of the members, one a row, their attendance marked by a cross in a column::

    NOM Prénom          Présent   Absent excusé   Pouvoir donné à
    KIEFFER Gilbert     X
    HOFFMANN Marc                 X               KLEIN Jean-Paul
    NEU Martine                   X

The header names the columns (the member's, "Présent", "Absent" or "Excusé", "Pouvoir" or
"Procuration"); a row is a member, present or absent by the column its mark stands in, with the
proxy's holder in the last column. A row whose mark stands in no known column is left out.
"""
from __future__ import annotations

import re

from extractors.entries import strip_civilities
from extractors.members import Member, looks_like_member
from extractors.stream import Unit, fold

# the columns, by the header's words (folded)
COLUMNS = (("name", re.compile(r"^(?:noms?\b|membres?\b|conseill|elus?\b|delegues?\b)")),  # not "Nombre"
           ("holder", re.compile(r"^(?:pouvoir|procuration|mandat|represente)")),
           ("absent", re.compile(r"^(?:absent|excuse|abs\.)")),
           ("present", re.compile(r"^(?:present|pres\.)")))
MARK = re.compile(r"^\s*(?:x|×|✓|✔|oui|1)\s*$", re.IGNORECASE)


def columns(u: Unit) -> dict[str, int] | None:
    """Where each column stands in a header row ("NOM Prénom | Présent | Absent excusé | Pouvoir
    donné à"), or None: a name, a present and an absent column at least."""
    found: dict[str, int] = {}
    for i, cell in enumerate(u.cells):
        kind = next((k for k, rx in COLUMNS if rx.match(fold(cell).strip())), None)
        if kind and kind not in found:
            found[kind] = i
    if not ({"name", "present", "absent"} <= found.keys() and found["name"] == 0):
        return None
    found["excused"] = int("excus" in fold(u.cells[found["absent"]]))  # "Absent excusé": its absents are excused
    return found


def opens(units: list[Unit], k: int) -> bool:
    """A header row at units[k] with a member's row under it."""
    cols = columns(units[k]) if len(units[k].cells) >= 3 else None
    return bool(cols) and k + 1 < len(units) and _member(units[k + 1], cols, k + 1) is not None


def read(units: list[Unit], k: int) -> tuple[list[Member], int]:
    """The members of the table from its header at units[k]; the index of the unit after it."""
    cols, found, j = columns(units[k]), [], k + 1
    while j < len(units) and (member := _member(units[j], cols, j)) is not None:
        found.append(member)
        j += 1
    for member in found:
        member.list_at = k
    return found, j


def _member(u: Unit, cols: dict[str, int], j: int) -> Member | None:
    """"HOFFMANN Marc | | X | KLEIN Jean-Paul" -> HOFFMANN Marc, absent, his proxy held by KLEIN Jean-Paul."""
    cells = list(u.cells) + [""] * 4
    name = strip_civilities(cells[0].strip())
    if not u.cells or not looks_like_member(name):
        return None
    holder = strip_civilities(cells[cols["holder"]].strip()) if "holder" in cols else ""
    if MARK.match(cells[cols["present"]]):
        return Member(name, "present", j)
    if MARK.match(cells[cols["absent"]]) or looks_like_member(holder):
        return Member(name, "absent", j, bool(cols["excused"]) or None, holder or None, gave_proxy=bool(holder))
    return None
