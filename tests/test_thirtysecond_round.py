"""The thirty-second round: the round's dev texts (tests/data/second_hand/dev 2161-2240, the first forty
written to study families of consistent documents — roll-call tables, agendas followed by their items,
notes and footnotes, suppléants counted, moves said inside the attendance list, relevés whose rows wrap,
items ranked without act numbers, votes given with names — the next forty to the ordinary brief), and
probes (tests/data/second_reading/r32_*.txt). Each test asserts what a document says and fails on the
round's start (77a6a75), unless its docstring says it guards a reading the start had (six do: three of them the
code review's probes, tests/data/second_reading/r32_rv_*.txt)."""
from __future__ import annotations

from tests.rows import column, dev_text as dev, errors, numbers, probe_text, votes


# --- suppléants sitting ------------------------------------------------------------------------------

def test_deputies_sitting_count_among_the_presents():
    """"Délégués titulaires présents : 13" / "Délégués suppléants siégeant : 2" / "Pouvoirs : 1" /
    "Votants : 16": the two suppléants sit for absent titulaires and vote (the start read 13 présents
    and reported présents + pouvoirs ≠ votants)."""
    rows = probe_text("r32_suppleants_siegeant")
    assert column(rows, "presents") == [15] and errors(rows) == []


# --- an agenda, then its items ---------------------------------------------------------------------

def test_an_agenda_whose_items_come_again_in_the_body():
    """"Ordre du jour :" / "1. Délibération n° 2024-01 – Tarifs de l'eau 2024" / "2. Délibération n°
    2024-02 – …", then the same two headings, each with its vote: two deliberations (the start read the
    agenda and the first item as one, numbered 2024-02, with the first item's vote)."""
    rows = probe_text("r32_agenda_then_items")
    assert numbers(rows) == ["2024-01", "2024-02"]
    assert [v[1:4] for v in votes(rows)][0] == (13, None, 2)


def test_a_label_ending_its_line_its_leaders_and_value_on_the_next():
    """"Nombre de membres … assistant à la séance ……… 11  |  Absents avec pouvoir" / "……… 3  |  Total
    (présents + pouvoirs) ……… 14": the 3 is the pouvoirs' (the start read none)."""
    assert column(probe_text("r32_leaders_next_line"), "pouvoirs") == [3]


def test_a_page_number_between_leaders_is_no_value():
    """"… par 13 voix pour et" / "1 ABSTENTION(S)" / "...4...": the 4 is a page's number (guards a reading
    the start had)."""
    rows = probe_text("r32_leaders_page_number")
    assert votes(rows) == [(None, 13, None, 1, False)] and errors(rows) == []


def test_councillors_of_an_agglomeration_are_members():
    """"Conseillères et conseillers d'agglomération afférents : 66" / "Nombre de conseillères et conseillers
    d'agglomération assistant à la séance ⇥ Pvrs ⇥ Votants effectifs" over "52 ⇥ 9 ⇥ 61"."""
    rows = probe_text("r32_conseillers_agglomeration")
    assert [(d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) for d in rows["deliberations"]] \
        == [(66, 52, 9, 61)]


# --- relevés printed as tables whose rows wrap ----------------------------------------------------

def test_a_row_whose_number_stands_alone_above_its_tab_cells():
    """"CC-2022-201" / "⇥Finances – Budget primitif 2023 –" / "⇥budget principal" / "⇥⇥189⇥160⇥21⇥8", a page's
    footer between two rows: seven acts (the start read one, with no vote)."""
    rows = dev(2184)
    assert numbers(rows) == [f"CC-2022-{n}" for n in range(201, 208)]
    assert votes(rows)[4] == ("CC-2022-205", 140, 30, 14, False) and column(rows, "votants")[4] == 184


def test_a_relevé_typed_with_pipes_its_rows_wrapped_where_the_line_ran_out():
    """"2022-11-02 | Budget principal 2022 - Décision modificative n° 2 | Pour : 32" / "Contre : 7 Abstentions :
    2 | Adopté", a stamp between two rows: twelve acts, the one planted error (act 09, 39 of 41)."""
    rows = dev(2236)
    assert numbers(rows) == [f"2022-11-{n:02d}" for n in range(1, 13)]
    assert votes(rows)[1] == ("2022-11-02", 32, 7, 2, False) and errors(rows) == [("votes.breakdown", 9)]


def test_a_markdown_row_cut_between_two_figures():
    """"| DEL-24-1008 | Eau potable et assainissement - Tarifs 2025 | 130 | 106 | 24" / "| 0 | 0 | Adoptée |"."""
    rows = dev(2234)
    assert len(numbers(rows)) == 12 and votes(rows)[7] == ("DEL-24-1008", 106, 24, 0, False)


def test_a_vote_line_under_a_row_ends_that_act():
    """"⇥Mme Sonia HAEGEL⇥Pour 56 / Contre 24 / Abst. 8" / "⇥⇥Votants : 88 (*)" then "DEL-2022-0428": the 88
    are 0427's voters; "⇥⇥NPPV : la Présidente (art. L. 2121-14)" one non-voter (the start reported three
    false errors)."""
    rows = dev(2166)
    assert column(rows, "votants")[6] == 88 and column(rows, "non_votants")[0] == 1 and errors(rows) == []
    # "⇥Mme la Présidente⇥Unanimité des votants" / "⇥⇥(88)": 0428's own voters, the number on the row's next line
    assert votes(rows)[7] == ("DEL-2022-0428", 88, 0, 0, True) and column(rows, "votants")[7] == 88


# --- headings --------------------------------------------------------------------------------------

def test_a_rank_and_its_title_with_no_separator():
    """"N° 1   Approbation du procès-verbal …" / "       Adopte a l'unanirnité." … "N° 16  Motion …": sixteen
    items (the start read one, and gave it a false error)."""
    rows = dev(2238)
    assert numbers(rows) == [str(n) for n in range(1, 17)] and errors(rows) == []


def test_acts_of_a_commission_numbered_with_a_two_digit_year():
    """"13-CP-302  RD 918 – …" / "[25]  Unanimité   → ADOPTÉ" (each row's votants in brackets): the acts
    (the start read none); "Absent à l'ouverture (1) :" ends the list of proxies above it."""
    rows = dev(2237)
    assert numbers(rows)[:3] == ["13-CP-302", "13-CP-303", "13-CP-304"] and len(numbers(rows)) == 9
    assert votes(rows)[2] == ("13-CP-304", 6, 19, 0, False) and errors(rows) == []


def test_a_heading_set_between_rules():
    """"—— Délibération n° 2021-012 – Débat d'orientation budgétaire 2021 ——": eight items (the start read
    the minutes as one, with a false error)."""
    rows = dev(2224)
    assert numbers(rows)[1:4] == ["2021-012", "2021-013", "2021-014"] and len(numbers(rows)) == 8
    assert errors(rows) == []


def test_a_report_s_rank_before_its_act():
    """"Rapport 10 → délibération CPR 26-02-017", the reports taken out of order."""
    assert numbers(dev(2200))[:7] == [f"CPR 26-02-0{n}" for n in range(17, 24)]


def test_bulleted_ranks():
    """"• 1. Compte rendu de la séance du 7 mars 2024" … "• 6. Forêt communale …": six items."""
    assert numbers(dev(2170)) == [str(n) for n in range(1, 7)]


def test_a_rank_before_an_act_with_a_bracket_after_its_number():
    """"1. Délibération n° 2009/121 (rapport n° 9) – Subvention exceptionnelle …": the act's number."""
    assert numbers(dev(2190))[:2] == ["2009/121", "2009/122"]


def test_the_approval_of_the_minutes_said_on_its_own_line():
    """"Approbation du procès-verbal de la séance du 15 décembre 2025 : adopté à l'unanimité." above "1 -
    D-2026-014 - …": an item of its own; and "Point n° l de l'ordre du jour - Approbation du compte rendu …"
    (OCR's l for 1)."""
    assert numbers(dev(2230))[1:3] == ["D-2026-014", "D-2026-015"]
    rows = dev(2163)
    assert numbers(rows)[:2] == [None, "2016-41"] and column(rows, "unanimite")[0] is True


# --- counts -----------------------------------------------------------------------------------------

def test_a_restated_total_of_presents_with_the_deputies():
    """"Delegues titulaires presents : l2" / "Delegues suppleants siegeant avec voix deliberat.: 2" / "Total des
    delegues presents avec voix deliberative: 14" / "Votants : 15" (the start: a false error, 12 + 1 ≠ 15)."""
    rows = dev(2171)
    assert column(rows, "presents") == [14] and errors(rows) == []


def test_a_note_s_call_after_a_figure_of_a_table():
    """"17CP.122 … 36  0  0  2 (l)": two non-voters, their note's call read by OCR as "(l)"."""
    rows = dev(2194)
    assert column(rows, "non_votants")[2] == 2 and errors(rows) == []


def test_the_room_printed_with_the_item_s_voters():
    """"Pour cette délibération : présents 14 – représentés 2 – votants 16." under an opening of 15 présents
    and 2 pouvoirs (the start: a false error, 15 + 2 ≠ 16)."""
    rows = dev(2201)
    assert (column(rows, "presents"), column(rows, "votants")) == ([14], [16]) and errors(rows) == []


def test_values_first_in_tab_cells():
    """"27 ⇥ présents" / "5 ⇥ pouvoirs" / "32 ⇥ votants"."""
    rows = dev(2235)
    assert (column(rows, "presents")[0], column(rows, "votants")[0]) == (27, 32)


def test_a_rule_on_proxies_is_no_count_and_a_capitalised_outcome_closes_a_row():
    """"(quorum : un tiers des membres ; deux pouvoirs par membre au plus)" is no pouvoirs count; "CP-2021-07-007
    Agriculture - Aide aux filières en circuits courts Unanimité" an act decided: twelve acts."""
    rows = dev(2240)
    assert len(numbers(rows)) == 12 and 2 not in column(rows, "pouvoirs")


def test_labels_over_values_one_space_apart_record_a_vote():
    """"Votants Pour Contre Abstention NPPV" / "42 30 12 0 0" under each act."""
    assert votes(dev(2182))[1] == ("2010-284", 30, 12, 0, False)


def test_proxies_before_the_voices_they_make():
    """"Neuf membres présents, deux pouvoirs : onze voix délibératives.": 2 pouvoirs, not 11."""
    assert set(column(dev(2193), "pouvoirs")) == {2}


# --- guards: readings the start had ------------------------------------------------------------------

def test_another_sitting_s_counts_beside_a_vote_are_not_this_room():
    """"Le procès-verbal de la séance du 9 décembre 2025 (11 présents, 3 pouvoirs, 14 votants) est approuvé à
    l'unanimité des 13 votants.": the opening's 11 and 2 stay (guard)."""
    rows = dev(400)
    assert (column(rows, "presents")[0], column(rows, "pouvoirs")[0]) == (11, 2)


def test_a_summary_of_acts_above_their_minutes_stays_no_decision():
    """"2024-08  Cession du terrain communal AK 37 …   Rejetée" in a summary above "2024-08 – CESSION …" (guard)."""
    assert numbers(dev(691))[3:5] == ["2024-08", "2024-09"]


def test_a_decision_s_bulleted_points_are_no_items():
    """"DÉCIDE :" / "• 1. Approuve le plan de financement …" / "• 2. Sollicite …": one act, 2024-022 (the
    review's probe: the first version of the bulleted rank read four items "1" to "4", no vote). (guard)"""
    assert numbers(probe_text("r32_rv_bullet_decision_points")) == ["2024-022"]


def test_a_seat_number_in_a_roll_call_is_no_count():
    """"Mme Agnès POTEL ⇥ 4 ⇥ absente": the 4 is her seat, not four absents (the review's probe: the bar allowed
    between a number and its label read it so, and warned). (guard)"""
    rows = probe_text("r32_rv_seat_table")
    assert [f["severity"] for f in rows["findings"] if f["check_id"] == "attendance.members_total"] == ["notice"]


def test_a_markdown_row_missing_its_last_bar_stays_a_row():
    """A row ending without its closing "|", then "| 4 | … |": five acts (the review's probe: joined, one lost). (guard)"""
    assert len(numbers(probe_text("r32_rv_markdown_missing_bar"))) == 5


def test_a_move_between_the_rows_of_a_typed_relevé_stays_where_it_stands():
    """"M. Thierry PERCHEY quitte la séance à 20 h 15 sans donner pouvoir (présents 28 - votants 32)." between
    two rows: the acts after it voted by 32 (the review's probe: the move was put after the table, 33)."""
    rows = probe_text("r32_rv_pipes_move_between_rows")
    assert column(rows, "votants") == [33, 33, 32, 32, 32] and errors(rows) == []


def test_a_running_footer_with_bars_across_a_typed_relevé():
    """"Ville de Dieppe | Conseil municipal | Liste des délibérations | page 1/2" between two rows: a footer,
    no act (the start read it as one), the rows after it read on."""
    assert numbers(probe_text("r32_rv_pipes_footer")) == [f"2023-07-0{n}" for n in range(1, 6)]
