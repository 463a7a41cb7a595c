"""Whole-session minutes read by extractors/deliberation.py (phrasings taken from real minutes):
one session header, numbered items, counts per range of items, members who leave."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import deliberation
from pipeline.loaders import new_document
from pipeline.loaders.text import load_text

PV = """CONSEIL MUNICIPAL DU 5 JUILLET 2021
L'an deux mille vingt-et-un, le cinq juillet, le Conseil Municipal s'est réuni sous la présidence de M. Paul LE BIHAN, Maire.
Mme Trefina KERRAIN, ayant obtenu la majorité des suffrages, a été désignée pour remplir ces fonctions.
Étaient présents :
Paul LE BIHAN - Eric ROBERT - Trefina KERRAIN - Anne LE GUEN
Était absent : Jean-Yves CALLAC
Procurations :
Yves NEDELLEC (procuration à Trefina KERRAIN)
Questions 1 et 2 :
4 présents
1 procuration 5 votants
Question 3 à la fin :
Départ de Monsieur Eric ROBERT (procuration à Anne LE GUEN)
3 présents
2 procurations 5 votants
1 - Subvention à l'association Habitat jeunes
Le Conseil Adopte.
2 - Tarifs 2021
Adopté par 4 voix « Pour » et 1 voix « Blanc ».
3 - Tarifs de la cantine
Adopté à l'unanimité.
4 - Informations du maire : Information
Le maire rend compte de ses décisions.
"""


@pytest.fixture(scope="module")
def doc():
    raw = PV.encode("utf-8")
    return deliberation.extract(load_text(new_document(Path("pv.txt"), raw), raw))


def test_one_row_per_item_with_the_session(doc):
    rows = doc.records["deliberations"]
    assert [r["numero"] for r in rows] == ["1", "2", "3"]
    assert {r["session_date"] for r in rows} == {dt.date(2021, 7, 5)}
    assert {r["president"] for r in rows} == {"Paul LE BIHAN"}
    assert {r["secretaire"] for r in rows} == {"Trefina KERRAIN"}


def test_counts_per_range_of_items(doc):
    rows = doc.records["deliberations"]
    assert [(r["presents"], r["pouvoirs"], r["votants"]) for r in rows] == [(4, 1, 5), (4, 1, 5), (3, 2, 5)]


def test_votes_and_information_items(doc):
    """An item that records no decision ("Informations du maire") is no deliberation."""
    rows = doc.records["deliberations"]
    assert rows[0]["resultat"] == "adopte"
    assert (rows[1]["pour"], rows[1]["resultat"]) == (4, "adopte")
    assert (rows[2]["unanimite"], rows[2]["resultat"]) == (True, "adopte")
    assert "4" not in [r["numero"] for r in rows]


def test_departure_changes_attendance_and_proxies(doc):
    att = {(a["seq"], a["name"]): a for a in doc.records["attendance"]}
    assert att[(1, "Eric ROBERT")]["status"] == "present"
    assert (att[(3, "Eric ROBERT")]["status"], att[(3, "Eric ROBERT")]["proxy_holder"]) == ("absent", "Anne LE GUEN")
    assert att[(1, "Jean-Yves CALLAC")]["status"] == "absent"
    proxies = {(p["seq"], p["giver"], p["holder"]) for p in doc.records["proxies"]}
    assert (1, "Yves NEDELLEC", "Trefina KERRAIN") in proxies and (3, "Eric ROBERT", "Anne LE GUEN") in proxies


def test_claims_its_ranges(doc):
    kinds = [(b.kind, b.key) for b in doc.blocks]
    assert kinds == [("deliberation", "seq=1"), ("deliberation", "seq=2"), ("deliberation", "seq=3")]
