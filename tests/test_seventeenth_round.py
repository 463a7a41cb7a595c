"""Phrasings and layouts of the seventeenth round (2026-12-04; texts of the second hand,
tests/data/second_hand/dev 937 and 961–1040): the chair handed over for one item, "Sous la
présidence de Mme Annick BOUILLER, 1re adjointe, M. le Maire ayant quitté la salle, le conseil
municipal examine le compte administratif 2015"."""
from __future__ import annotations

from pathlib import Path

from extractors.moves import PRESIDING, read_move
from extractors.stream import Unit
from pipeline.stages import process
from tests.rows import columns_of
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


def rows_of(name: str, *columns: str) -> list[tuple]:
    return columns_of(SECOND_HAND / name, *columns)


def test_items_ranked_by_capital_letters():
    # 977: "A - COMPTE ADMINISTRATIF 2014", "B - COMPTE DE GESTION 2014", … "H - DENOMINATION …"
    assert [n for n, in rows_of("977.txt", "numero")] == list("ABCDEFGH")
    assert rows_of("977.txt", "numero", "pour", "contre")[:3] == [("A", 21, 6), ("B", 28, 0), ("C", 22, 6)]
    # a list's points in small letters stay inside their item ("a) la création d'un poste …")
    from extractors.segment import _heading_at
    units = [Unit("a) la création d'un poste d'adjoint technique", Span(1, 1), 0)]
    assert _heading_at(units, 0) == []


def test_an_objet_numbered_with_its_act_number_at_the_right_margin():
    # 991: "OBJET N° 1 - RAPPORT D'ACTIVITE 2018          D2019-088", or the number alone on the
    # line under a long title; the act's number is the numero, the title stops before it
    assert rows_of("991.txt", "numero", "objet") == [
        ("D2019-088", "RAPPORT D'ACTIVITE 2018"),
        ("D2019-089", "MODIFICATION DES STATUTS - COMPETENCE EAU POTABLE AU 1er JANVIER 2020"),
        ("D2019-090", "REDEVANCE INCITATIVE ORDURES MENAGERES - GRILLE TARIFAIRE 2020"),
        ("D2019-091", "FONDS DE CONCOURS 2019 AUX COMMUNES"),
        ("D2019-092", "DECISION MODIFICATIVE N° 3 - BUDGET PRINCIPAL")]
    from extractors.outline import act_at_end
    assert act_at_end("Avenant n° 2 au marché M2019-12") is None  # another act's number


def test_votes_in_a_table_at_the_end_that_the_items_refer_to():
    # 1000: "Adoptée (voir tableau des votes)." under each "Point n° 5 – …"; "TABLEAU DES VOTES" /
    # "Point | Votants | Pour | Contre | Abstentions | Observations", rows of unanimity merged
    # across the vote columns ("2     | 33      | unanimité                    |")
    assert rows_of("1000.txt", "numero", "votants", "pour", "contre", "abstentions", "unanimite") == [
        ("1", 32, 24, 8, 0, False), ("2", 33, 33, 0, 0, True), ("3", 33, 25, 8, 0, False),
        ("4", 34, 26, 0, 8, False), ("5", 34, 34, 0, 0, True), ("6", 34, 26, 5, 3, False),
        ("7", 34, 34, 0, 0, True), ("8", 34, 30, 4, 0, False)]


def test_a_table_drawn_with_pipes_whose_row_merges_cells():
    from pipeline.loaders.text_grid import unpipe
    lines = ["Point | Votants | Pour | Contre | Abstentions", "1     | 32      | 24   | 8      | 0",
             "2     | 33      | unanimité", "3     | 33      | 25   | 8      | 0"]
    assert [line.split("\t") for _, line in unpipe(enumerate(lines))][2] == ["2", "33", "unanimité", "", ""]


def test_a_spaced_table_whose_unanimity_spans_the_vote_columns_before_the_decision():
    # 998: "2024-089  Accueil périscolaire : tarifs 2024-2025      unanimité          Adoptée" under
    # "N°  Objet  Pour  Contre  Abst.  Décision": the row is one act, unanimous
    assert rows_of("998.txt", "numero", "pour", "contre", "abstentions") == [
        ("2024-088", 33, 4, 2), ("2024-089", 39, 0, 0), ("2024-090", 39, 0, 0), ("2024-091", 35, 2, 1),
        ("2024-092", 39, 0, 0)]


def test_a_recap_of_the_votes_under_the_items_is_no_family_of_items():
    # 979: "1 – Délibération 2021-31 : Vote des taux …" … "Récapitulatif des votes" / "2021-32 Budget
    # primitif 2021 …… 28 pour / 2 contre / 3 abstentions": the items are above, the recap restates
    # (differently: the planted inconsistency)
    result = process(SECOND_HAND / "979.txt")
    assert [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in result.rows["deliberations"]][:3] == \
        [("2021-31", 33, 0, 0), ("2021-32", 28, 3, 2), ("2021-33", 31, 0, 3)]
    assert [(f["check_id"], f["severity"]) for f in result.rows["findings"]] == [("votes.restated", "error")]


def test_a_proxy_whose_giver_has_a_commune_in_brackets():
    # 968: "Pouvoirs : M. Robert LAMY (Augy-sur-Aubois) à M. Claude BONNET ; …"; with the holders read,
    # the box's 12 présents against the 11 named is an error, not a doubt
    result = process(SECOND_HAND / "968.txt")
    assert [(p["giver"], p["holder"]) for p in result.rows["proxies"]] == \
        [("Robert LAMY", "Claude BONNET"), ("Michel BÉRAUD", "Paulette RAMEAU")]
    assert ("attendance.present_count", "error") in {(f["check_id"], f["severity"]) for f in result.rows["findings"]}


def test_a_decision_whose_sentence_is_cut_at_a_line_end_records_its_item():
    # 962: "… de 24 à 15 heures hebdomadaires. Le conseil municipal, à" / "l'unanimité, adopte la motion
    # annexée …": point 5 is a deliberation
    assert rows_of("962.txt", "numero", "unanimite")[-1] == ("5", True)


def test_initials_in_a_list_are_no_letter_ranks():
    # "R. BARBE" / "P. BLIN" / "A. BONNIN" (a list of members by initial), "M. DUPONT Thierry
    # interroge Madame la Maire" (a civility) are no items; "A. GARDERIE PÉRISCOLAIRE — TARIFS
    # 2012/2013" is one (982)
    from extractors.segment import _heading_at
    for line in ("A. BONNIN", "R. BARBE", "M. DUPONT Thierry interroge Madame la Maire sur"):
        assert [f for f, _ in _heading_at([Unit(line, Span(1, 1), 0)], 0)] in ([], ["caps"], ["plain"])
    assert [n for n, in rows_of("982.txt", "numero")] == list("ABCDEG")


def test_a_body_named_by_a_brand_over_its_kind_or_with_commas():
    # 964: "BOURGES PLUS" / "Communauté d'agglomération"; 994: "Syndicat Intercommunal d'Énergies,
    # d'Équipement et d'Environnement de la Nièvre"; 682: "Affiché le" over "COMMUNAUTÉ DE COMMUNES" /
    # "DES MONTS DU FOREZ-SUD" is a stamp's line, the name goes on below
    assert rows_of("964.txt", "collectivite")[0] == ("Communauté d'agglomération BOURGES PLUS",)
    assert rows_of("994.txt", "collectivite")[0] == ("Syndicat Intercommunal d'Énergies, d'Équipement et "
                                                    "d'Environnement de la Nièvre",)
    assert rows_of("682.txt", "collectivite")[0] == ("COMMUNAUTÉ DE COMMUNES DES MONTS DU FOREZ-SUD",)
    # 977: "VILLE DE SAINT-AMAND-MONTROND          Séance du 21/05/2015" (the gap closed up)
    assert rows_of("977.txt", "collectivite")[0] == ("SAINT-AMAND-MONTROND",)


def test_the_president_listed_with_his_title_and_commune_in_one_bracket():
    # 969: "PRESENTS : BARDIN Jean-Michel (Président, Saint-Eloy-les-Mines), CHIRAT Marie-Paule …"
    assert {p for p, in rows_of("969.txt", "president")} == {"BARDIN Jean-Michel"}


def test_a_regions_table_with_unan_and_its_act_number_column():
    # 993: "| N° de délibération | Objet | Pour | Contre | Abst. | Résultat |" / "| 23.05.11.42 | Lycées
    # – … | | | | Unan. |" under "Légende des votes : Unan. = unanimité"
    assert rows_of("993.txt", "numero", "unanimite")[:3] == [("23.05.11.42", True), ("23.05.11.43", True),
                                                              ("23.05.21.17", False)]


def test_act_numbers_alone_in_an_extracts_footer_or_beside_its_register_title():
    # 967: "Délibération n° 2021/09" alone under the decision; 983: "EXTRAIT DU REGISTRE DES
    # DELIBERATIONS          DL-2019-10-04/23"; 996: "N° 7/2008 - RESTAURATION SCOLAIRE : …"
    assert rows_of("967.txt", "numero") == [("2021/09",)]
    assert rows_of("983.txt", "numero") == [("DL-2019-10-04/23",)]
    assert rows_of("996.txt", "numero") == [("7/2008",), ("8/2008",), ("9/2008",)]


def test_the_quorum_said_with_its_figures_in_a_bracket():
    # 982: "Les conseillers présents forment la majorité des membres en exercice (18 sur 23)."
    assert set(rows_of("982.txt", "membres_en_exercice", "presents")) == {(23, 18)}


def test_a_year_and_number_in_brackets_closing_an_items_title():
    # 878: "1. … (2024/078)" — the act's number; "la directive (2008/98)" is a text of law's
    from extractors.outline import act_at_end
    assert [n for n, in rows_of("878.txt", "numero")] == ["2024/078", "2024/079", "2024/080", "2024/081", "2024/082"]
    assert act_at_end("Application de la directive (2008/98)") is None


# --- the second reading: texts written by a reviewer where the change first read worse ---------

SECOND_READING = Path(__file__).parent / "data" / "second_reading"


def reread(name: str, *columns: str) -> list[tuple]:
    return columns_of(SECOND_READING / f"r17_{name}.txt", *columns)


def test_another_acts_number_near_the_head_or_under_the_decision_is_not_the_extracts():
    # "OBJET : Avenant n° 2 au lot 3 du marché M2019-12", "… annule et remplace la DCM 2020/54",
    # "programmation QPV 2020/2022"; "- DÉCIDE de retirer la délibération ci-dessous référencée :" /
    # "Délibération n° 2021/09"; "… qui modifient ceux fixés par la délibération suivante :" /
    # "N° 2019/45"; "La présente délibération abroge et remplace la délibération" / "n° 2014/32"
    for name in ("p04_marche_code", "p21_header_codes2", "p20_header_codes", "p05_footer_other_act",
                 "p06_footer_other_act2", "p32_convention_alone_footer"):
        assert {n for n, in reread(name, "numero")} == {None}, name
    # "1. Renouvellement du contrat enfance jeunesse CEJ-2019-2022": a period, the rank stays
    assert [n for n, in reread("p16_title_code_end", "numero")] == ["1", "2", "3"]


def test_a_majority_won_in_an_election_is_no_count_of_presents():
    # "La liste … obtient la majorité absolue des membres en exercice (15 sur 23) et est proclamée élue."
    assert {p for p, in reread("p10_majorite_absolue", "presents")} == {None}


def test_a_delegate_who_is_mayor_of_his_commune_is_not_the_president():
    # "DUPUIS Alain (Maire, Herry), …, HAMEL Luc (Président, Jussy-le-Chaudrier)"; "Sur convocation du
    # Président, … sous sa présidence" names a role, the list names him
    assert {p for p, in reread("p13_maire_commune_list", "president")} == {"HAMEL Luc"}
    assert {p for p, in reread("p22_convocation_president", "president")} == {"Jacques BARDIN"}


def test_a_departement_over_a_kind_whose_name_goes_on_below():
    # "HAUTE-SAVOIE" / "Communauté de communes" / "des Sources du Lac d'Annecy"
    assert {c for c, in reread("p09_kind_under_region", "collectivite")} == \
        {"Communauté de communes des Sources du Lac d'Annecy"}


def test_another_bodys_unanimous_opinion_after_l_avis():
    # "Après l'avis favorable unanime du conseil d'administration." / "… par 22 voix pour et 7 contre"
    assert reread("p14_avis_unanime_ca", "pour", "contre", "unanimite")[0] == (22, 7, False)


def test_proxies_with_a_bracket_before_the_a():
    # "Mme Léa HARDY (arrivée à 21 h) à Mme Annie CAILLAUD"; 781: "… à M. Pierre-Henri BERTRAND-FAURE
    # (Saint-Julien-lès-Metz) ; …"
    result = process(SECOND_READING / "r17_p15_proxies_forms.txt")
    assert ("Léa HARDY", "Annie CAILLAUD") in {(p["giver"], p["holder"]) for p in result.rows["proxies"]}
    result = process(SECOND_HAND / "781.txt")
    assert ("Alice FRANÇOIS", "Pierre-Henri BERTRAND-FAURE") in {(p["giver"], p["holder"]) for p in result.rows["proxies"]}


def test_the_president_of_the_establishment_names_no_collectivite():
    # gen-dev3-3000086: "… s'est réuni à la salle des mariages, à 10h30, sous la" / "présidence de Mme Y.
    # AUGER, Présidente de l'établissement."
    facts = sitting_of("Le 3 mars 2016, le comité syndical s'est réuni à la salle des mariages, à 10h30, sous la",
                       "présidence de Mme Yvette AUGER, Présidente de l'établissement.")
    assert facts.get("collectivite") is None and facts["president"] == "Yvette AUGER"
