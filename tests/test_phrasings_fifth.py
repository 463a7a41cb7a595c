"""Phrasings of the fifth round (2026-12-02): a fourth hand of generator phrasings
(tests/generator/data/dev4) and second-hand texts 481–520 (tests/data/second_hand/dev), with
the older second-hand texts they showed were misread: list labels with inclusive marks and
abbreviations, count labels with a qualifier, openings said after the convener, act numbers
of eight digits or shaped like dates, counts printed for the rest of a sitting."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import members, sitting as sitting_reader
from extractors.stream import Unit, clean, unbroken
from pipeline.stages import process
from schemas.document import Span
from tests.test_phrasings import UNANIMITY, errors, sitting
from tests.test_phrasings_third import read_counts, read_list

SECOND_HAND = Path(__file__).resolve().parent / "data" / "second_hand" / "dev"


def read_sitting(*lines: str) -> dict:
    units = [Unit(clean(t), Span(1, i + 1, None, t), i) for i, t in enumerate(lines)]
    return {c: f.value for c, f in sitting_reader.read(units).facts.items()}


# --- list labels ------------------------------------------------------------------------------

@pytest.mark.parametrize("label, kind, excused", [
    ("Étai(en)t présent(s) :", "present", None),
    ("Excusé·e·s :", "absent_excused", True),
    ("Ont siégé :", "present", None),
    ("En présence de :", "present", None),
    ("Nom des membres présents :", "present", None),
    ("Abs. exc. :", "absent_excused", True),
    ("Ont présenté leurs excuses :", "absent_excused", True),
    ("Non représentés et non excusés :", "absent_unexcused", False),
    ("Abs. non exc. :", "absent_unexcused", False),
    ("Délégations de pouvoir :", "proxies", None),
    ("Pouvoirs (art. L. 2121-20 du CGCT) :", "proxies", None),
    ("Se sont fait représenter :", "proxies", None),
    ("Votaient par procuration :", "proxies", None),
])
def test_list_labels_of_a_fourth_hand(label, kind, excused):
    found = members.list_label(label + " M. Jean DUPONT, Mme Anne MARTIN")
    assert (found.kind, found.excused) == (kind, excused)
    assert (label + " M. Jean DUPONT")[found.offset:].strip() == "M. Jean DUPONT"


def test_marks_are_taken_out_of_words_keeping_offsets():
    assert members.unmarked("etai(en)t present(s) :") == "etaient   presents   :"
    assert len(members.unmarked("excuse·e·s")) == len("excuse·e·s")


# --- counts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Mbres en exercice : ......... 64 ; Mbres présents : ......... 60 ; Votes par délégation : ......... 2",
     {"membres_en_exercice": 64, "presents": 60, "pouvoirs": 2}),
    ("Présents ce jour : 17", {"presents": 17}),
    ("Votants effectifs : 19", {"votants": 19}),
    ("Pvrs : 3", {"pouvoirs": 3}),
    ("Conseillers ayant délégué leur vote : 4", {"pouvoirs": 4}),
    ("Nombre de membres de l'organe délibérant : 33", {"membres_en_exercice": 33}),
    # second hand 513: the members counted against, then the présents, in prose
    ("Sur les vingt-neuf membres de la Commission permanente, vingt-deux sont présents et cinq ont "
     "donné délégation de vote, soit vingt-sept votants.",
     {"membres_en_exercice": 29, "presents": 22, "pouvoirs": 5, "votants": 27}),
])
def test_count_labels_of_a_fourth_hand(line, expected):
    assert read_counts(line) == expected


def test_a_vote_said_with_its_verbs():
    """Second hand 513: "Vingt membres votent pour, cinq contre et deux s'abstiennent."."""
    rows = process(SECOND_HAND / "513.txt").rows["deliberations"]
    assert [(r["numero"], r["pour"], r["contre"], r["abstentions"]) for r in rows] == [
        ("24-10-3201", 27, 0, 0), ("24-10-3202", 20, 5, 2), ("24-10-3203", 26, 0, 0)]  # 3203: "à l'unanimité des vingt-six votants", the item's votants (read since the eighth round), pour derived from them
    assert {r["membres_en_exercice"] for r in rows} == {29}


# --- openings, dates and presidents -----------------------------------------------------------

def test_an_opening_said_after_its_convener():
    facts = read_sitting(
        "Sur convocation de Madame Hinano CARRIÈRE, Présidente de l'assemblée communautaire, en date du 18.07.2007, le",
        "Conseil communautaire de l'agglomération précitée s'est réuni le 24.07.2007 à 10:30 au carbet communal.")
    assert (str(facts["session_date"]), str(facts["convocation_date"])) == ("2007-07-24", "2007-07-18")
    assert facts["organe"] == "Conseil communautaire" and "collectivite" not in facts


def test_an_opening_cut_inside_a_word():
    """Second hand 075: "le Conseil munici-" / "pal, convoqué le 23 mai, s'est réuni … sous la présidence de" / "Mme Monique ROUFFIAC, Maire."."""
    assert unbroken(["le Conseil munici-", "pal, convoqué", "Jean-", "Claude"]) == "le Conseil municipal, convoqué Jean-Claude"
    rows = process(SECOND_HAND / "075.txt").rows["deliberations"]
    assert {r["president"] for r in rows} == {"Monique ROUFFIAC"}


@pytest.mark.parametrize("text, date", [
    ("L'an deux mille vingt-quatre et le quatre du mois d'avril à dix-sept heures, le Comité syndical, dûment "
     "convoqué par lettre du 26 mars 2024, s'est réuni en session ordinaire.", "2024-04-04"),
    ("Le deux août deux mille vingt, le Conseil municipal s'est réuni à la mairie.", "2020-08-02"),
])
def test_dates_in_words(text, date):
    assert str(read_sitting(text)["session_date"]) == date


@pytest.mark.parametrize("path, president", [
    ("254.txt", "CARON Jean-Michel"),  # "Présents : CARON Jean-Michel (Président), DUBOIS Annie, …"
    ("390.txt", "Philippe DUCLOS"),  # "… sur convocation adressée le 19 juin 2009 par M. Philippe DUCLOS, Maire, qui préside la séance."
])
def test_presidents_said_in_a_list_or_after_the_convener(path, president):
    rows = process(SECOND_HAND / path).rows["deliberations"]
    assert {r["president"] for r in rows} == {president}


# --- headings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path, numbers", [
    ("460.txt", [f"CP-11-07-0{n}" for n in range(1, 6)]),  # "CP-11-07-01 Formation professionnelle – … Adopté à l'unanimité."
    ("508.txt", ["17.06.031", "17.06.032", "17.06.033", "17.06.034"]),  # "DÉLIBÉRATION N° 17.06.031": no date
    ("487.txt", ["20241187", "20241188", "20241189", "20241190"]),  # a région's eight digits
])
def test_act_numbers_of_other_shapes(path, numbers):
    rows = process(SECOND_HAND / path).rows["deliberations"]
    assert [r["numero"] for r in rows][:len(numbers)] == numbers


def test_votes_of_a_flattened_relevé():
    """Second hand 460: a région's commission permanente, each item on one line with its vote,
    the heading flattened ("REGION AQUITAINE-GASCOGNE CONSEIL REGIONAL COMMISSION PERMANENTE Réunion du …")."""
    rows = process(SECOND_HAND / "460.txt").rows["deliberations"]
    assert [(r["pour"], r["contre"], r["abstentions"]) for r in rows[1:3]] == [(17, 4, 2), (19, 0, 4)]
    assert {r["collectivite"] for r in rows} == {"REGION AQUITAINE-GASCOGNE"}  # as printed


# --- results and counts for the rest of a sitting ---------------------------------------------

def test_a_decision_verb_denied_is_a_rejection():
    """Second hand 495: "par 3 voix pour, 6 voix contre et 1 abstention, n'approuve pas le projet"."""
    result = process(SECOND_HAND / "495.txt")
    assert [r["resultat"] for r in result.rows["deliberations"]] == ["rejete"]
    assert not errors(result.rows["findings"])


def test_counts_printed_for_a_second_day_hold_for_the_items_after():
    """Second hand 518: "Deuxième séance – mardi 17 décembre 2024 / … Présents : 31 – Pouvoirs : 6 –
    Votants : 37." under item 2's vote: item 3's counts, the lists still the opening's (no error)."""
    rows = process(SECOND_HAND / "518.txt").rows
    assert [(d["presents"], d["pouvoirs"]) for d in rows["deliberations"]] == [(33, 4), (33, 4), (31, 6)]
    assert not errors(rows["findings"])


# --- the fourth hand's votes, headings and boxes, in a sitting built around each ---------------

@pytest.mark.parametrize("vote, expected", [
    ("Adoptée par 9 voix contre 4, avec 1 abstention.", (9, 4, 1, "adopte")),
    ("Non adopté : 3 voix pour, 10 voix contre, 1 abstention.", (3, 10, 1, "rejete")),
    ("Sur 14 votants : 13 pour, 0 contre, 1 abst.", (13, 0, 1, "adopte")),
])
def test_votes_of_a_fourth_hand(tmp_path, vote, expected):
    rows, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                             items=[("1. Tarifs de la cantine", vote), ("2. Budget annexe", UNANIMITY)])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"], rows[0]["resultat"]) == expected
    assert not errors(findings)


def test_nobody_abstaining_from_the_vote_is_no_count_of_voters(tmp_path):
    """"Non-participants au vote : zéro" is the non-voters' count, not votants = 0 (which made
    "Pour (26) … ≠ votants (0)" an error)."""
    rows, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                             items=[("1. Tarifs", "Pour : 14 ; Contre : 0 ; Abstention : 0\nNon-participants au vote : zéro")])
    assert (rows[0]["votants"], rows[0]["non_votants"]) == (14, 0)
    assert not errors(findings)


def test_reports_numbered_in_roman_alone_on_their_line(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                      items=[("Rapport I", UNANIMITY), ("Rapport II", UNANIMITY), ("Rapport III", UNANIMITY)])
    assert [r["numero"] for r in rows] == ["I", "II", "III"]


def test_act_numbers_alone_in_a_margin(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                      items=[("2019_80\nObjet : Tarifs", "REJETÉ\nPour : 2\nContre : 12"), ("2019_81\nObjet : Budget", UNANIMITY)])
    assert [(r["numero"], r["resultat"]) for r in rows] == [("2019_80", "rejete"), ("2019_81", "adopte")]


def test_a_form_of_labels_parted_by_rules_then_its_values():
    """Labels one a line, each under a drawn rule, the values after them; a label the lexicon
    does not know ("suppléants siégeant") leaves its value unread rather than shifted."""
    assert read_counts("Nombre d’élus", "en fonctions :", "_____________", "Présents :", "_____________",
                       "Pouvoirs (procurations) :", "_____________", "19", "16", "2") == \
        {"membres_en_exercice": 19, "presents": 16, "pouvoirs": 2}
    assert read_counts("Nombre d’élus", "en fonctions :", "_____________",
                       "Nombre de suppléants siégeant :", "_____________",
                       "Pouvoirs (procurations) :", "_____________", "19", "16", "2") == \
        {"membres_en_exercice": 19, "pouvoirs": 2}
    # "cons. mun." (conseillers municipaux), known since the eighth round
    assert read_counts("Nombre d’élus", "en fonctions :", "_____________",
                       "Nombre de cons. mun. assistant à la séance :", "_____________",
                       "Pouvoirs (procurations) :", "_____________", "19", "16", "2") == \
        {"membres_en_exercice": 19, "presents": 16, "pouvoirs": 2}


def test_a_secretary_after_a_reference_to_the_code():
    facts = read_sitting("Conformément à l'article L. 2121-15 du CGCT, Madame Anne MARTIN a été désignée secrétaire de séance.")
    assert facts["secretaire"] == "Anne MARTIN"


@pytest.mark.parametrize("line, column, value", [
    ("Secr. de séance : Mme Anne MARTIN", "secretaire", "Anne MARTIN"),
    ("Secrétaire de séance ........ Mme Anne MARTIN", "secretaire", "Anne MARTIN"),
    ("Madame Anne MARTIN remplit les fonctions de secrétaire.", "secretaire", "Anne MARTIN"),
    ("L'assemblée désigne Madame Anne MARTIN comme secrétaire de séance.", "secretaire", "Anne MARTIN"),
    ("Présidence ........ M. Jean DUPONT", "president", "Jean DUPONT"),
    ("Préside : M. Jean DUPONT", "president", "Jean DUPONT"),
    ("Convoc. du 18 juillet 2007", "convocation_date", "2007-07-18"),
    ("Les membres ont été convoqués le 18 juillet 2007", "convocation_date", "2007-07-18"),
    ("Séance tenue le 24 juillet 2007", "session_date", "2007-07-24"),
    ("Le 02.05.2006 – heure d’ouverture : 20H45", "session_time", "20:45"),
])
def test_fields_of_a_fourth_hand(line, column, value):
    assert str(read_sitting(line)[column]) == value


# --- second hand 481–520, second look ---------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    # second hand 490: value first, one cell a line, in an odd order
    (["23", "votants", "4", "pouvoirs", "19", "présents", "30", "délégués en exercice"],
     {"votants": 23, "pouvoirs": 4, "presents": 19, "membres_en_exercice": 30}),
    # second hand 500: labels first, the first one unknown to the lexicon ("Délégués élus")
    (["Délégués élus", "26", "Délégués en fonction", "26", "Délégués présents", "18", "Procurations", "4", "Votants", "22"],
     {"membres_en_exercice": 26, "presents": 18, "pouvoirs": 4, "votants": 22}),
    (["Présents", "16", "Votants", "18"], {"presents": 16, "votants": 18}),
    # labels first, their values in words one a line; "Exercice :" a label of its own (eighth round)
    (["Exercice :", "Présents en personne :", "Conseiller.e.s communautaires ayant", "délégué leur vote :",
      "cinquante-deux", "cinquante et un", "un"], {"membres_en_exercice": 52, "presents": 51, "pouvoirs": 1}),
])
def test_boxes_one_cell_a_line_either_way(lines, expected):
    assert read_counts(*lines) == expected


def test_votes_by_initials_and_a_president_named_with_his_commune():
    """Second hand 483: "Vote : P : 11 / C : 2 / A : 1"; "VIDALENC Jean-Pierre (Thiézac), président ; …"."""
    rows = process(SECOND_HAND / "483.txt").rows["deliberations"]
    assert [(r["pour"], r["contre"], r["abstentions"]) for r in rows[:2]] == [(14, 0, 0), (11, 2, 1)]
    assert {r["president"] for r in rows} == {"VIDALENC Jean-Pierre"}


def test_an_act_number_with_slashes_after_its_letters():
    """Second hand 501: "Délibération n° AP/2024/061 – Budget supplémentaire 2024"."""
    rows = process(SECOND_HAND / "501.txt").rows["deliberations"]
    assert [r["numero"] for r in rows] == ["AP/2024/061", "AP/2024/062", "AP/2024/063"]


@pytest.mark.parametrize("line, expected", [
    ("Pouvoirs : M. Jean DUPONT (pvr à Mme Anne MARTIN) ; M. Paul DURAND (pvr à M. Luc PETIT)",
     [("Jean DUPONT", "Anne MARTIN"), ("Paul DURAND", "Luc PETIT")]),
    ("Pouvoirs : M. Jean DUPONT – procuration remise à Mme Anne MARTIN", [("Jean DUPONT", "Anne MARTIN")]),
    ("Pouvoirs : M. Jean DUPONT, dont le pouvoir est détenu par Mme Anne MARTIN ; M. Paul DURAND, dont le "
     "pouvoir est détenu par M. Luc PETIT", [("Jean DUPONT", "Anne MARTIN"), ("Paul DURAND", "Luc PETIT")]),
    ("Pouvoirs : M. Jean DUPONT, pour qui vote Mme Anne MARTIN ; M. Paul DURAND, pour qui vote M. Luc PETIT",
     [("Jean DUPONT", "Anne MARTIN"), ("Paul DURAND", "Luc PETIT")]),
    ("Se sont fait représenter : Aloyse OSMONT par l'intermédiaire d'Gwenola ESPOSITO", [("Aloyse OSMONT", "Gwenola ESPOSITO")]),
])
def test_proxy_phrasings_of_a_fourth_hand(line, expected):
    assert read_list(line) == expected
