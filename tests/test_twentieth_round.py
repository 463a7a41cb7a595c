"""The twentieth round: two dev sets written to the held-out brief (tests/data/second_hand/dev
1201-1280), read as a new user would; each test asserts what a document says, and fails on the
round's start (0f5cdcb) unless it says it guards a reading that round already had."""
from __future__ import annotations

from pathlib import Path

from pipeline.loaders.ocr_text import repair
from pipeline.loaders.text_columns import split_columns
from pipeline.loaders.text_grid import markdown_wrapped
from pipeline.stages import process
from tests.rows import errors, numbers


# --- text as it arrives ------------------------------------------------------------------

def test_markdown_rows_wrapped_by_the_extraction(read):
    """1240: "| 24-07-CP-0381 | LYCEES - … établissements publics lo-" / "caux d'enseignement | Pour : 43
    - Adopté à l'unanimité |": a row's cells going on over lines without a leading "|"."""
    rows = read("1240")
    assert numbers(rows) == [f"24-07-CP-03{n}" for n in range(81, 89)]
    ds = rows["deliberations"]
    assert ds[0]["objet"] == ("LYCEES - Dotations complémentaires de fonctionnement 2024 aux établissements "
                              "publics lo-caux d'enseignement")
    assert [(d["pour"], d["contre"], d["abstentions"]) for d in ds[1:3]] == [(35, None, 8), (35, 8, None)]
    assert errors(rows) == []


def test_markdown_wrap_joins_cells_and_keeps_a_fixed_font_table():
    """A row closed by "|" takes a line holding the next cells; a fixed-font table's row going on
    ("          | (dans la limite …) |", 1009) is `unpipe`'s, not joined."""
    lines = ["| 0384 | CULTURE - Subvention 2024 (solde) |", "Adopté à l'unanimité |",
             "| 0385 | SPORT - Clubs | Pour : 41 - NPPV : 2", "(M. Paul LECOEUR) - Adopté |"]
    assert [t for _, t in markdown_wrapped(enumerate(lines))] == [
        "| 0384 | CULTURE - Subvention 2024 (solde) | Adopté à l'unanimité |",
        "| 0385 | SPORT - Clubs | Pour : 41 - NPPV : 2 (M. Paul LECOEUR) - Adopté |"]
    fixed = ["2024-002  | Ouverture anticipée des crédits | Adoptée | Unanimité",
             "          | (dans la limite du quart)       |         |",
             "2024-003  | Piscine municipale – Tarifs     | Adoptée | 22 pour – 6 contre"]
    assert [t for _, t in markdown_wrapped(enumerate(fixed))] == fixed


def test_a_letterhead_of_two_sides(read):
    """1237: "CENTRE INTERCOMMUNAL D'ACTION SOCIALE      Séance du Conseil d'Administration" / "DE
    L'ATREBATIE (Pas-de-Calais)      du jeudi 24 mai 2012": the body on the left, the sitting on the right."""
    lines = ["CENTRE INTERCOMMUNAL D'ACTION SOCIALE                    Séance du Conseil d'Administration",
             "DE L'ATREBATIE (Pas-de-Calais)                           du jeudi 24 mai 2012",
             "LISTE DES DELIBERATI0NS ADOPTEES"]
    assert [t for _, t in split_columns(lines)] == [
        "CENTRE INTERCOMMUNAL D'ACTION SOCIALE", "DE L'ATREBATIE (Pas-de-Calais)",
        "Séance du Conseil d'Administration", "du jeudi 24 mai 2012", "LISTE DES DELIBERATI0NS ADOPTEES"]
    d = read("1237")["deliberations"][0]
    assert (d["collectivite"], str(d["session_date"])) == ("CENTRE INTERCOMMUNAL D'ACTION SOCIALE DE L'ATREBATIE",
                                                           "2012-05-24")


def test_a_count_row_is_no_two_column_run(read):
    """1226: "Membres en exercice : 17      Présents : 11      Procurations : 3      Votants : 14"
    above two columns of lists; and "MEMBRES NOMMES PAR LE MAIRE" heads a list, it is no name."""
    rows = read("1226")
    d = rows["deliberations"][0]
    assert (d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) == (17, 11, 3, 14)
    first = [(p["giver"], p["holder"]) for p in rows["proxies"] if p["seq"] == 1]
    assert first == [("Didier LE BRETON", "LE CORRE"), ("Marc PLEVEN", "ALLAIN"), ("Jacqueline EVEN", "GUILLEMOT")]
    assert errors(rows) == []


def test_acts_numbered_beside_their_titles_are_no_columns(read):
    """1276: "D2025_087   Approbation du procès-verbal … – adoptée à l'unanimité": a column of codes
    is the acts' numbers; the mayor's decisions "DM2025_112 …" below are left out."""
    rows = read("1276")
    assert numbers(rows) == [f"D2025_0{n}" for n in range(87, 94)]
    ds = rows["deliberations"]
    assert [d["objet"] for d in ds[:2]] == ["Approbation du procès-verbal de la séance du 3 juillet 2025",
                                           "Budget principal – Décision modificative n° 2"]


def test_a_heading_beside_its_count_box(read):
    """1267: "Délibération n° 2012-042      Nombre de conseillers en exercice : 33" / "COMPTE
    ADMINISTRATIF 2011 -      Présents : 25" / "BUDGET PRINCIPAL      Pouvoirs : 5": three lines."""
    rows = read("1267")
    assert numbers(rows)[:3] == ["2012-041", "2012-042", "2012-043"]
    d = rows["deliberations"][1]
    assert (d["objet"], d["presents"], d["votants"], d["pour"], d["abstentions"]) == (
        "COMPTE ADMINISTRATIF 2011 - BUDGET PRINCIPAL", 25, 30, 24, 6)


def test_a_column_of_results_is_no_prose(read):
    """1251: a spaced table's results ("ADOPTEE" / "(47 pour - 4 abstentions)" / "REJETE" / "(9 pour
    - 38 contre -" / "4 abstentions)") stay on their rows: no 47 + 38 + 4 votes for 51 votants."""
    rows = read("1251")
    d = {d["numero"]: d for d in rows["deliberations"]}
    assert (d["2023_035"]["pour"], d["2023_035"]["abstentions"]) == (47, 4)
    assert (d["2023_038"]["pour"], d["2023_038"]["contre"], d["2023_038"]["abstentions"]) == (9, 38, 4)
    assert errors(rows) == []


def test_a_rank_whose_one_ocr_read_as_l():
    """1275: "l) DCM 2015-017 - …", "l0) DCM 2015-026 - …"; a lettered point stays one."""
    assert repair("l) DCM 2015-017 - Approbation") == "1) DCM 2015-017 - Approbation"
    assert repair("l0) DCM 2015-026 - Motion") == "10) DCM 2015-026 - Motion"
    assert repair("l) de fixer les tarifs") == "l) de fixer les tarifs"
    assert repair("l) Le conseil décide") == "l) Le conseil décide"


# --- headings -----------------------------------------------------------------------------

def test_ranked_items_with_their_vote_on_the_line(read):
    """1275: "2) DCM 2015-018 - Compte de gestion 2014 du receveur : unanimité." (the vote after a
    colon), and the mayor out of the room for the accounts only: 12 + 12 + 1 = 25 votants later."""
    rows = read("1275")
    assert numbers(rows) == [f"DCM 2015-0{n}" for n in range(17, 27)]
    ds = rows["deliberations"]
    assert [d["objet"] for d in ds[:2]] == ["Approbation du compte rendu de la séance du 10 mars 2015",
                                           "Compte de gestion 2014 du receveur"]
    assert [d["votants"] for d in ds[2:4]] == [24, 25]
    assert (ds[7]["pour"], ds[7]["contre"], ds[7]["abstentions"], ds[7]["votants"]) == (12, 12, 1, 25)
    assert errors(rows) == []


def test_act_numbers_with_a_prefix_before_the_title(read):
    """1237 "N° CIAS-2012-018 COMPTE ADMINISTRATIF 2011 …", 1224 "C 2021-06-101 APPROBATION DU
    PROCES-VERBAL …", 1226 "2021-CA-15 - APPROBATION DU PROCES-VERBAL …"."""
    assert numbers(read("1237")) == [f"CIAS-2012-0{n}" for n in range(18, 24)]
    assert numbers(read("1224")) == [f"C 2021-06-10{n}" for n in range(1, 7)]
    assert numbers(read("1226")) == [f"2021-CA-{n}" for n in range(15, 20)]
    d = read("1224")["deliberations"][1]
    assert (d["objet"], d["pour"], d["contre"], d["abstentions"]) == (
        "FINANCES - BUDGET SUPPLEMENTAIRE 2021 - BUDGET PRINCIPAL ET BUDGETS ANNEXES", 50, 11, 5)


def test_a_title_ending_on_its_act_number(read):
    """1231: "Élection du maire (délibération n° 2026-001)" after a blank line ("Nombre de
    conseillers municipaux : 29" alone stays unread: a bare "Nombre de délégués : 2" may be a
    commission's size, tests/test_phrasings_eleventh.py)."""
    rows = read("1231")
    assert numbers(rows) == [f"2026-00{n}" for n in range(1, 6)]
    ds = rows["deliberations"]
    assert [d["objet"] for d in ds[:2]] == ["Élection du maire", "Détermination du nombre d'adjoints"]
    assert (ds[0]["membres_en_exercice"], ds[0]["presents"], ds[0]["votants"]) == (None, 28, 29)
    assert (ds[3]["pour"], ds[3]["contre"]) == (23, 6)


def test_a_table_of_contents_with_dot_leaders_is_no_item(read):
    """Guard (690 read so at 0f5cdcb): "N° 2013/01  Budget assainissement … ..... p. 2   Adoptée à
    l'unanimité" under "SOMMAIRE DES ACTES" lists the acts; the extracts below hold them."""
    d = read("690")["deliberations"][0]
    assert (d["numero"], d["membres_en_exercice"], d["presents"], d["pouvoirs"]) == ("2013/01", 15, 13, 2)


# --- the sitting ----------------------------------------------------------------------------

def test_the_body_cut_after_its_kind(read):
    """947: "Département de la Meuse      Commune de" / "Arrondissement de Commercy      RUPT-DEVANT-
    SAINT-MIHIEL": the letterhead's right side read apart, the name after its kind (0f5cdcb read
    "Département de la Meuse Commune de Arrondissement de Commercy RUPT-DEVANT-SAINT-MIHIEL")."""
    assert read("947")["deliberations"][0]["collectivite"] == "RUPT-DEVANT-SAINT-MIHIEL"


def test_the_president_back_after_the_accounts(read):
    """Guards (837, 441 read so at 0f5cdcb): "Le Président quitte la salle … et ne prend pas part au
    vote" / "Le Président ayant regagné la séance": back in the room, not one more; the item whose
    votes add up to 24 for 25 votants keeps its error. "Mme le Maire reprend la présidence. M.
    Mathieu GOURVIL rejoint la séance … (présents : 16 — pouvoirs : 2 — votants : 18)": the counts hold."""
    assert errors(read("837")) == [("votes.breakdown", 3)]
    rows = read("441")
    assert [d["votants"] for d in rows["deliberations"][1:4]] == [15, 18, 18]
    assert errors(rows) == []


# --- the second reading: probes a helper wrote for the change's rules (tests/data/second_reading/r20_*) --

SECOND_READING = Path(__file__).parent / "data" / "second_reading"


def probe(stem: str) -> dict:
    return process(SECOND_READING / f"r20_{stem}.txt").rows


def test_votes_after_a_colon_are_cut_from_titles():
    """"l2) DCM 2016-012 - Vote du compte administratif 2015 : 16 voix pour, 1 abstention." and
    "2017-005 - … Trésor : adoptée par 17 voix pour et 4 contre.": the vote read, not in the title."""
    ds = probe("p13_ocr_ranks")["deliberations"]
    assert [d["numero"] for d in ds] == [f"DCM 2016-0{n}" for n in range(11, 21)]
    assert (ds[1]["objet"], ds[1]["pour"], ds[1]["abstentions"]) == ("Vote du compte administratif 2015", 16, 1)
    ds = probe("p15_colon_vote_heading")["deliberations"]
    assert [(d["objet"], d["pour"], d["contre"]) for d in ds[1:2]] == [
        ("Indemnité de conseil allouée au comptable du Trésor", 17, 4)]


def test_a_prefix_of_seven_letters():
    """"N° SMICTOM-2018-022 ADHÉSION AU CONTRAT D'OBJECTIFS …": a syndicat's acronym before the year."""
    ds = probe("p17_smictom_prefix")["deliberations"]
    assert [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in ds] == [
        ("SMICTOM-2018-022", 36, 0, 0), ("SMICTOM-2018-023", 33, 2, 1)]


def test_a_colleges_heading_inside_the_list():
    """"Présents :" / "M. Patrick GENRE, Président" / "MEMBRES ÉLUS PAR LE CONSEIL MUNICIPAL" / "Mme Anne
    VUILLEMIN, …" / "MEMBRES NOMMÉS PAR LE MAIRE" / "M. Paul BOLE, …": seven present, no error."""
    rows = probe("p27_ccas_sections")
    present = [a["name"] for a in rows["attendance"] if a["seq"] == 1 and a["status"] == "present"]
    assert present == ["Patrick GENRE", "Anne VUILLEMIN", "Marc GIRARDOT", "Lise ROBERT", "Paul BOLE",
                       "Irène CUENOT", "René FAIVRE"]
    assert [f for f in rows.get("findings", []) if f["severity"] != "notice"] == []


def test_a_member_arriving_at_an_item_said_in_the_list(read):
    """197: "Absents : SOULIÉ Kevin , GASC Martine (arrivée au point 2) ." and item 2 "Pour : 9 ;
    Contre : 0 ; Abst : 1": ten voices where nine were counted at the opening, the arrival said
    only in the list: "à vérifier", no error."""
    rows = read("197")
    d = rows["deliberations"][1]
    assert (d["pour"], d["contre"], d["abstentions"], d["votants"]) == (9, 0, 1, 9)
    (f,) = [f for f in rows["findings"] if f["check_id"] == "votes.breakdown" and f["seq"] == 2]
    assert f["severity"] == "notice" and "avant un départ ou une arrivée" in f["message"]


# --- a review of the code (a helper reading the diff) -----------------------------------------

def test_a_justified_opening_beside_a_box_is_still_two_columns():
    """"Nombre de membres          L'an   deux   mille   vingt-quatre,  le  25  janvier": a justified
    line has gaps of three spaces and more, no row of counts; the box and the sentence part."""
    d = probe("rv_justified_box")["deliberations"][0]
    assert (str(d["session_date"]), d["membres_en_exercice"], d["presents"], d["votants"]) == ("2024-01-25", 15, 12, 14)


def test_votes_a_row_are_no_count_box():
    """"Compte administratif 2023        Pour : 20" / "Budget annexe eau        Pour : 18": one label
    on every row is a column of votes, not a heading's count box."""
    rows = ["Compte administratif 2023        Pour : 20", "Budget annexe eau                Pour : 18",
            "Budget annexe assainissement     Pour : 19"]
    assert [t for _, t in split_columns(rows)] == rows


def test_a_footer_with_a_bar_is_no_row_going_on():
    lines = ["| 2024-01 | Budget | Adopté |", "Conseil municipal du 3 mars 2024 | page 2"]
    assert [t for _, t in markdown_wrapped(enumerate(lines))] == lines


def test_a_citation_is_no_title():
    """"Vu la délibération du conseil municipal du 10 juillet 2020 (délibération n° 2020-045)" after
    a blank line cites an act; it heads no item."""
    from extractors.heading_line import _act_titled
    from extractors.stream import Span, Unit
    said = Unit("Vu la délibération du conseil municipal du 10 juillet 2020 (délibération n° 2020-045)",
                Span(1, 1, None, ""), 0, gap_before=True)
    title = Unit("Élection du maire (délibération n° 2026-001)", Span(1, 1, None, ""), 0, gap_before=True)
    assert (_act_titled(said), _act_titled(title)) == (False, True)


def test_a_title_with_pour_and_a_figure_keeps_it():
    from extractors.item_title import without_outcome
    assert without_outcome("Convention – pour 3 ans avec la CAF") == "Convention – pour 3 ans avec la CAF"
    assert without_outcome("Garantie d'emprunt - Pour 50 % du prêt") == "Garantie d'emprunt - Pour 50 % du prêt"


def test_a_title_wrapped_onto_its_outcome(read):
    """1192: "N° 45/2008  Désignation des délégués … au sein des commissions" / "municipales et des
    organismes extérieurs - adoptée": the title's end, its outcome cut."""
    assert read("1192")["deliberations"][0]["objet"] == ("Désignation des délégués de la commune au sein des "
                                                        "commissions municipales et des organismes extérieurs")


def test_a_number_and_a_title_in_capitals_without_a_dash(read):
    """1264: "N° 2023-31  APPROBATION DU COMPTE RENDU DU COMITE SYNDICAL DU 29 JUIN 2023" / "Vote :
    UNANIMITE"; item 2023-34 "Vote : Pour 12 - Contre 14 - Abstentions 3" / "ADOPTEE" is the planted
    inconsistency (not "N° 2022-09 Tarifs de la cantine Adoptée à l'unanimité", a recap's line)."""
    rows = read("1264")
    assert numbers(rows) == [f"2023-{n}" for n in range(31, 37)]
    assert errors(rows) == [("votes.result_consistent", 4)]


def test_the_chair_withdraws_for_the_accounts():
    """"Mme la Présidente se retire. M. Bernard JOLIVET, doyen de l'assemblée, fait procéder au vote."
    then 33 + 0 + 2 = 35 votes for the 36 counted at the opening: "à vérifier", no error."""
    rows = probe("p26_presidente_out_one_item")
    assert [(d["pour"], d["abstentions"], d["votants"]) for d in rows["deliberations"]] == [(36, 0, 36), (33, 2, 36), (36, 0, 36)]
    assert [f["severity"] for f in rows["findings"] if f["check_id"] == "votes.breakdown"] == ["notice"]


def test_a_lone_side_in_brackets():
    """"2021-042     Création d'un poste …     ADOPTEE" / "territorial principal     (27 pour)": the
    votes for, alone in brackets, as "(24 pour - 3 contre)" beside it."""
    ds = probe("p11_results_column")["deliberations"]
    assert [(d["numero"], d["pour"], d["contre"]) for d in ds] == [
        ("2021-041", 24, 3), ("2021-042", 27, None), ("2021-043", 10, 15), ("2021-044", 25, None)]
