"""Objective tables (table `objectives`) and the summary statements under them.

A table of numbered objectives with a status phrase::

    Objectifs opérationnels\t\tEtat de réalisation
    1\tDéfinir collectivement le positionnement marketing…\tEn cours, finalisation en février 2024
    28\tDévelopper les bonnes pratiques des hébergeurs…\tInitiée en 2022 et
    \t\ttoujours en cours

Status phrases are data (`patterns/objectives.json`): ``Réalisée en 2023`` ->
realisee (year_done 2023); ``Initiée en 2022 et toujours en cours`` -> en_cours
(year_planned 2022, the start year); ``En cours, finalisation en février 2024`` ->
en_cours (no year: a finalisation date is neither a start nor a plan);
``Non réalisée, prévue en 2024`` -> non_realisee (year_planned 2024).

The lines after the table may sum it up; each statement becomes a row of
`summaries` and an entry of ``doc.meta["objective_summaries"]`` so checks can
recount it::

    Pour information et en résumé :
    48 % des actions prévues ont été réalisées ou sont en cours de réalisation au 31-12-2023
    21 % des actions non-réalisées au 31-12-2023 sont proposées
    au sein du plan d'action en 2024
"""
from __future__ import annotations

import re

from extractors.tablegrid import Grid, fold, grid, join_cell, load_patterns
from schemas import Block, Document, Row, Span, Table

STAGE = "objectives"
NUMBER_CELL = re.compile(r"^(\d{1,4})\s*[.)]?$")


def _patterns() -> dict:
    return load_patterns("objectives")


def match_status(text: str) -> tuple[str, str | None, int | None] | None:
    """``"Non réalisée, prévue en 2024"`` -> ``("non_realisee", "year_planned", 2024)``."""
    folded = fold(text)
    for rule in _patterns()["statuses"]:
        m = re.search(rule["pattern"], folded)
        if m:
            year = m.groupdict().get("year")
            return rule["status"], rule["year_field"], int(year) if year else None
    return None


def split_row(row: Row) -> tuple[str, str, str, Row] | None:
    """(number, label, status_text, row) when the row reads ``n | label… | status``."""
    texts = row.texts
    filled = [i for i, t in enumerate(texts) if t]
    if len(filled) < 3 or not NUMBER_CELL.match(texts[0]):
        return None
    label = ""
    for text in texts[1:filled[-1]]:
        label = join_cell(label, text)
    return NUMBER_CELL.match(texts[0]).group(1), label, texts[filled[-1]], row


def is_objective_table(g: Grid) -> bool:
    """Most rows are ``number | label | status phrase`` (header text is not required)."""
    if len(g.rows) < 3:
        return False
    good = sum(1 for r in g.rows if (p := split_row(r)) and match_status(p[2]))
    return good / len(g.rows) >= _patterns()["min_status_ratio"]


def extract(doc: Document) -> Document:
    seq = 0
    for index, table in list(doc.tables()):
        g = grid(table)
        if not is_objective_table(g):
            continue
        seq += 1
        _add_objectives(doc, g, seq)
        end = _read_summary(doc, index + 1, seq)
        doc.blocks.append(Block("objectives", index, end, f"table_seq={seq}"))
    doc.meta.setdefault("objective_summaries", [])
    return doc


def _add_objectives(doc: Document, g: Grid, seq: int) -> None:
    for row in g.rows:
        parts = split_row(row)
        if parts is None:
            shown = " | ".join(row.texts)[:120]
            doc.error(STAGE, f"objective table {seq}: row not understood: {shown}", row.span)
            continue
        doc.add("objectives", _objective(doc, seq, *parts))


def _objective(doc: Document, seq: int, number: str, label: str, status_text: str,
               row: Row) -> dict:
    status_cell = next(c for c in reversed(row.cells) if c.text)
    record = {"table_seq": seq, "number": int(number), "label": label,
              "status_text": status_text, "status": None, "year_done": None,
              "year_planned": None, "page": row.span.page,
              "_prov": {"number": row.cells[0].span, "label": row.cells[1].span,
                        "status_text": status_cell.span, "status": status_cell.span}}
    found = match_status(status_text)
    if found is None:
        doc.error(STAGE, f"objective {number}: status not understood: {status_text!r}",
                  status_cell.span)
        return record
    record["status"], year_field, year = found
    if year_field and year is not None:
        record[year_field] = year
    return record


def _read_summary(doc: Document, start: int, seq: int) -> int:
    """Read the percent statements after an objective table; return the end of the block."""
    end = start
    for text, span, last in _statements(doc, start):
        summary = _summary(text, span, seq)
        if summary is None:
            continue
        end = last + 1
        doc.meta.setdefault("objective_summaries", []).append(summary)
        doc.add("summaries", {
            "table_seq": seq, "statement": text, "percent": summary["percent"],
            "numerator_statuses": summary["statuses"],
            "denominator_statuses": summary["denominator_statuses"],
            "year_planned": summary["year"], "page": span.page, "line": span.line,
            "_prov": {"statement": span, "percent": span}})
    return end


def _statements(doc: Document, start: int):
    """Yield (text, span, last item index) per ``NN % …`` statement after the table.

    A statement wrapped in the source (``… sont proposées`` / ``au sein du plan
    d'action en 2024``) continues on the next lines that start lowercase.
    """
    pats = _patterns()
    current: list | None = None
    for index in range(start, min(len(doc.items), start + pats["summary_max_lines"])):
        item = doc.items[index]
        if isinstance(item, Table):
            break
        if re.match(pats["summary_statement"], fold(item.text)):
            if current:
                yield tuple(current)
            current = [item.text, item.span, index]
        elif current and item.text[:1].islower():
            current = [f"{current[0]} {item.text}", current[1].merge(item.span), index]
        elif current:
            yield tuple(current)
            current = None
    if current:
        yield tuple(current)


def _summary(text: str, span: Span, seq: int) -> dict | None:
    """``"52 % des actions prévues n'ont pas encore été réalisées au 31-12-2023"`` ->
    percent 52.0, statuses ["non_realisee"], denominator None (all objectives)."""
    folded = fold(text)
    percent = float(re.match(_patterns()["summary_statement"], folded)
                    .group("percent").replace(",", "."))
    for rule in _patterns()["summaries"]:
        m = re.search(rule["pattern"], folded)
        if m:
            year = m.groupdict().get("year")
            return {"table_seq": seq, "percent": percent, "statuses": list(rule["statuses"]),
                    "denominator_statuses": rule["denominator_statuses"],
                    "year": int(year) if year else None, "text": text, "span": span}
    return None
