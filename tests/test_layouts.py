"""Layouts and phrasings read since the 2026-12-02 round, each on the second-hand dev text it
was found in (tests/data/second_hand/dev, written by sessions that never saw the reader):
relevés printed as tables, items voted together, bodies beyond the commune, text as a PDF
extraction or an OCR leaves it."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import deliberation, stream, votes
from extractors.stream import joined
from pipeline.loaders import load, new_document
from pipeline.loaders.text import load_text
from pipeline.loaders.ocr_text import i_for_l
from pipeline.loaders.text_grid import regrid
from pipeline.stages import process

DEV = Path(__file__).resolve().parent / "data" / "second_hand" / "dev"


def rows(name: str, table: str = "deliberations") -> list[dict]:
    return deliberation.extract(load(DEV / name)).records[table]


def load_units(text: str) -> list[stream.Unit]:
    raw = text.encode("utf-8")
    return stream.units(load_text(new_document(Path("inline.txt"), raw), raw))


def votes_of(name: str) -> list[tuple]:
    return [(r["numero"], r["pour"], r["contre"], r["abstentions"]) for r in rows(name)]


# --- relevés printed as a table, one row per act ---------------------------------------------

def test_a_ruled_table_of_acts_gives_one_deliberation_a_row():
    """"Rapport | Objet | Pour | Contre | Abst. | NPPV | Décision", a cell wrapped onto the next
    line ("… (ZA de" / "Bel-Air) | 21 | 0 | 0 | 4 | Adopté"), a département's commission permanente."""
    got = rows("226.txt")
    assert [(r["numero"], r["pour"], r["contre"], r["non_votants"]) for r in got] == [
        ("11-CP-10-01", 25, 0, 0), ("11-CP-10-02", 17, 8, 0), ("11-CP-10-03", 23, 0, 2),
        ("11-CP-10-04", 21, 0, 4), ("11-CP-10-05", 25, 0, 0)]
    assert got[3]["objet"].endswith("(ZA de Bel-Air)")
    assert {r["collectivite"] for r in got} == {"DÉPARTEMENT DU CAUSSE-COMTAL"}


def test_a_table_laid_out_with_spaces_rows_wrapped_and_a_stamp_across_it():
    """pdftotext -layout: "DC2022-141  Finances – Décision modificative n°3 –" / "Budget
    principal 2022   55   6   2   0   Adoptée", the prefecture stamp printed between two rows."""
    assert votes_of("282.txt") == [("DC2022-141", 55, 6, 2), ("DC2022-142", 57, 0, 2), ("DC2022-143", 44, 12, 6),
                                   ("DC2022-144", 63, 0, 0), ("DC2022-145", 38, 19, 6), ("DC2022-146", 63, 0, 0)]


def test_a_narrow_table_its_header_words_one_space_apart():
    """"N°      Objet      Votants Pour Contre Abst. NPPV Résultat" over "2025-018 1. Compte
    administratif 2024 – budget      23      21   0      2     0    Adopté": each item's votants too."""
    got = rows("308.txt")
    assert [(r["numero"], r["votants"], r["pour"], r["abstentions"]) for r in got][:2] == [
        ("2025-018", 23, 21, 2), ("2025-019", 24, 24, 0)]
    assert got[0]["objet"] == "1. Compte administratif 2024 – budget principal"


def test_regrid_leaves_prose_and_titles_as_they_are():
    lines = ["EXTRAIT DU REGISTRE DES DELIBERATIONS DU COMITE SYNDICAL",
             "Le budget primitif 2020 est adopté par le comité, sans observation.",
             "Collège                 Pour   Contre   Abstention",
             "Élus                    9      0        0",
             "Total                   14     0        1",
             "Le budget primitif 2020 est adopté."]
    out = [text for _, text in regrid(enumerate(lines))]
    assert out[:2] == lines[:2] and out[-1] == lines[-1]
    assert out[2:5] == ["Collège\tPour\tContre\tAbstention", "Élus\t9\t0\t0", "Total\t14\t0\t1"]


def test_a_vote_per_college_is_its_total_row():
    """"Collège | Pour | Contre | Abstention" / "Élus | 9 | 0 | 0" / "Socioprofessionnels | 5 | 0 |
    1" / "Total | 14 | 0 | 1", an office de tourisme's comité de direction."""
    assert votes_of("301.txt") == [("2019-11", 14, 0, 1), ("2019-12", 15, 0, 0), ("2019-13", 13, 2, 0)]


def test_a_vote_per_group_one_cell_a_line_is_its_total():
    """"Groupe" / "Pour" / "Contre" / "Abst." / "ME" / "36" / "0" / "0" / … / "Total" / "36" / "11" / "4"."""
    assert votes_of("299.txt")[0] == ("DEL-2016-201", 36, 11, 4)


# --- items voted together --------------------------------------------------------------------

def test_points_voted_together_are_each_a_deliberation():
    """"Point n° 3 – …  Acte n° 2026-003" (three headings in a row) / "Après présentation, les
    points 3 à 5 sont adoptés à l'unanimité."; the act number printed in the right margin."""
    got = rows("298.txt")
    assert [r["numero"] for r in got] == [f"2026-00{k}" for k in range(1, 7)]
    assert [r["unanimite"] for r in got[2:5]] == [True, True, True]
    assert got[0]["objet"] == "Débat d'orientation budgétaire 2026"


def test_these_three_deliberations_are_adopted():
    """"DEL-2016-204 - …" / "DEL-2016-205 - …" / "DEL-2016-206 - …" / "Ces trois délibérations
    sont adoptées à l'unanimité." The item above keeps its own vote table."""
    got = rows("299.txt")
    assert [(r["numero"], r["unanimite"]) for r in got[2:]] == [
        ("DEL-2016-203", False), ("DEL-2016-204", True), ("DEL-2016-205", True), ("DEL-2016-206", True)]


def test_an_act_number_under_an_items_rank_is_its_number():
    """"Point n° 2 – Débat et vote …" / "– secteur de la Gaudinière" / "Délibération n° 2024-012";
    the approval of the minutes, without one, keeps its rank."""
    assert [r["numero"] for r in rows("072.txt")] == ["1", "2024-012", "2024-013", "2024-014"]


def test_an_act_number_with_its_result_closes_a_report():
    """"Rapport n° 1 - Compte administratif 2016" … "Délibération n° CA-2017-21 - ADOPTEE", a SDIS;
    "Les rapports n° 3 à 5 sont adoptés à l'unanimité."."""
    assert [r["numero"] for r in rows("289.txt")] == [f"CA-2017-2{k}" for k in range(1, 7)]


def test_a_rank_and_an_act_number_cut_apart_by_a_flattened_page():
    """"2." / "Délibération n° 2022-042" among "3. Délibération n° 2022-043 – …" lines."""
    assert [r["numero"] for r in rows("242.txt")] == [f"2022-04{k}" for k in range(1, 6)]


def test_an_act_code_before_a_slash_and_a_decision_without_its_n():
    """"D2016-21 / Rapport sur le prix et la qualité du service de l'eau 2015"; "Décision B2016-045"."""
    assert [r["numero"] for r in rows("206.txt")] == ["D2016-21", "D2016-22", "D2016-23"]
    assert [r["numero"] for r in rows("309.txt")] == [f"B2016-04{k}" for k in range(5, 10)]


def test_a_paragraph_on_one_line_is_judged_sentence_by_sentence():
    """"1. Vote des taux … M. le Maire propose de maintenir les taux … le Conseil Municipal adopte
    les taux proposés par 17 voix pour et 4 voix contre.": the proposal does not hide the decision."""
    assert votes_of("258.txt")[0] == ("1", 17, 4, None)


# --- bodies, sittings, people ----------------------------------------------------------------

@pytest.mark.parametrize("name, body", [
    ("214.txt", "Communauté de communes Causses et Gorges du Tarnon"),
    ("231.txt", "CENTRE INTERCOMMUNAL D'ACTION SOCIALE DE LA COMMUNAUTÉ DE COMMUNES DU HAUT-VIVARAIS"),
    ("219.txt", "SERVICE DÉPARTEMENTAL D'INCENDIE ET DE SECOURS DU VAL-D'ISOLE"),
    ("266.txt", "BELIZON-SUR-APPROUAGUE"),  # under "COLLECTIVITE TERRITORIALE DE GUYANE"
    ("222.txt", "CORMEILLES-SUR-MARNE"),  # under the stamp's "Affiché le", empty
])
def test_the_body_named_in_the_heading(name, body):
    assert {r["collectivite"] for r in rows(name)} == {body}


def test_counts_of_an_administrators_board():
    """"Membres ayant voix délibérative : 22 — présents : 15 — pouvoirs : 3 — votants : 18";
    "Composition du conseil : 16 administrateurs"."""
    assert rows("219.txt")[0]["membres_en_exercice"] == 22
    assert rows("231.txt")[0]["membres_en_exercice"] == 16


def test_the_sitting_not_the_convocation_and_a_body_before_its_sitting():
    """"Conseil municipal – séance du jeudi 18 juin 2026 à 19 h 00" and, in the opening, "sur
    convocation du 11 juin 2026"."""
    assert {str(r["session_date"]) for r in rows("225.txt")} == {"2026-06-18"}


def test_a_side_box_left_of_the_opening_and_the_president_in_it():
    """"votants : 17                présidence de Madame Annick LE BIHAN, Maire."."""
    row = rows("202.txt")[0]
    assert (row["president"], row["membres_en_exercice"], row["presents"], row["votants"]) == \
        ("Annick LE BIHAN", 19, 14, 17)


def test_a_member_who_leaves_named_by_il():
    """"M. Lucien HERRMANN, Adjoint, … déclare avoir un intérêt personnel à l'affaire. … il quitte
    la salle et ne prend part ni aux débats ni au vote." then "Votants : 16" (15 + 2 at the
    opening): the difference is the one who left, a notice, not an error."""
    findings = process(DEV / "281.txt").rows["findings"]
    assert {f["severity"] for f in findings if f["check_id"] == "attendance.votants"} == {"notice"}


def test_members_named_then_what_they_are_do_not_vote():
    vote = votes.read(load_units("M. Pierrick HAMON et Mme Gwenaëlle LE DANTEC, administrateurs pressentis "
                                 "de la société, ne prennent pas part au vote et quittent la salle."))
    assert vote.value("non_votants") == 2


def test_a_votants_count_of_one_item_is_in_doubt_only_against_the_openings():
    """"Votants : 27" under a report ("M. Olivier PRADAL … quitte la salle et ne prend pas part au vote"), présents
    23 and pouvoirs 5 at the opening: 23 + 5 − 1, no error (a notice before non-voters were counted
    apart); the planted "36 + 13 + 1 = 50 ≠ 51 votants" of an item stays an error."""
    first = process(DEV / "284.txt").rows["findings"]
    assert "error" not in {f["severity"] for f in first if f["check_id"] == "attendance.votants"}
    planted = process(DEV / "299.txt").rows["findings"]
    assert [(f["check_id"], f["severity"]) for f in planted if f["severity"] == "error"] == [("votes.breakdown", "error")]


# --- text as it arrives ----------------------------------------------------------------------

@pytest.mark.parametrize("lines, text", [
    (["le procès-", "verbal de la séance"], "le procès-verbal de la séance"),
    (["commune de Villeneuve-", "sur-Lot"], "commune de Villeneuve-sur-Lot"),
    (["Jean-", "Claude GROSS"], "Jean-Claude GROSS"),
    (["c'est-à-", "dire"], "c'est-à-dire"),
])
def test_a_hyphen_at_a_line_end_stays(lines, text):
    """A compound's hyphen and a hyphen of layout cannot be told apart without the document's
    vocabulary: the hyphen stays (a review found "procèsverbal", "Villeneuvesur-Lot")."""
    assert joined(lines) == text


@pytest.mark.parametrize("line, fixed", [
    ("Sous Ia présidence de M. DEVOS", "Sous la présidence de M. DEVOS"),
    ("Ie Maire présente le compte", "le Maire présente le compte"),
    ("adopté à I'unanimité", "adopté à l'unanimité"),
    ("I - Budget primitif", "I - Budget primitif"),
    ("Il est décidé", "Il est décidé"),
    ("IA générative", "IA générative"),
])
def test_ocr_capital_i_for_l(line, fixed):
    assert i_for_l(line) == fixed


def test_acts_adopted_together_with_their_exceptions():
    """A métropole's bureau: "B-2022-0412 Déchets – …" … "B-2022-0418 …" (seven titles), then
    "Les délibérations n° B-2022-0412 à B-2022-0418 sont adoptées à l'unanimité, à l'exception
    de :" / "- la délibération n° B-2022-0415, adoptée par 29 voix pour et 4 voix contre …" /
    "- la délibération n° B-2022-0417, adoptée à l'unanimité des votants, Mme LOMBARDI ne
    prenant pas part au vote."."""
    got = rows("295.txt")
    assert [r["numero"] for r in got] == [f"B-2022-04{k}" for k in range(12, 19)]
    assert [(r["pour"], r["contre"], r["unanimite"]) for r in got][2:4] == [(33, 0, True), (29, 4, False)]
    assert got[5]["non_votants"] == 1


@pytest.mark.parametrize("name, numbers", [
    ("284.txt", ["CP-2024-03-07", "CP-2024-03-08", "CP-2024-03-09"]),  # "RAPPORT N° 1 - CP-2024-03-07" / "Objet : …"
    ("320.txt", ["12-2019", "13-2019", "14-2019", "15-2019", "16-2019"]),  # "1. Budget … (délibération n° 12-2019)"
])
def test_the_acts_number_beside_an_items_rank(name, numbers):
    assert [r["numero"] for r in rows(name)] == numbers


def test_delegues_titulaires_are_the_members_in_office():
    """"Délégués titulaires : 16 – Présents : 13 – Procuration : 1 – Votants : 14" (a SIVOM)."""
    assert {r["membres_en_exercice"] for r in rows("303.txt")} == {16}


# --- what a fresh-eyes review of the round found (tests/data/review: its inputs) -------------

REVIEW = Path(__file__).resolve().parent / "data" / "review"


def review_rows(name: str) -> list[dict]:
    return deliberation.extract(load(REVIEW / name)).records["deliberations"]


def test_presents_having_a_deliberative_voice_are_no_members_in_office():
    """"Nombre de délégués présents ayant voix délibérative : 18" / "Nombre de votants : 21": no
    18 members in office, so no "votants > membres" error."""
    findings = process(REVIEW / "presents_ayant_voix_deliberative.txt").rows["findings"]
    assert review_rows("presents_ayant_voix_deliberative.txt")[0]["membres_en_exercice"] is None
    assert [f for f in findings if f["severity"] == "error"] == []


def test_an_act_number_above_the_next_rank_is_that_ones():
    """"Délibération n° 2024-023" printed right above "3. Tarifs …"."""
    assert [r["numero"] for r in review_rows("act_above_rank.txt")] == ["2024-021", "2024-022", "2024-023"]


def test_items_voted_together_by_their_rank_when_numbered_by_their_act():
    """"Point n° 3 …" / "Délibération n° 2024-023" … "Les points 3 à 5 sont adoptés à l'unanimité"."""
    got = review_rows("act_under_rank_voted_together.txt")
    assert [(r["numero"], r["unanimite"]) for r in got][2:5] == [("2024-023", True), ("2024-024", True), ("2024-025", True)]


def test_an_exception_on_the_line_of_the_shared_vote():
    """"Les points 3 à 5 sont adoptés à l'unanimité, à l'exception du point 4, adopté par 14 voix
    pour et 3 voix contre."."""
    got = review_rows("together_with_exception.txt")
    assert [(r["pour"], r["contre"], r["unanimite"]) for r in got[2:5]] == [(17, 0, True), (14, 3, False), (17, 0, True)]


def test_an_item_above_a_table_of_acts_keeps_its_place():
    assert [r["numero"] for r in review_rows("item_above_table_of_acts.txt")] == ["1", "2", "DC2022-141", "DC2022-142",
                                                                                    "DC2022-143"]


def test_a_page_break_inside_a_table_laid_out_with_spaces_is_kept():
    doc = load(REVIEW / "page_break_in_table.txt")
    assert doc.items[-1].span.page == 2


def test_regrid_cuts_no_footer():
    lines = ["Chapitre    Libellé                              Budget primitif    Décision modificative    Total",
             "011         Charges à caractère général              150 000                5 000             155 000",
             "Commune de Lumbres – Conseil municipal du 12 mars 2024                                  Page 2/4",
             "012         Charges de personnel                     320 000               -2 000             318 000"]
    out = [text for _, text in regrid(enumerate(lines))]
    assert out == ["Chapitre\tLibellé\tBudget primitif\tDécision modificative\tTotal",
                   "011\tCharges à caractère général\t150 000\t5 000\t155 000", lines[2],
                   "012\tCharges de personnel\t320 000\t-2 000\t318 000"]


def test_regrid_cuts_no_justified_prose():
    lines = ["Monsieur   le  Maire  rappelle  que  les  travaux  de",
             "voirie  de  la  rue  Pasteur  coûteront  12  000  euros",
             "pour   un   montant   total   de   38  450  euros  HT."]
    assert [text for _, text in regrid(enumerate(lines))] == lines


def test_a_long_hyphenated_commune_in_a_heading():
    """"COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL DE SAINT-GERMAIN-EN-LAYE DU 12 MARS 2024"."""
    assert {r["collectivite"] for r in review_rows("long_hyphenated_commune_heading.txt")} == {"SAINT-GERMAIN-EN-LAYE"}


def test_officers_with_their_role_on_the_line_under_the_label():
    """"Secrétaire de séance :" / "Mme Claire MARTIN, adjointe"."""
    row = review_rows("officers_with_role_next_line.txt")[0]
    assert (row["president"], row["secretaire"]) == ("Jean DUPONT", "Claire MARTIN")


def test_on_the_mayors_convocation_the_sittings_date():
    """"… s'est réuni sur convocation du Maire en séance ordinaire le 12 mars 2024 à 20 heures"."""
    row = review_rows("sur_convocation_du_maire.txt")[0]
    assert (str(row["session_date"]), row["convocation_date"]) == ("2024-03-12", None)


def test_withdrawing_a_deliberation_is_no_act_number():
    """"2. Retrait de la délibération n° 2024-012": the act withdrawn, not this one."""
    assert [r["numero"] for r in review_rows("retrait_de_la_deliberation.txt")] == ["1", "2", "3"]


def test_elle_is_the_last_woman_named():
    """"Mme Anne PETIT présente … du comité des fêtes, présidé par M. Bernard COLIN. Membre du
    bureau du comité, elle quitte la salle."."""
    attendance = process(REVIEW / "elle_quitte_la_salle.txt").rows["attendance"]
    away = {a["name"] for a in attendance if a["seq"] == 2 and a["status"] == "absent"}
    assert "Anne PETIT" in away and "Bernard COLIN" not in away


def test_two_members_named_with_their_roles_do_not_vote():
    """"M. Paul DURAND, adjoint aux finances et Mme Anne PETIT, conseillère déléguée, …, ne
    prennent pas part au vote" (15 pour of 17 votants: consistent)."""
    assert review_rows("two_named_non_voters.txt")[1]["non_votants"] == 2


def test_an_items_votants_read_by_ocr_stays_in_doubt():
    from checks.trust import Value
    assert Value(16, "votants_item", False, 45).doubt("votants", {"pour", "contre"}) == "votants lu par OCR (confiance 45)"
    assert Value(16, "votants_item", False, None).doubt("votants", {"pour", "contre"}) is None
    assert Value(16, "votants_item", False, None).doubt("votants", {"presents", "pouvoirs"}) is not None


def test_ocr_i_for_l_spares_a_name():
    assert i_for_l("Mme Ia PETRENKO") == "Mme Ia PETRENKO"


# --- third round (2026-12-02, third session) -------------------------------------------------

def test_a_proxy_clause_wrapped_onto_the_next_line_after_a_comma():
    """"Absents : Mme Claudine ÉDOUARD, qui a donné procuration à Mme Marie-Line ZÉNON ; M. Gilles
    QUIDAL," / "qui a donné procuration à M. Rodolphe NÉRÉE." / "1. Installation des conseillers
    municipaux": the relative clause goes on with the entry, the item's rank ends the list."""
    got = {(p["giver"], p["holder"]) for p in rows("287.txt", "proxies")}
    assert got == {("Claudine ÉDOUARD", "Marie-Line ZÉNON"), ("Gilles QUIDAL", "Rodolphe NÉRÉE")}


def test_presidente_du_conseil_regional_names_no_body():
    """"RÉGION BOURGOGNE-FRANCHE-COMTÉ" over "Séance présidée par Mme …, Présidente du Conseil
    régional": the région is the body, its assembly's name is not."""
    assert {r["collectivite"] for r in rows("290.txt")} == {"RÉGION BOURGOGNE-FRANCHE-COMTÉ"}


def test_an_election_result_is_a_decision():
    """"6 - Election du 4ème vice-président (Délibération n° 2014-022)" … "M. VELAY : 29 ; M.
    REBOUL : 5. M. Claude VELAY est élu 4ème vice-président." (no "voix", no "adopté")."""
    assert [r["numero"] for r in rows("306.txt")][-2:] == ["2014-021", "2014-022"]


def test_a_markdown_table_of_votes():
    """"| N° | Objet | Votants | Pour | Contre | Abst. |" and its rule "|----|…": one act a row."""
    got = rows("384.txt")
    assert [(r["numero"], r["votants"], r["pour"], r["contre"], r["abstentions"]) for r in got][:2] == [
        ("2025-018", 24, 20, 4, 0), ("2025-019", 25, 21, 4, 0)]


def test_a_dotted_act_number_is_no_date_and_vote_delegations_are_proxies():
    """"DELIBERATION N° 19.07.31.01 - …" (not the date 19.07.31), "Délégations de vote : 8",
    "Avaient délégué leur droit de vote : Mme X à Mme Y, …", and "Pour le Président du
    Conseil régional et par délégation" names no body."""
    got = rows("371.txt")
    assert [r["numero"] for r in got] == ["19.07.31.01", "19.07.31.02", "19.07.31.03", "19.07.31.04"]
    assert {(r["collectivite"], r["pouvoirs"]) for r in got} == {("REGION CENTRE-VAL DE LOIRE", 8)}
    assert len(rows("371.txt", "proxies")) == 4 * 8


def test_ranks_whose_titles_hold_act_numbers():
    """"1. Approbation du procès-verbal …" / "2. Délibération n° 2015-031 - Tarifs …": the ranks
    are the items (the first has no act), the acts their numbers."""
    assert [r["numero"] for r in rows("399.txt")] == ["1", "2015-031", "2015-032", "2015-033"]


def test_a_member_out_for_one_vote_is_back_for_the_next():
    """"M. Denis MATHIEU, président de l'association, quitte la salle et ne prend pas part au
    vote." under CP-2017-10-03: CP-2017-10-04 has the opening's 32 votants (28 + 0 + 4)."""
    got = {r["numero"]: r for r in rows("327.txt")}
    assert (got["CP-2017-10-04"]["votants"], got["CP-2017-10-04"]["pour"]) == (32, 28)


def test_another_bodys_vote_quoted_in_the_item_is_not_its_vote():
    """"La commission des finances …, réunie le 12 juin 2018 (6 membres présents), a émis un avis
    favorable par 5 voix pour et 1 abstention." then "… par 16 voix pour, O voix contre et 2
    abstentions": the council's vote is the second."""
    assert votes_of("381.txt") == [("CA-2018-021", 16, 0, 2)]


def test_label_first_counts_on_one_line_and_a_second_convocation():
    """"Nombre de conseillers : en exercice 11 présents 4 représentés 2 votants 6" (each number
    after its label), on a second convocation that needs no quorum: no error."""
    path = DEV / "365.txt"
    result = process(path)
    got = result.rows["deliberations"][0]
    assert (got["membres_en_exercice"], got["presents"], got["pouvoirs"], got["votants"]) == (11, 4, 2, 6)
    assert not [f for f in result.rows["findings"] if f["severity"] == "error"]


def test_two_moves_in_one_line_and_non_voters_apart_from_the_votants():
    """"M. Guillaume POUEY quitte la séance et donne pouvoir à M. Nicolas DUPOUY ; Mme Corinne
    LALANNE quitte la séance sans donner pouvoir." then "Présents : 33 - Représentés : 8 - Ne
    prend pas part au vote : 1 - Votants : 40": consistent, no error."""
    result = process(DEV / "397.txt")
    assert [(r["presents"], r["votants"]) for r in result.rows["deliberations"]][2:4] == [(33, 41), (33, 40)]
    assert not [f for f in result.rows["findings"] if f["severity"] == "error"]


def test_members_replaced_by_their_substitutes_gave_no_proxy():
    """"Absents représentés par leur suppléant : M. Roger BAUDELLE, M. André LESAGE.": absent,
    not proxies (11 proxies listed, "Pouvoirs" 11)."""
    assert len(rows("329.txt", "proxies")) == 11


def test_a_roll_call_in_two_columns_with_a_legend():
    """"P = présent ; A = absent excusé" over "M. Bernard AUCLERC ............ P   Mme Pascale
    BRUNEAU ............ P", holders under "pouvoir à" one a column, "arrivé à 18 h 45"."""
    people = {p["name"]: (p["status"], p["excused"]) for p in rows("293.txt", "attendance") if p["seq"] == 1}
    assert sum(s == "present" for s, _ in people.values()) == 22
    assert people["Claude BEAUVAIS"] == ("absent", True) and people["Francis THOMAS"][0] == "absent"
    proxies = {(p["giver"], p["holder"]) for p in rows("293.txt", "proxies") if p["seq"] == 1}
    assert proxies == {("Sabrina MÉNARD", "Jean-Louis PINAULT"), ("Joël LEGRAND", "Pascale BRUNEAU"),
                       ("Serge VALLÉE", "Gérard MOREAU"), ("Christian BAILLY", "Michel DUBOIS")}


def test_a_letter_after_a_name_without_a_dot_leader_is_no_roll_call():
    """"M. Jean MARTIN P" may be an initial: only a dot leader makes a line a roll call."""
    from extractors import roll_call

    units = load_units("M. Jean MARTIN P\nMme Anne PETIT A\n")
    assert not roll_call.opens(units, 0)
    units = load_units("X = présent ; Y = excusé\nM. Jean MARTIN ..... X\nMme Anne PETIT ..... Y\n")
    found, _ = roll_call.read(units, 0)
    assert [(m.name, m.status, m.excused) for m in found] == [("Jean MARTIN", "present", None), ("Anne PETIT", "absent", True)]
