"""Phrasings and layouts of the seventeenth round (2026-12-04; texts of the second hand,
tests/data/second_hand/dev 937 and 961–1040): the chair handed over for one item, "Sous la
présidence de Mme Annick BOUILLER, 1re adjointe, M. le Maire ayant quitté la salle, le conseil
municipal examine le compte administratif 2015"."""
from __future__ import annotations

from pathlib import Path

from extractors.moves import PRESIDING, read_move
from extractors.stream import Unit
from pipeline.stages import process
from schemas import Span

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def move_of(*lines: str):
    units = [Unit(line, Span(1, k + 1), k) for k, line in enumerate(lines)]
    return read_move(units[0], 0, units[1] if len(units) > 1 else None)


def test_the_mayor_out_while_a_deputy_presides_is_out_for_that_item_only():
    move = move_of("Sous la présidence de Mme Annick BOUILLER, 1re adjointe, M. le Maire ayant quitté la",
                   "salle, le conseil municipal examine le compte administratif 2015 du budget principal,")
    assert (move.kind, move.name, move.for_vote) == ("leave", PRESIDING, True)
    # the same departure said without a stand-in holds on: nobody says he is back
    move = move_of("M. le Maire quitte la salle.")
    assert (move.kind, move.name, move.for_vote) == ("leave", PRESIDING, False)


def test_an_extract_whose_box_counts_the_mayor_out_gives_no_error():
    # 937: the first extract's box says "Présents : 16 Votants: 19" and lists the 17 of the sitting,
    # the Maire out for his compte administratif; the three next extracts say 17 and 21
    result = process(SECOND_HAND / "937.txt")
    assert [(d["numero"], d["presents"], d["votants"]) for d in result.rows["deliberations"]] == \
        [("2016-018", 16, 19), ("2016-019", 17, 21), ("2016-020", 17, 21), ("2016-021", 17, 21)]
    assert {f["severity"] for f in result.rows["findings"]} == {"notice"}
    # the deputy chairs that item only: she is no president of the sitting's other acts
    assert "Annick BOUILLER" not in {d["president"] for d in result.rows["deliberations"]}


def sitting_of(*lines: str):
    from extractors import sitting
    units = [Unit(line, Span(1, k + 1), k) for k, line in enumerate(lines)]
    return {c: f.value for c, f in sitting.read(units).facts.items()}


def test_the_one_who_convened_presides_when_the_opening_says_under_his_chair():
    # "Sur convocation de X, …, s'est réuni … sous sa présidence": "sa" is the one who convened
    facts = sitting_of("Sur convocation de Madame Hinano CARRIÈRE, Présidente de l'assemblée communautaire, en "
                       "date du 18.07.2007, le", "Conseil communautaire s'est réuni le 24.07.2007 à 10:30 au "
                       "carbet communal, sous", "sa présidence.")
    assert facts["president"] == "Hinano CARRIÈRE"


def test_an_opening_cut_after_an_article_goes_on_past_a_word_that_could_be_a_label():
    # the line under "… au siège du syndicat, sur la" opens with "convocation", a box's label elsewhere
    facts = sitting_of("Le 12 juin 2017, à 18H15, le conseil municipal de cette commune était réuni au siège du "
                       "syndicat, sur la", "convocation qui lui a été adressée le 02.06.2017 ; la séance est présidée "
                       "par Madame Aillaud Olga, Maire", "de la Ville.")
    assert (facts["president"], facts["convocation_date"].isoformat()) == ("Aillaud Olga", "2017-06-02")
    # "Monsieur le Maire, Président de droit, étant empêché": "droit" is no collectivité
    facts = sitting_of("Le huit février deux mil onze, à dix-huit heures, le Conseil d'Administration du CCAS "
                       "s'est réuni à la mairie, sur", "convocation du 1er février 2011, sous la présidence de "
                       "Madame Josiane LAGARDE,", "Vice-Présidente, Monsieur le Maire, Président de droit, étant empêché.")
    assert facts["president"] == "Josiane LAGARDE" and facts.get("collectivite") != "droit"


def test_a_secretary_label_with_who_designated_them_before_its_colon():
    assert sitting_of("Secrétaire de séance, désignée par l'assemblée : Mme Roxane GAUDRY")["secretaire"] == \
        "Roxane GAUDRY"
    assert sitting_of("Secrétaire de séance (art. L. 2121-15 CGCT) : Mariama TER-MINASSIAN")["secretaire"] == \
        "Mariama TER-MINASSIAN"
    assert sitting_of("Madame C. KEITA remplit les fonctions de secrétaire.")["secretaire"] == "C. KEITA"
