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
    "not_utf8": "a text file in no encoding that could be told (not UTF-8, not an 8-bit page)",
    "not_format": "named .docx, .odt or .doc but its bytes are not that format",
    "unsupported": "a format registre does not read (RTF, a ZIP that is no DOCX or ODT)",
    "no_antiword": "a .doc (Word 97-2003) while the antiword program is not installed",
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
        ("source_kind", S, "`pdf`, `text`, `docx`, `odt`, `html` or `doc` (Word 97-2003, read through antiword): "
                           "the format found in the bytes, whatever the file's extension."),
        ("page_count", I32, "Pages in the file (text files: form feeds + 1; DOCX, ODT, HTML: the page breaks "
                               "written in the file + 1, not the pages a word processor would lay out)."),
        ("status", S, "`ok` when the file was read (findings do not change it), `failed` otherwise."),
        ("error", S, "One-line reason when `failed`, in French, naming the file (`scan.pdf : PDF protégé par "
                     "un mot de passe`); non-fatal extraction problems joined by ` | ` when `ok`."),
        ("pipeline_version", S, "Version of registre that wrote the row."),
        ("ingested_at", TS, "When the row was written (UTC)."),
        ("text_layer", S, "Where the text came from: `native` (the file's text layer), `ocr` (every page read "
                          "by Tesseract) or `mixed`; null for text files and failed files."),
        ("ocr_confidence", F64, "Mean Tesseract word confidence (0-100) over the OCR'd pages; null without OCR."),
        ("encoding", S, "Character encoding of a text or HTML file as read (`utf-8`, `cp1252`, …: detected by "
                        "charset-normalizer when the bytes are not UTF-8); null for PDF, DOCX and ODT."),
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
        ("numero", S, "Act number as printed (`2024CC052`; at the end of an item's title, \"(délibération "
                      "2024-41)\"); in minutes that print none, the item's number as printed (`12`, `IV`); else "
                      "from the stamp id (then `derived` in provenance)."),
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
        ("pouvoirs", I32, "Proxies, as stated (else as listed, method `proxies_listed`; 0 where the list is printed "
                          "empty, \"Pouvoirs : néant\", method `proxies_none`; both derived)."),
        ("votants", I32, "Voters, as stated."),
        ("pour", I32, "Votes for."),
        ("contre", I32, "Votes against (else, where a sentence names those who vote against and prints no count, "
                        "\"M. X et Mme Y votent contre\", the names counted: method `side_named`, derived)."),
        ("abstentions", I32, "Abstentions (else the names counted, as `contre`: \"Mme Z s'abstient\"); not derived "
                             "from \"à l'unanimité des suffrages exprimés\", beside which abstentions may stand."),
        ("non_votants", I32, "Members who took no part in the vote: as printed (\"2 non-votants\"), or counted "
                             "on the names of a sentence \"X ne prend pas part au vote\" (derived)."),
        ("unanimite", B, "True when the document says the vote was unanimous; False when it says \"à la "
                         "majorité\" (method `majority`) or records votes against or abstentions (derived, "
                         "`split_vote`); null when it says neither."),
        ("resultat", S, "`adopte` or `rejete` as the document states it (the last statement of the item); "
                        "else `adopte` where the assembly's decision is recorded (\"DÉCIDE\", \"APPROUVE\", method "
                        "`decision`; `decision_voted` when the decision verb closes the vote's own sentence, \"par 4 voix "
                        "pour, 6 voix contre, décide :\"), even against the counts (the check says so) unless it says no "
                        "(\"de ne pas\", \"refuse\"); else from pour and contre (derived); null when nothing says."),
        ("sans_quorum", B, "True when the document says it sits without quorum (second convocation)."),
        ("pouvoirs_neant", B, "True when the document prints its list of proxies and says there is none "
                              "(\"Pouvoirs : néant\", \"Absents ayant donné mandat : Sans\"); null otherwise."),
        ("page_start", I32, "First page of the deliberation."),
        ("page_end", I32, "Last page of the deliberation."),
        ("pour_nommes", I32, "Members the document names as voting for, where it lists them with that count "
                             "(\"Ont voté pour (24) : M. LACOMBE, …\"): one per name, a proxy's voice under its "
                             "giver's name; null when it lists no names, or a group (`votes.named_count`; added in "
                             "the nineteenth round)."),
        ("contre_nommes", I32, "Members named as voting against, as `pour_nommes` (\"Contre : 7 (SOLER Yasmina, "
                               "LANGLOIS Sophie, …)\")."),
        ("abstentions_nommes", I32, "Members named as abstaining, as `pour_nommes` (\"Abstentions : 2 (Mmes "
                                    "DEFERT et NOLOT)\")."),
    ],
    "attendance": [
        _DOC,
        ("seq", I32, "The deliberation (`deliberations.seq`)."),
        ("name", S, "Member's name as written, civility removed (`Emmanuel FURNAL`)."),
        ("status", S, "`present` or `absent`."),
        ("excused", B, "For absents: true when listed as excused; null when unknown."),
        ("proxy_holder", S, "For absents: who holds their proxy."),
        ("substitute_for", S, "The member this one replaces (`en remplacement de`)."),
        ("also_listed", S, "The other status when the lists name this member twice, present and absent "
                           "(\"Présents : … Thibault RENARD …\" and \"Absents excusés : Thibault RENARD\"), "
                           "without a proxy or a time of arrival or departure to explain it; `status` is the "
                           "first list's. Null otherwise (`attendance.listed_twice`)."),
        ("page", I32, "Page where the name is listed."),
    ],
    "proxies": [
        _DOC,
        ("seq", I32, "The deliberation."),
        ("giver", S, "Absent member who gave the proxy."),
        ("holder", S, "Member who holds it; null when the list says a proxy was given but names no holder "
                      "(\"Absents ayant donné pouvoir : X\") or the holder could not be read."),
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
    "restated_votes": [
        _DOC,
        ("seq", I32, "The deliberation whose vote is printed again (`deliberations.seq`)."),
        ("item", I32, "1-based order of the restatement for that deliberation."),
        ("kind", S, "Where the vote is printed again: `recap` (a line of a recap of the sitting's acts, "
                    "\"RÉCAPITULATIF DES DÉLIBÉRATIONS\" / \"N° 2013-45 Statuts … Adoptée à l'unanimité\", matched "
                    "by the act number it prints), `result_box` (a box under the decision, \"Résultat du vote\", "
                    "while the item states its vote itself), `result_line` (a line stating the result again under a "
                    "decision sentence that states the vote: \"Adoptée par 11 voix pour, 3 contre.\", \"Délibération "
                    "adoptée à l'unanimité.\" above \"Pour extrait certifié conforme\"), `vote_box` (counts under their labels "
                    "beside the council's sentence that gives its own: \"… par 12 voix pour et 2 voix contre\" / \"Vote : "
                    "Pour 12 - Contre 1 - Abstention 1\"; added in 0.6.8), `closing` (a sentence of the sitting, \"L'ensemble "
                    "des délibérations ayant été adoptées à l'unanimité\", for every deliberation before it)."),
        ("pour", I32, "Votes for, as printed there; null when not."),
        ("contre", I32, "Votes against, as printed there."),
        ("abstentions", I32, "Abstentions, as printed there."),
        ("votants", I32, "Voters, as printed there."),
        ("unanimite", B, "True when it says unanimity; null when it does not say."),
        ("resultat", S, "`adopte` or `rejete` when it says so."),
        ("page", I32, "Page of the restatement."),
        ("text", S, "The line that restates the vote."),
    ],
    "ballots": [
        _DOC,
        ("seq", I32, "The deliberation whose item prints the ballot (`deliberations.seq`)."),
        ("item", I32, "1-based order of the ballot in that deliberation (a second round, a second election)."),
        ("votants", I32, "Voters as printed with the ballot (\"Nombre de votants … 25\"); null when not."),
        ("blancs_nuls", I32, "Blank and spoilt ballots (\"Bulletins blancs ou nuls … 2\"; printed apart, summed; "
                             "null when only one of the two is printed)."),
        ("exprimes", I32, "Suffrages exprimés as printed (\"Suffrages exprimés … 24\"): a ballot is read only where "
                          "they are."),
        ("majorite_absolue", I32, "The absolute majority as printed (\"Majorité absolue … 13\")."),
        ("pour", I32, "Votes for, as printed in the ballot's block (a public ballot: \"Pour … 33\")."),
        ("contre", I32, "Votes against, as printed in the ballot's block."),
        ("abstentions", I32, "Abstentions, as printed in the ballot's block."),
        ("voix", I32, "The candidates' or lists' voices printed right under the block, summed (\"Mme X : 21 voix\" / "
                      "\"M. Y : 3 voix\" → 24)."),
        ("candidats", I32, "How many candidates or lists those voices are (null: none printed)."),
        ("scrutin_de_liste", B, "True when every voice printed is a list's (\"Liste « … » … 41 voix\": one ballot, one "
                                "list, the voices make the suffrages exprimés); False for candidates (several seats "
                                "filled at once: a ballot names several); null when no voice is printed."),
        ("page", I32, "Page of the suffrages exprimés."),
        ("text", S, "The line that prints the suffrages exprimés."),
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
        ("column", I32, "0-based index of the column in the drawn table (the `<i>` of a `col<i>` label)."),
        ("row_role", S, "What the row is in the table's arithmetic (`extractors/table_model.py`): `part`, "
                        "`subtotal`, `total` (confirmed by the numbers), `unconfirmed_total` (labelled Total, "
                        "numbers not confirming), `sub_item` (\"dont …\", never summed), `derived` (TVA, TTC, "
                        "Pourcentage ETP), `section` (a heading without numbers), `header` (a header row inside "
                        "the table)."),
        ("column_role", S, "What the column is, in this row's segment: `part` (summed by the total column), "
                           "`total`, `derived` (another column × a rate: \"+ 20 %\", TTC = HT × 1.2), `percent` "
                           "(shares of a whole), `rate` (a rate, never summed), `cumulative`, `value` (numbers in "
                           "no row-wise relation), `text`."),
        ("total_of_columns", pa.list_(I32), "On a total column's cell the model checks: the `column`s it sums in "
                                            "this row; null elsewhere."),
        ("total_of_rows", pa.list_(I32), "On a total row's cell the model checks: the `row`s it sums in this "
                                         "column; null elsewhere."),
        ("decimals", I32, "Digits printed after the decimal comma (2 for `1 007,33`, 0 for `28 790` or a cell "
                          "without a number): the cell is exact to half its last digit."),
        ("doubtful", B, "The reading is in doubt: text that looks like a number and is not one (`56 81300 €`, "
                        "two numbers run together), or a number read by OCR. A mismatch it takes part in is a "
                        "`notice`."),
    ],
    "numeric_tables": [
        _DOC,
        ("table_id", S, "The numeric table (`table_cells.table_id`)."),
        ("table_title", S, "Line above the table."),
        ("page", I32, "Page of its first data row."),
        ("rows", I32, "Data rows (headers excluded)."),
        ("columns", I32, "Value columns (label columns excluded)."),
        ("understood", B, "Its arithmetic was understood: a total row or column confirmed by the numbers."),
        ("row_totals", S, "`confirmed` (a total column adds up its row in most rows), `unconfirmed` (a column "
                          "headed Total that the numbers do not confirm), `none`."),
        ("column_totals", S, "`confirmed` (total rows add up their columns in most places), `unconfirmed`, `none`."),
        ("row_totals_reason", S, "Why a column headed Total was not kept, in French (`la colonne « Total » n'est "
                                 "la somme des colonnes à sa gauche que dans 1/4 lignes`); null otherwise."),
        ("column_totals_reason", S, "Why a row labelled Total was not kept (`la ligne « TOTAL » n'est la somme "
                                    "d'aucune colonne au-dessus (0/3)`); null otherwise."),
        ("relations", pa.list_(S), "What was understood, in French: `« total HT » = « 2014 » + « 2015 » + « 2016 » "
                                   "(10/10 lignes)`, `« col7 » = « total HT » × 1.2`."),
    ],
    "stamps": [
        _DOC,
        ("acte_id", S, "The prefecture's id of the act (`015-200066637-20240411-2024CC052-DE`)."),
        ("siren", S, "SIREN of the issuer (the id's second part)."),
        ("departement", S, "Département of the prefecture, on 3 characters (`015`, `02A`)."),
        ("pref_id", S, "The SCDL `PREF_ID` of the prefecture, `PREF` + département (`PREF015`)."),
        ("decision_date", D, "Date of the decision, from the id (`20240411`)."),
        ("numero", S, "The issuer's own number of the act, from the id (`2024CC052`)."),
        ("nature", S, "Nature of the act, from the id: `DE` délibération, `AR` arrêté réglementaire, `AI` arrêté "
                      "individuel, `CC` contrat, `BF` budget, `AU` autre."),
        ("sent_date", D, "`Envoyé en préfecture le …`."),
        ("received_date", D, "`Reçu en préfecture le …` (the SCDL `PREF_DATE`)."),
        ("matiere_code", S, "ACTES matière (level 2, `7.1`) when the stamp or its acknowledgement prints one."),
        ("page", I32, "First page where the stamp is printed."),
        ("line", I32, "Line of the stamp on that page (text files: line in the file)."),
        ("text", S, "The stamp line as printed."),
    ],
    "sittings": [
        _DOC,
        ("sitting", I32, "1-based order of the sitting in the document (deliberations grouped by date, organe and "
                         "collectivité)."),
        ("session_date", D, "Date of the sitting."),
        ("session_time", S, "Time it opened, `HH:MM`, as read for its first deliberation."),
        ("collectivite", S, "Issuing body, as read."),
        ("organe", S, "Deliberating assembly, as read."),
        ("lieu", S, "Where it sat."),
        ("president", S, "Who presided."),
        ("secretaire", S, "Secretary of the sitting."),
        ("convocation_date", D, "Date of the convocation."),
        ("membres_en_exercice", I32, "Members in office, as stated for the first deliberation that states it."),
        ("presents", I32, "Members present, as stated for the first deliberation that states it (the opening)."),
        ("pouvoirs", I32, "Proxies, as stated for the first deliberation that states them."),
        ("presents_min", I32, "Fewest present stated for any of its deliberations (members leave, arrive)."),
        ("presents_max", I32, "Most present stated for any of its deliberations."),
        ("deliberations", I32, "Deliberations of the sitting in the document."),
        ("seq_first", I32, "`deliberations.seq` of its first deliberation."),
        ("seq_last", I32, "`deliberations.seq` of its last deliberation."),
        ("members_listed", I32, "Distinct names listed in its attendance (present or absent)."),
        ("members_present", I32, "Distinct names listed as present for at least one of its deliberations."),
    ],
    "members": [
        _DOC,
        ("sitting", I32, "The sitting (`sittings.sitting`)."),
        ("name", S, "Member's name as written in the attendance lists (`attendance.name`)."),
        ("status", S, "`present` (listed present for every deliberation of the sitting that lists attendance), "
                      "`absent` (for none) or `partial` (left or arrived during the sitting)."),
        ("items_listed", I32, "Deliberations of the sitting whose attendance lists the member."),
        ("items_present", I32, "Of those, deliberations where the member is listed present."),
        ("excused", B, "True when listed as absent excused at least once; null when never absent."),
        ("proxy_holder", S, "Who held the member's proxy (`attendance.proxy_holder` or `proxies.holder`)."),
        ("proxies_held", I32, "Distinct members whose proxy this member held during the sitting."),
        ("proxy_givers", pa.list_(S), "Their names."),
        ("substitute_for", S, "The member this one replaced (`en remplacement de`), if any."),
    ],
    "findings": [
        _DOC,
        ("check_id", S, "Stable id of the rule (`attendance.votants`)."),
        ("severity", S, "`error` (values read with confidence disagree), `warning` (a rule that admits "
                        "exceptions), or `notice` (à vérifier: doubt about how a value was read could explain "
                        "the mismatch — OCR below 80, a weak recogniser, a value derived from a list, a name "
                        "matched only approximately; the message ends with the doubt)."),
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
        ("fields_read", pa.list_(S), "Columns that were read (stated or derived) for this record; for a "
                                     "document, the tables it gave rows to (`deliberations`, `proxies`, …)."),
        ("fields_missing", pa.list_(S), "Columns a reader expects here that the document did not give (date, "
                                        "object, counts, vote, convocation); for a document, `deliberations` when "
                                        "it states a sitting and no deliberation was read."),
        ("checks_run", pa.list_(S), "Rules evaluated on this record."),
        ("checks_skipped", pa.list_(S), "Rules not evaluated, as `rule id: reason` (`votes.breakdown: contre non "
                                        "lu`, `votes.breakdown: pour déduit de « à l'unanimité » : la comparaison "
                                        "ne peut pas échouer`, a table whose arithmetic was not understood); for "
                                        "a document, per rule, on how many deliberations and the commonest reason."),
        ("status", S, "`checked` (every rule evaluated), `partial` (some skipped), `not_checked` (none), "
                      "`unread` (nothing extracted, or the file failed)."),
    ],
    "provenance": [
        _DOC,
        ("table", S, "Table of the record (`deliberations`); `documents` with field `sitting` for the line "
                     "that states a sitting in a document where no deliberation was read."),
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
        ("method", S, "How the value was read: the recogniser (`count_label`, `vote_prose`, `opening`, …; "
                      "`unanimity` for \"à l'unanimité\", `unanimity_expressed` for \"à l'unanimité des "
                      "suffrages exprimés\" or \"unanimité moins 2 abstentions\", a unanimity beside which "
                      "abstentions may stand: only contre = 0 derived from it); `side_named` for contre or "
                      "abstentions counted on the names of those who vote so, no count printed (\"M. X et Mme Y "
                      "votent contre\", derived: a mismatch it takes part in is a `notice`); `recap` for an item's "
                      "vote read on the row of the sitting's recap that names it, the item printing none (\"Vote : "
                      "voir tableau récapitulatif\"); `closing` for unanimite read in a closing sentence that "
                      "names the act or all of the sitting's, the item saying nothing of unanimity (\"Les "
                      "délibérations n° 2022-079, 2022-080 et 2022-082 ont été adoptées à l'unanimité\"); "
                      "`ballot` for a figure of a ballot's block (`ballots`: \"Suffrages exprimés … 24\" and the "
                      "counts printed with it); "
                      "`weighted` for a vote in voices where delegates hold several "
                      "(\"Vote (en voix pondérées)\", \"(4 voix par délégué)\"), `act_range` for one act of a range "
                      "printed as one item and voted once (\"2023-615 à 2023-619 … Vote unique\", \"Rapports n° 4 à 7\"): "
                      "its number, derived, each act its row with the one vote; `weighted_votants` for the "
                      "votants of such a body (voices or members): against présents, pouvoirs and membres "
                      "a mismatch is a `notice`; "
                      "`before_move` for a count printed before a member left or arrived (the opening's, or "
                      "one restated with an earlier move) without a count printed with the later move (a "
                      "mismatch it takes part in is a `notice`), `count_varies` for a count printed with "
                      "another for part of the sitting (\"Présents : 17 (18 à partir de DEL_2012_042)\", "
                      "a notice too), "
                      "`list_partial` for a list holding an entry not read as a name, `list_proxy_unread` for "
                      "one holding an entry that speaks of a proxy not read as one (\"Mme X (pouvoir : M. Y)\"), "
                      "`list_holder_unread` for a list of proxies holding a giver with no holder read, "
                      "`list_cased` for names cut "
                      "by the case of their words (\"VIDALENC Jean-Marc ARNAUD Christiane\"), "
                      "`list_columns` for names under two lists' labels set side by side (\"Présents      Absents "
                      "excusés – pouvoirs\"), their columns run together line by line, "
                      "`list_president_out` for the lists of the opening while the president, named by the "
                      "role, is out (\"Mme le Maire quitte la salle\"): a mismatch with such a list is a "
                      "`notice`; `president_list` for a president named only in the list of présents "
                      "(\"M. Raymond JOLY, Président\"); `votants_item` for votants printed under an item "
                      "(\"Votants : 16\", \"adoptée à l'unanimité (32 votants)\") "
                      "while présents and pouvoirs are the opening's (a mismatch between them is a "
                      "`notice`; against the item's own vote it is not in doubt); `non_voter_beside` for "
                      "an item's votants when a member \"ne participe pas au vote\" is named between its "
                      "vote and the next heading (read as the next item's non-voter; against this item's "
                      "pour, contre, abstentions, présents and pouvoirs a mismatch is a `notice`); `recount` for counts "
                      "printed under an earlier item's vote without a move (\"Deuxième séance – mardi 17 "
                      "décembre / Présents : 31 – Pouvoirs : 6\"), held by the items after it (against "
                      "the opening's lists of names, a mismatch is a `notice`); `table_cells` and "
                      "`total_cells` for counts read in a table under their column (the Total row of a "
                      "vote per group or college)."),
        ("confidence", F64, "OCR confidence (0-100) of the source line(s): Tesseract's lowest word confidence "
                            "among words holding a letter or digit; null for a text layer. Below 80, a mismatch "
                            "the value takes part in is a `notice` (checks/trust.py)."),
    ],
}

# What one row of each table is (out/datapackage.json, TABLES.md).
DESCRIPTIONS: dict[str, str] = {
    "documents": "One row per source file, read or failed (`status`, `error`).",
    "deliberations": "One row per deliberation: sitting, object, counts, vote, stamp id.",
    "attendance": "One row per member named in a deliberation's attendance: present or absent, excused, proxy.",
    "proxies": "One row per proxy of a deliberation: giver and holder.",
    "decisions": "One row per operative item of a deliberation (\"- D'APPROUVER …\").",
    "restated_votes": ("One row per vote printed again elsewhere than under its deliberation (a recap of the "
                       "sitting, a \"Résultat du vote\" box, a closing sentence): compared with the deliberation's "
                       "own vote by `votes.restated`."),
    "ballots": ("One row per ballot printed with its suffrages exprimés (an election, a secret or public "
                "ballot): votants, blancs et nuls, exprimés, majorité absolue, sides and candidates' voices, "
                "compared by `votes.ballot_expressed`, `votes.ballot_sides` and `votes.ballot_majority`."),
    "objectives": "One row per row of an objective table.",
    "summaries": "One row per percentage statement summarising an objective table.",
    "fiches": "One row per fiche-action.",
    "table_cells": "One row per cell of a numeric table (long form).",
    "numeric_tables": "One row per numeric table: whether its arithmetic was understood, and how.",
    "stamps": "One row per prefecture stamp printed in a document (id, sent and received dates).",
    "sittings": "One row per sitting of a document, derived from its deliberations.",
    "members": "One row per member listed in a sitting's attendance: presence over its deliberations, proxies.",
    "findings": "One row per broken rule (a finding of the checks).",
    "coverage": "One row per document, deliberation or table: what was read and which checks ran.",
    "provenance": "One row per extracted value: where it was read (page, line, bbox).",
}

# Columns that identify one record: used for record keys and to sort output.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "deliberations": ("doc_id", "seq"),
    "attendance": ("doc_id", "seq", "name"),
    "proxies": ("doc_id", "seq", "giver"),
    "decisions": ("doc_id", "seq", "item"),
    "restated_votes": ("doc_id", "seq", "item"),
    "ballots": ("doc_id", "seq", "item"),
    "objectives": ("doc_id", "table_seq", "number"),
    "summaries": ("doc_id", "table_seq", "line"),
    "fiches": ("doc_id", "code"),
    "table_cells": ("doc_id", "table_id", "row", "column_label"),
    "numeric_tables": ("doc_id", "table_id"),
    "stamps": ("doc_id", "acte_id"),
    "sittings": ("doc_id", "sitting"),
    "members": ("doc_id", "sitting", "name"),
    "findings": ("doc_id", "finding_id"),
    "coverage": ("doc_id", "scope", "seq", "table_id"),
    "provenance": ("doc_id", "table", "record_key", "field"),
}



def _record_key_columns() -> list[tuple[str, pa.DataType, str]]:
    """`provenance.key_<column>`: the record key as typed columns, one per key column of any table
    (`key_seq` int32, `key_code` string, …), so that provenance joins its record without parsing
    `record_key` (`seq=1|item=2`)."""
    out: dict[str, tuple[str, pa.DataType, str]] = {}
    keyed = {t: k for t, k in KEYS.items() if t not in ("findings", "coverage", "provenance")}  # no _prov
    for table, key in keyed.items():
        types = {n: t for n, t, _ in COLUMNS[table]}
        for name in key[1:]:
            tables = [t for t, k in keyed.items() if name in k[1:]]
            out.setdefault(name, (f"key_{name}", types[name],
                                  f"`{name}` of the record, for a record of {', '.join(f'`{t}`' for t in tables)}; "
                                  "else null."))
    return list(out.values())


COLUMNS["provenance"] += _record_key_columns()
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
        out.append(f"\n## `{table}`\n\n{DESCRIPTIONS[table]} Key: {', '.join(KEYS[table])}\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        out += [f"| {n} | {t} | {d} |" for n, t, d in cols]
    return "\n".join(out) + "\n"
