"""Phrasings of the sixth round (2026-12-03), found on the fourth hand of generator phrasings
(tests/generator/data/dev4): item headings numbered "§ 1", "(IV)", "D.2015.24 –", "Numéro :
2017-173" over "Titre :"; an item's title under a rank that prints none ("Point n°3 de l'ordre
du jour" / "Objet | …")."""
from __future__ import annotations

import pytest

from tests.test_phrasings import UNANIMITY, sitting
from tests.test_phrasings_fifth import read_sitting
from tests.test_phrasings_third import read_counts, read_list

COUNTS = "Présents : 12 – Pouvoirs : 2 – Votants : 14"


@pytest.mark.parametrize("first, second, numbers, title", [
    ("§ 1 Tarifs de la cantine", "§ 2 Budget annexe", ["1", "2"], "Tarifs de la cantine"),
    ("(I) Tarifs de la cantine", "(II) Budget annexe", ["I", "II"], "Tarifs de la cantine"),
    ("D.2015.24 – Tarifs de la cantine", "D.2015.25 – Budget annexe", ["D.2015.24", "D.2015.25"],
     "Tarifs de la cantine"),
    ("Numéro : 2017-173\nTitre : Tarifs de la cantine", "Numéro : 2017-174\nTitre : Budget annexe",
     ["2017-173", "2017-174"], "Tarifs de la cantine"),
    ("Numéro : 2017-173\nDélibération portant sur : Tarifs de la cantine",
     "Numéro : 2017-174\nDélibération portant sur : Budget annexe", ["2017-173", "2017-174"], "Tarifs de la cantine"),
])
def test_item_headings_of_a_fourth_hand(tmp_path, first, second, numbers, title):
    rows, _ = sitting(tmp_path, COUNTS, items=[(first, UNANIMITY), (second, UNANIMITY)])
    assert [r["numero"] for r in rows] == numbers
    assert rows[0]["objet"] == title


@pytest.mark.parametrize("objet", [
    "Objet | Tarifs de la cantine",
    "Objet\tTarifs de la cantine",
    "Objet ........ : Tarifs de la cantine",
    "OBJET — Tarifs de la cantine",
    "Objet du rapport : Tarifs de la cantine",
])
def test_a_title_under_a_rank_that_prints_none(tmp_path, objet):
    """Every item a rank ("Point n°2 de l'ordre du jour", which is no title), its title on the
    line under it, "Objet" parted from it in a way of its own: the ranks are the items even
    where only some "Objet" lines read as headings."""
    items = [("Point n°1 de l'ordre du jour\nObjet : Budget annexe", UNANIMITY),
             (f"Point n°2 de l'ordre du jour\n{objet}", UNANIMITY),
             ("Point n°3 de l'ordre du jour\nObjet : Cimetière", UNANIMITY)]
    rows, _ = sitting(tmp_path, COUNTS, items=items)
    assert [(r["numero"], r["objet"]) for r in rows] == [
        ("1", "Budget annexe"), ("2", "Tarifs de la cantine"), ("3", "Cimetière")]


def test_a_table_row_named_objet_is_still_no_title(tmp_path):
    """A loan's characteristics ("Objet | Financement de la ZAC") inside an item titled by
    its heading: the heading's title stays."""
    rows, _ = sitting(tmp_path, COUNTS, items=[
        ("1. Emprunt auprès de la Banque des territoires",
         "Caractéristiques :\nObjet | Financement de la ZAC\nMontant | 500 000 €\n" + UNANIMITY),
        ("2. Budget annexe", UNANIMITY)])
    assert rows[0]["objet"] == "Emprunt auprès de la Banque des territoires"


@pytest.mark.parametrize("first, second, numbers, title", [
    ("Sujet n° 1\nOBJET — TARIFS DE LA CANTINE", "Sujet n° 2\nObjet de la décision : BUDGET ANNEXE", ["1", "2"],
     "TARIFS DE LA CANTINE"),
    ("Délibération n° 200604101\nObjet\tTarifs de la cantine", "Délibération n° 200604102\nTitre : Budget annexe",
     ["200604101", "200604102"], "Tarifs de la cantine"),
    ("Réf. : DEL-2025-025\nConcerne : Tarifs de la cantine", "Réf. : DEL-2025-026\nConcerne : Budget annexe",
     ["DEL-2025-025", "DEL-2025-026"], "Tarifs de la cantine"),
])
def test_ranks_and_references_over_their_title(tmp_path, first, second, numbers, title):
    rows, _ = sitting(tmp_path, COUNTS, items=[(first, UNANIMITY), (second, UNANIMITY)])
    assert [r["numero"] for r in rows] == numbers
    assert rows[0]["objet"] == title


def test_a_title_in_capitals_ends_where_the_capitals_do(tmp_path):
    rows, _ = sitting(tmp_path, COUNTS, items=[
        ("Sujet n° 1\nOBJET — ADOPTION DU PROCÈS-VERBAL DE LA RÉUNION PRÉCÉDENTE (SÉANCE DU 19 JUILLET 2022)\n"
         "Madame Gwenola LUTZ demande des précisions sur le calendrier ; il lui est répondu que les travaux débuteront",
         UNANIMITY), ("Sujet n° 2\nObjet : Budget annexe", UNANIMITY)])
    assert rows[0]["objet"] == "ADOPTION DU PROCÈS-VERBAL DE LA RÉUNION PRÉCÉDENTE (SÉANCE DU 19 JUILLET 2022)"


PAGE = "{n}.\nRegistre des délibérations – Commune de Lussagnet – 17.08.2021\n"


def test_page_numbers_and_running_headers_of_a_text_extraction(tmp_path):
    """A text extraction keeps each page's number ("1.") and running header ("Registre des
    délibérations – …", which also opens an extract): inside an item they are neither an
    item's rank nor a new extract; the items are the "Dossier N :" ones."""
    items = [("Dossier 1 : Tarifs de la cantine",
              "Le Conseil municipal, après en avoir délibéré,\n" + PAGE.format(n=1) + "FIXE les tarifs.\n" + UNANIMITY),
             ("Dossier 2 : Budget annexe", "Après en avoir délibéré,\n" + PAGE.format(n=2) + UNANIMITY),
             ("Dossier 3 : Cimetière", "2.\nLe Conseil municipal se prononce favorablement à l'unanimité.")]
    rows, _ = sitting(tmp_path, COUNTS, items=items)
    assert [(r["numero"], r["objet"], r["presents"]) for r in rows] == [
        ("1", "Tarifs de la cantine", 12), ("2", "Budget annexe", 12), ("3", "Cimetière", 12)]


def test_names_printed_surname_first_with_a_comma():
    """"Monsieur SANGARÉ, Émeric": one member, not "SANGARÉ" and "Émeric"; a list of proxies
    in two columns ("MBAYE, Eugénie⇥VAUTRIN, Kenza", the tab lost): giver, then holder."""
    assert read_list("Présents :", "Monsieur SANGARÉ, Émeric, Maire (présidence)", "Monsieur PIERRON, Teddy",
                     "Madame DE BRIANÇON, Teva") == [("SANGARÉ, Émeric", None), ("PIERRON, Teddy", None),
                                                     ("DE BRIANÇON, Teva", None)]
    assert read_list("Présents : DE BRIANÇON, Teva ; WEISS, Tugdual ; M. DUPONT, Mme MARTIN, DURAND") == [
        ("DE BRIANÇON, Teva", None), ("WEISS, Tugdual", None), ("DUPONT", None), ("MARTIN", None), ("DURAND", None)]
    assert read_list("Ont donné pouvoir de voter en leur nom :", "MBAYE, Eugénie\tVAUTRIN, Kenza",
                     "DE BRIANÇON, Teva\tSOILIHI, Jocelyn") == [("MBAYE, Eugénie", "VAUTRIN, Kenza"),
                                                               ("DE BRIANÇON, Teva", "SOILIHI, Jocelyn")]

    # a proxy printed with an arrow under the last line of présents: its own entry
    assert read_list("Présents : M DUPREZ, Renaud ; M AHAMADA, Nabil",
                     "FERNANDES, Claudette [excusée] → RUIZ, Anatole") == [
        ("DUPREZ, Renaud", None), ("AHAMADA, Nabil", None), ("FERNANDES, Claudette", "RUIZ, Anatole")]


@pytest.mark.parametrize("nobody", ["Nul", "Personne", "RAS", "Néant", "Sans objet"])
def test_a_list_that_names_nobody(nobody):
    assert read_list(f"Étai(en)t absent(s) : {nobody}") == []


# --- the sitting -------------------------------------------------------------------------------

@pytest.mark.parametrize("header, body", [
    ("[COMMUNAUTÉ D'AGGLOMÉRATION OUEST DE LARZABAL]", "COMMUNAUTÉ D'AGGLOMÉRATION OUEST DE LARZABAL"),
    ("* MAIRIE DE BOIS-HOHENFELD-LA-NEUVE (HAUT-RHIN) *", "BOIS-HOHENFELD-LA-NEUVE"),
    ("RF – VILLE DE PETIT-LARZABAL – SERVICE DES ASSEMBLÉES", "PETIT-LARZABAL"),
    ("Département du Haut-Kirchbach – Service des séances (collectivité émettrice)", "Département du Haut-Kirchbach"),
    ("Émetteur : Communauté d'agglomération Ouest de Mérandol", "Communauté d'agglomération Ouest de Mérandol"),
])
def test_a_body_named_in_a_frame_or_with_its_service(header, body):
    assert read_sitting(header, "Séance du 12 juin 2017")["collectivite"] == body


def test_a_verb_after_the_council_names_no_commune():
    """"… propose au conseil municipal d'examiner ce point ajouté à" / "l'ordre du jour"."""
    facts = read_sitting("Le 12 juin 2017, le conseil municipal de cette commune était réuni à la mairie.",
                         "En raison de l'urgence, Madame la Maire propose au conseil municipal d'examiner ce point ajouté à",
                         "l'ordre du jour.")
    assert facts.get("collectivite") is None


@pytest.mark.parametrize("opening, place, time", [
    ("Le 12 juin 2017, à 18H15, le conseil municipal de cette commune était réuni au siège du syndicat, sur la "
     "convocation qui lui a été adressée le 02.06.2017.", "siège du syndicat", "18:15"),
    ("Sur convocation de Madame Hinano CARRIÈRE, Présidente, en date du 18.07.2007, le Conseil communautaire de "
     "l'agglomération précitée s'est réuni le 24.07.2007 à 10:30 au carbet communal, sous sa présidence.",
     "carbet communal", "10:30"),
    ("Séance du 16/07/2019 : le CONSEIL MUNICIPAL, convoqué le 2 juillet 2019, s'est réuni à quatorze heures quinze "
     "à la Maison France Services sous la présidence de Monsieur Romuald GUTIERREZ, Maire.",
     "la Maison France Services", "14:15"),
    ("Conformément au Code général des collectivités territoriales, le Conseil municipal de la commune précitée "
     "s'est réuni le 20.01.2011, à dix-neuf heures, à la salle de réunion du siège administratif, sous la "
     "présidence de M. BAUDOIN, Maire.", "la salle de réunion du siège administratif", "19:00"),
])
def test_places_and_openings_of_a_fourth_hand(opening, place, time):
    facts = read_sitting(opening)
    assert (facts.get("lieu"), facts.get("session_time")) == (place, time)


@pytest.mark.parametrize("where", ["en séance ordinaire", "au lieu habituel de ses séances", "en son siège",
                                   "en visioconférence"])
def test_no_place_named(where):
    """A sitting's form, its usual place, "son siège", a video call: no place an analyst can use."""
    facts = read_sitting(f"Le 2 mai 2006, la commission permanente du Département s'est réunie {where}, "
                         "à vingt heures, sous la présidence de M. Jean DUPONT.")
    assert facts.get("lieu") is None


@pytest.mark.parametrize("lines, convened, sitting_date", [
    (["Le Mercredi 9 Septembre 2015, à 18H00, le Conseil municipal de cette commune était réuni à l'ancienne "
      "école, sur la convocation qui lui a été adressée le 27 août 2015 ; la séance est présidée par M. X."],
     "2015-08-27", "2015-09-09"),
    (["Le vingt six du mois de novembre de l'année deux mille quinze, à 20h, le Conseil municipal de la commune "
      "précitée, convoqué à domicile le 23 novembre 2015, a tenu séance en salle Jean-Moulin."],
     "2015-11-23", "2015-11-26"),
    (["Sur convocation de Mme Houria LEWANDOWSKI, Maire de notre commune, en date du dimanche 19 avril 2009, "
      "le Conseil municipal s'est réuni le 25 avril 2009 à la mairie."], "2009-04-19", "2009-04-25"),
    (["Séance du 24 septembre 2020", "Le comité syndical a été convoqué selon les règles en vigueur le 15-09-2020."],
     "2020-09-15", "2020-09-24"),
])
def test_convocations_said_in_a_sentence(lines, convened, sitting_date):
    facts = read_sitting(*lines)
    assert (facts["convocation_date"].isoformat(), facts["session_date"].isoformat()) == (convened, sitting_date)


def test_a_convocation_of_someone_else_is_not_the_sittings():
    facts = read_sitting("Séance du 24 septembre 2020", "Le conseil d'école a été convoqué le 3 mars 2020.")
    assert facts.get("convocation_date") is None


def test_abbreviated_labels_before_values_in_words():
    """"Exercice", "Pvrs", "Vot." are labels only before a separator and a number, in digits
    or in words ("un (1)": zéro, un and deux are words text2num leaves); "Exercice 2024" is a year."""
    assert read_counts("Exercice : ......... quinze (15)", "Mbres présents : ......... treize (13)",
                       "Pvrs : ......... un (1)", "Vot. : quatorze (14)") == \
        {"membres_en_exercice": 15, "presents": 13, "pouvoirs": 1, "votants": 14}
    assert read_counts("Pouvoirs : deux (2)") == {"pouvoirs": 2}
    assert read_counts("Exercice 2024 : 15 000 €") == {}
    assert read_counts("Exercice : 2024") == {}


def test_a_list_of_proxies_interleaved_with_its_count_box():
    """The box's lines ("Exercice .......... : vingt-deux", "Nbre présents … : seize") between
    the list's lines are counts, not the list's end: every proxy is read."""
    assert read_list("Abs. représentés :",
                     "Madame BONIFAY, Josette – procuration remise à Monsieur BROUDIC, Jean-Sébastien",
                     " Exercice .......... : vingt-deux",
                     "Madame DE LA FOURNIÈRE, Lysiane – procuration remise à Monsieur ANDLAUER, Eugène",
                     " Nbre présents .......... : seize",
                     "Madame DEBRUYNE, Lan – procuration remise à Monsieur AÏT-ALI, Jean-Christophe") == [
        ("BONIFAY, Josette", "BROUDIC, Jean-Sébastien"), ("DE LA FOURNIÈRE, Lysiane", "ANDLAUER, Eugène"),
        ("DEBRUYNE, Lan", "AÏT-ALI, Jean-Christophe")]
