"""End to end on small documents: each file under tests/data/checks plants one
inconsistency (or none), is read by the loader and the extractors, and the checks
must report exactly the rules listed in EXPECTED.

Uses `pipeline.stages.process` (loader + every extractor, provenance included) when
available; otherwise the extractors one by one, skipping when they are missing.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

import checks

DATA = Path(__file__).parent / "data" / "checks"
EXTRACTORS = ("extractors.deliberation", "extractors.objectives", "extractors.fiches",
              "extractors.numeric_tables")

# file -> the check ids that must fire (sorted, one per finding).
EXPECTED: dict[str, list[str]] = {
    "consistent.txt": [],
    "votants_mismatch.txt": ["attendance.votants"],
    "breakdown_mismatch.txt": ["votes.breakdown"],
    "present_count_mismatch.txt": ["attendance.present_count"],
    "proxy_count_mismatch.txt": ["attendance.proxy_count"],
    "members_total_mismatch.txt": ["attendance.members_total"],
    "proxy_giver_present.txt": ["proxy.giver_absent"],
    # Hervé MICHEL under "Étaient présents" and again under "Étaient absents excusés": one row,
    # so the absents counted on the list are one short of the members (a notice, "à vérifier")
    "member_listed_twice.txt": ["attendance.listed_twice", "attendance.members_total"],
    # … unless the absents' list says when he came: "Hervé MICHEL (arrivé à 20h15, avant le vote)"
    "member_arrived_before_vote.txt": [],
    "proxy_holder_absent.txt": ["proxy.holder_present"],
    "proxy_two_per_holder.txt": ["proxy.one_per_holder"],
    "quorum_not_reached.txt": ["quorum.reached"],
    "quorum_second_convocation.txt": [],  # sits without quorum after a second convocation
    "covid_2021_consistent.txt": [],  # a third present and two proxies: lawful in February 2021
    "convocation_after_session.txt": ["dates.convocation_before_session"],
    # votants = présents + pouvoirs ≤ présents + absents: the members total cannot add up either
    "votants_over_exercice.txt": ["attendance.members_total", "votes.votants_le_exercice"],
    # the same with 7 members in office: 8 présents are more than the body has
    "presents_over_exercice.txt": ["attendance.members_total", "attendance.presents_le_exercice",
                                   "votes.votants_le_exercice"],
    "result_inconsistent.txt": ["votes.result_consistent"],
    # "Pour : 10 / Contre : 1" above "Adoptée à l'unanimité."
    "unanimity_against.txt": ["votes.unanimity_against"],
    # "ADOPTÉE À L'UNANIMITÉ" over "Pour : 9 – Contre : 0 – Abstentions : 2"; the same "À L'UNANIMITÉ
    # DES SUFFRAGES EXPRIMÉS" trips nothing
    "unanimity_abstentions.txt": ["votes.unanimity_abstentions"],
    "unanimity_expressed_abstentions.txt": [],
    # "Contre : 3 (M. Hervé MICHEL, Mme Gisèle LAURENT)": two named for three; the same with
    # "Contre : 2" and a group's "Contre : 2 (groupe « Lac Demain »)" quoted below trips nothing
    "named_count_mismatch.txt": ["votes.named_count"],
    "named_count_consistent.txt": [],
    # a wrong row total also breaks its Total column's sum: one cause, one finding naming the cell
    "table_row_total.txt": ["table.row_total"],
    "table_column_total.txt": ["table.column_total"],
    "fiche_cost_mismatch.txt": ["fiche.cost_matches_table"],
    "objectives_summary.txt": ["objectives.summary_percent"],
    "objectives_summary_consistent.txt": [],
    # "Votants : 99999999999": the reader takes no count over four digits (extractors/counts.py),
    # so the count is unstated and nothing is compared; the guard behind it, `value.out_of_range`
    # (pipeline/store.py `conform`), is tested on rows in tests/test_faults.py
    "count_out_of_range.txt": [],
    # an extract with its counts but no date of sitting; minutes of a sitting with no item voted
    "deliberation_without_date.txt": ["extraction.incomplete"],
    "sitting_without_deliberation.txt": ["extraction.incomplete"],
    # minutes whose header count is wrong, inherited by 3 items: one finding (seqs 1-3)
    "votants_header_repeated.txt": ["attendance.votants"],
    # a recap of the sitting's acts under the minutes: 2024-012 "11 | 1 | 2" against the item's
    # "11 pour – 2 contre – 1 abstention" (the same recap agreeing trips nothing)
    "restated_recap_mismatch.txt": ["votes.restated"],
    "restated_recap_consistent.txt": [],
    # "L'ensemble des délibérations ayant été adoptées à l'unanimité" after an item with 2 against;
    # "Toutes les délibérations … à l'unanimité, sauf la deuxième" trips nothing
    "restated_closing_mismatch.txt": ["votes.restated"],
    "restated_closing_consistent.txt": [],
    # "M. Pascal ROGNON quitte la séance" (no proxy), then "12 voix pour et 1 voix contre": 13 votes
    # for 10 présents + 2 pouvoirs; the same member leaving for one vote and back ("regagne la
    # séance") trips nothing. Both keep the opening's counts, stale after the move: notices
    "room_vote_after_leave.txt": ["attendance.members_total", "attendance.present_count", "votes.room"],
    "room_leave_and_back.txt": ["attendance.members_total", "attendance.present_count"],
    # an installation sitting's three ballots: the mayor's (15 votants, 2 blancs ou nuls, 13 exprimés; the
    # candidates' 11 + 2 voices), the adjoints' number by public ballot (14 exprimés: 12 pour, 2 contre, 1
    # abstention), the adjoints' list ballot (1 blanc, 0 nul, 14 exprimés, majorité 8, the lists' 10 + 4 voices)
    "ballot_consistent.txt": [],
    "ballot_expressed_mismatch.txt": ["votes.ballot_expressed"],  # "blancs ou nuls … 1": 15 − 1 ≠ 13
    "ballot_sides_mismatch.txt": ["votes.ballot_sides"],  # "Suffrages exprimés … 13" under 12 pour, 2 contre
    "ballot_majority_mismatch.txt": ["votes.ballot_majority"],  # "Majorité absolue : 7" for 14 exprimés
}
# Rules no document can trip through the current reader, with the test that trips them.
GUARDS = {
    "value.out_of_range": "tests/test_faults.py::test_a_value_its_column_cannot_hold_is_left_empty_with_a_finding",
    "extraction.stage_error": "tests/test_faults.py::test_a_stage_that_raises_is_named_by_a_warning"}


def _tables_with_stages(path: Path) -> dict[str, pd.DataFrame]:
    from pipeline.stages import process

    result = process(path)
    assert result.ok, result.error
    return {name: pd.DataFrame(rows) for name, rows in result.rows.items()}


def _tables_with_extractors(path: Path) -> dict[str, pd.DataFrame]:
    from pipeline.loaders import load

    doc = load(path)
    for name in EXTRACTORS:
        doc = pytest.importorskip(name).extract(doc)
    rows: dict[str, list[dict]] = {}
    for table, records in doc.records.items():
        rows[table] = [{k: v for k, v in r.items() if k != "_prov"} | {"doc_id": doc.doc_id}
                       for r in records]
    return {name: pd.DataFrame(r) for name, r in rows.items()}


def tables_of(path: Path) -> dict[str, pd.DataFrame]:
    try:
        importlib.import_module("pipeline.stages")
    except ImportError:
        return _tables_with_extractors(path)
    return _tables_with_stages(path)


def test_every_check_document_is_listed():
    assert sorted(p.name for p in DATA.glob("*.txt")) == sorted(EXPECTED)


def test_every_rule_is_tripped_by_a_document():
    assert set(checks.RULES) - set(GUARDS) <= {c for ids in EXPECTED.values() for c in ids}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_findings(name):
    findings = checks.run_all(tables_of(DATA / name))
    assert sorted(findings["check_id"]) == EXPECTED[name], findings[["check_id", "message"]].to_string()
    assert findings["page"].notna().all()
    assert findings["quote"].notna().all()


def test_votants_finding_quotes_its_line():
    findings = checks.run_all(tables_of(DATA / "votants_mismatch.txt"))
    row = findings.iloc[0]
    assert (row["expected"], row["actual"]) == ("11", "12")
    assert row["quote"] == "Présents : 8 – Pouvoirs : 3 – Votants : 12"
    assert row["message"] == "Votants (12) ≠ présents (8) + pouvoirs (3) = 11"


def test_fiche_finding_is_the_mismatching_fiche():
    row = checks.run_all(tables_of(DATA / "fiche_cost_mismatch.txt")).iloc[0]
    assert (row["subject"], row["expected"], row["actual"]) == ("fiche E.2", "75000", "30000")
    assert "30 000 € TTC" in row["quote"]


def test_objective_summary_finding_is_recounted():
    row = checks.run_all(tables_of(DATA / "objectives_summary.txt")).iloc[0]
    assert (row["subject"], row["expected"], row["actual"]) == ('objectives table 1 statement "60 %"', "60", "50")


# --- the real documents ---------------------------------------------------------

SAMPLES = Path(__file__).parent.parent / "samples"
REAL = {  # file -> (check_id, subject, expected, actual) of every finding
    "000_947d8fbb682aad0d.txt": "hautes_terres",
    "hautes-terres-deliberation-2024.pdf": "hautes_terres",
    "003_323ff29db9cff2b0.txt": "strategy",
    "api-strategie-marketing.pdf": "strategy",
}
REAL_FINDINGS = {
    # the deliberation itself is consistent (29 > 57/2); the annex's summary is not:
    # 19 + 28 = 47 of 100, 53 of 100, and 24 of the 53 non-réalisées planned in 2024
    "hautes_terres": [
        ("objectives.summary_percent", 'objectives table 1 statement "48 %"', "48", "47"),
        ("objectives.summary_percent", 'objectives table 1 statement "52 %"', "52", "53"),
        ("objectives.summary_percent", 'objectives table 1 statement "21 %"', "21", "45"),
    ],
    # the cost and workload tables add up; fiche E.10 says 150000 TTC, its row 157500
    "strategy": [("fiche.cost_matches_table", "fiche E.10", "157500", "150000")],
}


@pytest.fixture(scope="module")
def real_findings():
    cache: dict[str, pd.DataFrame] = {}

    def get(name: str) -> pd.DataFrame:
        if name not in cache:
            if name.endswith(".pdf"):
                pytest.importorskip("pipeline.loaders.pdf")
            cache[name] = checks.run_all(tables_of(SAMPLES / name))
        return cache[name]
    return get


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_document_findings(real_findings, name):
    found = real_findings(name)
    rows = list(found[["check_id", "subject", "expected", "actual"]].itertuples(index=False, name=None))
    assert rows == REAL_FINDINGS[REAL[name]]
    assert found["quote"].notna().all() and found["line"].notna().all()
