"""The arithmetic of real tables (extractors/table_model.py) and the checks that use it,
on the real documents of ../shared/corpus/real whose tables the old checks misread:
Lannion's allowances ("+ 20 %" columns) and financing plans (percent columns),
Fargues-Saint-Hilaire's AP/CP programme (HT, TTC, lost labels, a recettes half),
Chéméré's and Aiglun's budget tables (sections, negative lines, Total HT + TVA = TTC).
Each value asserted was read on the page (see tests/data/table_findings.json).
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

import checks
from checks.tables import table_coverage
from extractors import numeric_tables, objectives
from extractors.table_figures import Num, TableInput
from extractors.table_model import analyse
from pipeline.loaders import load
from schemas import Cell, Table

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LANNION = "mthlht__lannion_cm/Procès verbal du conseil municipal du 8 juin.pdf"
FARGUES = "benjaminpochat__demos/fargues-saint-hilaire_2018-12-13_pv.pdf"
CHEMERE_2008 = "regardscitoyens__CM-chemere/CM 15 octobre 2008.pdf"
CHEMERE_2013 = "regardscitoyens__CM-chemere/CM 19 novembre 2013.pdf"
CHEMERE_2015 = "regardscitoyens__CM-chemere/CM 15 septembre 2015.pdf"
AIGLUN = "regardscitoyens__operation-libre-aiglun/CR CM 19122013.pdf"
real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real not present")


@lru_cache(maxsize=None)
def loaded(rel: str):
    return load(REAL / rel)


def extracted(doc) -> dict[str, list[dict]]:
    doc = numeric_tables.extract(objectives.extract(copy.deepcopy(doc)))
    return {name: [{k: v for k, v in r.items() if k != "_prov"} | {"doc_id": doc.doc_id} for r in rows]
            for name, rows in doc.records.items() if name in ("table_cells", "numeric_tables")}


@lru_cache(maxsize=None)
def tables_of(rel: str) -> dict[str, list[dict]]:
    return extracted(loaded(rel))


def findings(tables: dict) -> pd.DataFrame:
    return checks.run_all(tables)


def table(tables: dict, title_start: str, page: int) -> tuple[dict, list[dict]]:
    (row,) = [t for t in tables["numeric_tables"]
              if (t["table_title"] or "").startswith(title_start) and t["page"] == page]
    return row, [c for c in tables["table_cells"] if c["table_id"] == row["table_id"]]


def cell(cells: list[dict], row: int, column: int) -> dict:
    (c,) = [c for c in cells if c["row"] == row and c["column"] == column]
    return c


def with_cell(rel: str, title_start: str, old: str, new: str):
    """A copy of the document whose table titled `title_start` has its cell `old` made `new`."""
    doc = copy.deepcopy(loaded(rel))
    (t,) = [t for t in doc.items if isinstance(t, Table) and t.title.startswith(title_start)]
    (r, c), = [(r, c) for r, row in enumerate(t.rows) for c, x in enumerate(row.cells) if x.text == old]
    t.rows[r].cells[c] = Cell(new, t.rows[r].cells[c].span)
    return doc


@real
def test_lannion_allowances_add_their_increment_columns():
    tables = tables_of(LANNION)
    info, cells = table(tables, "MAIRE ET ADJOINTS", 44)
    assert (info["understood"], info["row_totals"], info["column_totals"]) == (True, "confirmed", "confirmed")
    assert "« (DSU = strate sup) = + 20% » = « Montant au 1er mai 2020 » × 0.2 (10/10 lignes)" in info["relations"]
    deputy = {c["column_label"]: c for c in cells if c["row_label"] == "2ème adjointe"}
    total = deputy["Total indicatif au 1er mai 2020"]
    assert (total["value"], total["column_role"], total["total_of_columns"]) == (1007.33, "total", [3, 4, 5])
    assert [cell(cells, 4, i)["value"] for i in (3, 4, 5)] == [719.53, 143.9, 143.9]
    assert [cell(cells, 4, i)["column_role"] for i in (2, 3, 4)] == ["rate", "part", "derived"]
    assert cell(cells, 4, 4)["unit"] == "EUR"  # "+ 20 %": amounts, in the unit of Montant
    totaux = {c["column"]: c for c in cells if c["row_label"] == "TOTAUX"}
    assert totaux[6]["total_of_columns"] is None  # the majorations' totals are not printed
    assert totaux[6]["total_of_rows"] == [1, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert [c["row_role"] for c in cells if c["column"] == 3][:3] == ["section", "part", "section"]


@real
def test_lannion_percent_columns_are_shares_of_a_whole():
    tables = tables_of(LANNION)
    info, cells = table(tables, "Considérant le plan de financement qui lui est soumis", 37)
    shares = [c for c in cells if c["column"] == 4]
    assert [c["value"] for c in shares] == [None, 36, 44, 20, 100]
    assert {c["column_role"] for c in shares} == {"percent"}
    assert shares[-1]["total_of_rows"] == [1, 2, 3]
    assert findings(tables).empty  # the 16 + 5 errors of the old checks were all false


@real
def test_fargues_programme_table():
    tables = tables_of(FARGUES)
    info, cells = table(tables, "autorisation de programme", 7)
    assert info["understood"] and info["row_totals_reason"] is None
    assert info["relations"][-3:] == [
        "« total HT » = « 2014 » + « 2015 » + « 2016 » (10/10 lignes)",
        "« col7 » = « total HT » × 1.2 (8/8 lignes)",  # the total TTC, its header lost
        "« total total encaissé » = « 2014 » + « 2015 » + « 2016 » (5/5 lignes)"]
    roles = {c["row"]: c["row_role"] for c in cells}
    assert [roles[r] for r in (4, 9, 10, 11, 12, 18)] == [
        "subtotal", "subtotal", "total", "derived", "header", "total"]
    assert cell(cells, 10, 6)["total_of_rows"] == [4, 9]  # HT = the two sous-totaux
    assert cell(cells, 4, 6)["value"] == 204471 and cell(cells, 4, 6)["total_of_rows"] == [0, 1, 2, 3]
    assert cell(cells, 2, 6)["total_of_columns"] == [3, 4, 5]
    assert {cell(cells, r, 7)["column_role"] for r in range(12)} == {"derived"}
    assert cell(cells, 18, 6)["doubtful"]  # "2 742 084,40 € 2 672 788,51 €": two cells run together
    assert findings(tables).empty


@real
def test_chemere_budget_sections_with_negative_lines():
    tables = tables_of(CHEMERE_2008)
    info, cells = table(tables, "- Section d’investissement : 25 565,00", 4)
    assert (info["understood"], info["row_totals"], info["column_totals"]) == (True, "none", "confirmed")
    assert cell(cells, 5, 1)["value"] == -2000.0
    totals = {c["row_label"]: c for c in cells if c["column"] == 1 and c["row_role"] == "total"}
    assert sorted(totals) == ["Total section de fonctionnement", "Total section d’investissement"]
    assert totals["Total section d’investissement"]["total_of_rows"] == list(range(23, 31))  # its D lines
    assert [c["row_role"] for c in cells if c["row"] in (0, 22) and c["column"] == 1] == ["section"] * 2
    assert findings(tables).empty


@real
def test_chemere_2015_budget_that_does_not_add_up():
    found = findings(tables_of(CHEMERE_2015))
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["check_id"], row["severity"], row["page"], row["expected"], row["actual"]) == (
        "table.column_total", "error", 8, "66891", "67891")
    assert row["subject"] == "table t3 column Dépenses row Total section de fonctionnement"


@real
def test_aiglun_total_ttc_is_total_ht_plus_tva():
    info, cells = table(tables_of(AIGLUN), "Le montant prévisionnel des travaux", 3)
    assert info["column_totals"] == "confirmed"
    assert [cell(cells, r, 1)["row_role"] for r in (6, 7, 8)] == ["subtotal", "derived", "total"]
    assert cell(cells, 8, 1)["total_of_rows"] == [6, 7]  # 121 175 + 24 235 = 145 410
    assert cell(cells, 8, 3)["total_of_rows"] == [0, 1]  # recettes: 96 940 + 48 470
    assert findings(tables_of(AIGLUN)).empty


@real
def test_one_wrong_cell_in_a_real_budget_is_one_finding():
    doc = with_cell(CHEMERE_2008, "- Section d’investissement : 25 565,00", "3 500,00 €", "3 600,00 €")
    found = findings(extracted(doc))
    assert list(found[["check_id", "severity", "expected", "actual"]].itertuples(index=False, name=None)) == [
        ("table.column_total", "error", "14160", "14060")]


@real
def test_an_unreadable_cell_gives_a_notice():
    doc = with_cell(CHEMERE_2008, "- Section d’investissement : 25 565,00", "3 500,00 €", "3 50000 €")
    found = findings(extracted(doc))
    assert list(found["severity"]) == ["notice"]
    assert found.iloc[0]["message"].endswith("— à vérifier : « 3 50000 € » illisible")


def test_one_wrong_cell_in_the_samples_cost_table_is_one_finding_on_its_row():
    doc = load(SAMPLES / "api-strategie-marketing.pdf")
    doc.items = copy.deepcopy(doc.items)
    (t,) = [t for t in doc.items if isinstance(t, Table) and t.title.startswith("Document de travail : Approche")]
    (row,) = [r for r in t.rows if r.texts[0].startswith("E.10")]
    row.cells[3] = Cell("2600", row.cells[3].span)  # 2022: 2500 in the document
    found = findings(extracted(doc))
    assert list(found["check_id"]) == ["table.row_total"]
    assert (found.iloc[0]["expected"], found.iloc[0]["actual"]) == ("157600", "157500")
    assert "la cellule « E.10 » × « 2022 » (2600) est en cause" in found.iloc[0]["message"]


@real
def test_coverage_says_what_was_checked_and_why_not():
    rows = {r["table_id"]: r for r in table_coverage(tables_of(CHEMERE_2013))}
    assert (rows["t5"]["status"], rows["t5"]["checks_run"]) == ("checked", ["table.column_total"])
    assert rows["t5"]["checks_skipped"] == ["table.row_total: pas de colonne de total"]
    assert rows["t4"]["status"] == "not_checked"  # the road list's TOTAL sums pages 4 to 9
    assert rows["t4"]["checks_skipped"][1] == (
        "table.column_total: arithmétique non confirmée (la ligne « TOTAL » n'est la somme "
        "d'aucune colonne au-dessus (0/3))")
    assert rows["t6"]["fields_missing"] == ["« R 1341-100 » × « Recettes » : « 56 81300 € »"]
    assert rows["t1"]["status"] == "not_checked" and rows["t1"]["scope"] == "table"
    assert findings(tables_of(CHEMERE_2013)).empty


def test_a_total_row_without_a_label_must_prove_itself():
    """Two rows of parts and an unlabelled row: a total only when its numbers say so."""
    def model(last: list[float]):
        rows = [[100.0, 250.5], [20.0, 49.5], last]
        cells = [[Num(v, 2) for v in r] for r in rows]
        texts = [[str(v) for v in r] for r in rows]
        return analyse(TableInput(["2021", "2022"], ["A", "B", ""], texts, cells))
    assert model([120.0, 300.0]).row_roles == ["part", "part", "total"]
    assert model([120.0, 301.0]).row_roles == ["part", "part", "part"]  # one place is not enough
