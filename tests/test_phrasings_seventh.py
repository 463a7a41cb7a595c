"""Phrasings of the seventh round (2026-12-03), found on the fourth hand's generator phrasings
beyond the 200 documents scored (tests/generator/data/dev4, seeds 4,000,200–4,000,699), each a
false error on a consistent document: a list label before a count of nobody under a list of
proxies, labels and values across a spaced hyphen, a move framed by dashes with its counts,
leaders that reached a page number on the line below, a gloss in brackets before a box's bar."""
from __future__ import annotations

import datetime as dt

import pytest

from extractors import members, moves, votes
from extractors.stream import Unit
from tests.test_phrasings import UNANIMITY, errors, sitting
from tests.test_phrasings_fifth import read_sitting
from tests.test_phrasings_third import clean, read_counts, read_list


def test_a_count_of_nobody_ends_a_list_of_proxies():
    """"Excusé·e·s : Aucun" reads as a count of nobody, not a list, yet it is no name: the
    holder above keeps her first name ("JOSEPH-ANGÉLIQUE, Hinano") and nobody holds "Aucun"."""
    assert read_list("Représentations :",
                     "Mme BAUER, Éléonore – procuration remise à Mme JOSEPH-ANGÉLIQUE, Hinano",
                     "Excusé·e·s : Aucun") == [("BAUER, Éléonore", "JOSEPH-ANGÉLIQUE, Hinano")]


def test_labels_and_values_across_a_spaced_hyphen():
    """"Mbres présents - 7": before, the labels took the numbers of the lines above (présents 11,
    pouvoirs 7, votants 1: a false votes.breakdown on every item)."""
    assert read_counts("Nombre de membres de l’organe délibérant - 11", "Mbres présents - 7",
                       "Élus du conseil ayant délégué leur vote - 1", "Élus du conseil votant(e)s - 8") == \
        {"membres_en_exercice": 11, "presents": 7, "pouvoirs": 1, "votants": 8}
    assert read_counts("19 pour - 2 contre - 1 abstention").get("pour") != 2  # value first: no label takes the next


def test_a_gloss_in_brackets_before_a_bar_is_no_open_bracket():
    """"… en exercice (effectif) | 41": the bracket is closed, so the next line's box starts with its
    label, not with 41 (which made "Sont présents | 38" a value-first line and shifted the box)."""
    assert read_counts("Membres de l’organe délibérant en exercice (effectif) | 41", "Sont présents | 38",
                       "Nbre de procurations | 3", "Nb votants | 41") == \
        {"membres_en_exercice": 41, "presents": 38, "pouvoirs": 3, "votants": 41}


def test_a_move_framed_by_dashes():
    move = moves.read_move(Unit(clean("— 19 h 20 : départ de M. Brieuc SOW (32 votants dont 31 présents) —"), None, 0), 0)
    assert (move.kind, move.name) == ("leave", "Brieuc SOW")


def test_the_counts_of_a_framed_move_hold_for_the_items_after_it(tmp_path):
    rows, findings = sitting(tmp_path, "Présents : 31 – Pouvoirs : 2 – Votants : 33",
                             items=[("1. Tarifs de la cantine", "Pour : 33 – soit l'unanimité"),
                                    ("— 19 h 20 : départ de M. Brieuc SOW (32 votants dont 30 présents) —\n"
                                     "2. Budget annexe", "Vote : Pour 32 • Contre 0 • Abstention 0")])
    assert [(r["presents"], r["votants"]) for r in rows] == [(31, 33), (30, 32)]
    assert "votes.breakdown" not in errors(findings)


def test_leaders_stop_at_the_end_of_their_line(tmp_path):
    """"1 ABSTENTION(S)" over a page number printed "...4...": the abstentions are 1, not 4."""
    rows, findings = sitting(tmp_path, "Présents : 19 – Votants : 19",
                             items=[("1. Tarifs de la cantine", "14 POUR – 4 CONTRE – 1 ABSTENTION(S)\n...4...")])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"]) == (14, 4, 1)
    assert "votes.breakdown" not in errors(findings)
    rows, findings = sitting(tmp_path, "Présents : 19 – Votants : 19",
                             items=[("1. Tarifs de la cantine", "14 POUR – 4 CONTRE – 2 ABSTENTION(S)")])
    assert "votes.breakdown" in errors(findings)  # 20 ≠ 19: the same layout still trips the check


@pytest.mark.parametrize("convened", ["après convocation légale du Jeudi 14 Novembre 2019",
                                      "sur convocation adressée aux membres le 14 novembre 2019",
                                      "sur convocation régulière en date du 14 novembre 2019"])
def test_a_qualified_convocation_in_the_opening_is_not_the_sitting(convened):
    """"L'an deux mille dix-neuf, le vingt novembre, … après convocation légale du Jeudi 14
    Novembre 2019": the year comes before the day, so the convocation's was the first whole date
    (a false dates.convocation_before_session: 14 November against 14 November)."""
    facts = read_sitting("L'an deux mille dix-neuf, le vingt novembre, le conseil municipal de la Ville "
                         f"d'Yvrandes a siégé dans ses locaux habituels {convened}.")
    assert (facts["session_date"], facts["convocation_date"]) == (dt.date(2019, 11, 20), dt.date(2019, 11, 14))


def test_a_non_voter_listed_under_a_vote_table(tmp_path):
    """"Votants | Pour | …" / "52 51 0 0" / "Non-votant : Mme X – soit 1 membre": the row's last
    "0" was read with the next line's label as "0 non-votant"; the line names one non-voter."""
    table = "Votants\tPour\tContre\tAbstentions\n12\t11\t0\t0\nNon-votant : Mme Mathilde BURNIER – soit 1 membre"
    rows, findings = sitting(tmp_path, "Présents : 12 – Votants : 12", items=[("1. Tarifs de la cantine", table)])
    assert (rows[0]["pour"], rows[0]["non_votants"]) == (11, 1)
    assert "votes.breakdown" not in errors(findings)


@pytest.mark.parametrize("sentence, name", [
    ("Le quorum restant atteint après le départ de M. Tristan SANTUCCI (l’assemblée compte désormais "
     "20 présents et 21 votants), la séance se poursuit.", "Tristan SANTUCCI"),
    ("Suite au départ de Mme Anne DURAND (11 présents, 13 votants), la séance continue.", "Anne DURAND"),
])
def test_a_departure_said_inside_a_sentence(sentence, name):
    move = moves.read_move(Unit(clean(sentence), None, 0), 0)
    assert (move.kind, move.name) == ("leave", name)


def test_a_departure_from_the_council_is_no_move():
    """"Désignation d'un délégué suite au départ de M. X": a member who left the council, not the
    room; a departure inside a sentence is a move only with the counts it leaves in brackets."""
    for sentence in ("Désignation d'un délégué suite au départ de M. Paul MARTIN (démission).",
                     "Suite au départ de Mme Anne DURAND, il convient de la remplacer à la commission."):
        assert moves.read_move(Unit(clean(sentence), None, 0), 0) is None


def test_a_value_first_box_across_lines_keeps_its_dashes():
    """"… (trente-trois membres en" / "exercice – trente-deux présents – zéro procurations – …":
    "exercice – 32" is no label and its value; only a dash before a number ending the line is."""
    assert read_counts("Après avoir constaté que le quorum était atteint (trente-trois membres en",
                       "exercice – trente-deux présents – zéro procurations – trente-deux membres",
                       "votants), Madame la Présidente ouvre la séance.") == \
        {"membres_en_exercice": 33, "presents": 32, "pouvoirs": 0, "votants": 32}


def test_the_year_first_opening_is_the_first_date():
    """"L'an deux mille quatorze, le vingt-huit mars …, élu lors du scrutin du 23 mars 2014, sur
    convocation adressée le 24 mars 2014": the sitting is on the 28th (the 23rd made the
    convocation look later than the sitting)."""
    facts = read_sitting("L'an deux mille quatorze, le vingt-huit mars à vingt heures trente, s'est réuni le "
                         "Conseil municipal de la commune de Sainte-Radegonde-des-Marais, élu lors du scrutin du "
                         "23 mars 2014, sur convocation adressée le 24 mars 2014 par le Maire sortant.")
    assert (facts["session_date"], facts["convocation_date"]) == (dt.date(2014, 3, 28), dt.date(2014, 3, 24))


def test_proxies_interleaved_with_a_box_of_counts_in_words():
    """A list of proxies whose lines alternate with a box ("Absents excusés avec pouvoir ………
    cinq", "Effectif des élus du conseil en exercice : …"): every proxy read, every count too."""
    lines = ["Excusés (pouvoir) :", "É. HERZOG => C. MIGUET",
             " Effectif des élus du conseil en exercice : ......... vingt-sept (27)", "É. POLI => A. ARAMBURU",
             " Nombre de présents à l'appel ……… dix-neuf", "A. CHAOUI => K. LALANNE",
             " Absents excusés avec pouvoir ……… cinq", "N. AHAMADA => Mme M. SÉGUY",
             " Nombre de voix ……… vingt-quatre", "J. DAUPHIN => L.-M. LECANU"]
    assert [giver for giver, _ in read_list(*lines)] == ["É. HERZOG", "É. POLI", "A. CHAOUI", "N. AHAMADA", "J. DAUPHIN"]
    assert read_counts(*lines[2::2]) == {"membres_en_exercice": 27, "presents": 19, "pouvoirs": 5, "votants": 24}


def test_a_list_with_white_bullets_and_a_bracket_across_lines():
    """"◦" between names as "•" is; "Monsieur VIBERT (Maire," / "présidence de séance) ◦ …": the
    bracket goes on below, and "présidence de séance" there is no field label ending the list."""
    names = read_list("En présence de : Monsieur PERETTI ◦ Monsieur POLI ◦ Monsieur VIBERT (Maire,",
                      "présidence de séance) ◦ Monsieur ARAMBURU ◦ Madame VANDAMME ◦ Monsieur",
                      "DUFOSSÉ ◦ Madame RODRIGUES",
                      "Avaient fait connaître leur empêchement : Madame MIRANDE")
    assert [n for n, _ in names] == ["PERETTI", "POLI", "VIBERT", "ARAMBURU", "VANDAMME", "DUFOSSÉ", "RODRIGUES"]


def test_a_box_of_labels_with_glosses_then_values():
    """Labels one a line, each with a gloss in brackets ("Présents (P) :"), one cut ("Nombre de" /
    "voix :"), inclusive endings ("conseiller.e.s municipaux.ales"), then the values in words:
    read as a block (before, "voix :" took the first value, 11, and the rest was lost)."""
    assert read_counts("Nombre total de conseiller.e.s municipaux.ales en exercice :", "Présents (P) :",
                       "Pouvoirs (procurations) :", "Nombre de", "voix :",
                       "onze (11)", "huit (8)", "un (1)", "neuf (9)") == \
        {"membres_en_exercice": 11, "presents": 8, "pouvoirs": 1, "votants": 9}


def test_members_with_two_qualifiers():
    assert read_counts("Nbre de conseillers communautaires titulaires en fonctions | Nombre de présents à l'appel"
                       " | Votants (P + R)", "41 | 40 | 40") == {"membres_en_exercice": 41, "presents": 40, "votants": 40}


def test_a_member_who_must_leave():
    move = moves.read_move(Unit(clean("M. Yann AÏT-ALI doit quitter la séance à 18 h 05 en raison d'un autre "
                                      "engagement (présents = 39, votants = 39)."), None, 0), 0)
    assert (move.kind, move.name) == ("leave", "Yann AÏT-ALI")


def test_a_vote_side_takes_a_whole_number():
    """"Pour : 15" / "Contre : néant": "5 contre" was read inside "15 contre" (contre 5, a false
    votes.breakdown); "néant" after a vote side's label is none, 0 (since the thirty-fourth round: three
    hands label it so; it was left unread before)."""
    vote = votes.read([Unit(clean(t), None, i) for i, t in enumerate(["Pour : 15", "Contre : néant", "Abstentions : 2"])])
    assert {c: f.value for c, f in vote.facts.items() if c in ("pour", "contre", "abstentions")} == \
        {"pour": 15, "contre": 0, "abstentions": 2}


def test_a_rule_about_leaving_is_no_move():
    """"Tout élu intéressé doit quitter la salle": the law recalled, nobody leaving (a move only
    with its hour: "doit quitter la séance à 18 h 05")."""
    assert moves.read_move(Unit(clean("Monsieur le Maire rappelle que tout élu intéressé doit quitter la salle "
                                      "pendant le débat."), None, 0), 0) is None


def test_members_marked_excused_under_the_last_present():
    """"Conceição TAPUTU" / "Irène HUSSER [excusée]" / "Joseph NGO [excusé]", no label between:
    those marked are absent and excused, not présents (a false attendance.present_count once the
    members in office were read); the dash ending each line is no part of a name."""
    names = read_list("Présents : Lydie BROUDIC –", "Fabian DARRICAU –", "Conceição TAPUTU",
                      "Irène HUSSER [excusée]", "Joseph NGO [excusé]", "Secr. de séance : Mai SAINT-PRIX")
    assert [n for n, _ in names] == ["Lydie BROUDIC", "Fabian DARRICAU", "Conceição TAPUTU", "Irène HUSSER", "Joseph NGO"]
    lines = ["Présents : Conceição TAPUTU", "Irène HUSSER [excusée]", "Joachim CHASSAING / absent"]
    units = [Unit(clean(t), None, i) for i, t in enumerate(lines)]
    found, _ = members.read_list(units, 0, members.list_label(units[0].text))
    assert [(m.name, m.status, m.excused) for m in found] == \
        [("Conceição TAPUTU", "present", None), ("Irène HUSSER", "absent", True), ("Joachim CHASSAING", "absent", None)]


def test_a_box_of_labels_cut_across_lines_then_values():
    """"Nombre de membres de l'organe délibérant :" / "Présents en" / "salle :" / "Absents excusés" /
    "avec pouvoir :" then three values: the first label ends its line with a colon, its value below
    in the block (before, the box was read one value off: pouvoirs 14, a false proxy_count)."""
    assert read_counts("Nombre de membres de l'organe délibérant :", "Présents en", "salle :", "Absents excusés",
                       "avec pouvoir :", "vingt et un (21)", "quatorze (14)", "trois (3)") == \
        {"membres_en_exercice": 21, "presents": 14, "pouvoirs": 3}


def test_a_recount_said_value_first_under_a_vote(tmp_path):
    """"l'assemblée compte désormais 26 présents et 26 votants (Madame X ayant quitté …)" under an
    item's vote holds for the items after it; numbers before labels in an item that do not say
    "now" are still no counts ("le procès-verbal de la séance du 9 décembre (11 présents, …)")."""
    rows, findings = sitting(tmp_path, "Présents : 27 – Votants : 27",
                             items=[("1. Tarifs de la cantine", "Pour : 27 – soit l'unanimité\nÀ partir de ce point : "
                                     "l'assemblée compte désormais 26 présents et 26 votants (Madame Gabrielle SUSINI "
                                     "ayant\nquitté la séance à 23 h 05)."),
                                    ("2. Budget annexe", "Vote : Pour 26 • Contre 0 • Abstention 0")])
    assert [(r["presents"], r["votants"]) for r in rows] == [(27, 27), (26, 26)]
    assert "votes.breakdown" not in errors(findings)


def test_an_earlier_sittings_counts_in_an_item_are_no_recount(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                      items=[("1. Procès-verbal", "Le procès-verbal de la séance du 9 décembre 2025 (11 présents, 3 "
                                                  "pouvoirs, 14 votants) est approuvé.\nAdopté à l'unanimité."),
                             ("2. Budget annexe", UNANIMITY)])
    assert [(r["presents"], r["pouvoirs"], r["votants"]) for r in rows] == [(12, 2, 14), (12, 2, 14)]
