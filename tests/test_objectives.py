"""Objective tables: samples/000 (annex of 100 objectives) and its PDF."""
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import pytest

from extractors import objectives
from pipeline.loaders import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HAS_PDF = find_spec("pipeline.loaders.pdf") is not None


def _run(name):
    return objectives.extract(load(SAMPLES / name))


@pytest.fixture(scope="module")
def doc():
    return _run("000_947d8fbb682aad0d.txt")


@pytest.fixture(scope="module")
def rows(doc):
    return {r["number"]: r for r in doc.records["objectives"]}


def test_hundred_objectives_in_order(doc):
    assert [r["number"] for r in doc.records["objectives"]] == list(range(1, 101))
    assert {r["table_seq"] for r in doc.records["objectives"]} == {1}
    assert doc.errors == []


def test_status_counts(rows):
    assert Counter(r["status"] for r in rows.values()) == {
        "realisee": 19, "en_cours": 28, "non_realisee": 53}


def test_planned_2024(rows):
    planned = [n for n, r in rows.items() if r["status"] == "non_realisee" and r["year_planned"] == 2024]
    assert len(planned) == 24
    assert Counter(r["year_planned"] for r in rows.values() if r["status"] == "non_realisee") == {
        2024: 24, 2025: 18, None: 10, 2026: 1}


def test_status_phrases(rows):
    assert rows[1]["status_text"] == "En cours, finalisation en février 2024"
    assert (rows[1]["status"], rows[1]["year_planned"], rows[1]["year_done"]) == ("en_cours", None, None)
    assert rows[8]["status_text"] == "Réalisée en 2023"
    assert (rows[8]["status"], rows[8]["year_done"]) == ("realisee", 2023)
    assert rows[42]["status_text"] == "Non réalisée"
    assert (rows[42]["status"], rows[42]["year_planned"]) == ("non_realisee", None)


def test_wrapped_status_cell(rows):
    # "Initiée en 2022 et" / blank line / "\t\ttoujours en cours"
    assert rows[28]["status_text"] == "Initiée en 2022 et toujours en cours"
    assert (rows[28]["status"], rows[28]["year_planned"]) == ("en_cours", 2022)
    assert rows[48]["status_text"] == "Non réalisée, prévue en 2024"
    assert rows[28]["label"].startswith("Développer les bonnes pratiques des hébergeurs")


def test_last_objective(rows):
    assert rows[100]["status_text"] == "Non réalisée, prévue en 2026"
    assert (rows[100]["status"], rows[100]["year_planned"]) == ("non_realisee", 2026)
    assert rows[100]["label"] == ("Certifier Hautes Terres Tourisme avec la certification "
                                  "AFNOR NF Service - Offices de tourisme")


def test_provenance(rows):
    assert rows[28]["_prov"]["status_text"].line == 111
    assert rows[1]["_prov"]["number"].line == 82


def test_summaries(doc):
    found = [(s["percent"], s["statuses"], s["denominator_statuses"], s["year"])
             for s in doc.meta["objective_summaries"]]
    assert found == [(48.0, ["realisee", "en_cours"], None, None),
                     (52.0, ["non_realisee"], None, None),
                     (21.0, ["non_realisee"], ["non_realisee"], 2024)]
    last = doc.meta["objective_summaries"][-1]
    assert last["text"] == ("21 % des actions non-réalisées au 31-12-2023 sont proposées "
                            "au sein du plan d'action en 2024")
    assert last["span"].line == 203
    rows = doc.records["summaries"]
    assert [(r["table_seq"], r["percent"], r["year_planned"], r["line"]) for r in rows] == [
        (1, 48.0, None, 197), (1, 52.0, None, 201), (1, 21.0, 2024, 203)]


def test_block_covers_table_and_summary(doc):
    (block,) = [b for b in doc.blocks if b.kind == "objectives"]
    assert block.key == "table_seq=1"
    assert doc.items[block.end - 1].text == "au sein du plan d'action en 2024"


def test_match_status():
    assert objectives.match_status("Non réalisée, prévue en 2024") == ("non_realisee", "year_planned", 2024)
    assert objectives.match_status("Réalisée en 2022") == ("realisee", "year_done", 2022)
    assert objectives.match_status("INITIEE EN 2023 et toujours en cours") == ("en_cours", "year_planned", 2023)
    assert objectives.match_status("Abandonnée") is None


def _comparable(doc):
    return [(r["number"], r["status"], r["status_text"], r["year_done"], r["year_planned"])
            for r in doc.records["objectives"]]


@pytest.mark.skipif(not HAS_PDF, reason="pipeline/loaders/pdf.py not written yet")
def test_pdf_gives_same_objectives(doc):
    pdf = _run("hautes-terres-deliberation-2024.pdf")
    assert _comparable(pdf) == _comparable(doc)
    assert [r["label"] for r in pdf.records["objectives"]] == [
        r["label"] for r in doc.records["objectives"]]
    assert [(s["percent"], s["statuses"], s["year"]) for s in pdf.meta["objective_summaries"]] == [
        (s["percent"], s["statuses"], s["year"]) for s in doc.meta["objective_summaries"]]
