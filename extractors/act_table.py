"""A relevé printed as a table, one row per act (a département's commission permanente, a
bureau's relevé de décisions)::

    Rapport | Objet | Pour | Contre | Abst. | NPPV | Décision
    11-CP-10-01 | Routes départementales – programme … | 25 | 0 | 0 | 0 | Adopté à l'unanimité
    11-CP-10-04 | Avenant n°3 à la concession … (ZA de        <- a cell wrapped onto the next line
    Bel-Air) | 21 | 0 | 0 | 4 | Adopté

Each row is one deliberation: its number and object from the cells the header names, its
vote read from the header over the row (labels over values: extractors/counts.py). A table
is one of acts when its header names the object or the act, and at least two vote columns
or a column of results ("N° | Objet | Rapporteur | Décision");
the column words are data (patterns/segments.json, "act_table").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors import act_range, lexicon
from extractors.stream import Unit, fold
from schemas.text import ends_on_function_word, number_shape


@dataclass(frozen=True)
class Row:
    """One act of the table: units[start:end] (a wrapped row spans two), under `head`."""

    head: int
    start: int
    end: int
    number: str | None
    title: str | None
    cells: tuple[str, ...] = ()


def as_unit(units: list[Unit], row: Row) -> Unit:
    """The row as one unit of its cells (a wrapped row joined), to read under its header."""
    return replace(units[row.start], text=" | ".join(row.cells), cells=row.cells)


def object_closed(units: list[Unit], row: Row) -> list[Unit]:
    """The row's units, its object's cell closed by " ;", so that the object's last word is no
    label of the next cell's figure: "2020-122 | Dotation de solidarité … entre les communes
    membres | 40 | 0 | 5" counts no members in office, "… de la ZA des Prés | 53" no présents (a
    full stop would make "Prés." one); what the cell says stays ("(le Maire s'est retiré lors du vote)")."""
    def closed(u: Unit) -> Unit:
        cells = tuple(c + " ;" if c == row.title else c for c in u.cells)
        return replace(u, text=" | ".join(cells), cells=cells)
    return [closed(u) if row.title in u.cells else u for u in units]


# a header naming the vote columns by their initials, "N° | OBJET | P | C | A" (under a key "P = pour /
# C = contre / A = abstention"): read as the words, when the pour's and the contre's are both there
INITIALS = {"p": "Pour", "c": "Contre", "a": "Abstentions"}


def header_unit(units: list[Unit], row: Row) -> Unit:
    """The header over the row, its vote columns' initials spelt out."""
    u = units[row.head]
    cells = _spelt(u.cells)
    return u if cells == u.cells else replace(u, text=" | ".join(cells), cells=cells)


def _spelt(cells: tuple[str, ...]) -> tuple[str, ...]:
    folded = [fold(c).strip(" .:") for c in cells]
    if not {"p", "c"} <= set(folded):
        return cells
    return tuple(INITIALS.get(f, c) for f, c in zip(folded, cells))


def rows(units: list[Unit], start: int, end: int, words: dict) -> list[Row]:
    """Every row of every table of acts in units[start:end]."""
    out: list[Row] = []
    k = start
    while k < end:
        columns = _header(units[k], words)
        if columns is None:
            k += 1
            continue
        found = list(_rows_under(units, k, k + 1, end, columns))
        while found and (resumed := _resumed(units, k, found[-1], end)) is not None:
            more = list(_rows_under(units, k, resumed, end, columns))
            if not more or more[-1].end <= found[-1].end:
                break  # (a row read again, or none: the table does not go on)
            found += more
        out += found
        k = found[-1].end if found else k + 1
    return out


def _header(u: Unit, words: dict) -> dict[str, int] | None:
    """``"Rapport | Objet | Pour | Contre | Abst. | NPPV | Décision"`` -> column -> cell."""
    if len(u.cells) < 3 or re.fullmatch(words["budget_head"], fold(u.cells[0]).strip(" :")):
        return None
    columns: dict[str, int] = {}
    for i, cell in enumerate(_spelt(u.cells)):
        name = _column(fold(cell).strip(" :"), words)
        if name and name not in columns:
            columns[name] = i
    votes = sum(c in columns for c in lexicon.get("vote_counts"))
    return columns if (votes >= 2 or "resultat" in columns) and ({"objet", "numero"} & set(columns)) else None


def _column(cell: str, words: dict) -> str | None:
    for name in ("numero", "objet", "resultat"):
        if any(re.fullmatch(p, cell) for p in words[name]):
            return name
    labels = lexicon.labels("counts", cell)
    if len(labels) == 1 and labels[0].start == 0 and labels[0].end >= len(cell) - 1:
        return labels[0].name  # "Abst." -> abstentions: the whole cell is the label
    return None


RESUME_REACH = 12  # lines of prose a table of acts may stop for


def _resumed(units: list[Unit], head: int, last: Row, end: int) -> int | None:
    """Where the table goes on after lines of prose, under no header of its own: "22SP-0453 ⇥ SEM Grand
    E-nov+ … ⇥ 140 ⇥ 0 ⇥ 16" / "Après le vote …, six conseillers régionaux quittent la séance …" /
    "Présents : 122 – Pouvoirs : 39." / "22SP-0454 ⇥ Schéma régional …": a row as wide as the header, its
    number shaped as the last row's (not another table's header, nor a row of another shape)."""
    width, shape = len(units[head].cells), number_shape(last.number)
    for j in range(last.end, min(last.end + RESUME_REACH, end)):
        cells = units[j].cells
        alone = len(cells) >= 2 and not any(c.strip() for c in cells[1:])  # "CC-2022-205" / "⇥Urbanisme – …"
        # "DCM-2025-006 ⇥ Intercommunalité – …" / "– Vannes agglomération … ⇥ M. le Maire ⇥ Adoptée …": wrapped
        # (its second line saying the vote: not "DM-2025-012 ⇥ … ⇥ 4 800 € HT", a decision of the mayor's listed after)
        wrapped = len(cells) >= 2 and j + 1 < end and len(cells) + len(units[j + 1].cells) - 1 == width \
            and bool(units[j + 1].cells) and bool(RESULT_SAID.search(fold(units[j + 1].cells[-1])))
        if (len(cells) == width or alone or wrapped) and shape and number_shape(cells[0]) == shape:
            return j
        if len(cells) >= 3:
            return None
    return None


def _rows_under(units: list[Unit], head: int, first: int, end: int, columns: dict[str, int]):
    """The rows under a header, from units[first]: a wrapped row joined, a row of one cell across the vote columns
    ("| 2023-102 | Tarifs municipaux 2024 | Unanimité | Adoptée |") widened, a row with no
    number under a numbered one ("|  | public de l'eau potable |  |") the object's end (`_wrapped`),
    the header printed again on the next page skipped; an act withdrawn ("Retiré de l'ordre du
    jour") or a rank only taken note of is no row."""
    width = len(units[head].cells)
    header = [fold(c).strip() for c in units[head].cells]
    k, last = first, None
    while k < end and (units[k].cells or _stamp_inside(units, k, end, width)):
        if not units[k].cells:
            k += 1
            continue
        cells, stop = _row_cells(units, k, end, width, columns)
        cells, stop = (cells, stop) if cells is not None else _range_end(units[k], last, width, k)
        if cells is None:
            break
        cells = _range_cut(cells, columns)
        if [fold(c).strip() for c in cells] == header:
            k = stop  # the header printed again on the next page ("N° | Objet | Vote")
            continue
        if last is not None and _moved(cells, columns):
            # "⇥21 h 10 : départ de Mme X (pouvoir à M. Y) – Présents : 110 – …" under a row: a move after its vote
            # (the row's lines, not its cells: the move holds for the rows after it)
            last = replace(last, end=stop)
        elif _goes_on(last, cells, columns):
            last = _continued(last, cells, stop, columns)
        else:
            yield from [last] if last is not None and not _withdrawn(last, columns) else []
            last = Row(head, k, stop, _cell(cells, columns, "numero"), _cell(cells, columns, "objet"), tuple(cells))
        k = stop
    yield from [last] if last is not None and not _withdrawn(last, columns) else []


# a member arriving or leaving, said on a line of the table with no number: "⇥Arrivée de M. Jean-Marc GUILLAS à
# 19 h 20 …", "⇥21 h 10 : départ de Mme Françoise LEMOIGNE …" (a person after "de": not "Départ de la course
# cycliste – subvention", an object's cell)
MOVED = re.compile(r"^\W*(?:\d{1,2}\s*h\s*\d{0,2}\s*[:–-]?\s*)?(?i:arrivée?s?|départs?|sorties?|retours?)\s+(?:de|d')\s*"
                   r"(?:(?i:m\.|mme|mmes|mm\.?|monsieur|madame|mesdames|messieurs)\s|[A-ZÀ-Ý][a-zà-ÿ-]*\s+[A-ZÀ-Ý])")
TIME_CELL = re.compile(r"\d{1,2}\s*h\s*\d{0,2}")


def _moved(cells: list[str], columns: dict[str, int]) -> bool:
    """A move, its number cell empty or holding its time ("| 9 h 40 | Arrivée de Mme Laurence GUÉRIN … |")."""
    number = cells[columns["numero"]].strip() if "numero" in columns else "-"
    said = " ".join(c.strip() for i, c in enumerate(cells) if c.strip() and i != columns.get("numero"))
    return (not number or bool(TIME_CELL.fullmatch(fold(number)))) and bool(MOVED.match(said))


def _range_end(u: Unit, last: Row | None, width: int, k: int) -> tuple[list[str] | None, int]:
    """"2022-103 à | Fonds de concours … | 41 | 0 | 0 | Adoptées" / "2022-106 | Mirepeix, …": the range's end
    on a row of two cells, widened; (None, the next line) for any other narrow row."""
    if last is None or not act_range.open_end(last.number) or len(u.cells) >= width:
        return None, k + 1
    return list(u.cells) + [""] * (width - len(u.cells)), k + 1


def _range_cut(cells: list[str], columns: dict[str, int]) -> list[str]:
    """"2022-103 | à Fonds de concours …": the range's "à" cut into the object's cell, put back after the number."""
    if "numero" not in columns or "objet" not in columns:
        return cells
    number, objet = cells[columns["numero"]], cells[columns["objet"]]
    if not re.fullmatch(r"\s*\S*\d\S*\s*", number) or not re.match(r"\s*(?:à|a|au)\s+(?=[A-ZÀ-Ý])", objet):
        return cells
    out = list(cells)
    word = objet.split()[0]
    out[columns["numero"]], out[columns["objet"]] = f"{number.strip()} {word}", objet.strip()[len(word):].strip()
    return out


def _goes_on(last: Row | None, cells: list[str], columns: dict[str, int]) -> bool:
    """A row with no number goes on with the row above: no vote of its own, or its object or result
    going on in lower case, or the result the row above left empty ("| 2023-M-091 | … du reseau |" /
    "|  | STAS - avenant n° 6 | Unanimite |", `_wrapped`)."""
    if last is None or "numero" not in columns:
        return False
    if cells[columns["numero"]].strip():  # "2022-103 à" / "2022-106": a range's end wrapped
        return _number_wrapped(last, cells, columns) or act_range.open_end(last.number)
    # "CC-2022-201" / "⇥Finances – Budget primitif 2023 –" / "⇥⇥189⇥160⇥21⇥8": the figures of a row whose number
    # and object stand on the lines above, on a line of their own with no object
    figures_only = "objet" in columns and not cells[columns["objet"]].strip() \
        and not _says_vote(list(last.cells), columns)
    return not _says_vote(cells, columns) or figures_only or _wrapped(cells, list(last.cells), columns)


def _number_wrapped(last: Row, cells: list[str], columns: dict[str, int]) -> bool:
    """A number cell wrapped too, under a row that says its vote: "| 2024 CP04 | Dotation territoriale
    - programmation 2024 des | 56 | 0 | … | Adopté |" / "| A 01 01 | aides aux communes … |  |  | … |":
    no vote of its own, its object going on in lower case or a figure ("2e répartition"), or inside a
    bracket left open; its number no year (an act of its own)."""
    objet = cells[columns["objet"]].strip() if "objet" in columns else ""
    # "… logement social (Alpes" / "Isère Habitat, SDH)": a bracket left open
    opened = (last.title or "").count("(") > (last.title or "").count(")")
    # (not an act of its own with no vote: "| 2024 CP06 | « Collèges ouverts » – … | | |", its year printed)
    goes_on = opened or objet[:1].islower() or objet[:1].isdigit()
    # (nothing beside its number and object: no vote of its own)
    return _says_vote(list(last.cells), columns) and goes_on and not YEAR.search(cells[columns["numero"]]) \
        and not any(c.strip() for i, c in enumerate(cells) if i not in (columns["numero"], columns.get("objet")))


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _row_cells(units: list[Unit], k: int, end: int, width: int, columns: dict[str, int]):
    """units[k]'s cells as wide as the header (and where the row ends), or None: no row."""
    cells, stop = list(units[k].cells), k + 1
    if len(cells) < width and stop < end and len(cells) + len(units[stop].cells) - 1 == width \
            and units[stop].cells[0].strip():
        nxt = units[stop].cells
        cells = cells[:-1] + [f"{cells[-1]} {nxt[0]}"] + list(nxt[1:])
        stop += 1
    cells = _padded(cells, width, columns, units[stop].cells if stop < end else ())
    if len(cells) > width and columns.get("resultat") == width - 1:
        # "… | Adopté | Pour : 52 | Contre : 0 | Abstention : 15": the result's cell goes on in
        # cells the header does not name (a tab between the outcome and each count)
        cells = cells[:width - 1] + [" ".join(c.strip() for c in cells[width - 1:])]
    return (cells, stop) if len(cells) == width else (None, stop)


def _padded(cells: list[str], width: int, columns: dict[str, int], below: tuple[str, ...]) -> list[str]:
    """A row with fewer cells than the header, the empty ones a tab export dropped put back where they stand."""
    result_last = columns.get("resultat") == width - 1
    if 2 < len(cells) < width and not cells[0].strip() and cells[-1][:1].islower() and result_last:
        # "|  | Dunkerque » - organisation … |  |  | l'unanimite" under "… | Adopte a": the result's cell going
        # on, its empty vote cells dropped with their tabs
        cells = cells[:-1] + [""] * (width - len(cells)) + cells[-1:]
    if len(cells) < width and (not cells[0].strip() or below and not below[0].strip()):
        # "2023-M-088 | Budget principal - reprise … 2022 et" / "|  | budget supplementaire 2023 | Pour
        # 98 / …": the row's cells wrapped onto lines below (each opening on an empty number), the cells
        # a line leaves out empty
        cells += [""] * (width - len(cells))
    if 0 < width - len(cells) <= 2 and re.fullmatch(r"\s*\d+\s*", cells[-1]) and cells[0].strip():
        # "2019-CP-07-01 <tab> 1-1 <tab> Routes … <tab> 47 <tab> 0 <tab> 0" under "… P | C | A | NPPV": the
        # empty cells closing the row, dropped with their tabs
        cells += [""] * (width - len(cells))
    votes = sorted(i for c, i in columns.items() if c in lexicon.get("vote_counts"))
    if len(cells) < width and votes and votes[0] < len(cells) - 1 and not re.fullmatch(r"\s*\d+\s*", cells[votes[0]]):
        # one cell across the vote columns ("Unanimité", "Prend acte"): it stands in the first
        cells = cells[:votes[0] + 1] + [""] * (width - len(cells)) + cells[votes[0] + 1:]
    return cells


WAITING = re.compile(r"(?:[,;]|\bet)\s*\d{1,4}\s*$")  # "… Pour, 9": a number whose side opens the next line


def _continued(row: Row, cells: list[str], stop: int, columns: dict[str, int]) -> Row:
    # a result's next line opening anew is a clause of its own: "Pour 100 / Abst. 9" / "NPPV : 4 (élus membres du"
    # (not after a number waiting for its side: "Adopte : 78 Pour, 9" / "Contre, 5 Abst.")
    result = columns.get("resultat")
    joined = tuple(f"{a} – {b}" if i == result and a.strip() and b[:1].isupper() and not WAITING.search(a)
                   else f"{a} {b}".strip() for i, (a, b) in enumerate(zip(row.cells, cells)))
    return replace(row, end=stop, cells=joined, title=_cell(list(joined), columns, "objet"),
                   number=_cell(list(joined), columns, "numero"))


# "Retiré de l'ordre du jour", "Ajourné", "Reporté" opening a cell of a row that holds no vote
WITHDRAWN = re.compile(r"^\s*(?:retire|ajourne|reporte)(?:e|s|es)?\b|\bordre\s+du\s+jour\b")


def _withdrawn(row: Row, columns: dict[str, int]) -> bool:
    """"| 2023-106 | Vœu … | Retiré de l'ordre du jour |", or a rank only taken note of ("| 2 | … |
    Le conseil prend acte de la tenue du débat (pas de vote) |"): no deliberation (not "Adoptée,
    crédits reportés", "Rejetée, le vœu est retiré", "prend acte du rapport et l'approuve": a vote)."""
    counted = {i for c, i in columns.items() if c in lexicon.get("vote_counts")}
    # a report's rank in a column of its own ("— | 4 | Cession … | Retiré de l'ordre du jour") is no vote
    said = [fold(c) for i, c in enumerate(row.cells) if i not in (columns.get("objet"), columns.get("numero"))
            and (i in counted or not RANK_CELL.fullmatch(c))]
    if any(re.search(r"\d", c) for c in said):
        return False
    # "| 2 | M. X | Rapport d'orientation budgétaire 2025 | Le conseil prend acte de la tenue du débat
    # (pas de vote) |": a rank, no act's number, and nothing voted, no deliberation
    # (nor "— | Communication : rapport annuel … | Pris acte (pas de vote)": a number cell printing none;
    # not a table without a column of numbers)
    ranked = RANK_CELL.fullmatch(row.number or "") or row.number is not None and not re.search(r"\w", row.number)
    return any(WITHDRAWN.search(c) or ranked and NOT_VOTED.search(c) for c in said)


NOT_VOTED = re.compile(r"^(?!.*\b(?:adopt|approuv|unanim|elue?s?\b|design|majorite))"
                       r"(?:.*\b(?:prend|prennent|pris)\s+acte\b|.*\b(?:pas\s+de|sans)\s+vote\b(?!\s+(?:a|au|par)\s)"
                       r"|\s*(?:pour\s+)?information\b)")  # not "sans vote à bulletin secret"


RANK_CELL = re.compile(r"\s*(?:\d{1,3}|[IVXL]{1,5})\s*[.)°]?\s*")


RESULT_SAID = re.compile(r"adopt|rejet|unanim|approuv|\bacte\b|retir")


def _says_vote(cells: list[str], columns: dict[str, int]) -> bool:
    """A row with no number holding a vote or a result of its own is an act ("|  | Approbation du
    procès-verbal | 32 | 0 | 0 | Adoptée |"), not the object's end (nor "|  | sur-Cher – avenant
    n° 1 | 1 abstention |", a result's end)."""
    counted = any(cells[i].strip() for c, i in columns.items() if c in lexicon.get("vote_counts"))
    return counted or ("resultat" in columns and bool(RESULT_SAID.search(fold(cells[columns["resultat"]]))))


def _wrapped(cells: list[str], above: list[str], columns: dict[str, int]) -> bool:
    """A row with no number that goes on with the row above: its object in lower case ("|  |
    requalification – convention … | VERHAEGHE | l'unanimité |"), its result going on from a cell
    left open ("| … | Adoptée à |" / "| … | l'unanimité |"), or the result the row above left empty
    ("| 2023-M-091 | … du reseau |  |" / "|  | STAS - avenant n° 6 | Unanimite |"); not an act of its own
    under a row whose result is said ("| 5 | Débat d'orientation | Débat tenu |" / "|  | Motion … |
    adoptée à l'unanimité |")."""
    objet, result = (cells[columns[c]].strip() if c in columns else "" for c in ("objet", "resultat"))
    said = above[columns["resultat"]].strip() if "resultat" in columns else ""
    if objet[:1].islower():
        return True
    if "resultat" not in columns or not result:
        return False
    return not said and not _says_vote(above, columns) or result[:1].islower() and ends_on_function_word(said)


def _stamp_inside(units: list[Unit], k: int, end: int, width: int) -> bool:
    """A line or two printed across the table (a prefecture stamp, "Reçu le 16/12/2022"),
    rows of the same table going on after it."""
    return any(len(u.cells) == width for u in units[k + 1:min(k + 3, end)])


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str | None:
    return cells[columns[name]].strip() or None if name in columns else None
