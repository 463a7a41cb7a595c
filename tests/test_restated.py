"""A vote printed twice (twelfth round, 2026-12-03): a recap of the sitting's acts, a box
"Résultat du vote" under the decision, a closing sentence of the sitting; the table
`restated_votes` and the rule `votes.restated`. Planted slips of the eleventh round's second
hand (tests/data/second_hand/dev 616, 639, 665, 677) and texts written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.loaders.text_grid import unpipe
from pipeline.stages import process

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"
VOTE = ("pour", "contre", "abstentions", "unanimite")


def rows_of(path: Path) -> dict:
    result = process(path)
    assert result.ok, result.error
    return result.rows


def write(tmp_path, text: str) -> dict:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return rows_of(path)


def restated_findings(rows: dict) -> list[dict]:
    return [f for f in rows.get("findings", []) if f["check_id"] == "votes.restated"]


# --- the four planted slips of the second hand ------------------------------------------------

def test_a_recap_saying_unanimity_for_an_item_with_votes_against():
    rows = rows_of(SECOND_HAND / "616.txt")  # "N° 2013-45 … Adoptée à l'unanimité" / "Vote : 29 pour – 3 contre"
    [found] = restated_findings(rows)
    assert (found["severity"], found["seq"], found["expected"], found["actual"]) == ("error", 1, "contre 3", "unanimité")
    assert found["quote"].startswith("N° 2013-45") and found["page"] == 1
    recap = [(r["seq"], r["kind"], r["pour"], r["abstentions"], r["unanimite"]) for r in rows["restated_votes"]]
    assert recap == [(1, "recap", None, None, True), (2, "recap", None, None, True), (3, "recap", 30, 2, None)]
    # the recap is not the last item's: "Adoptée à l'unanimité" below it no longer makes 2013-47 unanimous
    assert [d["unanimite"] for d in rows["deliberations"]] == [False, True, False]


def test_a_closing_sentence_saying_every_deliberation_was_unanimous():
    rows = rows_of(SECOND_HAND / "639.txt")  # "L'ensemble des délibérations ayant été adoptées à l'unanimité"
    [found] = restated_findings(rows)
    assert (found["seq"], found["expected"], found["actual"]) == (3, "contre 3", "unanimité")
    assert found["message"] == "Vote repris dans la phrase de clôture (unanimité) ≠ vote du point (contre 3)"
    assert {r["kind"] for r in rows["restated_votes"]} == {"closing"} and len(rows["restated_votes"]) == 4


def test_a_recap_table_with_other_figures():
    rows = rows_of(SECOND_HAND / "665.txt")  # "2009-032 … 15 2 1" under "N° Objet Pour Contre Abst."
    [found] = restated_findings(rows)
    assert (found["seq"], found["expected"], found["actual"]) == (3, "contre 3, abstentions 0", "contre 2, abstentions 1")
    assert found["quote"].startswith("2009-032")


def test_a_result_box_restating_the_decision_otherwise():
    rows = rows_of(SECOND_HAND / "677.txt")
    [delib] = rows["deliberations"]  # the decision's "par 17 voix pour, 2 voix contre (…) et 1 abstention"
    assert tuple(delib[c] for c in VOTE) == (17, 2, 1, False)
    [box] = rows["restated_votes"]
    assert (box["kind"], box["pour"], box["contre"], box["abstentions"]) == ("result_box", 17, 1, 2)
    [found] = restated_findings(rows)
    assert found["message"] == ("Vote repris dans l'encadré « Résultat du vote » (contre 1, abstentions 2) "
                                "≠ vote du point (contre 2, abstentions 1)")
    assert "Pour : 17" in found["quote"]


# --- consistent restatements -------------------------------------------------------------------

MINUTES = """COMMUNE DE LAVAL-SUR-DOUBS
Séance du conseil municipal du 4 avril 2022
Le quatre avril deux mille vingt-deux, le conseil municipal, convoqué le 28 mars, s'est réuni
sous la présidence de M. Jean ROY, maire.
Membres en exercice : 11 – Présents : 9 – Pouvoirs : 1 – Votants : 10

Délibération n° 2022-14 – Compte administratif 2021
Le conseil municipal, après en avoir délibéré, approuve le compte administratif.
{first}

Délibération n° 2022-15 – Tarifs de l'eau
Le conseil municipal, après en avoir délibéré, fixe le prix du mètre cube à 1,85 €.
{second}

{after}
"""


@pytest.mark.parametrize("first, second, after", [
    # said otherwise: unanimity under the item, figures in the recap; "unanimité" with abstentions
    ("Adopté à l'unanimité.", "Adopté par 8 voix pour et 2 abstentions.",
     "RÉCAPITULATIF DES DÉLIBÉRATIONS\nN° 2022-14 Compte administratif Adoptée à l'unanimité\n"
     "N° 2022-15 Tarifs de l'eau Adoptée à l'unanimité des suffrages exprimés"),
    ("Vote : 10 pour, 0 contre, 0 abstention.", "Vote : 7 pour, 3 contre, 0 abstention.",
     "Toutes les délibérations ont été adoptées à l'unanimité, à l'exception de la 2022-15."),
    ("Vote : 10 pour, 0 contre, 0 abstention.", "Vote : 7 pour, 3 contre, 0 abstention.",
     "Les délibérations relatives au budget ont été adoptées à l'unanimité."),
    # a recap of another sitting's acts, numbered otherwise: no act of this one
    ("Adopté à l'unanimité.", "Vote : 7 pour, 3 contre, 0 abstention.",
     "RELEVÉ DES DÉLIBÉRATIONS DE LA SÉANCE PRÉCÉDENTE\nN° 2022-09 Tarifs de la cantine Adoptée à l'unanimité"),
])
def test_a_restatement_that_agrees_trips_nothing(tmp_path, first, second, after):
    rows = write(tmp_path, MINUTES.format(first=first, second=second, after=after))
    assert len(rows["deliberations"]) == 2
    assert restated_findings(rows) == []
    assert not [f for f in rows.get("findings", []) if f["severity"] == "error"]


def test_the_box_alone_is_the_items_vote(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Résultat du vote : ADOPTÉ À L'UNANIMITÉ",
                                          second="Résultat du vote\nPour : 7 Contre : 3 Abstention : 0", after=""))
    assert [tuple(d[c] for c in VOTE) for d in rows["deliberations"]] == [(10, 0, 0, True), (7, 3, 0, False)]
    assert rows.get("restated_votes", []) == []


def test_a_closing_sentence_against_an_item_voted_with_figures(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", second="Vote : 7 pour, 3 contre, 0 abstention.",
                                          after="L'ensemble des points ayant été adoptés à l'unanimité, la séance est levée à 21 h."))
    [found] = restated_findings(rows)
    assert (found["seq"], found["expected"], found["actual"], found["line"]) == (2, "contre 3", "unanimité", 15)


def test_a_recap_saying_rejected_for_an_adopted_item(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", second="Vote : 7 pour, 3 contre, 0 abstention.",
                                          after="RÉCAPITULATIF DES DÉCISIONS\n2022-14 Compte administratif : adoptée\n"
                                                "2022-15 Tarifs de l'eau : rejetée"))
    [found] = restated_findings(rows)
    assert (found["seq"], found["expected"], found["actual"]) == (2, "resultat adopte", "resultat rejete")


# --- the loader: a table drawn with pipes typed in a proportional font -------------------------

def test_pipes_not_aligned_under_a_header_without_digits():
    lines = ["N° | Objet | Pour | Contre | Abst.", "2024-011 | Budget primitif – eau | 14 | 0 | 0",
             "2024-012 | Tarifs de la cantine | 11 | 2 | 1"]
    assert [t for _, t in unpipe(enumerate(lines))] == [
        "N°\tObjet\tPour\tContre\tAbst.", "2024-011\tBudget primitif – eau\t14\t0\t0", "2024-012\tTarifs de la cantine\t11\t2\t1"]


def test_a_count_box_with_pipes_stays_lines():
    lines = ["Présents : 12 | Pouvoirs : 2 | Votants : 14", "Pour : 11 | Contre : 2 | Abstention : 1",
             "Absents : 3 | Excusés : 1 | Secrétaire : 1"]
    assert [t for _, t in unpipe(enumerate(lines))] == lines


# --- the second hand's dev 681–720 (votes stated twice): families ----------------------------

def test_a_certification_line_restating_the_decision_otherwise():
    rows = rows_of(SECOND_HAND / "697.txt")  # "par 10 voix pour, 3 voix contre et 1 abstention" / "Adoptée par 11 voix pour, 3 contre."
    found = restated_findings(rows)
    assert [(f["seq"], f["expected"], f["actual"]) for f in found] == [(2, "pour 10, abstentions 1", "pour 11, abstentions 0")]
    assert found[0]["message"].startswith("Vote repris dans la ligne de résultat sous la décision")


def test_a_certification_saying_unanimity_is_no_unanimity_of_the_item():
    rows = rows_of(SECOND_HAND / "702.txt")  # "par 9 voix pour et 1 voix contre" / "Délibération adoptée à l'unanimité."
    [delib] = rows["deliberations"]
    assert tuple(delib[c] for c in VOTE) == (9, 1, None, False)
    assert [(f["expected"], f["actual"]) for f in restated_findings(rows)] == [("contre 1", "unanimité")]


def test_a_recap_one_cell_a_line_across_a_running_header():
    rows = rows_of(SECOND_HAND / "699.txt")  # "N°" / "Objet" / "Pour" / "Contre" / "Abst." / "2018-60" / …
    recap = [(r["seq"], r["pour"], r["contre"], r["abstentions"]) for r in rows["restated_votes"]]
    assert recap == [(1, 17, 0, 0), (2, 10, 4, 3), (3, 12, 2, 2), (4, 17, 0, 0), (5, 17, 0, 0)]
    assert [(f["seq"], f["actual"]) for f in restated_findings(rows)] == [(3, "abstentions 2")]


def test_a_closing_sentence_naming_the_wrong_exception():
    rows = rows_of(SECOND_HAND / "710.txt")  # "… à l'unanimité, à l'exception de la n° 2021-33." (2021-34 was divided)
    found = {(f["seq"], f["expected"], f["actual"]) for f in restated_findings(rows)}
    assert found == {(4, "unanimité", "non unanime"), (5, "contre 4", "unanimité")}


def test_an_exception_named_right_trips_nothing():
    rows = rows_of(SECOND_HAND / "695.txt")  # "à l'exception de la n° 2015-25 (14 voix pour, 4 voix contre)"
    assert restated_findings(rows) == []
    assert tuple(rows["deliberations"][-1][c] for c in VOTE) == (18, 0, 0, True)  # the sentence is not 2015-27's vote


def test_a_recap_leaving_out_a_side_each():
    rows = rows_of(SECOND_HAND / "713.txt")  # "par 12 voix pour et 2 voix contre" / "Adoptée (12 pour, 2 abst.)"
    assert [(f["seq"], f["expected"], f["actual"]) for f in restated_findings(rows)] == [(4, "contre 2, abstentions 0", "contre 0, abstentions 2")]
    assert len(rows["deliberations"]) == 5  # "… participation communale 9 870 €. Unanimité." is an item's vote


@pytest.mark.parametrize("name, votes", [
    # an amendment rejected before the vote on the whole
    ("687.txt", [(22, 6, None, False), (28, 0, 0, True), (25, None, 3, False), (28, 0, 0, True)]),
    # a budget voted by section, a regulation article by article, then as a whole
    ("698.txt", [(17, 0, 0, True), (15, 3, None, False), (16, None, 2, False), (18, 0, 0, True)]),
])
def test_a_vote_on_part_of_the_item_is_not_its_vote(name, votes):
    rows = rows_of(SECOND_HAND / name)
    assert [tuple(d[c] for c in VOTE) for d in rows["deliberations"]] == votes
    assert not [f for f in rows["findings"] if f["severity"] == "error"]


def test_a_recitals_wrapped_line_holds_no_vote_of_the_item():
    rows = rows_of(SECOND_HAND / "718.txt")  # "Vu la délibération n° CS-2025-006 … de la" / "redevance spéciale, adoptée par 17 voix pour et 3 abstentions,"
    [delib] = rows["deliberations"]
    assert (delib["abstentions"], delib["unanimite"]) == (0, True)
    assert restated_findings(rows) == []


def test_a_table_column_of_results_is_no_second_column_of_prose():
    from pipeline.loaders.text_columns import split_columns
    lines = ["N°   Objet                                             Décision",
             "1    Tarifs du restaurant scolaire 2012-2013           Adoptée à l'unanimité",
             "2    Salle des sports – avenant n° 1 lot 3             Adoptée à l'unanimité",
             "3    Éclairage public – programme 2012                 Adoptée à l'unanimité",
             "4    Vente d'un délaissé – Pont-Guen                   Adoptée (12 pour, 2 abst.)"]
    assert [i for i, _ in split_columns(lines)] == [0, 1, 2, 3, 4]


# --- a reviewer's texts: consistent documents the first version gave an error -----------------

@pytest.mark.parametrize("after", [
    "Questions diverses : le Maire indique que les délibérations du conseil communautaire ont toutes été adoptées à l'unanimité.",
    "M. X regrette que les projets de délibérations ne soient plus adoptés à l'unanimité comme autrefois.",
    "Il rappelle que toutes les délibérations de la séance de février avaient été votées à l'unanimité.",
    # another sitting's recap, dated, under the approval of its minutes; a bureau's relevé
    "RÉCAPITULATIF DES DÉLIBÉRATIONS DE LA SÉANCE DU 14 MARS 2022\nN° 2022-15 Tarifs de l'eau Adoptée à l'unanimité",
    "RELEVÉ DES DÉCISIONS DU BUREAU\nN° B-2022-15 Tarifs de la piscine Adoptée à l'unanimité",
])
def test_a_vote_said_of_something_else_is_no_restatement(tmp_path, after):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", second="Vote : 7 pour, 3 contre, 0 abstention.",
                                          after=after))
    assert restated_findings(rows) == [] and rows.get("restated_votes", []) == []


def test_a_closing_sentence_speaks_for_its_own_sitting_only(tmp_path):
    first = MINUTES.format(first="Adopté à l'unanimité.", second="Vote : 7 pour, 3 contre, 0 abstention.",
                           after="La séance est levée à 21 h 50.")
    second = first.replace("4 avril", "9 mai").replace("2022-14", "2022-21").replace("2022-15", "2022-22") \
        .replace("Vote : 7 pour, 3 contre, 0 abstention.", "Adopté à l'unanimité.") \
        .replace("La séance est levée à 21 h 50.", "L'ensemble des délibérations ayant été adoptées à l'unanimité, la séance est levée.")
    rows = write(tmp_path, first + "\n" + second)
    assert [r["seq"] for r in rows["restated_votes"]] == [3, 4] and restated_findings(rows) == []


def test_a_vote_box_under_an_extract_is_its_vote_not_a_recap(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", second="Le conseil approuve.\nRELEVÉ DES VOTES\n"
                                          "Pour 7 – Contre 2 – Abstention 1", after=""))
    assert tuple(rows["deliberations"][1][c] for c in ("contre", "abstentions")) == (2, 1)
    assert rows.get("restated_votes", []) == []


def test_a_recap_of_acts_already_written_gives_no_second_row(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", second="Vote : 7 pour, 3 contre, 0 abstention.",
                                          after="SYNTHÈSE DES VOTES\n2022-14 Compte administratif – unanimité\n"
                                                "2022-15 Tarifs de l'eau – adoptée (7 pour, 2 contre, 1 abstention)"))
    assert [d["numero"] for d in rows["deliberations"]] == ["2022-14", "2022-15"]
    assert [(f["seq"], f["actual"]) for f in restated_findings(rows)] == [(2, "contre 2, abstentions 1")]


def test_a_recital_wraps_onto_no_line_where_the_council_decides(tmp_path):
    rows = write(tmp_path, MINUTES.format(first="Adopté à l'unanimité.", after="", second=(
        "Considérant l'avis du conseil d'école\ndu 12 février 2022, le conseil municipal, après en avoir délibéré, par 8 voix pour et\n"
        "2 abstentions, fixe les tarifs.")))
    assert tuple(rows["deliberations"][1][c] for c in ("pour", "contre", "abstentions")) == (8, None, 2)


def test_a_dispositifs_article_is_the_decision_not_a_vote_on_part():
    from extractors.votes import PART
    assert not PART.search("article 1 : approuve, par 14 voix pour et 1 abstention, le reglement")
    assert PART.search("article 12 (duree des concessions) : adopte par 14 voix pour et")
