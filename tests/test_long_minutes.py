"""Long procès-verbaux of whole sittings (thirteenth round, 2026-12-04): items numbered "4.1" under a
part, act numbers printed after each item's vote, the mayor's decisions under delegation and
unvoted records among numbered acts, flattened vote tables, and what a PDF leaves in such minutes.
Texts of the thirteenth round's second hand (tests/data/second_hand/dev 721–760), phrasings of the
generator's fourth and fifth hands, and lines written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import furniture, opening, outline, running, sitting
from extractors.stream import Unit, fold
from pipeline.stages import process
from schemas import Span
from tests.test_phrasings_third import read_list

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def rows_of(name: str) -> dict:
    result = process(SECOND_HAND / name)
    assert result.ok, result.error
    return result.rows


OPENING = ("COMMUNE DE SAINT-JULIEN\nPROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024\n"
           "L'an deux mille vingt-quatre, le douze mars à vingt heures, le Conseil municipal de Saint-Julien "
           "s'est réuni à la mairie sous la présidence de M. Paul DURAND, Maire.\n"
           "Membres en exercice : 19 – Présents : 17 – Pouvoirs : 2 – Votants : 19\n")


def write(tmp_path, text: str) -> dict:
    path = tmp_path / "pv.txt"
    path.write_text(text, encoding="utf-8")
    result = process(path)
    assert result.ok, result.error
    return result.rows


def numbers(rows: dict) -> list[str | None]:
    return [d["numero"] for d in rows["deliberations"]]


def votes(rows: dict) -> list[tuple]:
    return [(d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]]


# --- items and their numbers ---------------------------------------------------------------------

def test_items_numbered_within_parts():
    """"FINANCES" / "4.1 Compte de gestion 2023" … "5.2 Rapport annuel" / "6. Alpespace" / "7.1 …":
    before, the parts' titles in capitals were the items (six rows for thirteen deliberations)."""
    rows = rows_of("722.txt")
    assert numbers(rows) == ["1", "2", "3", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "6", "7.1", "7.2"]
    # 4.2's vote is a table flattened a cell a line: "Votants" / "Pour" / "Contre" / "Abstention" / "41" / …
    assert (rows["deliberations"][4]["pour"], rows["deliberations"][4]["abstentions"]) == (40, 1)


@pytest.mark.parametrize("a, b, step", [((3,), (4, 1), 1), ((4, 1), (4, 2), 1), ((4, 5), (5,), 1), ((4, 2), (5, 2), None),
                                        ((5, 2), (7,), 2), ((7,), (5, 1), None),
                                        ((2,), (2, 1), None)])  # "2. Projet de territoire" / "2.1 Le diagnostic": its sections
def test_an_outline_step(a, b, step):
    assert outline.outline_step(a, b) == step


def test_an_items_own_sections_are_no_items(tmp_path):
    """"2. Projet de territoire" / "2.1 Le diagnostic partagé" / "2.2 Les orientations retenues" /
    its vote: the sections belong to item 2 (a reviewer's counter-example)."""
    rows = write(tmp_path, OPENING + "1. Tarifs de la cantine\nAdopté à l'unanimité.\n2. Projet de territoire\n"
                 "2.1 Le diagnostic partagé\nLe diagnostic a été conduit avec les habitants en 2023.\n"
                 "2.2 Les orientations retenues\nTrois axes sont retenus pour la période 2024-2030.\n"
                 "Adopté par 15 voix pour et 4 voix contre.\n3. Subvention au comité des fêtes\nAdopté à l'unanimité.\n")
    assert numbers(rows) == ["1", "2", "3"] and votes(rows)[1] == (15, 4, None)


def test_reports_numbered_with_their_committee():
    """"N° 3(2) – Aide aux éleveurs de palmipèdes": a département's report, its committee in brackets."""
    rows = rows_of("760.txt")
    assert numbers(rows) == ["1(1)", "2(1)", "3(2)", "4(3)", "5(4)", "6(5)", "7(6)", "8(7)"]


def test_act_numbers_printed_with_each_items_vote():
    """"2. Budget primitif 2025 – budget principal" / … / "DCC n° 2024-088 – Pour : 36 – Contre : 4":
    the act's number closes its item; before, each act line headed the next item's text."""
    rows = rows_of("732.txt")
    assert numbers(rows) == [f"2024-0{n}" for n in range(87, 98)]
    assert votes(rows)[1] == (36, 4, 0)  # not the BP 2024's "36 voix pour et 5 contre", quoted above it
    assert rows["deliberations"][1]["objet"] == "Budget primitif 2025 – budget principal"


@pytest.mark.parametrize("name, first, last", [
    ("738.txt", "2024-061", "2024-073"),  # "(Délibération DCM N° 2024-061)" under the vote
    ("745.txt", "DCM-2024-118", "DCM-2024-127"),  # "… 4 abstentions. (Délibération DCM-2024-118)"
    ("749.txt", "2024/051", "2024/062"),  # "DOSSIER N° 1 : …" / vote / "Délibération n° 2024/051"
    ("755.txt", "DCM-2024-018", None),  # "Délibération DCM-2024-018." alone under the vote
    ("733.txt", "2024/DCM/044", None),  # "1/ COMPTE ADMINISTRATIF 2023 (délibération n° 2024/DCM/044)"
    ("751.txt", "B2024-061", None),  # "Décision B2024-061 : adoptée à l'unanimité (18 votants)."
])
def test_the_acts_number_not_the_rank(name, first, last):
    found = numbers(rows_of(name))
    assert found[0] == first and (last is None or found[-1] == last)


def test_an_act_number_with_letters_inside():
    """"Délibération n° 16CP.401" (a region's commission permanente): before, no item was found."""
    assert numbers(rows_of("333.txt")) == ["16CP.401", "16CP.402", "16CP.403", "16CP.404"]


# --- what is no deliberation ---------------------------------------------------------------------

def test_the_mayors_decisions_under_delegation_are_no_item():
    """"AFFAIRE N° 2 : COMPTE RENDU DES DÉCISIONS PRISES PAR LE MAIRE EN VERTU DE L'ARTICLE
    L.2122-22": the council takes note, no deliberation; the items after keep their numbers."""
    assert numbers(rows_of("725.txt")) == ["1", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    assert "8" not in numbers(rows_of("722.txt"))  # "8. Compte rendu des décisions du Président et du Bureau"


def test_unnumbered_records_among_numbered_acts():
    """"1. Approbation du procès-verbal" / "Le procès-verbal est approuvé sans remarque." and the
    budget debate the committee takes note of, among items each printing "(DCS n° 2024-41)"."""
    rows = rows_of("742.txt")
    assert numbers(rows) == [f"2024-{n}" for n in range(41, 47)]
    assert votes(rows)[0] == (28, 0, 0)


# --- votes ---------------------------------------------------------------------------------------

def test_a_vote_of_the_past_quoted_in_the_debate():
    """"la DM n° 1 de 2023 avait été adoptée « par 26 voix contre 7 »": before, 26 and 7 were this
    item's, and a false error said 26 + 7 + 3 ≠ 32."""
    rows = rows_of("752.txt")
    assert votes(rows)[1] == (25, 4, 3)
    assert not [f for f in rows["findings"] if f["severity"] == "error"]


def test_a_member_leaving_named_with_his_group():
    """"Monsieur Benoît LAURENT (Rassemblement national) quitte la séance à 11 h 20": a move; the
    votants printed before it are no longer compared as if nobody had left."""
    rows = rows_of("740.txt")
    assert not [f for f in rows["findings"] if f["severity"] == "error"]
    assert {f["check_id"] for f in rows["findings"] if f["seq"] == 7} == {"votes.breakdown"}


# --- the opening ---------------------------------------------------------------------------------

def test_a_field_and_the_opening_on_one_line():
    """"Convocation du 8 février 2024. Le Conseil municipal s'est réuni à 20 h 30 à la mairie, sous
    la présidence de M. Alexandre MOREL, Maire.": before, only the convocation was read."""
    [s] = rows_of("735.txt")["sittings"]
    assert (s["president"], s["session_time"], str(s["convocation_date"])) == ("Alexandre MOREL", "20:30", "2024-02-08")


def test_the_presidency_hyphenated_at_a_lines_end():
    """"… s'est réuni à l'Hôtel de Ville sous la prési-" / "dence de M. Bernard SABATIER, Maire."."""
    assert rows_of("758.txt")["sittings"][0]["president"] == "Bernard SABATIER"


@pytest.mark.parametrize("text, president, convened", [
    ("Sur convocation de M. Teva FRITSCH, Maire de la Commune de Saint-Martin, en date du 16 février 2020, "
     "le CONSEIL MUNICIPAL de la commune s'est réuni le 12-02-2020 à 9 heures 15 dans la salle annexe de la mairie.",
     None, "2020-02-16"),
    ("Le Samedi 24 Novembre 2007, à dix heures, à la salle de conférences de la médiathèque, la COMMISSION "
     "PERMANENTE du C.D. s'est réunie sous la présidence de Madame Odile TECHER, Présidente.", "Odile TECHER", None),
])
def test_openings_with_abbreviations(text, president, convened):
    """A civility's full stop ("M.") or an abbreviation's ("C.D.") ends no sentence."""
    unit = Unit(text, Span(1, 1, None, text), 0)
    assert opening.is_opening([unit], 0)
    facts = {c: f.value for c, f in sitting.read([unit]).facts.items()}
    assert (facts.get("president"), str(facts.get("convocation_date"))) == (president, str(convened))


def test_a_staff_tables_effectif_is_no_count_of_members():
    """"Filière technique – Effectif : 3" in an item on the staff table: a bare "Effectif" is not read."""
    r = sitting.read([Unit("Filière technique – Effectif : 3", Span(1, 1, None, ""), 0)])
    assert "membres_en_exercice" not in r.facts


def test_the_ordinal_indicator_folds_as_the_number_sign():
    assert fold("Nº 2021/138") == "n° 2021/138"


# --- what a PDF leaves ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, stamp", [
    ("POINT N° 4 – Crise de l'eau – convention avec la Préfecture et Les Eaux de Mayotte pour la distribution", False),
    ("Le Maire rappelle que la Préfecture a validé le plan de financement le 3 mars.", False),
    ("Reçu en préfecture le 25 juin 2012", True),
    ("Préfecture – Contrôle de légalité", True),
    ("Acte rendu exécutoire après dépôt en Préfecture le 12/03/2024", True),
    ("Certifié exécutoire, reçu à la Sous-Préfecture le 4 mai", True),
])
def test_a_line_naming_the_prefecture_is_not_always_its_stamp(line, stamp):
    """Before, every line naming the prefecture was dropped as its stamp, and with it the heading
    of point 4 of a Mayotte council (745): points 3 and 4 read as one."""
    assert furniture.is_furniture(Unit(line, None, 0)) is stamp


def test_a_list_printed_surname_first_a_name_a_line():
    """"Assistaient à la réunion : Mesdames et Messieurs les élus" / "AHAMADA, Berthe" / "AÏT-ALI,
    Kadiatou" / …: before, "Berthe AÏT-ALI" was read across two lines."""
    assert read_list("Assistaient à la réunion :", "AHAMADA, Berthe", "AÏT-ALI, Kadiatou", "Mesdames DAUPHIN, Farida",
                     "DE LA FOURNIÈRE, Mikel (Président)") == [
        ("Berthe AHAMADA", None), ("Kadiatou AÏT-ALI", None), ("Farida DAUPHIN", None), ("Mikel DE LA FOURNIÈRE", None)]


@pytest.mark.parametrize("line", ["1.", "Page 1 sur 6 – Registre des délibérations",
                                  "Communauté d'agglomération Ouest de Bois-Breitenholtz :: Conseil communautaire",
                                  "Communauté d'agglomération de Port-Vallée, conseil communautaire, séance du lundi 22 octobre 2007"])
def test_page_furniture_inside_a_list(line):
    assert running.page_furniture(Unit(line, None, 0))


def test_a_list_closed_by_the_quorum_after_a_semicolon():
    assert read_list("Présents :", "DUPONT, Anne", "WEISS, Yoann ; le quorum est constaté.") == [
        ("Anne DUPONT", None), ("Yoann WEISS", None)]


# --- a reviewer's counter-examples: what must not change ------------------------------------------

def test_act_numbers_printed_above_their_items(tmp_path):
    """"Délibération n° 2024-051" / "2. Tarifs …": printed above the item it numbers (the first item
    having none), not closing the item above."""
    rows = write(tmp_path, OPENING + "1. Approbation du procès-verbal\nLe procès-verbal est adopté à l'unanimité.\n"
                 "Délibération n° 2024-051\n2. Tarifs de la cantine\nAdopté par 15 voix pour et 4 voix contre.\n"
                 "Délibération n° 2024-052\n3. Budget annexe de l'eau\nAdopté à l'unanimité.\n")
    assert numbers(rows)[-2:] == ["2024-051", "2024-052"] and votes(rows)[-2] == (15, 4, None)


@pytest.mark.parametrize("title", ["3. Marché de travaux – Lot n° 2024-03", "3. Attribution du marché (MAPA n° 2024-05)"])
def test_a_lot_or_a_contracts_number_is_not_the_acts(tmp_path, title):
    rows = write(tmp_path, OPENING + "1. Tarifs\nAdopté à l'unanimité.\n2. Subvention\nAdopté à l'unanimité.\n"
                 + title + "\nAdopté à l'unanimité.\n")
    assert numbers(rows) == ["1", "2", "3"]


def test_an_act_the_decision_cites_is_not_the_items_number(tmp_path):
    rows = write(tmp_path, OPENING + "1. Tarifs\nAdopté à l'unanimité.\n2. Règlement du cimetière\n"
                 "Le Conseil municipal, à l'unanimité, DÉCIDE d'abroger la délibération du 3 mars 2019 (DCM 2019-045).\n")
    assert numbers(rows) == ["1", "2"]


def test_a_motion_against_a_decision_is_a_deliberation(tmp_path):
    rows = write(tmp_path, OPENING + "1. Tarifs\nAdopté à l'unanimité.\n2. Motion contre la décision du Président du "
                 "Conseil départemental de fermer le collège\nAdoptée par 15 voix pour et 4 voix contre.\n")
    assert numbers(rows) == ["1", "2"] and votes(rows)[1] == (15, 4, None)


def test_a_designation_among_numbered_acts_is_kept(tmp_path):
    """An item without an act number whose decision is no vote ("DÉSIGNE M. Luc PETIT") is an act."""
    rows = write(tmp_path, OPENING + "1. Tarifs de la cantine (DCM 2024-01)\nAdopté à l'unanimité.\n"
                 "2. Désignation d'un délégué au SIVU scolaire\nLe Conseil municipal DÉSIGNE M. Luc PETIT délégué titulaire.\n"
                 "3. Budget annexe (DCM 2024-02)\nAdopté à l'unanimité.\n")
    assert numbers(rows) == ["DCM 2024-01", "2", "DCM 2024-02"]


def test_members_grouped_by_commune_are_read():
    assert read_list("Présents :", "Commune d'Arles : M. Paul DURAND, Mme Anne LEROY", "Commune de Vals : M. Luc PETIT") == [
        ("Paul DURAND", None), ("Anne LEROY", None), ("Luc PETIT", None)]


def test_a_role_after_a_surname_is_no_first_name():
    assert ("Secrétaire PETIT", None) not in read_list("Présents :", "DURAND, Paul", "PETIT, Secrétaire")


@pytest.mark.parametrize("holder_phrase", ["au profit de", "en faveur de"])
def test_a_proxy_given_to_a_civility_after_de(holder_phrase):
    """"Pouvoirs : M. MBAYE au profit de Mme GRAND-CLÉMENT ; …" (the generator's fourth hand): before,
    the civility after "de" opened an entry of its own, and the holder was read as a giver."""
    assert read_list(f"Pouvoirs : M. MBAYE {holder_phrase} Mme GRAND-CLÉMENT ; Mme THÉVENIN {holder_phrase} M. KOWALSKI") == [
        ("MBAYE", "GRAND-CLÉMENT"), ("THÉVENIN", "KOWALSKI")]
