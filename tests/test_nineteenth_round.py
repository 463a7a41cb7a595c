"""The nineteenth round: two dev sets written to the held-out brief (tests/data/second_hand/dev
1121-1200), read as a new user would; each test asserts what a document says, and fails on the
round's start (623903d)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import named_votes
from extractors.stream import Span, Unit
from pipeline.stages import process

DEV = Path(__file__).parent / "data" / "second_hand" / "dev"


def units(*lines: str) -> list[Unit]:
    return [Unit(t, Span(1, k + 1, None, t), k) for k, t in enumerate(lines)]


def findings(rows: dict, check_id: str) -> list[dict]:
    return [f for f in rows.get("findings", []) if f["check_id"] == check_id]


# --- members named with a side's count: votes.named_count -----------------------------------

def test_seven_against_with_six_names_is_found(read):
    """790: "Contre : 7 (SOLER Yasmina, LANGLOIS Sophie, MASSON Josiane, ARNAUD Peio, HENRY
    Charlotte, PRIGENT" / "Monique)": the names wrap onto the next line."""
    rows = read("790")
    d = rows["deliberations"][1]
    assert (d["numero"], d["contre"], d["contre_nommes"]) == ("M2023-202", 7, 6)
    (f,) = findings(rows, "votes.named_count")
    assert (f["severity"], f["seq"], f["expected"], f["actual"]) == ("error", 2, "7", "6")
    assert f["message"] == "Contre : 7, mais 6 membres nommés"


def test_names_in_brackets_after_a_prose_vote(read):
    """747: "… par 27 voix pour et 5 voix contre" / "(Mme BARRÈRE, M. JOURDAN, Mme VIDAL,
    M. DUBOSC, Mme LABORDE et M. LACAZE)."."""
    rows = read("747")
    (d,) = [d for d in rows["deliberations"] if d["numero"] == "DEL-2024-104"]
    assert (d["pour"], d["contre"], d["contre_nommes"]) == (27, 5, 6)
    assert [f["seq"] for f in findings(rows, "votes.named_count")] == [d["seq"]]


def test_a_roll_call_by_side(read):
    """1097: "– ont voté contre (3) : MM. PARRY, DEVAUD, MONTEIL ;" / "– s'est abstenu (1) :
    M. LAVERGNE."; the "pour" list votes for an absent member too ("AUBRUN (et pour Mme PEYROT,
    par procuration)"): its names do not count its voices."""
    rows = read("1097")
    d = rows["deliberations"][0]
    assert (d["pour"], d["contre"], d["abstentions"]) == (10, 3, 1)
    assert (d["pour_nommes"], d["contre_nommes"], d["abstentions_nommes"]) == (None, 3, 1)
    assert findings(rows, "votes.named_count") == []


@pytest.mark.parametrize("stem", ["875", "1090", "246"])
def test_members_not_voting_in_brackets_are_not_the_side(read, stem):
    """875: "Abstentions : 0 (M. Éric STRAUMANN et Mme Odile" / "UHLRICH-MALLET ne prennent pas
    part au vote)"; 1090: "par 10 voix pour (M. le Président," / "représenté, ne prenant pas part
    au vote)"; 246: "Adopté par 22 voix pour (Mme BOISSIÈRE ne prenant pas part au vote)."."""
    rows = read(stem)
    assert findings(rows, "votes.named_count") == []
    assert all(d[c] is None for d in rows["deliberations"]
               for c in ("pour_nommes", "contre_nommes", "abstentions_nommes"))


@pytest.mark.parametrize("lines, expected", [
    (["Contre : 4 (Mmes GAUTRON, GERVAIS, MM. DEVAVRY, MONMARTHE) – Abstentions : 2 (Mmes DEFERT et NOLOT)"],
     [("contre", 4, 4, 0), ("abstentions", 2, 2, 0)]),
    (["Contre : 3 (P.-M. FERRANDI, N. ROCCA, C. ZUCCARELLI)"], [("contre", 3, 3, 0)]),
    (["Ont voté contre : DUMOLLARD, TROUILLOUD (pouvoir), RIONDET, MAGNIN, soit 4 voix."], [("contre", 4, 4, 0)]),
    (["Ont voté contre : M. Yann KIEFFER, Mme Laura MULLER (2)"], [("contre", 2, 2, 0)]),
    (["Ont voté contre (6) : M. ROUX et, par procuration, M. PELLEGRIN, Mme CHABRAND, M. EYRAUD,",
      "Mme FAURE-BRAC, M. ARMAND."], [("contre", 6, 6, 0)]),
    (["Contre : 11 (UDC) – Abstentions : 15 (FIC, NI)"], []),  # groups by their acronyms
    (["Abstentions : 7 (groupe « Le Cannet Demain » et M. MAUNIER)"], []),
    (["Contre : 5 (Saint-Maur Avenir)"], []),  # a group's name, not a member's
    (["Pour : 20 (dont M. DURAND par procuration)"], []),
    (["Ont voté POUR (10) : Mmes et MM. ALBERTINI, CASALTA, GIUDICELLI (+ pouvoir TOMASI), ROCCA,"], []),
    (["Ont voté contre : Mme BERGÉ Camille, Mme BONNET Estelle"], []),  # no count said with them
])
def test_named_votes_read_lists_of_members_only(lines, expected):
    assert named_votes.read(units(*lines)) == expected


# --- layouts of relevés -----------------------------------------------------------------------

def test_markdown_rows_left_open_and_wrapped(read):
    """1177: "| 25-301  | Budget supplémentaire 2025 -   | M. DARNAUD    | Pour : 52" / "|  |
    budget principal et budgets annexes |  | Contre : 15" / "|  |  |  | Abstention : 0": rows
    without their last "|", each act's cells wrapped over the rows below, a stamp between."""
    ds = read("1177")["deliberations"]
    assert [d["numero"] for d in ds] == [f"25-30{k}" for k in range(1, 9)]
    assert [(d["pour"], d["contre"], d["abstentions"]) for d in ds[:3]] == [(52, 15, 0), (50, 0, 15), (52, 0, 15)]
    assert ds[0]["objet"] == "Budget supplémentaire 2025 - budget principal et budgets annexes"
    assert (ds[6]["pour"], ds[6]["contre"], ds[6]["abstentions"]) == (52, 0, 15)


def test_act_numbers_year_code_number(read):
    """1188: "2024-CP-0201   AMBITION MOSELLE - Programme d'aide aux communes - 1re répartition"."""
    ds = read("1188")["deliberations"]
    assert [d["numero"] for d in ds] == [f"2024-CP-020{k}" for k in range(1, 8)]
    assert (ds[5]["pour"], ds[5]["contre"], ds[5]["abstentions"]) == (44, 0, 6)


def test_numbered_over_the_year_withdrawn_and_delegated_left_out(read):
    """1192: "N° 45/2008  Désignation des délégués …" (no dash before the title); "N° 53/2008 …
    - RETIREE DE L'ORDRE DU JOUR" is no deliberation, nor the mayor's "- D 2008/11 : signature
    d'un contrat …" under "Décisions prises par le Maire en vertu de l'article L.2122-22"."""
    ds = read("1192")["deliberations"]
    assert [d["numero"] for d in ds] == [f"{n}/2008" for n in (45, 46, 47, 48, 49, 50, 51, 52, 54)]


def test_list_titled_over_two_lines_and_its_first_act(read):
    """1158: "LISTE DES DÉLIBÉRATIONS ADOPTÉES PAR LE CONSEIL MUNICIPAL" / "LORS DE SA SÉANCE DU
    MARDI 22 NOVEMBRE 2016"; the first act, right under the list's title, is an act ("2016-11-145
    Approbation du procès-verbal …" / "→ adoptée à l'unanimité"), not an agenda line."""
    ds = read("1158")["deliberations"]
    assert [d["numero"] for d in ds] == [f"2016-11-1{n}" for n in range(45, 52)]
    assert str(ds[0]["session_date"]) == "2016-11-22" and ds[0]["unanimite"] is True
    # "→ adoptée à la majorité": said not unanimous; "→ adoptée": neither said
    assert [d["unanimite"] for d in ds] == [True, False, False, True, False, True, None]
    assert ds[0]["president"] == "Philippe RAVEL"


def test_a_commission_vote_wrapped_in_brackets_is_not_the_councils(read):
    """1136: "La commission des finances, réunie le 2 avril 2019, a émis un avis favorable (5 voix
    pour," / "1 abstention)." above the council's "VOTE : POUR 30 – CONTRE 5"."""
    rows = read("1136")
    d = rows["deliberations"][0]
    assert (d["numero"], d["pour"], d["contre"], d["abstentions"]) == ("2019/045", 30, 5, None)
    assert findings(rows, "votes.breakdown") == []


def test_a_spaced_table_of_acts_its_header_wrapped(read):
    """1140: "N° de la         Objet                                           Vote" / "délibération"
    over "CA-2014-31       Compte administratif 2013          Adopté - 18 voix pour" and the
    result's wrapped lines; "Présents ou suppléés : 17"."""
    ds = read("1140")["deliberations"]
    assert [d["numero"] for d in ds] == [f"CA-2014-3{k}" for k in range(1, 7)]
    assert (ds[0]["presents"], ds[0]["pouvoirs"], ds[0]["votants"], ds[0]["pour"]) == (17, 2, 19, 18)
    assert (ds[3]["pour"], ds[3]["abstentions"]) == (17, 2)


def test_a_spaced_table_of_acts_numbered_by_code(read):
    """1148: "N° DCP            Rapport / Objet                                          Décision"."""
    rows = read("1148")
    ds = rows["deliberations"]
    assert [d["numero"] for d in ds] == [f"DCP2024_05{k}" for k in range(12, 19)]
    assert (ds[5]["pour"], ds[5]["contre"]) == (28, 6)
    assert findings(rows, "votes.breakdown") == []


def test_the_rank_column_is_not_the_act_number(read):
    """1155: "N° ordre  N° délib.   Objet   Décision": the act's number is the second column's."""
    assert [d["numero"] for d in read("1155")["deliberations"]] == [f"2013-1{n}" for n in range(19, 25)]


def test_an_act_number_beside_the_sitting_in_a_register(read):
    """1144: "Séance du 26 mai 2011                Délibération n° 2011-05-01" atop each extract."""
    assert [d["numero"] for d in read("1144")["deliberations"]] == ["2011-05-01", "2011-05-02", "2011-05-03"]


def test_one_stamp_under_three_extracts_numbers_only_its_own(read):
    """1124: "Point n° 1 – DCM 2014-11-01" below the lists of members of each extract; the one
    stamp ("057-215706280-20141201-DCM2014_11_01-DE"), under the first, numbers none of them."""
    assert [d["numero"] for d in read("1124")["deliberations"]] == \
        ["DCM 2014-11-01", "DCM 2014-11-02", "DCM 2014-11-03"]


@pytest.mark.parametrize("stem, numbers", [
    ("1172", ["2023-031", "2023-033", "2023-034", "2023-035", "2023-036"]),  # "(il n'y a pas lieu à vote)"
    ("1198", ["DC-2026-004", "DC-2026-006", "DC-2026-007", "DC-2026-008", "DC-2026-009", "DC-2026-010",
              "DC-2026-011"]),  # "Le Conseil prend acte de la tenue du débat … (sans vote)."
])
def test_an_act_said_not_voted_is_no_deliberation(read, stem, numbers):
    assert [d["numero"] for d in read(stem)["deliberations"]] == numbers


def test_reports_numbered_by_chapter(read):
    """1191: "0.1 - Approbation …", "1.1 - Budget principal …", "5.2 - Tramway …", "9.1 - Plan
    local d'urbanisme …", "12.3 - …", "14.1 - Motion …": most chapters have no report."""
    ds = read("1191")["deliberations"]
    assert [d["numero"] for d in ds] == ["0.1", "1.1", "5.2", "9.1", "12.3", "14.1"]
    assert (ds[4]["presents"], ds[4]["votants"], ds[4]["pour"], ds[4]["contre"], ds[4]["abstentions"]) == \
        (88, 123, 106, 9, 8)
    assert (ds[5]["presents"], ds[5]["votants"]) == (88, 123)  # the later count holds over the earlier move's


def test_the_room_counted_again_between_two_items_holds_after(read):
    """1184: "quittent la séance." / "Présents : 78 – Pouvoirs : 15 – Votants : 93" above
    19AP.205; 19AP.206 "Pour : 74 – … – Ne prennent pas part au vote : 19" is 93 - 19."""
    rows = read("1184")
    d = rows["deliberations"][5]
    assert (d["numero"], d["presents"], d["votants"], d["pour"], d["non_votants"]) == ("19AP.206", 78, 93, 74, 19)
    assert findings(rows, "votes.breakdown") == []
    assert [f["severity"] for f in rows["findings"]] == ["notice"] * len(rows["findings"])


def test_an_act_code_after_the_point_and_a_motion_to_adjourn(read):
    """1194: "Point n° 2 — DCM 2017-01 — Théâtre municipal …"; "La demande [de report] est
    rejetée." above "Vote : 16 pour, 6 contre" is not the item's result."""
    rows = read("1194")
    ds = rows["deliberations"]
    assert [d["numero"] for d in ds] == ["1"] + [f"DCM 2017-0{k}" for k in range(1, 6)]
    assert (ds[2]["pour"], ds[2]["contre"], ds[2]["resultat"]) == (16, 6, "adopte")
    assert findings(rows, "votes.result_consistent") == []


def test_a_register_extract_without_its_lists(read):
    """1196: the second extract prints its counts and "M. Echati HALIDI quitte la séance … et donne
    procuration à M. Moussa BOINA", no list: one proxy read is not its list of six (a notice);
    "Ousseni HALIFA par Kamardine M'DERE" (an apostrophe is no "M." civility)."""
    rows = read("1196")
    assert ("Ousseni HALIFA", "Kamardine M'DERE") in [(p["giver"], p["holder"]) for p in rows["proxies"]]
    assert [f["severity"] for f in findings(rows, "attendance.proxy_count")] == ["notice", "notice"]
    assert findings(rows, "proxy.holder_present") == []


def test_a_relevé_with_dot_leaders(read):
    """1152: "5 - Budget communal : décision modificative n° 2 ...................... 21 POUR - 3 ABST."."""
    d = read("1152")["deliberations"][4]
    assert (d["numero"], d["objet"], d["pour"], d["abstentions"]) == ("5", "Budget communal : décision modificative n° 2", 21, 3)


# --- the second reading: probes the change first read worse (tests/data/second_reading/r19_*) ------

SECOND_READING = Path(__file__).parent / "data" / "second_reading"


def _as_labelled(d: dict, key: str):
    return {"adopte": True, "rejete": False}.get(d.get("resultat")) if key == "adopted" else d.get(key)


@pytest.mark.parametrize("stem", sorted(p.stem for p in SECOND_READING.glob("r19_*.txt")))
def test_second_reading_probe(stem):
    """Each probe's label names the deliberations it must give (their count, and the fields it
    is about), and whether an error is right ("inconsistency": null, none)."""
    label = json.loads((SECOND_READING / f"{stem}.json").read_text(encoding="utf-8"))
    rows = process(SECOND_READING / f"{stem}.txt").rows
    got = rows.get("deliberations", [])
    assert len(got) == len(label["deliberations"])
    for d, want in zip(got, label["deliberations"]):
        assert {k: _as_labelled(d, k) for k in want} == want
    if "inconsistency" in label:
        errors = [f["message"] for f in rows.get("findings", []) if f["severity"] == "error"]
        assert bool(errors) == (label["inconsistency"] is not None), errors


def test_two_roll_calls_on_one_line():
    """The second reading of the code: "Ont voté pour (24) : … . Ont voté contre (3) : …" on one
    line gave the first statement only."""
    lines = units("Ont voté pour (2) : M. LACOMBE, Mme FABRE. Ont voté contre (3) : M. DUPONT, Mme DURAND.")
    assert named_votes.read(lines) == [("pour", 2, 2, 0), ("contre", 2, 3, 0)]


def test_a_roll_call_ends_at_the_next_item():
    """"Ont voté contre (3) : M. DUPONT, Mme DURAND, M. MARTIN" / "2. Budget primitif 2024": the
    list ends at the next item's rank."""
    lines = units("Ont voté contre (3) : M. DUPONT, Mme DURAND, M. MARTIN", "2. Budget primitif 2024")
    assert named_votes.read(lines) == [("contre", 3, 3, 0)]
