"""Phrasings of the sixth round (2026-12-03), found on the fourth hand of generator phrasings
(tests/generator/data/dev4): item headings numbered "§ 1", "(IV)", "D.2015.24 –", "Numéro :
2017-173" over "Titre :"; an item's title under a rank that prints none ("Point n°3 de l'ordre
du jour" / "Objet | …")."""
from __future__ import annotations

import pytest

from tests.test_phrasings import UNANIMITY, sitting

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
