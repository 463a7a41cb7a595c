"""Numeric tables in long form: samples/003 (cost and workload tables), samples/000, PDFs."""
from importlib.util import find_spec
from pathlib import Path

import pytest

from extractors import fiches, numeric_tables, objectives
from pipeline.loaders import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HAS_PDF = find_spec("pipeline.loaders.pdf") is not None
YEARS = ["2020", "2021", "2022", "2023", "2024"]


def _run(name):
    doc = load(SAMPLES / name)
    for stage in (objectives, fiches, numeric_tables):
        doc = stage.extract(doc)
    return doc


@pytest.fixture(scope="module")
def doc():
    return _run("003_323ff29db9cff2b0.txt")


def _table(doc, title_start):
    cells = [r for r in doc.records["table_cells"] if (r["table_title"] or "").startswith(title_start)]
    assert len({r["table_id"] for r in cells}) == 1, title_start
    return cells


def _row(cells, label):
    return {r["column_label"]: r for r in cells if r["row_label"] == label}


def test_table_ids(doc):
    ids = [b.key for b in doc.blocks if b.kind == "numeric_table"]
    assert ids == [f"t{n}" for n in range(1, 17)]  # 13 financing tables, cost, two workloads
    titles = {r["table_id"]: r["table_title"] for r in doc.records["table_cells"]}
    assert titles["t14"].startswith("Document de travail : Approche financière annuelle")
    assert titles["t15"] == "Temps de travail service promotion :"
    assert titles["t16"] == "Temps de travail direction :"
    assert doc.errors == []


def test_planning_table_without_numbers_is_skipped(doc):
    titles = {r["table_title"] for r in doc.records["table_cells"]}
    assert "Document de travail : Planning de la stratégie de marketing touristique" not in titles


def test_annual_cost_table(doc):
    cells = _table(doc, "Document de travail : Approche financière annuelle")
    assert len(cells) == 14 * 6  # 13 actions + total, 5 years + Total TTC, empty cells included
    assert sorted({r["column_label"] for r in cells}) == YEARS + ["Total TTC"]
    assert {r["unit"] for r in cells} == {"EUR"}
    total = _row(cells, "Total")
    assert [total[c]["value"] for c in YEARS + ["Total TTC"]] == [
        226000, 149400, 102900, 102900, 138900, 720100]
    assert all(r["is_total_row"] for r in total.values())
    assert total["Total TTC"]["is_total_column"] and not total["2020"]["is_total_column"]
    assert [total[y]["year"] for y in YEARS] == [2020, 2021, 2022, 2023, 2024]
    assert total["Total TTC"]["year"] is None


def test_annual_cost_rows(doc):
    cells = _table(doc, "Document de travail : Approche financière annuelle")
    keys = [r["row_key"] for r in cells if r["column_label"] == "2020"]
    assert keys == [f"E.{n}" for n in range(1, 14)] + [None]
    e10 = {r["column_label"]: r for r in cells if r["row_key"] == "E.10"}
    assert e10["Total TTC"]["value"] == 157500
    assert e10["2020"]["row_label"] == ("E.10 Les accueils (hors masse salariale et coûts usuels "
                                        "de fonctionnement)")
    assert not e10["2020"]["is_total_row"] and e10["2020"]["row"] == 9
    e1 = {r["column_label"]: r for r in cells if r["row_key"] == "E.1"}
    assert (e1["2021"]["value"], e1["2021"]["text"]) == (None, "")  # empty cell kept
    assert e1["2020"]["_prov"]["value"].line == 1210


def test_workload_tables(doc):
    promotion = _table(doc, "Temps de travail service promotion")
    direction = _table(doc, "Temps de travail direction")
    for cells, total_2020, pct_2020 in ((promotion, 2460, 154), (direction, 340, 21)):
        assert sorted({r["column_label"] for r in cells}) == YEARS  # two-row header
        assert len(cells) == 15 * 5
        total, pct = _row(cells, "Total"), _row(cells, "Pourcentage ETP")
        assert total["2020"]["value"] == total_2020 and total["2020"]["is_total_row"]
        assert total["2020"]["unit"] == "hours"
        assert pct["2020"]["value"] == pct_2020
        assert not any(r["is_total_row"] for r in pct.values())
        assert {r["unit"] for r in pct.values()} == {"percent"}
    assert _row(promotion, "E.13 L'observation")["2021"]["value"] == 100


def test_financing_tables(doc):
    cells = [r for r in doc.records["table_cells"] if r["table_id"] == "t5"]  # header row holds "Plan de financement"
    assert sorted({r["column_label"] for r in cells}) == ["Montant", "Taux"]
    rows = _row(cells, "Autofinancement")
    assert (rows["Taux"]["value"], rows["Taux"]["text"], rows["Taux"]["unit"]) == (20.0, "20 %", "percent")
    assert (rows["Montant"]["value"], rows["Montant"]["unit"]) == (None, "EUR")
    labels = [r["row_label"] for r in cells if r["column_label"] == "Taux"]
    assert labels == ["Autofinancement", "Région", "Département", "État", "Europe (Leader)", "Autres :"]
    taux = [r for r in doc.records["table_cells"] if r["column_label"] == "Taux" and r["value"] == 20.0]
    assert len(taux) == 13


def test_deliberation_table_and_objectives_skipped():
    doc = _run("000_947d8fbb682aad0d.txt")
    (cell,) = doc.records["table_cells"]  # the objective table is left to `objectives`
    assert (cell["table_id"], cell["row_label"], cell["value"], cell["unit"]) == (
        "t1", "Dotation annuelle de fonctionnement 2024", 310000.0, "EUR")
    assert cell["column_label"] == "col1"  # no header


@pytest.mark.parametrize("label, key", [
    ("E.10 Les accueils", "E.10"), ("E10 Les accueils", "E.10"), ("E. 10 Les accueils", "E.10"),
    ("B10 bis Truc", "B.10 bis"), ("Europe (Leader)", None), ("Total", None), ("A", None)])
def test_row_key(label, key):
    assert numeric_tables.row_key(label) == key


def _cells(doc, with_title=True):
    return {((r["table_title"],) if with_title else ()) + (r["table_id"], r["row"], r["row_label"],
            r["row_key"], r["column_label"], r["value"], r["unit"], r["is_total_row"],
            r["is_total_column"]) for r in doc.records["table_cells"]}


@pytest.fixture(scope="module")
def pdf():
    return _run("api-strategie-marketing.pdf")


def test_pdf_gives_same_cells(doc, pdf):
    # row labels included: the PDF's "commercialisati\non" must come out whole
    assert _cells(pdf, with_title=False) == _cells(doc, with_title=False)


def test_pdf_gives_same_titles(doc, pdf):
    key = lambda d: {(r["table_title"], r["row_key"], r["column_label"], r["value"])
                     for r in d.records["table_cells"]}
    assert key(pdf) == key(doc)


def test_pdf_deliberation_table():
    text, pdf = _run("000_947d8fbb682aad0d.txt"), _run("hautes-terres-deliberation-2024.pdf")
    assert _cells(pdf) == _cells(text)
