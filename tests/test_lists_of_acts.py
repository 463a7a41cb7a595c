"""Lists of acts printed as tables, as a text extraction leaves them (fifteenth round,
2026-12-04; texts of the round's second hand, tests/data/second_hand/dev 801–880): columns run
together one space apart and rows wrapped where the page cut them (a Région's commission
permanente, an agglomération's list published on its website), a Markdown table whose vote cells
merge into one ("Unanimité") and whose object wraps onto a row of its own, a table of three
columns ("N° / Objet / Vote") laid out with spaces, an act withdrawn from the agenda; and three
phrasings of the same sets beside them (a title "Délibération du Conseil municipal - séance du …",
a count line ending "votants 17" above "Présents : …", an OCR'd "l." for an item's "1.")."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.loaders.text_acts import acts_tables
from pipeline.stages import process
from tests.rows import VOTE, columns_of

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def votes_of(name: str) -> list[tuple]:
    return columns_of(SECOND_HAND / name, *VOTE)


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


def test_a_register_of_extracts_headed_by_their_sitting():
    # 877: "Délibération du Conseil municipal - séance du 14 février 2019" / "Conseillers : en exercice
    # 19 | présents 14 | représentés 3 | votants 17" / "Présents : ROCHETTE Gilles, …"
    result = process(SECOND_HAND / "877.txt")
    got = {(str(d["session_date"]), d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"])
           for d in result.rows["deliberations"]}
    assert got == {("2019-02-14", 19, 14, 3, 17)}


def test_an_ocr_l_for_the_first_items_rank():
    # 842: "l. COMPTE ADMINISTRATIF 2018 (délibération n° 2019/14)"
    assert [n for n, *_ in votes_of("842.txt")] == ["2019/14", "2019/15", "2019/16", "2019/17", "2019/18"]


# --- what a second reader found the round's change read worse (tests/data/second_reading) ------

READING = Path(__file__).parent / "data" / "second_reading"


def read(name: str) -> tuple[list[tuple], list[str]]:
    result = process(READING / name)
    assert result.ok, result.error
    rows = [(d["numero"], d["pour"], d["contre"], d["resultat"]) for d in result.rows["deliberations"]]
    return rows, sorted(f["check_id"] for f in result.rows["findings"] if f["severity"] == "error")


@pytest.mark.parametrize("name, rows", [
    # "Adoptée, crédits reportés": a vote was held, no act withdrawn
    ("m04_credits_reportes.txt", [("2023-101", 27, 5, "adopte"), ("2023-102", 30, 2, "adopte"), ("2023-105", 32, 0, "adopte")]),
    # a row with no number but a vote of its own is an act, not the object's end
    ("m01_empty_num_new_act.txt", [("2023-101", 27, 5, "adopte"), (None, 32, 0, "adopte"), ("2023-105", 32, 0, "adopte")]),
    # figures inside the object ("Cession des lots 12 14 16 et 18"): the last run of figures is the vote
    ("t11_three_figs_in_object.txt", [("C2026-001", 53, 0, "adopte"), ("C2026-002", 50, 3, "adopte"), ("C2026-003", 53, 0, "adopte")]),
    # act numbers growing a digit (2026-9, 2026-10): one table
    ("t13_shape_change.txt", [("2026-8", 40, 9, "adopte"), ("2026-9", 53, 0, "adopte"), ("2026-10", 53, 0, "adopte"),
                              ("2026-11", 50, 3, "adopte")]),
])
def test_rows_of_lists_of_acts_kept(name, rows):
    assert read(name) == (rows, [])


@pytest.mark.parametrize("name", ["v01_surseoir.txt", "v04_neplus.txt", "v14_vote_after.txt"])
def test_a_decision_that_says_no_keeps_the_counts_outcome(name):
    # "décide de surseoir à statuer", "décide de ne plus verser", "La création de poste n'est donc pas retenue."
    rows, errors = read(name)
    assert [r[3] for r in rows] == ["rejete"] and errors == []


def test_a_date_pushed_back_is_no_rejection():
    # "la date limite … est repoussée au 30 juin", 10 pour, 4 contre, APPROUVE
    rows, errors = read("v19_repoussee_inline.txt")
    assert rows[0][1:] == (10, 4, "adopte") and errors == []


def test_favourable_opinions_of_an_inquiry_are_no_vote():
    # "… dont 10 favorables et 2 défavorables" (a public inquiry), then a unanimous vote
    rows, _ = read("v23_enquete_defavorables.txt")
    assert rows[0][2] in (0, None)


def test_the_mayors_decisions_listed_under_three_columns_are_no_acts():
    rows, _ = read("g01_maire_decisions.txt")
    assert [r[0] for r in rows] == ["2024-010", "2024-011"]


def test_a_proxies_label_above_the_represented_list_is_not_empty():
    result = process(READING / "s03_proxies_label_then_represented.txt")
    assert [d["pouvoirs_neant"] for d in result.rows["deliberations"]] == [None]
    assert len(result.rows["proxies"]) == 2


def test_two_givers_one_holder():
    # 877: "Représentés : MATHEVET Roger et CHAPOT Yvonne (pouvoirs à FAURE Bernard) ; POYET Luc"
    # / "(pouvoir à DUMAS Josiane)." — the planted fault: one councillor holding two proxies in 2019
    result = process(SECOND_HAND / "877.txt")
    proxies = {(p["giver"], p["holder"]) for p in result.rows["proxies"] if p["seq"] == 1}
    assert proxies == {("MATHEVET Roger", "FAURE Bernard"), ("CHAPOT Yvonne", "FAURE Bernard"), ("POYET Luc", "DUMAS Josiane")}
    assert "proxy.one_per_holder" in {f["check_id"] for f in result.rows["findings"] if f["severity"] == "error"}
