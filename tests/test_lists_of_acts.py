"""Lists of acts printed as tables, as a text extraction leaves them (fifteenth round,
2026-12-04; texts of the round's second hand, tests/data/second_hand/dev 801–880): columns run
together one space apart and rows wrapped where the page cut them (a Région's commission
permanente, an agglomération's list published on its website), a Markdown table whose vote cells
merge into one ("Unanimité") and whose object wraps onto a row of its own, a table of three
columns ("N° / Objet / Vote") laid out with spaces, an act withdrawn from the agenda."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.loaders.text_acts import acts_tables
from pipeline.stages import process

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def votes_of(name: str) -> list[tuple]:
    result = process(SECOND_HAND / name)
    assert result.ok, result.error
    return [(d["numero"], d["pour"], d["contre"], d["abstentions"], d["unanimite"]) for d in result.rows["deliberations"]]


def test_a_regions_list_run_together():
    # 823: "22CP-1404 … avenant n° 3 38 7" / "4 0 Adopté"; 22CP-1406 "– – – – Retiré" is no act
    assert votes_of("823.txt") == [("22CP-1401", 49, 0, 0, True), ("22CP-1402", 40, 0, 9, False),
                                   ("22CP-1403", 45, 0, 2, False), ("22CP-1404", 38, 7, 4, False),
                                   ("22CP-1405", 49, 0, 0, True), ("22CP-1407", 42, 3, 4, False)]


def test_object_and_result_wrapped_on_one_line():
    rows = dict(acts_tables(enumerate([
        "N° Objet Votants Pour Contre Abst. Résultat",
        "C2026-002 Budget annexe Transports - 53 53 0 0 Adoptée à",
        "reprise anticipée des résultats 2025 l'unanimité",
        "Villefranche Beaujolais Saône Agglo - Liste des délibérations CC 29/01/2026 1/2",
        "C2026-006 Fonds de concours - commune de 53 53 0 0 Adoptée",
        "Gleizé - piscine",
        "C2026-007 Modification du tableau des 53 51 0 2 Adoptée",
        "emplois",
        "Observations : arrivée de M. Olivier BRUN avant le vote de la délibération C2026-003 ;"])))
    assert rows[1].split("\t") == ["C2026-002", "Budget annexe Transports - reprise anticipée des résultats 2025",
                                   "53", "53", "0", "0", "Adoptée à l'unanimité"]
    assert rows[3].startswith("Villefranche")  # a page's footer between two rows stays a line
    assert rows[4].split("\t")[1] == "Fonds de concours - commune de Gleizé - piscine"
    assert rows[6].split("\t")[1] == "Modification du tableau des emplois"
    assert rows[8].startswith("Observations")


def test_an_agglomerations_published_list():
    assert votes_of("869.txt") == [("C2026-001", None, None, None, None), ("C2026-002", 53, 0, 0, True),
                                   ("C2026-003", 50, 3, 1, False), ("C2026-004", 54, 0, 0, True),
                                   ("C2026-005", 12, 38, 4, False), ("C2026-006", 53, 0, 0, None),
                                   ("C2026-007", 51, 0, 2, False)]


def test_a_markdown_table_with_merged_vote_cells():
    # 850: "| 2023-102 | Tarifs municipaux 2024 | Unanimité | Adoptée |", "|  | public de l'eau potable |"
    assert votes_of("850.txt") == [("2023-101", 27, 5, 0, False), ("2023-102", 32, 0, 0, True),
                                   ("2023-103", None, None, None, None), ("2023-104", 30, 0, 2, False),
                                   ("2023-105", 32, 0, 0, True), ("2023-107", 32, 0, 0, None)]


def test_three_columns_laid_out_with_spaces():
    # 812: "N°   Objet   Vote", the vote cell wrapped ("Adoptée – Pour : 33 –" / "Contre : 8 – Abst. : 1")
    got = votes_of("812.txt")
    assert [n for n, *_ in got] == [f"2023-0{k}" for k in (61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71)]
    assert got[1] == ("2023-062", 33, 8, 1, False) and got[10] == ("2023-071", 35, None, 8, False)


@pytest.mark.parametrize("header", ["N°  Objet  Pour  Contre  Abst.", "Membres en exercice : 27"])
def test_other_lines_are_left_alone(header):
    lines = [header, "2020-61 Délégations au Maire 20 0 5", "2020-62 Indemnités 20 5 0"]
    assert [text for _, text in acts_tables(enumerate(lines))] == lines


@pytest.mark.parametrize("name, first, votes", [
    # 804: "N° rapport   Objet   Décision"; 845: "Rapport   Objet   Décision / vote", an act withdrawn
    ("804.txt", "CP-13-05-01", [("CP-13-05-04", 19, None, 6, False), ("CP-13-05-05", 19, 6, None, False)]),
    ("845.txt", "CP 22-05-101", [("CP 22-05-102", 31, None, 5, False)]),
])
def test_a_departements_relevé_of_three_columns(name, first, votes):
    got = votes_of(name)
    assert got[0][0] == first and all(v in got for v in votes)
    assert "CP 22-05-104" not in [n for n, *_ in got]  # "Retiré de l'ordre du jour"


def test_a_syndicats_acts_as_bullets_after_the_verb():
    # 829: "Le Comité syndical a :" / "• D.2013-14 – approuvé le compte administratif …, par 34 voix
    # pour et 1 abstention" / "• D.2013-16 – fixé, par 30 voix pour, 4 voix contre et 2 abstentions"
    assert votes_of("829.txt") == [("D.2013-14", 34, None, 1, False), ("D.2013-15", 36, 0, 0, True),
                                   ("D.2013-16", 30, 4, 2, False), ("D.2013-17", None, None, None, None),
                                   ("D.2013-18", 36, 0, 0, True)]
