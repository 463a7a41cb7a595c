"""Phrasings and layouts of the eighteenth round (2026-12-04; texts of the second hand,
tests/data/second_hand/dev 001–1040 read again, and 1041–1120): who presides said on a
convocation's line, by who opens the sitting or by who convened it ("sur la convocation qui
lui a été adressée le 20 juin 2024 par Madame Murielle BELLANCE, Maire"); bodies named beside a
stamp or over their flattened title; ranks "A1." under parts "A. ADMINISTRATION GÉNÉRALE"; act
numbers "DEL-24-0612", "DCM 23/031", "DEL2025-061" alone under their rank; "► Délibération n° …";
votes naming groups before their number ("Pour : GEC, SA, ES (42)")."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import sitting, votes
from extractors.stream import Unit
from pipeline.loaders.ocr_text import repair
from pipeline.stages import process
from schemas import Span
from tests.rows import VOTE, columns_of

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def sitting_of(*lines: str) -> dict:
    units = [Unit(line, Span(1, k + 1), k) for k, line in enumerate(lines)]
    return {c: f.value for c, f in sitting.read(units).facts.items()}


def vote_of(line: str) -> dict:
    return {c: f.value for c, f in votes.read([Unit(line, Span(1, 1), 0)]).facts.items() if c != "resultat"}


# --- who presides -------------------------------------------------------------------------

def test_a_chair_said_on_the_convocations_line_is_read():
    # 720: "Convocation du 9 avril 2014 – Séance présidée par M. Patrice VERNEREY, Maire"
    facts = sitting_of("Séance du mardi 15 avril 2014",
                       "Convocation du 9 avril 2014 – Séance présidée par M. Patrice VERNEREY, Maire")
    assert (facts["president"], facts["convocation_date"].isoformat()) == ("Patrice VERNEREY", "2014-04-09")


def test_a_chairs_name_cut_by_the_line_break_is_read_whole():
    # 695: "… sous la présidence de M. Peio" / "ETCHEVERRY, Maire."
    facts = sitting_of("Convocation du 2 avril 2015. Séance ouverte à 19 h 00 sous la présidence de M. Peio",
                       "ETCHEVERRY, Maire.")
    assert facts["president"] == "Peio ETCHEVERRY"
    # 074: a count box's line printed between the two halves is no part of the name
    facts = sitting_of("à la mairie sous la présidence de M. Jean-Paul", "Votants : 13", "DUFFOURC, maire.")
    assert facts["president"] == "Jean-Paul"


def test_who_opens_the_sitting_presides():
    # 848, 1010: the name before or after the role, then "ouvre la séance"
    assert sitting_of("Le Président, M. Pierre GUIN, ouvre la séance à 18h05, constate que le quorum est "
                      "atteint.")["president"] == "Pierre GUIN"
    assert sitting_of("M. BOUSSEAU, Président, ouvre la séance à 9h40 et constate que le quorum est "
                      "atteint.")["president"] == "BOUSSEAU"
    # "M. le Maire ouvre la séance" names nobody
    assert "president" not in sitting_of("M. le Maire ouvre la séance et procède à l'appel nominal.")


def test_who_convened_presides_when_nothing_else_says_who_does():
    # 738 (Le Lamentin): the maire convened; no sentence, field or list names the chair
    opening = ("L'an deux mille vingt-quatre et le vingt-sept juin à dix-sept heures trente, le Conseil",
               "municipal de la Ville du Lamentin s'est réuni à l'Hôtel de Ville, salle Aimé CÉSAIRE, sur la",
               "convocation qui lui a été adressée le 20 juin 2024 par Madame Murielle BELLANCE, Maire,",
               "conformément aux articles L.2121-10 à L.2121-12 du CGCT.")
    assert sitting_of(*opening)["president"] == "Murielle BELLANCE"
    # a chair said otherwise wins over who convened
    assert sitting_of(*opening, "Présidence de séance : M. Jean-Claude JEANNE-ROSE")["president"] == \
        "Jean-Claude JEANNE-ROSE"
    # the outgoing maire convenes the sitting that elects the next one: not its chair
    assert "president" not in sitting_of("Le conseil municipal, convoqué le 2 mars 2026 par M. Gérard MOTTAIS, "
                                         "maire sortant, s'est réuni le 8 mars 2026.")


def test_a_registers_chair_said_under_the_first_act_number_holds_for_every_act():
    # 704: "Délibération n° CC-2019-088" / counts / "Président de séance : M. Philippe GIRAUDON"
    result = process(SECOND_HAND / "704.txt")
    assert [d["president"] for d in result.rows["deliberations"]] == ["Philippe GIRAUDON"] * 4


def test_a_list_label_with_a_long_gloss_in_brackets_opens_the_list():
    # 950: the president named in it ("M. Dominique LÉVÊQUE, Président – …")
    result = process(SECOND_HAND / "950.txt")
    assert {d["president"] for d in result.rows["deliberations"]} == {"Dominique LÉVÊQUE"}


# --- the body ---------------------------------------------------------------------------

def test_a_body_named_beside_a_stamp_or_over_its_flattened_title():
    # (the loader gives a line's wide gaps as one space)
    assert sitting_of("Ville de Rezé Mis en ligne le 05/07/2023")["collectivite"] == "Rezé"
    assert sitting_of("COMMUNE DE SAINT-MAXIMIN-LA-BREDA (Isère) PROCES-VERBAL DU CONSEIL MUNICIPAL Séance du "
                      "jeudi 14 décembre 2017")["collectivite"] == "SAINT-MAXIMIN-LA-BREDA"
    assert sitting_of("Communauté d'Agglomération", "VAL DE MORLÈNE Affiché le 16/12/2022")["collectivite"] == \
        "Communauté d'Agglomération VAL DE MORLÈNE"
    assert {c for c, in columns_of(SECOND_HAND / "812.txt", "collectivite")} == {"Rezé"}


def test_a_bodys_name_with_a_slash_or_a_dash():
    assert sitting_of("RÉGION OCCITANIE / PYRÉNÉES-MÉDITERRANÉE")["collectivite"] == \
        "RÉGION OCCITANIE / PYRÉNÉES-MÉDITERRANÉE"
    # what follows a dash is left out, a pays or a département as often as the organ ("– Côtes d'Armor", 427)
    assert sitting_of("COMMUNAUTÉ DE COMMUNES DE L'ÎLE-ROUSSE – BALAGNE")["collectivite"] == \
        "COMMUNAUTÉ DE COMMUNES DE L'ÎLE-ROUSSE"
    # not "COLLECTIVITÉ TERRITORIALE DE GUYANE – COMMUNE DE SAÜL" (960): the commune's papers name it after
    assert "collectivite" not in sitting_of("COLLECTIVITÉ TERRITORIALE DE GUYANE – COMMUNE DE SAÜL")
    facts = sitting_of("Région Grand Est – Commission permanente du 8 juillet 2022          Page 1 sur 2")
    assert (facts["collectivite"], facts["organe"]) == ("Région Grand Est", "Commission permanente")


def test_a_running_headers_short_name_gives_way_to_the_name_spelt_out():
    # 568, 810: "CC des Coteaux du Lizon – Conseil communautaire du 22 février 2024 – PV – 1/3" above
    result = process(SECOND_HAND / "568.txt")
    assert {d["collectivite"] for d in result.rows["deliberations"]} == {"COMMUNAUTÉ DE COMMUNES DES COTEAUX DU LIZON"}
    assert sitting_of("CCAS de Montbéliard – Conseil d'administration du 15 décembre 2020", "",
                      "CENTRE COMMUNAL D'ACTION SOCIALE DE MONTBÉLIARD")["collectivite"] == \
        "CENTRE COMMUNAL D'ACTION SOCIALE DE MONTBÉLIARD"


def test_a_months_name_misread_by_ocr_between_a_day_and_a_year():
    assert repair("DU JEUDI 31 MAl 2007") == "DU JEUDI 31 MAI 2007"
    assert repair("le 12 fevrler 2019") == "le 12 février 2019"
    assert repair("lot 12 bis 2020") == "lot 12 bis 2020"  # two letters off: no month
    assert process(SECOND_HAND / "705.txt").rows["deliberations"][0]["session_date"].isoformat() == "2007-05-31"


# --- items ------------------------------------------------------------------------------

def test_a_list_of_acts_numbered_with_a_two_digit_year():
    # 1120 (Toulouse Métropole): "DEL-24-0612   Approbation du procès-verbal …" / "ADOPTÉE – Pour : 125 – …"
    assert columns_of(SECOND_HAND / "1120.txt", *VOTE) == [
        ("DEL-24-0612", 125, 0, 0, None), ("DEL-24-0613", 101, 18, 6, False), ("DEL-24-0614", 95, 18, 6, False),
        ("DEL-24-0615", 107, None, 18, False), ("DEL-24-0616", 80, 27, 18, False), ("DEL-24-0617", 24, 92, 9, False)]
    # 1117: "DCM 23/031 – Approbation du procès-verbal …"
    assert [n for n, *_ in columns_of(SECOND_HAND / "1117.txt", "numero")] == \
        ["DCM 23/031", "DCM 23/032", "DCM 23/033", "DCM 23/034"]


def test_ranks_a1_b1_under_lettered_parts():
    # 1100: "A. ADMINISTRATION GÉNÉRALE" / "  A1. Approbation du procès-verbal …" / "  B1. …"; D1, D2 are
    # information only
    assert columns_of(SECOND_HAND / "1100.txt", "numero", "contre", "abstentions") == [
        ("A1", 0, 0), ("A2", 0, 0), ("B1", 2, None), ("B2", 0, 0), ("C1", 3, 4)]


def test_an_item_taken_note_of_without_a_vote_is_no_deliberation():
    # 1102: "Point 2 - Rapport d'activite 2018 …" / "Le Conseil prend acte de sa communi-" / "cation (pas de vote)."
    numbers = [n for n, *_ in columns_of(SECOND_HAND / "1102.txt", "numero")]
    assert numbers[:3] == ["78/2019", "79/2019", "80/2019"] and "2" not in numbers


def test_act_numbers_under_their_rank_alone_or_before_the_rapporteur():
    # 1059 (Pertuis): "AFFAIRE N° 1 – Approbation …" / "DEL2025-061"; "AFFAIRE N° 2 – …" / "DEL2025-062 –
    # Rapporteure : Catherine BONNEAU": the rank's title, the act's number
    rows = columns_of(SECOND_HAND / "1059.txt", "numero", "objet")
    assert [n for n, _ in rows] == [f"DEL2025-0{k}" for k in range(61, 71)]
    assert rows[1][1].startswith("Approbation du compte financier unique 2024") and \
        not any(t.startswith("Rapporteur") for _, t in rows)


def test_acts_set_after_a_bullet_glyph():
    # 1075 (Houilles): "► Délibération n° 2013-028 – Approbation …"; 2013-033 adopted with 5 for, 30 against
    result = process(SECOND_HAND / "1075.txt")
    assert [d["numero"] for d in result.rows["deliberations"]] == [f"2013-0{k}" for k in range(28, 35)]
    assert any(f["check_id"] == "votes.result_consistent" and f["severity"] == "error" for f in result.rows["findings"])


def test_a_vote_side_naming_its_voters_before_their_number():
    assert vote_of("Pour : GEC, SA, ES (42) – Contre : UVPT (11) – Abst. : GL (3)") == \
        {"pour": 42, "contre": 11, "abstentions": 3}
    assert vote_of("Contre : M. DUPONT (groupe X)") == {}  # a bracket that holds no number counts nobody
    # 1073 (Grenoble): the same in a table's cell
    assert columns_of(SECOND_HAND / "1073.txt", "pour", "contre", "abstentions")[1] == (42, 11, 3)


# --- attendance and dates ------------------------------------------------------------------

def test_deputies_sitting_with_a_vote_are_counted_among_the_present():
    # 1112: "Présents : 22 titulaires et 3 suppléants ayant voix délibérative" / "Pouvoirs : 3" / "Votants : 28"
    result = process(SECOND_HAND / "1112.txt")
    assert {(d["presents"], d["pouvoirs"], d["votants"]) for d in result.rows["deliberations"]} == {(25, 3, 28)}
    assert "error" not in {f["severity"] for f in result.rows["findings"]}


def test_two_proxies_said_in_two_clauses_across_a_line_break():
    # 1087 (Chevrotaine, 9 February 2021, when a member could hold two): "Mme Anne-Sophie MOUREY a donné
    # pouvoir à M. Henri VUILLERMOZ ; M. Louis JEANNIN" / "a également donné pouvoir à M. Henri VUILLERMOZ"
    result = process(SECOND_HAND / "1087.txt")
    proxies = {(a["name"], a["proxy_holder"]) for a in result.rows["attendance"] if a["proxy_holder"]}
    assert proxies == {("Anne-Sophie MOUREY", "Henri VUILLERMOZ"), ("Louis JEANNIN", "Henri VUILLERMOZ")}
    # "L'an deux mil vingt et un, le neuf février": text2num stops after "vingt et un,"
    assert result.rows["deliberations"][0]["session_date"].isoformat() == "2021-02-09"
    assert "error" not in {f["severity"] for f in result.rows["findings"]}


def test_a_legend_of_acronyms_under_a_list_is_no_proxy():
    # 1061: "CCB : Communauté de communes du Briançonnais - CCGQ : Communauté de communes du …"
    result = process(SECOND_HAND / "1061.txt")
    assert not any(a["proxy_holder"] and a["proxy_holder"].startswith("Communauté") for a in result.rows["attendance"])
    assert "error" not in {f["severity"] for f in result.rows["findings"]}
    # "COMPTE-RENDU DE LA REUNION DU 18/05/17": a year of two digits
    assert result.rows["deliberations"][0]["session_date"].isoformat() == "2017-05-18"


# --- checks and counts in prose ------------------------------------------------------------

def findings_of(name: str) -> set[tuple[str, str]]:
    return {(f["check_id"], f["severity"]) for f in process(SECOND_HAND / name).rows["findings"]}


def test_more_present_than_members_in_office_is_an_error():
    # 1115 (Apatou): "Membres en exercice : 25" / "Membres présents : 26"
    assert ("attendance.presents_le_exercice", "error") in findings_of("1115.txt")
    # 1112: 22 titulaires and 3 suppléants of 36 members: no finding of it
    assert not any(c == "attendance.presents_le_exercice" for c, _ in findings_of("1112.txt"))


def test_a_unanimous_vote_with_votes_against_is_an_error():
    # 1063 (Rillieux-la-Pape): "ADOPTEE A L'UNANIMITE - Pour : 35 - Contre : 2"
    assert ("votes.unanimity_against", "error") in findings_of("1063.txt")
    # 1048: "unanimité des suffrages exprimés" with abstentions, no vote against
    assert not any(c == "votes.unanimity_against" for c, _ in findings_of("1048.txt"))


def test_members_in_office_said_in_a_sentence():
    # 1055 (Brignoles): "Le nombre des conseillers en exercice étant de" / "trente-trois, vingt-neuf …"
    row = process(SECOND_HAND / "1055.txt").rows["deliberations"][0]
    assert (row["membres_en_exercice"], row["presents"], row["pouvoirs"], row["votants"]) == (33, 29, 5, 34)
    assert ("votes.votants_le_exercice", "warning") in findings_of("1055.txt")


def test_councils_of_territories_and_communities_and_a_dotted_cias():
    assert sitting_of("LISTE DES DELIBERATIONS EXAMINEES PAR LE CONSEIL DE TERRITOIRE")["organe"] == \
        "Conseil de territoire"
    assert sitting_of("C.I.A.S. DE LA HAUTE-SAINTONGE")["collectivite"] == "C.I.A.S. DE LA HAUTE-SAINTONGE"


def test_an_act_number_said_under_the_title_wins_over_a_code_the_title_ends_on():
    # 1044: "7. Création d'une autorisation de programme – … de la piscine" / "intercommunale de
    # Noisy-le-Sec (AP 2021-03)" / "Délibération n° 2021-06-29-07"
    assert columns_of(SECOND_HAND / "1044.txt", "numero")[6] == ("2021-06-29-07",)


def test_a_table_of_acts_drawn_with_box_characters_its_cells_wrapped():
    # 1066 (office de tourisme Serre-Ponçon): "│ CD-2024-01 │ Approbation du compte rendu du Comité de │
    # Approuvé à │" / "│ │ direction du 11 décembre 2023 │ l'unanimité │", a rule between the acts
    assert columns_of(SECOND_HAND / "1066.txt", *VOTE) == [
        ("CD-2024-01", 13, 0, 0, True), ("CD-2024-02", 12, None, 1, False), ("CD-2024-03", 13, 0, 0, True),
        ("CD-2024-04", 11, 1, 1, False), ("CD-2024-05", 10, 3, None, False)]


def test_a_list_or_releve_of_deliberations_dated_in_its_title():
    # 1078, 1116: "Liste des délibérations du Conseil municipal du 8 octobre 2020", "RELEVE DES
    # DELIBERATIONS - SEANCE DU 7 DECEMBRE 2017", "Conseil municipal réuni le jeudi 8 octobre 2020 à 20 h 00"
    assert sitting_of("Liste des délibérations du Conseil municipal du 8 octobre 2020")["session_date"].isoformat() \
        == "2020-10-08"
    assert sitting_of("RELEVE DES DELIBERATIONS - SEANCE DU 7 DECEMBRE 2017")["session_date"].isoformat() == "2017-12-07"
    assert sitting_of("Conseil municipal réuni le jeudi 8 octobre 2020 à 20 h 00, salle du Conseil de "
                      "l'Hôtel")["session_date"].isoformat() == "2020-10-08"
    assert {d["session_date"].isoformat() for d in process(SECOND_HAND / "1116.txt").rows["deliberations"]} == \
        {"2017-12-07"}


# --- the second reading: what the change first read worse (tests/data/second_reading/r18_*) ------

SECOND_READING = Path(__file__).parent / "data" / "second_reading"


def rows_of(name: str, *columns: str) -> list[tuple]:
    return columns_of(SECOND_READING / name, *columns)


@pytest.mark.parametrize("name, president", [
    ("r18_01_convener_vs_listed.txt", "Claire MARTIN"),  # "Mme Claire MARTIN (Présidente de séance)" in the list
    ("r18_29_installation_outgoing_convener.txt", "Michel HUET"),  # the outgoing maire convened, the doyen presides
    ("r18_04_item_convoque_president.txt", None),  # "au comité syndical, convoqué par M. Hervé LE GALL, Président"
    ("r18_05_item_cao_presidence.txt", None),  # "La commission d'appel d'offres, réunie … sous la présidence de"
    ("r18_06_presidence_box_runon.txt", "Jean-Claude FABRE"),  # "Présidence de M. Jean-Claude FABRE" / a field
])
def test_who_presides_read_where_the_first_change_read_another(name, president):
    assert {p for p, in rows_of(name, "president")} == {president}


@pytest.mark.parametrize("name, body", [
    ("r18_08_heading_dash_conseil.txt", "COMMUNAUTÉ DE COMMUNES DU GRAND PIC SAINT-LOUP"),  # "… – CONSEIL COMMUNAUTAIRE"
    ("r18_09_heading_dash_pv.txt", "SYNDICAT MIXTE DU SCOT DU PAYS DE LAON"),  # "… – PROCÈS-VERBAL"
    ("r18_10_heading_slash_comite.txt", "SIVOM de la Vallée de l'Ognon"),  # "… / Comité syndical"
    ("r18_11_heading_beside_devise.txt", "Syndicat des eaux du Causse"),  # "… Liberté – Égalité – Fraternité"
    ("r18_12_heading_dash_bureau.txt", "COMMUNAUTÉ DE COMMUNES DU PAYS DE GEX"),  # "… – RÉUNION DU BUREAU"
])
def test_a_bodys_name_without_what_is_printed_after_a_dash_or_beside_it(name, body):
    assert {b for b, in rows_of(name, "collectivite")} == {body}


@pytest.mark.parametrize("name, date", [
    ("r18_13_month_abbrev_juil.txt", None),  # "15 juil 2021": an abbreviation, not "juin" misread (unread, as before)
    ("r18_14_month_abbrev_mar.txt", None),  # "12 mar 2024": not "mai"
    ("r18_15_short_year_1990s.txt", "1998-06-22"),  # "… DU 22/06/98"
    ("r18_16_short_year_reference.txt", None),  # "délibération n° 12/05/18": a reference, no date of sitting
])
def test_dates_the_first_change_read_wrong(name, date):
    assert {d and d.isoformat() for d, in rows_of(name, "session_date")} == {date}


def test_items_the_first_change_read_wrong():
    # "Jeudi 12/10 – Foire d'automne …" inside an item is no act number
    assert [n for n, in rows_of("r18_18_agenda_in_act_numbered.txt", "numero")] == ["2023-061", "2023-062", "2023-063"]
    # "Vu la délibération … n°" / "DEL-22-0415 relative à …": a reference, not an act's heading
    assert rows_of("r18_25_act_ref_wrapped_sentence.txt", "numero", "pour", "contre", "abstentions") == \
        [("DEL-24-0640", 101, 18, 6)]
    # "► 1. Section de fonctionnement …", "► Point 3 – Extension du cimetière (reporté)" inside an item
    for name in ("r18_27_bullet_sublist.txt", "r18_28_bullet_point_mention.txt"):
        assert [n for n, in rows_of(name, "numero")] == ["1", "2", "3"]


def test_counts_the_first_change_read_wrong():
    # "Pour : groupe « Longwy Avenir » (22) et groupe « Ensemble pour Longwy » (4)": no sum printed, none read
    assert rows_of("r18_20_named_then_count.txt", "pour", "contre") == [(None, 3)]
    # "Présents : 22 titulaires et 3 suppléants, les suppléants assistant sans voix délibérative"
    result = process(SECOND_READING / "r18_21_suppleants_sans_voix.txt")
    assert {d["presents"] for d in result.rows["deliberations"]} == {22}
    assert "error" not in {f["severity"] for f in result.rows["findings"]}


def test_a_table_of_acts_cut_by_a_stamp_between_two_rules_goes_on_under_it():
    # 1073 (Grenoble): "2026-DEL-005 …" / "────" / "Accusé de réception en préfecture" / "038-…-AU" / "Date de
    # réception préfecture : 30/01/2026" / "────" / "2026-DEL-006    Tarifs des piscines …    Unanimité"
    rows = columns_of(SECOND_HAND / "1073.txt", "numero", "pour", "contre", "abstentions")
    assert [n for n, *_ in rows] == [f"2026-DEL-00{k}" for k in range(1, 10)]
    assert rows[6] == ("2026-DEL-007", 45, None, 11)
