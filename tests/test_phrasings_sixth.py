"""Phrasings of the sixth round (2026-12-03), found on the fourth hand of generator phrasings
(tests/generator/data/dev4): item headings numbered "§ 1", "(IV)", "D.2015.24 –", "Numéro :
2017-173" over "Titre :"; an item's title under a rank that prints none ("Point n°3 de l'ordre
du jour" / "Objet | …")."""
from __future__ import annotations

import pytest

from tests.test_phrasings import UNANIMITY, sitting
from tests.test_phrasings_third import read_list

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
