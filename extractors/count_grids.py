"""Counts laid out as a table: a row of labels over a row of values cell under cell, labels one
a line then their values one a line in the same order, a vote table one cell a line with a
Total row::

    En exercice | Présents | … | Date de convocation   over   11 | 8 | … | 04/04/2024
    Séance du : / Présents : / Votants : / 15 décembre 2020 / 16 / 19
    Groupe / Pour / Contre / Abst. / ME / 36 / 0 / 0 / … / Total / 36 / 11 / 4

Each reader gives its counts and the units it read, which extractors/counts.py then reads no
other way.
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.count_text import GLOSS, Count, digits, plausible
from extractors.stream import Unit, fold


NOTE_CALL = re.compile(r"(?<=\d)\s*(?:\(\s*(?:\d|l|i|\*{1,3})\s*\)|\*{1,3})$")


def cell_rows(units: list[Unit]) -> tuple[list[Count], set[int]]:
    """A table row of labels over a row of values, cell under cell ("En exercice | Présents |
    … | Date de convocation" over "11 | 8 | … | 04/04/2024"): each count is the number under
    its label, whatever the other columns hold. The rows read, to be read no other way."""
    out, rows = [], set()
    for k in range(len(units) - 1):
        head = units[k].cells
        body = _body(units, k)
        if not head or not body:
            continue
        at = _total_row(units, body)
        labels = list(map(_cell_label, head))
        if sum(bool(label) for label in labels) < 2:
            continue
        rows |= {k, *body}
        if at is None:
            continue  # a row per group and no total: no count is the sitting's
        # "trente-neuf (39)" -> "39"; "2 (1)", "2 (l)", "2*": a note's call after the figure
        values = [NOTE_CALL.sub("", digits(v).strip()) for v in units[at].cells]
        found = [(label, v) for label, v in zip(labels, values) if label and re.fullmatch(r"\d{1,4}", v)]
        # "2 | 33 | unanimité |": a vote table's row merged across its vote columns, its votants alone
        if len(found) >= 2 or len(found) == 1 and any("unanim" in fold(c) for c in units[at].cells):
            out += [Count(label, int(v), at, "table_cells") for label, v in found if plausible(int(v))]
    return out, rows


def _body(units: list[Unit], k: int) -> list[int]:
    """The rows of values under a header row, as wide as it."""
    out, j = [], k + 1
    while j < len(units) and len(units[j].cells) == len(units[k].cells) and len(units[k].cells):
        if not any(re.fullmatch(r"\d{1,4}", digits(c).strip()) for c in units[j].cells):
            break
        out.append(j)
        j += 1
    return out


def _total_row(units: list[Unit], body: list[int]) -> int | None:
    """The row that counts for the whole: the only one, or the "Total" of a row per group
    or college ("Élus | 9 | 0 | 0" / "Socioprofessionnels | 5 | 0 | 1" / "Total | 14 | 0 | 1")."""
    if len(body) == 1:
        return body[0]
    totals = [j for j in body if re.match(r"(?:total|ensemble|resultat)\b", fold(units[j].cells[0]).strip())]
    return totals[-1] if totals else None


def label_lines(units: list[Unit]) -> tuple[list[Count], set[int]]:
    """Labels one a line, then their values one a line, in the same order ("Séance du :" /
    "Date de convocation :" / "Présents :" / "Votants :" / "15 décembre 2020" / "4 décembre
    2020" / "16" / "19"; a label may wrap, "Nombre de conseillers" / "en exercice :"): each
    label paired with the value of its rank, dates among them. The lines read, to be read no
    other way."""
    out, lines, k = [], set(), 0
    while k < len(units):
        labels, j = _labels_from(units, k)
        values = units[j:j + len(labels)]
        if len(labels) >= 3 and len(values) == len(labels) and not any(_label_line(v.text) for v in values):
            # values in words too ("cinquante-deux" / "cinquante et un" / "un")
            found = [(_cell_label(label), digits(v.text).strip(), j + i) for i, (label, v) in enumerate(zip(labels, values))]
            counted = [(c, v, at) for c, v, at in found if c and re.fullmatch(r"\d{1,4}", v) and plausible(int(v))]
            if len(counted) >= 2:
                out += [Count(c, int(v), at, "label_block") for c, v, at in counted]
                lines |= set(range(k, j + len(labels)))
        k = max(j, k + 1)
    return out, lines


TOTAL = re.compile(r"total(?:\s+general)?\s*:?")


def total_cells(units: list[Unit]) -> tuple[list[Count], set[int]]:
    """A vote table extracted one cell a line, a row per group then a Total row ("Groupe" /
    "Pour" / "Contre" / "Abst." / "ME" / "36" / "0" / "0" / … / "Total" / "36" / "11" / "4"):
    the counts are the Total's. The lines read, to be read no other way."""
    out, lines, k = [], set(), 0
    if not any(TOTAL.fullmatch(u.folded.strip()) for u in units):
        return out, lines
    while k < len(units):
        j = k
        while j < len(units) and not units[j].cells and _cell_label(units[j].text):
            j += 1
        labels = [_cell_label(u.text) for u in units[k:j]]
        total = _total_line(units, j, len(labels)) if len(labels) >= 2 else None
        values = units[total + 1:total + 1 + len(labels)] if total is not None else []
        if values and len(values) == len(labels) and all(re.fullmatch(r"\d{1,4}", v.text.strip()) for v in values):
            out += [Count(c, int(v.text), total + 1 + i, "total_cells") for i, (c, v) in enumerate(zip(labels, values))]
            lines |= set(range(k, total + 1 + len(labels)))
        k = max(j, k + 1)
    return out, lines


def _total_line(units: list[Unit], j: int, width: int) -> int | None:
    """The "Total" line after a table's rows, one short cell a line (group names, numbers)."""
    for t in range(j, min(len(units), j + 10 * (width + 1))):
        text = units[t].folded.strip()
        if TOTAL.fullmatch(text):
            return t
        if len(text.split()) > 3 or units[t].cells:
            return None
    return None


def _labels_from(units: list[Unit], k: int) -> tuple[list[str], int]:
    """The label lines from units[k] on (a wrapped one joined), and the index after them."""
    labels, j = [], k
    while j < len(units):
        if labels and RULE_LINE.match(units[j].text):  # "Présents :" / "_____________" / "Pouvoirs :": a form's rule
            j += 1
        elif _label_line(units[j].text):
            labels.append(units[j].text)
            j += 1
        elif j + 1 < len(units) and _label_line(units[j + 1].text) and _goes_on(units[j + 1].text):
            labels.append(units[j].text + " " + units[j + 1].text)  # "Nombre de conseillers" / "en exercice :"
            j += 2
        else:
            break
    return labels, j


def _goes_on(text: str) -> bool:
    """A label's second line: "en exercice :", "+ pouvoirs) :" (not "Présents :", a label of its own)."""
    first = text.strip()[:1]
    return first.islower() or first in "+)&/"


RULE_LINE = re.compile(r"^\s*[_.…=*–—-]{3,}\s*$")


def _label_line(text: str) -> bool:
    """``"Présents :"``: a short line ending with its colon (a bare label, "Présents", is read
    by `_block`, values after labels)."""
    # words of two letters at least: "conseiller.e.s municipaux.ales" is two
    return bool(re.search(r":\s*$", text)) and len(re.findall(r"\w{2,}", text)) <= 9


def _cell_label(cell: str) -> str | None:
    """The count a header cell names, when the label is the whole cell ("Présents", "Total
    (présents + pouvoirs)", or its gloss aside: "Votants (présents + pouvoirs)"); its value is
    below it, as if after a colon ("Exercice" over "42" is "exercice : 42")."""
    said = digits(cell)
    for text in (said.strip(" :"), GLOSS.sub("", said).strip(" :")):
        found = lexicon.labels("counts", text + " : 1")
        if len(found) == 1 and len(text) - 2 <= found[0].end - found[0].start <= len(text) + 1:
            return found[0].name
    return None
