"""Phrasings and layouts of the sixteenth round (2026-12-04; texts of the second hand,
tests/data/second_hand/dev 921–960): a département's "Relevé des décisions" laid out as three
columns with spaces under "Rapport n°   Objet   Décision", its result cell wrapping the word
"unani-" / "mité"."""
from __future__ import annotations

from pathlib import Path

from extractors import counts
from extractors.entries import entries
from extractors.stream import Unit
from pipeline.loaders.text_grid import header
from pipeline.stages import process
from tests.rows import VOTE, columns_of
from schemas import Span

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def votes_of(name: str) -> list[tuple]:
    return columns_of(SECOND_HAND / name, *VOTE)


def test_a_report_number_header_of_three_columns():
    # "Rapport n°         Objet          Décision": the header of a list of acts, as "N°  Objet  Vote"
    assert header("Rapport n°         Objet                  Décision") == [0, 19, 42]
    assert header("Délibération n°    Intitulé               Vote") == [0, 19, 42]


def test_a_departements_releve_with_unanimity_cut_by_a_hyphen():
    # 939: "Adopté à l'unani-" / "mité" in the Décision column; "Adopté - 44 voix pour" says no unanimity
    assert votes_of("939.txt") == [("21-CP-10-001", 44, 0, 0, True), ("21-CP-10-002", 44, 0, 0, True),
                                   ("21-CP-10-003", 34, None, 10, False), ("21-CP-10-004", 44, 0, 0, True),
                                   ("21-CP-10-005", 44, None, None, None)]


def test_items_ranked_with_a_dash_against_the_number():
    # 960: "1- DESSERTE AÉRIENNE (délibération n° 2026-01)", as "1 - …"; "Vote : 8 voix pour, 2 abstentions"
    # after "Présents : 7 - Représentés : 3 - Votants : 10" (a member left giving a proxy)
    assert votes_of("960.txt") == [("2026-01", 10, 0, 0, True), ("2026-02", 10, 0, 0, True),
                                   ("2026-03", 8, None, 2, False), ("2026-04", 10, 0, 0, True)]


def test_acts_coded_letters_year_number_head_their_items():
    # 958: "CA-25-021 – Compte financier unique 2024" (a CCAS's conseil d'administration)
    assert votes_of("958.txt") == [("CA-25-021", 13, 0, 0, True), ("CA-25-022", 12, None, 1, False),
                                   ("CA-25-023", 13, 0, 0, True)]


def test_a_proxy_whose_giver_carries_roles_before_the_holder():
    # 958: "M. Alain POTTIER, Maire, Président, à Mme Nadine DUQUESNOY ; …": one entry, giver and holder
    text = "M. Alain POTTIER, Maire, Président, à Mme Nadine DUQUESNOY ; Mme Yvette CARPENTIER à Mme Colette LEGRAND"
    assert [" ".join(e.replace(",", " ").split()) for e, _ in entries(text, proxies=True)] == \
        ["M. Alain POTTIER à Mme Nadine DUQUESNOY", "Mme Yvette CARPENTIER à Mme Colette LEGRAND"]
    # and the count box's "Pouvoirs 2" against the three proxies named is an error, not a doubt
    result = process(SECOND_HAND / "958.txt")
    assert [(f["check_id"], f["severity"]) for f in result.rows["findings"]] == [("attendance.proxy_count", "error")]
    assert ("Alain POTTIER", "Nadine DUQUESNOY") in {(p["giver"], p["holder"]) for p in result.rows["proxies"]}


def test_an_information_that_says_it_is_no_deliberation():
    # 940: "3. Programme LEADER – information" / "… (vote du comité de programmation : 11 pour,
    # 1 abstention). Cette information ne donne pas lieu à délibération.": another body's vote, no act
    assert [n for n, *_ in votes_of("940.txt")] == ["2018-12", "2018-13", "2018-14", "2018-15"]


def test_presents_said_out_of_the_members_in_office():
    # 940: "dix-neuf délégués sur trente sont présents": 19 présents, 30 in office (not 30 présents)
    text = "Le Président constate que dix-neuf délégués sur trente sont présents et que deux pouvoirs ont été remis."
    assert [(c.column, c.value) for c in counts.read([Unit(text, Span(1, 1), 0)])] == \
        [("presents", 19), ("membres_en_exercice", 30), ("pouvoirs", 2)]
    # "membres" may be a commission's (a CLECT's "14 membres sur 22 étaient présents", second reading):
    # the présents, not the seats
    assert [(c.column, c.value) for c in counts.read([Unit("12 membres sur 15 étaient présents", Span(1, 1), 0)])] == \
        [("presents", 12)]


def test_adopted_by_votes_no_side_named():
    # 940: "Le compte administratif 2017 est adopté par 20 voix." (the president withdrew): 20 pour
    assert votes_of("940.txt")[1] == ("2018-13", 20, None, None, None)


def test_acts_coded_letter_dot_number_slash_year():
    # 925: "D.31/2010 – ENFOUISSEMENT DES RESEAUX RUE DE LA FONTAINE"
    assert votes_of("925.txt") == [("D.31/2010", 13, 0, 0, True), ("D.32/2010", 9, 3, 2, False),
                                   ("D.33/2010", 11, None, 2, False), ("D.34/2010", 13, 0, 0, True)]


def test_act_code_year_letters_number_closing_a_title():
    # 953: "1. Compte de gestion 2022 (2023-DE-015)": the act's number, not the rank
    assert [n for n, *_ in votes_of("953.txt")][:6] == [f"2023-DE-0{k}" for k in range(15, 21)]


def test_a_wrapped_title_whose_next_line_gives_the_number_then_the_vote():
    # 953: "7. Adhésion au service de médecine préventive du Centre de gestion du Cantal" /
    # "(2023-DE-021) – unanimité.": an item of its own, its number and its vote
    assert votes_of("953.txt")[6:] == [("2023-DE-021", 14, 0, 0, True), ("2023-DE-022", 13, None, None, None)]


def test_a_count_ending_the_list_above_is_not_the_next_labels():
    # 931: "Présents : … Gérard KIEFFER – soit 11 membres" / "Pouvoir : Éric BARTHÉLEMY → Philippe CLÉMENT"
    lines = ["Présents : Catherine GÉHIN, Gérard KIEFFER – soit 11 membres", "Pouvoir : Éric BARTHÉLEMY → Philippe CLÉMENT"]
    found = counts.read([Unit(t, Span(1, i + 1), i) for i, t in enumerate(lines)])
    assert ("pouvoirs", 11) not in [(c.column, c.value) for c in found]
    assert {d["pouvoirs"] for d in process(SECOND_HAND / "931.txt").rows["deliberations"]} == {1}


def test_counts_without_colons_before_a_bracket_of_names():
    # 934: "Vote : POUR 23 – CONTRE 4 (M. BLONDEL, Mme MARTEL, M. DEMOL, M. DEBAS par pouvoir)."
    text = "Vote : POUR 23 – CONTRE 4 (M. BLONDEL, Mme MARTEL, M. DEMOL, M. DEBAS par pouvoir)."
    assert [(c.column, c.value) for c in counts.read([Unit(text, Span(1, 1), 0)])] == [("pour", 23), ("contre", 4)]
    assert votes_of("934.txt")[1] == ("2025-002", 23, 4, None, False)
