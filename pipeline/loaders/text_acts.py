"""A list of acts printed as a table whose columns a text extraction ran together, one space
between cells and the rows wrapped where the page cut them::

    N° délibération Rapport Pour Contre Abst. NPPV Décision
    22CP-1402 Transition énergétique – Climaxion : aides à la rénovation énergétique des loge-
    ments – affectations 40 0 9 0 Adopté
    C2026-002 Budget annexe Transports - 53 53 0 0 Adoptée à
    reprise anticipée des résultats 2025 l'unanimité        <- the object and the result, both wrapped

The header says how many vote columns follow the object; each row starts with an act number
of the first row's shape ("22CP-1401": digits, letters, a dash, digits) and ends where
the next starts. Its text read whole, the last run of that many figures (or dashes) followed by
words is the vote, what stands before it the object, what follows the result. The row is given
back as one tab line under a tab header ("N°⇥Objet⇥Pour⇥…⇥Décision"), the form a ruled table
takes in the text loader, so that it is read as any table of acts.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from schemas.text import joined, number_shape

VOTE_WORD = r"(?:Votants|Pour|Contre|Abst\.?|Abstentions?|NPPV|Exprimés|Blancs?)"
NUMBER_HEAD = r"(?:n°|n[o°]\.?|numéro|réf\.?)"  # the number column's header, in every table below (case aside)
# "N° délibération Rapport Pour Contre Abst. NPPV Décision", "N° Objet Votants Pour Contre Abst. Résultat"
HEADER = re.compile(rf"(?i)^\s*{NUMBER_HEAD}(?:\s+(?:de\s+la\s+)?(?:délibération|rapport|acte|objet|intitulé))*"
                    rf"\s+(?P<votes>{VOTE_WORD}(?:\s+{VOTE_WORD}){{1,5}})"
                    r"(?:\s+(?P<result>Décision|Résultat|Observations|Vote|Suite\s+donnée))?\s*$")
NUMBER = re.compile(r"^\s*(?P<num>[A-Z]{0,5}\d[\w]*(?:[-/._]\w+){1,3})\s+\S")
# the result of a row wrapped onto the object's next line: "… résultats 2025 l'unanimité"
RESULT_TAIL = re.compile(r"(?i)(?:^|\s+)((?:à\s+)?l['’]unanimit[ée]\S*|unanimit[ée]\S*)\s*$")
FIGURE = r"(?:\d{1,3}|[-–—])"


def acts_tables(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, each flattened list of acts as a tab header and tab rows."""
    lines = list(lines)
    k = 0
    while k < len(lines):
        # (a header whose words stand two spaces apart or more keeps its columns: text_grid's)
        m = HEADER.match(lines[k][1]) if not re.search(r"\S\s{2,}\S", lines[k][1].strip()) else None
        rows, end = _rows(lines, k + 1, len(m.group("votes").split()), bool(m.group("result"))) if m else ([], k + 1)
        if len(rows) < 2:
            yield lines[k]
            k += 1
            continue
        names = ["N°", "Objet", *m.group("votes").split(), *([m.group("result")] if m.group("result") else [])]
        yield lines[k][0], "\f" * lines[k][1].count("\f") + "\t".join(names)
        yield from sorted(rows)
        k = end


def _rows(lines: list[tuple[int, str]], k: int, figures: int, result: bool) -> tuple[list[tuple[int, str]], int]:
    """The rows under a header (index of their first line, tab line) and where the table ends."""
    first = NUMBER.match(lines[k][1]) if k < len(lines) else None
    if first is None:
        return [], k
    shape = number_shape(first.group("num"))
    rows, j = [], k
    while j < len(lines) and not _starts(lines[j][1], shape) and j + 1 < len(lines) and rows \
            and _starts(lines[j + 1][1], shape) or j < len(lines) and _starts(lines[j][1], shape):
        if not _starts(lines[j][1], shape):  # a page's footer between two rows: a line of its own
            rows.append(lines[j])
            j += 1
            continue
        end = j + 1
        while end < len(lines) and lines[end][1].strip() and not _starts(lines[end][1], shape) \
                and _goes_on(lines[j:end], lines[end][1], figures, _before_row(lines, end + 1, shape)):
            end += 1
        cells = _cells([text for _, text in lines[j:end]], figures)
        if cells is None:
            break
        cells = cells if result else cells[:-1]
        breaks = "\f" * sum(text.count("\f") for _, text in lines[j:end])
        rows.append((lines[j][0], breaks + "\t".join(cells)))
        j = end
    return rows, j


def _starts(line: str, shape: str) -> bool:
    m = NUMBER.match(line)
    return bool(m) and number_shape(m.group("num")) == shape


# a page's footer or header: "… Liste des délibérations CC 29/01/2026 1/2", "Page 2 sur 2"
PAGE_MARK = re.compile(r"(?i)\b\d+\s*/\s*\d+\s*$|\bpage\s+\d+")


def _goes_on(row: list[tuple[int, str]], line: str, figures: int, row_next: bool) -> bool:
    """The next line is the row's (its object or result wrapped) while the row lacks its figures;
    with them, when it starts in lower case ("l'unanimité", "ments – affectations") or is a
    short end of the object right above the next row ("Gleizé - piscine"), not a page's footer."""
    if _cells([text for _, text in row], figures) is None or line.strip()[:1].islower():
        return True
    return row_next and len(line.strip()) < 60 and not PAGE_MARK.search(line)


def _before_row(lines: list[tuple[int, str]], k: int, shape: str) -> bool:
    return k < len(lines) and _starts(lines[k][1], shape)


def _cells(texts: list[str], figures: int) -> list[str] | None:
    """number, object, the figures and the result of one row's lines, or None (not all there).
    The figures may be cut across two lines ("… avenant n° 3 38 7" / "4 0 Adopté"); past the
    line where they end, a line is the object's end but for the result's end it may close on
    ("reprise anticipée des résultats 2025 l'unanimité")."""
    lines = [" ".join(t.split()) for t in texts]
    text = " ".join(lines)
    row = re.match(rf"^(\S+)\s+(.+)\s+({FIGURE}(?:\s+{FIGURE}){{{figures - 1}}})(?:\s+([^\d\s].*?))?$", text)
    if row is None:
        return None
    ends = [len(" ".join(lines[:i + 1])) for i in range(len(lines))]
    last = next(i for i, e in enumerate(ends) if e >= row.end(3))  # the line where the figures end
    title, result = [row.group(2)], [text[row.end(3):ends[last]].strip()]
    for line in lines[last + 1:]:
        tail = RESULT_TAIL.search(line)
        title.append(line[:tail.start()] if tail else line)
        result.append(tail.group(1) if tail else "")
    joined = re.sub(r"(?<=[^\W\d_])-\s+(?=[a-zà-ÿ])", "", " ".join(t for t in title if t))
    return [row.group(1), joined, *row.group(3).split(), " ".join(r for r in result if r)]


# a row's act number alone on its line, its cells on the lines below each opening on a tab:
# "N° de l'acte⇥Objet⇥Votants⇥Pour⇥…" / "CC-2022-201" / "⇥Finances – Budget primitif 2023 –" / "⇥⇥189⇥160⇥21⇥8"
# (a letter or a year in it: not a page's number "2/3" nor a date "15/12/2022")
LONE_NUMBER = re.compile(r"\s*(?=\S*(?:[A-Z]|(?<!\d)(?:19|20)\d\d(?!\d)))(?!\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$)"
                         r"(?:[A-Z]{1,5}[-/._ ]?)?\d[\w]*(?:[-/._]\w+){1,3}\s*")  # "CC-2022-201", "2022-114"


def numbers_alone(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, an act's number alone between tab rows given a tab (a cell of its own),
    so that its row goes on in the table rather than cutting it in two; only where a line of its row
    is as wide as the first tab line of the block (its header: tabs that stand for columns, not an
    indent: "⇥M. X⇥Pour 62 / …" under "N°⇥Objet⇥Rapporteur⇥Vote" is no row of four cells)."""
    lines = list(lines)
    filled = [k for k, (_, text) in enumerate(lines) if text.strip()]
    width = 0
    for i, k in enumerate(filled):
        text = lines[k][1]
        lone = LONE_NUMBER.fullmatch(text)
        if "\t" not in text and not lone:
            width = 0  # the block of tab lines ends: the next one's first line is a header
        elif not lone and not width:
            width = text.count("\t") + 1
        if lone and width and _row_as_wide(lines, filled[i + 1:], width):
            lines[k] = (lines[k][0], text.rstrip() + "\t")
    return iter(lines)


def _row_as_wide(lines: list[tuple[int, str]], below: list[int], width: int) -> bool:
    """The lines of a row under its lone number (each opening on a tab), one of them `width` cells wide."""
    for k in below:
        text = lines[k][1]
        if not text.startswith("\t"):
            return False
        if text.count("\t") + 1 == width:
            return True
    return False


# a list of acts typed with "|" in a proportional font, its rows wrapped where the line ran out, each
# row as many pipes as the header over one, two or three lines:
#     N° | Objet | Vote | Décision
#     2022-11-02 | Budget principal 2022 - Décision modificative n° 2 | Pour : 32
#     Contre : 7 Abstentions : 2 | Adopté
PIPED_HEAD = re.compile(r"^[^|\d]{1,40}(?:\|[^|\d]{1,40}){2,8}$")
ROW_LINES = 3  # lines a row may wrap over
RULE = re.compile(r"^\s*[-=_]{3,}(?:[-=_+|\s]*)$")
FURNITURE_REACH = 5  # lines without a pipe (a footer, a stamp) a table goes on after


def wrapped_pipes(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, each such table as a tab header and one tab line a row; the lines printed
    across it without a full stop (a page's footer, a stamp) after it, a sentence ("M. X quitte la séance
    … (présents 28 – votants 32).") where it stands, between the rows it comes between."""
    lines = list(lines)
    k = 0
    while k < len(lines):
        rows, aside, end = _piped_table(lines, k) if PIPED_HEAD.match(lines[k][1].strip()) else ([], [], k)
        if len(rows) < 3:
            yield lines[k]
            k += 1
            continue
        yield from rows + aside
        k = end


def _piped_table(lines: list[tuple[int, str]], k: int) -> tuple[list, list, int]:
    """The header and rows under lines[k] (tab lines), the lines across it, and where it ends."""
    n = lines[k][1].count("|")
    rows, aside, j = [(lines[k][0], "\t".join(c.strip() for c in lines[k][1].split("|")))], [], k + 1
    if j < len(lines) and RULE.match(lines[j][1]):
        j += 1  # "---+------+----": the header's underline, as a plain-text table is typed
    while j < len(lines):
        row, end = _piped_row(lines, j, n)
        if row is None:
            # (a footer with bars of its own, "Ville de Dieppe | Conseil municipal | … | page 1/2", is across it too)
            nxt = next((e for e in range(j + 1, min(j + FURNITURE_REACH, len(lines)))
                        if _piped_row(lines, e, n)[0] is not None), None)
            if nxt is None or len(rows) < 2:
                break
            rows += [line for line in lines[j:nxt] if line[1].rstrip().endswith(".")]
            aside, j = aside + [line for line in lines[j:nxt] if not line[1].rstrip().endswith(".")], nxt
            continue
        rows.append(row)
        j = end
    return rows, aside, j


def _piped_row(lines: list[tuple[int, str]], j: int, n: int) -> tuple[tuple[int, str] | None, int]:
    """One row from lines[j]: its lines joined until they hold the header's `n` pipes, its first cell
    printed (an act's number or rank)."""
    text, end = "", j
    while end < min(j + ROW_LINES, len(lines)) and lines[end][1].strip() and (
            text.count("|") < n or "|" not in lines[end][1] and _last_cell_goes_on(text, lines[end][1])):
        text, end = f"{text} {lines[end][1].strip()}".strip(), end + 1
    cells = [c.strip() for c in text.split("|")]
    # (not "Ville de Dieppe | Liste des délibérations | page 2": a footer with bars, no number in its first cell)
    if text.count("|") != n or not re.search(r"\d|^[–—-]$", cells[0]) or len(cells[0]) > 24 or "|" not in lines[j][1]:
        return None, j
    return (lines[j][0], "\t".join(cells)), end


# a row whose pipes are all printed, its last cell wrapped onto the lines below: empty ("… (commune de Meymac) |" /
# "Adopté à l'unanimité") or cut where it cannot end ("| Adopté :" / "Pour 26 - Abstentions 11", "… ARFEUILLE et")
LAST_CELL_OPEN = re.compile(r"(?:[:,(–-]|\b(?:et|ou|de|du|des|la|le|les|à|a|par|avec))\s*$")
# an empty last cell goes on with an outcome only (not "Motion de soutien …: adoptée par 20 voix", an item of its own)
OUTCOME_FIRST = re.compile(r"(?i)\s*(?:adopt|approuv|rejet|unanim|retir|ajourn|report|pour\b|contre\b|abst|prend\s+acte"
                           r"|pris\s+acte|donne\s+acte|avis\b)")


def _last_cell_goes_on(text: str, line: str) -> bool:
    """The row's last cell goes on into `line` (which holds no pipe): cut where it cannot end, or empty over an
    outcome."""
    return bool(LAST_CELL_OPEN.search(text)) or text.rstrip().endswith("|") and bool(OUTCOME_FIRST.match(line))


# a table of acts typed with tabs whose cells wrap onto lines the tabs do not reach:
# "DCM-2025-003⇥Budget principal – … d'investisse-" / "ment avant le vote du budget primitif …" /
# "2024)⇥M. Ronan JAFFRÉ⇥Adoptée" / "(40 pour," / "8 abstentions)" / "DCM-2025-004⇥Port de plaisance …"
TAB_HEADER = re.compile(rf"(?i)^\s*{NUMBER_HEAD}[^\t]*\t(?=.*\b(?:objet|intitulé))"
                        r"(?=.*\b(?:vote|résultat|décision|pour)\b)")
OPEN_TAIL = re.compile(r"[-–—,(]\s*$")
# a line of its own: a section's rank ("2. Finances"), a page's number ("2"), a note's call ("(*) Mme …", "(1) …")
NOT_A_CELL = re.compile(r"\d{1,3}\s*[.)]\s+[A-ZÀ-Ý]|\d{1,3}$|\(\s*(?:\*+|\d{1,2}|[a-z])\s*\)|\*+\s")


def tab_wrapped(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a line of a tab table's wrapped cell joined to the tab line above it."""
    lines, out, table = list(lines), [], False
    for k, (i, line) in enumerate(lines):
        table = table and bool(line.strip()) or bool(TAB_HEADER.match(line))
        if table and out and "\t" in out[-1][1] and "\t" not in line and not TAB_HEADER.match(out[-1][1]) \
                and _cell_goes_on(out[-1][1], line, lines, k):
            # ("Adoptée" / "44 pour" / "4 abstentions": each figure a clause of its own)
            glue = ", " if line.strip()[:1].isdigit() and not OPEN_TAIL.search(out[-1][1]) else ""
            out[-1] = (out[-1][0], joined([out[-1][1] + glue, line.strip()]))
            continue
        out.append((i, line))
    yield from out


def _cell_goes_on(above: str, line: str, lines: list[tuple[int, str]], k: int) -> bool:
    """The line ends the cell above it: it opens in lower case, on a bracket or a figure, or the line above
    is left open (a dash, a comma, a bracket); not a page's footer nor a row of its own; the table goes on."""
    text = line.strip()
    if not text or PAGE_MARK.search(text) or LONE_NUMBER.fullmatch(text) or NUMBER.match(text) or NOT_A_CELL.match(text):
        return False
    opened = OPEN_TAIL.search(above) or above.count("(") > above.count(")")
    if not (opened or text[:1].islower() or text[:1] in "(" or text[:1].isdigit()):
        return False
    return any("\t" in later for _, later in lines[k + 1:k + 4])


# a table of acts whose extraction put each cell on a line of its own, the header too:
# "N°" / "Objet" / "Vote" / "DFI/2020/188" / "Garanties d'emprunts accordées à" / "Partenord Habitat – …" /
# "Unanimité" / "DAT/2020/301" / … / "Pour : 58" / "Contre : 0" / "Abstentions : 20"
HEAD_CELLS = (re.compile(rf"(?i){NUMBER_HEAD}(?:\s+(?:de\s+la\s+)?(?:délibération|acte))?"),
              re.compile(r"(?i)objet|intitulé|libellé"),
              re.compile(r"(?i)vote|résultat(?:\s+du\s+vote)?|décision"))
VOTE_CELL = re.compile(r"(?i)^\s*(?:unanimit|à\s+l['’]unanimit|(?:adopt|rejet|retir|ajourn)ée?s?\b"
                       r"|prend\s+acte|pris\s+acte"
                       r"|(?:pour|contre|abstentions?|abst\.|nppv|votants)\s*:?\s*\d)")


# the same with a column per count: "N°" / "Objet" / "Pour" / "Contre" / "Abst." / "NPPV" / "Résultat" /
# "2025-041" / "BS 2025 budget principal" / "62" / "9" / "4" / "0" / "Adopté"
COUNT_HEAD = re.compile(r"(?i)pour|contre|abst\.?|abstentions?|nppv|n\.p\.p\.v\.?|votants|non[- ]votants?")
COUNT_CELL = re.compile(r"\s*\d{1,4}\s*")


def cells_per_line(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(index, line) as given, a table printed a cell a line given back as a tab header and tab rows."""
    lines, k = list(lines), 0
    while k < len(lines):
        # (the number's header alone on its line first: every line of every text is asked)
        heads = _heads(lines, k) if HEAD_CELLS[0].fullmatch(lines[k][1].strip()) else []
        counted = sum(bool(COUNT_HEAD.fullmatch(h)) for h in heads)
        if len(heads) == 3 and not counted or counted >= 2 and not _opinion_above(lines, k):
            rows, end = _rows_a_cell_a_line(lines, k + len(heads), heads if counted else None)
            if len([r for r in rows if "\t" in r[1]]) >= 2:
                yield lines[k][0], "\t".join(heads)
                yield from rows
                k = end
                continue
        yield lines[k]
        k += 1


# a table of another body's votes: "Avis rendus par la commission des finances du 10 juin 2024 :" above its header
OPINION = re.compile(r"(?i)\b(?:avis|commissions?|comités?)\b")


def _opinion_above(lines: list[tuple[int, str]], k: int) -> bool:
    above = next((line for _, line in reversed(lines[max(0, k - 3):k]) if line.strip()), "")
    return bool(OPINION.search(above))


def _heads(lines: list[tuple[int, str]], k: int) -> list[str]:
    """The header's cells from lines[k]: the number's, the object's, then the vote's or each count's."""
    heads = [line.strip() for _, line in lines[k:k + 2]]
    if len(heads) < 2 or not HEAD_CELLS[1].fullmatch(heads[1]):
        return []
    for _, line in lines[k + 2:k + 9]:
        if not (COUNT_HEAD.fullmatch(line.strip()) or HEAD_CELLS[2].fullmatch(line.strip())):
            break
        heads.append(line.strip())
    return heads


RUNNING_HEAD = 5  # lines a page's running header may take between two rows of a table a cell a line


def _rows_a_cell_a_line(lines: list[tuple[int, str]], k: int,
                        heads: list[str] | None = None) -> tuple[list[tuple[int, str]], int]:
    """The rows from lines[k] (a page's footer between two kept as it is) and where the table ends
    (`heads`: the header's cells when it has a column per count)."""
    rows = []
    row_at = (lambda j: _row_counted(lines, j, heads)) if heads else (lambda j: _row_a_cell_a_line(lines, j))
    while k < len(lines):
        text = lines[k][1].strip()
        footer = PAGE_MARK.search(text) or re.fullmatch(r"[-=_]{3,}", text)
        if footer and not LONE_NUMBER.fullmatch(text):  # (not "DFI/2020/188", ending as "1/2" does)
            rows.append(lines[k])
            k += 1
            continue
        row = row_at(k)
        ahead = _next_row(row_at, k, len(lines)) if row is None and heads else None
        if ahead is not None:
            rows.extend(lines[k:ahead])
            k = ahead
            continue
        if row is None:
            break
        rows.append(row[0])
        k = row[1]
    while rows and "\t" not in rows[-1][1]:
        k -= 1
        rows.pop()  # a footer after the last row: the table's, put back as it was
    return rows, k


def _next_row(row_at, k: int, end: int) -> int | None:
    """Where the table goes on past a page's running header between two rows ("Commune de X" / "Procès-verbal –
    Conseil municipal du …" / "3/3"), a few lines below; None if no row starts there."""
    return next((j for j in range(k + 1, min(k + RUNNING_HEAD, end)) if row_at(j)), None)


def _row_a_cell_a_line(lines: list[tuple[int, str]], k: int) -> tuple[tuple[int, str], int] | None:
    """A number alone, the object's lines, then the vote's lines (a bracket going on with them):
    the row as a tab line, and the line after it; None where no row starts."""
    if not LONE_NUMBER.fullmatch(lines[k][1].strip()):
        return None
    j = k + 1
    while j < len(lines) and lines[j][1].strip() and not VOTE_CELL.match(lines[j][1]) \
            and not LONE_NUMBER.fullmatch(lines[j][1].strip()) and j - k <= 6:
        j += 1
    end = j
    while end < len(lines) and (VOTE_CELL.match(lines[end][1]) or end > j and _bracket_on(lines, end)):
        end += 1
    if end == j or j == k + 1:
        return None
    objet = joined([line.strip() for _, line in lines[k + 1:j]])
    vote = lines[j][1].strip()
    for _, line in lines[j + 1:end]:  # each count a clause; a bracket's lines one sentence
        vote += (" – " if VOTE_CELL.match(line) and vote.count("(") <= vote.count(")") else " ") + line.strip()
    return (lines[k][0], f"{lines[k][1].strip()}\t{objet}\t{vote}"), end


def _bracket_on(lines: list[tuple[int, str]], end: int) -> bool:
    """"(MM. VERHILLE et DEROO, intéressés," / "ne prennent pas part au vote –" / "votants : 76)": a note in
    brackets under the vote, its lines until it closes."""
    above = " ".join(line for _, line in lines[max(0, end - 3):end])
    text = lines[end][1].strip()
    return text.startswith("(") or above.count("(") > above.count(")")


def _row_counted(lines: list[tuple[int, str]], k: int, heads: list[str]) -> tuple[tuple[int, str], int] | None:
    """A number alone, the object's lines, a figure a line for each count's column ("-" where none), then
    the result's cell when the header has one ("Adoptée", "Prend acte"); a cell set over the counts
    ("Unanimité") stands for them all. None where no such row starts."""
    if not LONE_NUMBER.fullmatch(lines[k][1].strip()):
        return None
    j = k + 1
    while j < len(lines) and lines[j][1].strip() and not _vote_line(lines[j][1]) and j - k <= 6:
        j += 1
    cells = len(heads) - 2
    end = j
    while end < len(lines) and end - j < cells and _vote_line(lines[end][1]) \
            and not LONE_NUMBER.fullmatch(lines[end][1].strip()):
        end += 1
    if j == k + 1 or end == j:
        return None
    vote, short = [line.strip() for _, line in lines[j:end]], [""] * (cells - (end - j))
    # "Unanimité" / "Adoptée" under "Pour", "Contre", "Abst.", "Décision": the result stays the last cell
    vote = vote[:-1] + short + vote[-1:] if not COUNT_HEAD.fullmatch(heads[-1]) else vote + short
    objet = joined([line.strip() for _, line in lines[k + 1:j]])
    return (lines[k][0], "\t".join([lines[k][1].strip(), objet, *vote])), end


def _vote_line(line: str) -> bool:
    return bool(COUNT_CELL.fullmatch(line) or VOTE_CELL.match(line)) or line.strip() in ("-", "–", "—")
