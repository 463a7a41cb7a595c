"""The output tables: their pyarrow schemas and the documentation of every column.

This module is the contract analysts rely on. Names never change; columns are
only added. `schemas/TABLES.md` is generated from it (`python -m schemas`), and
a test fails when the two disagree.

Each column is declared once, as (name, arrow type, description). Rows are
plain dicts; a key "_prov" in a record maps a column name to the `Span` it was
read from and is written to the `provenance` table, not to the record's table.
"""
from __future__ import annotations

import pyarrow as pa

S, I32, F64, B, D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
TS = pa.timestamp("us", tz="UTC")

_DOC = ("doc_id", S, "Stable document id: the first 16 hex digits of the file's sha256 (for a file that "
                    "failed, of the sha256 of its absolute path: a failure belongs to the file, not to its bytes).")

# documents.error_code: why a file failed, stable for filtering (the reason in `error` is French prose)
ERROR_CODES = {
    "empty": "the file is empty",
    "not_pdf": "named .pdf but not a PDF",
    "not_utf8": "a text file that is not UTF-8",
    "corrupt_pdf": "a PDF that cannot be parsed: damaged, truncated, a page tree that refers to itself",
    "password": "a password-protected PDF",
    "too_many_pages": "more pages than --max-pages",
    "too_large": "larger than half of --max-memory: refused from its size, before reading",
    "no_text": "no text layer, and OCR off, unavailable or reading nothing",
    "missing": "gone between listing and reading, or a broken symbolic link",
    "unreadable": "the file cannot be opened or read: permissions, I/O error",
    "timeout": "still being read after --timeout seconds: its worker was killed",
    "memory": "its worker passed --max-memory: killed and replaced",
    "crash": "its worker process died while reading it",
    "loader_error": "a bug of registre's reader met on this file: the reason names the exception",
}

COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        _DOC,
        ("source_path", S, "Path of the file as given on the command line; a byte of the name that is not "
                           "UTF-8 is written `\\xe9`, control characters are kept as they are (escape them "
                           "before printing)."),
        ("source_sha256", S, "sha256 of the file's bytes."),
        ("source_kind", S, "`pdf` or `text`."),
        ("page_count", I32, "Pages in the file (text files: form feeds + 1)."),
        ("status", S, "`ok` when the file was read (findings do not change it), `failed` otherwise."),
        ("error", S, "One-line reason when `failed`, in French, naming the file (`scan.pdf : PDF protégé par "
                     "un mot de passe`); non-fatal extraction problems joined by ` | ` when `ok`."),
        ("pipeline_version", S, "Version of registre that wrote the row."),
        ("ingested_at", TS, "When the row was written (UTC)."),
        ("text_layer", S, "Where the text came from: `native` (the file's text layer), `ocr` (every page read "
                          "by Tesseract) or `mixed`; null for text files and failed files."),
        ("ocr_confidence", F64, "Mean Tesseract word confidence (0-100) over the OCR'd pages; null without OCR."),
        ("error_code", S, "Why a `failed` file failed, one of: "
                          + "; ".join(f"`{k}` ({v})" for k, v in ERROR_CODES.items()) + ". Null when `ok`."),
        ("source_path_bytes", pa.binary(), "The path's exact bytes when they are not UTF-8 (else null: "
                                           "`source_path` is exact)."),
    ],
    "deliberations": [
        _DOC,
        ("seq", I32, "1-based order of the deliberation in the document."),
        ("collectivite", S, "Issuing body, e.g. `Hautes Terres Communauté`."),
        ("organe", S, "Deliberating assembly, e.g. `Conseil communautaire`."),
        ("numero", S, "Act number as printed (`2024CC052`), else from the stamp id."),
        ("acte_id", S, "Prefecture stamp id, e.g. `015-200066637-20240411-2024CC052-DE`."),
        ("siren", S, "SIREN of the issuer, from the stamp id."),
        ("session_date", D, "Date of the sitting."),
        ("session_time", S, "Time of the sitting, `HH:MM`."),
        ("lieu", S, "Where the assembly sat, as written (`MURAT`)."),
        ("president", S, "Who presided, civility removed."),
        ("convocation_date", D, "Date of the convocation."),
        ("secretaire", S, "Secretary of the sitting."),
        ("objet", S, "Object (title) of the deliberation."),
        ("membres_en_exercice", I32, "Members in office, as stated."),
        ("presents", I32, "Members present, as stated."),
        ("absents", I32, "Members absent, as stated or as listed."),
        ("pouvoirs", I32, "Proxies, as stated (else as listed)."),
        ("votants", I32, "Voters, as stated."),
        ("pour", I32, "Votes for."),
        ("contre", I32, "Votes against."),
        ("abstentions", I32, "Abstentions."),
        ("non_votants", I32, "Members who took no part in the vote."),
        ("unanimite", B, "True when the document says the vote was unanimous."),
        ("resultat", S, "`adopte`, `rejete` or null, as the document states it."),
        ("sans_quorum", B, "True when the document says it sits without quorum (second convocation)."),
        ("page_start", I32, "First page of the deliberation."),
        ("page_end", I32, "Last page of the deliberation."),
    ],
    "attendance": [
        _DOC,
        ("seq", I32, "The deliberation (`deliberations.seq`)."),
        ("name", S, "Member's name as written, civility removed (`Emmanuel FURNAL`)."),
        ("status", S, "`present` or `absent`."),
        ("excused", B, "For absents: true when listed as excused; null when unknown."),
        ("proxy_holder", S, "For absents: who holds their proxy."),
        ("substitute_for", S, "The member this one replaces (`en remplacement de`)."),
        ("page", I32, "Page where the name is listed."),
    ],
    "proxies": [
        _DOC,
        ("seq", I32, "The deliberation."),
        ("giver", S, "Absent member who gave the proxy."),
        ("holder", S, "Member who holds it."),
        ("page", I32, "Page where the proxy is listed."),
    ],
    "decisions": [
        _DOC,
        ("seq", I32, "The deliberation."),
        ("item", I32, "1-based order of the decision in the deliberation."),
        ("verb", S, "Operative verb in capitals, accents kept (`APPROUVER`, `PRÉCISER`)."),
        ("text", S, "Whole decision text, markup removed."),
        ("amount_eur", F64, "First amount in euros in the text, if any (`310 000 €` → 310000.0)."),
        ("page", I32, "Page of the decision."),
    ],
    "objectives": [
        _DOC,
        ("table_seq", I32, "1-based order of the objective table in the document."),
        ("number", I32, "Objective number as printed."),
        ("label", S, "Objective text (wrapped lines joined)."),
        ("status_text", S, "Status as written (`Initiée en 2022 et toujours en cours`)."),
        ("status", S, "`realisee`, `en_cours` or `non_realisee`."),
        ("year_done", I32, "Year of completion (`Réalisée en 2023`)."),
        ("year_planned", I32, "Year planned (`prévue en 2024`) or started (`Initiée en 2022`)."),
        ("page", I32, "Page of the objective's row."),
    ],
    "summaries": [
        _DOC,
        ("table_seq", I32, "The objective table summarised (`objectives.table_seq`)."),
        ("statement", S, "The sentence as written (`48 % des actions prévues ont été réalisées …`)."),
        ("percent", F64, "Percentage stated."),
        ("numerator_statuses", pa.list_(S), "Statuses the statement counts (`realisee`, `en_cours`)."),
        ("denominator_statuses", pa.list_(S), "Statuses of the whole it divides by; null = all objectives."),
        ("year_planned", I32, "When set, only objectives planned for that year are counted."),
        ("page", I32, "Page of the statement."),
        ("line", I32, "Line of the statement."),
    ],
    "fiches": [
        _DOC,
        ("code", S, "Fiche code, normalised (`E.1`)."),
        ("title", S, "Fiche title (`La signature`)."),
        ("objectifs", S, "Objectives section."),
        ("description", S, "Detailed description section."),
        ("maitre_ouvrage", S, "Project owner (`Maître d'ouvrage`)."),
        ("cibles", S, "Targets (`Cibles`, `Clientèles cibles`, …)."),
        ("partenariat", S, "Partners."),
        ("start_year", I32, "Planned start year."),
        ("end_year", I32, "Planned end year."),
        ("cout_estimatif_text", S, "Cost as written (`10 000 € H.T. / 12 000 € TTC`)."),
        ("cout_total_ttc", F64, "Total cost incl. VAT, when the text states it unambiguously."),
        ("cout_total_ht", F64, "Total cost excl. VAT, when stated."),
        ("type_depenses", S, "Kind of expenditure."),
        ("moyens_humains_text", S, "Staff time as written."),
        ("cout_fonctionnement_text", S, "Annual running cost as written."),
        ("criteres_evaluation", S, "Evaluation criteria."),
        ("fiches_liees", pa.list_(S), "Linked fiche codes (`E2 à E10` → E.2 … E.10)."),
        ("page_start", I32, "First page of the fiche."),
        ("page_end", I32, "Last page of the fiche."),
    ],
    "table_cells": [
        _DOC,
        ("table_id", S, "`t1`, `t2`, … in document order (numeric tables only)."),
        ("table_title", S, "Line above the table (`Temps de travail direction :`)."),
        ("row", I32, "0-based data row index (headers excluded)."),
        ("row_label", S, "First cell of the row, wrapped lines joined."),
        ("row_key", S, "Code at the start of the label (`E.10`), else null."),
        ("column_label", S, "Header of the column (`2020`, `Total TTC`)."),
        ("year", I32, "Year when the column header is a year."),
        ("value", F64, "Parsed number; null for an empty or non-numeric cell."),
        ("text", S, "Cell text as written."),
        ("unit", S, "`EUR`, `hours`, `percent` or null."),
        ("is_total_row", B, "Row labelled Total (not derived rows such as `Pourcentage ETP`)."),
        ("is_total_column", B, "Column headed Total."),
        ("page", I32, "Page of the cell."),
    ],
    "findings": [
        _DOC,
        ("check_id", S, "Stable id of the rule (`attendance.votants`)."),
        ("severity", S, "`error` (values read with confidence disagree), `warning` (a rule that admits "
                        "exceptions), or `notice` (à vérifier: doubt about how a value was read could explain "
                        "the mismatch)."),
        ("seq", I32, "The deliberation concerned, if any."),
        ("subject", S, "What is wrong, e.g. `table t2 row E.10`."),
        ("fields", pa.list_(S), "Columns or cells the rule compares."),
        ("expected", S, "Value the rule expects."),
        ("actual", S, "Value found."),
        ("message", S, "One readable sentence."),
        ("page", I32, "Page to look at."),
        ("line", I32, "Line number (text files) or line order on the page (PDF)."),
        ("quote", S, "The source line, quoted."),
        ("finding_id", S, "Stable id of the finding (16 hex digits of a hash of doc_id, check_id and subject): "
                          "unique in the table, the same from one run to the next for the same problem."),
        ("seqs", pa.list_(I32), "Every deliberation the finding covers: one root cause repeated over several "
                                "items (a session header's count) is one finding listing them."),
        ("difference", F64, "actual − expected, when both are numbers: by how much."),
    ],
    "coverage": [
        _DOC,
        ("scope", S, "`document`, `deliberation` or `table`."),
        ("seq", I32, "The deliberation (scope `deliberation`), else null."),
        ("table_id", S, "The numeric table (scope `table`), else null."),
        ("fields_read", pa.list_(S), "Columns that were read (stated or derived) for this record."),
        ("fields_missing", pa.list_(S), "Columns a reader expects here that the document did not give."),
        ("checks_run", pa.list_(S), "Rules evaluated on this record."),
        ("checks_skipped", pa.list_(S), "Rules not evaluated, as `rule id: reason` (a value not stated, a "
                                        "table whose arithmetic was not understood)."),
        ("status", S, "`checked` (every rule evaluated), `partial` (some skipped), `not_checked` (none), "
                      "`unread` (nothing extracted)."),
    ],
    "provenance": [
        _DOC,
        ("table", S, "Table of the record (`deliberations`)."),
        ("record_key", S, "The record's key within the document (`seq=1`, `code=E.10`)."),
        ("field", S, "Column whose value was read there."),
        ("page", I32, "1-based page."),
        ("line", I32, "Line number in a text file; line order on the page for a PDF."),
        ("x0", F64, "Bounding box, PDF points, origin top-left; null for text files."),
        ("top", F64, ""),
        ("x1", F64, ""),
        ("bottom", F64, ""),
        ("text", S, "The source line."),
        ("derived", B, "True when the value was derived, not read (pour = votants from \"à l'unanimité\", "
                       "pouvoirs counted from the list of proxies); a check never compares a derived value "
                       "with what it was derived from."),
        ("method", S, "How the value was read: the recogniser (`count_label`, `vote_prose`, `opening`, …)."),
        ("confidence", F64, "OCR word confidence (0-100) of the source line; null for a text layer."),
    ],
}

# Columns that identify one record: used for record keys and to sort output.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "deliberations": ("doc_id", "seq"),
    "attendance": ("doc_id", "seq", "name"),
    "proxies": ("doc_id", "seq", "giver"),
    "decisions": ("doc_id", "seq", "item"),
    "objectives": ("doc_id", "table_seq", "number"),
    "summaries": ("doc_id", "table_seq", "line"),
    "fiches": ("doc_id", "code"),
    "table_cells": ("doc_id", "table_id", "row", "column_label"),
    "findings": ("doc_id", "finding_id"),
    "coverage": ("doc_id", "scope", "seq", "table_id"),
    "provenance": ("doc_id", "table", "record_key", "field"),
}

TABLE_NAMES = tuple(COLUMNS)


def schema(table: str) -> pa.Schema:
    """The pyarrow schema of `table`, with each column's description as metadata."""
    return pa.schema([pa.field(n, t, metadata={"description": d}) for n, t, d in COLUMNS[table]])


def columns(table: str) -> list[str]:
    return [name for name, _, _ in COLUMNS[table]]


def markdown() -> str:
    """The documentation of every table, as written to schemas/TABLES.md."""
    out = ["# Tables\n", "Generated from `schemas/tables.py` by `python -m schemas`; do not edit.\n"]
    for table, cols in COLUMNS.items():
        out.append(f"\n## `{table}`\n\nKey: {', '.join(KEYS[table])}\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        out += [f"| {n} | {t} | {d} |" for n, t, d in cols]
    return "\n".join(out) + "\n"
