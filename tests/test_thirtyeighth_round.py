"""The thirty-eighth round: the round's dev texts (tests/data/second_hand/dev 2641-2720, the first forty written
to study families of phrasings, the next forty to the ordinary brief leaning to the Massif central and the Rhône
valley) and the probes the round's reading found. Each test asserts what a document says and fails on the round's
start (c3771c5), unless its docstring says it guards a reading the start had."""
from __future__ import annotations

from tests.rows import dev_text as dev, errors, numbers, probe_text as probe, room, sides


def test_counts_under_each_vote_tally_that_vote():
    """"Le Conseil municipal adopte les tarifs par 24 voix pour." / "Présents : 21 – Pouvoirs : 3 – Votants : 24",
    then a blank line: the counts in the vote's paragraph, its figures adding up to them, are that item's, after two
    members left above its heading (the start gave item 2 item 1's counts, the line under item 1's vote taken for the
    head of item 2)."""
    rows = probe("r38_tally_under_each_vote")
    assert [room(rows, k) for k in (1, 2, 3)] == [(23, 2, 25), (21, 3, 24), (21, 3, 24)]
    assert [d["pour"] for d in rows["deliberations"]] == [25, 24, 24]
    assert errors(rows) == []


def test_the_2020_election_form_with_its_formula_and_ont_obtenu_alone():
    """The official form of the mayor's election: "e. Nombre de suffrages exprimés [b – (c + d)] : 13" (the formula
    in square brackets between the label and its value: the start read no ballot) and "Ont obtenu :" alone on its
    line over the candidates' voices (12 + 1)."""
    ballot, = probe("r38_election_form_2020")["ballots"]
    assert [ballot[c] for c in ("votants", "blancs_nuls", "exprimes", "majorite_absolue", "voix", "candidats")] == \
        [15, 2, 13, 7, 13, 2]


# --- lists of acts ------------------------------------------------------------------------------------------------

def test_codes_wider_than_their_header_and_rows_wrapped_to_the_left_margin():
    """"Rapport        Objet        Décision" over "CP.2023-11-20.1-1  Routes - RD 900 - … -   Adopté à" /
    "acquisitions foncières (12 parcelles)        l'unanimité" (the code runs past the second column's start, the
    wrapped line starts under the code: the start read one deliberation)."""
    rows = dev(2677)
    assert numbers(rows) == ["CP.2023-11-20.1-1", "CP.2023-11-20.2-3", "CP.2023-11-20.3-2", "CP.2023-11-20.4-1",
                             "CP.2023-11-20.5-4"]
    assert sides(rows, 1) == (24, 0, 0, True) and sides(rows, 2) == (20, None, 4, False)
    assert errors(rows) == [("attendance.proxy_count", 1)]  # planted: "Pouvoirs : 3", four proxies listed


def test_a_wrapped_row_of_a_table_typed_off_its_columns_keeps_its_last_cell():
    """"2016.07.CP.011  Amenagement numerique …   M. FOURNIER   Pour : 26" / "   n° 4 a la convention …   Contre : 8":
    the second line's vote goes on the row's last cell (guards the start's reading, kept when the round's tables
    typed off their header's columns were first joined)."""
    assert sides(dev(1818), 11) == (26, 8, None, False)


def test_a_list_of_acts_typed_as_fields_between_semicolons():
    """"• 2023-179 ; Budget primitif 2024 – Budget principal ; adoptée : 32 pour, 7 contre" (the start read one
    deliberation); the planted 33 + 5 ≠ 39 found."""
    rows = dev(2716)
    assert numbers(rows) == [f"2023-{n}" for n in range(178, 187)]
    assert sides(rows, 6) == (30, 4, 5, False) and ("attendance.votants", 1) in errors(rows)


def test_a_row_whose_pipes_are_all_printed_and_its_last_cell_on_the_next_line():
    """"CP 2020-10-1.01 | Aide aux communes - … (52 dossiers, 1 386 420 €) |" / "Adopté à l'unanimité", "… |
    Adopté :" / "Pour 26 - Abstentions 11 (groupe …)" (the start lost each outcome printed under its row)."""
    rows = dev(2705)
    assert sides(rows, 1) == (37, 0, 0, True) and sides(rows, 3) == (26, None, 11, False)
    assert sides(rows, 8) == (31, 6, None, False)


def test_an_act_number_with_a_two_figure_year_closing_a_ranked_title():
    """"2. DÉBAT D'ORIENTATION BUDGÉTAIRE 2021 – Délibération n° 21-038" (the start kept the rank, 2)."""
    assert numbers(dev(2682)) == ["1"] + [f"21-0{n}" for n in range(38, 44)]


def test_the_delegating_deliberation_cited_is_no_act_of_the_bureau():
    """"… et de la délibération" / "n° C 2020-07-089 du 16 juillet 2020 portant délégation d'attributions au Bureau
    (adoptée" / "par 58 voix pour et 10 abstentions)." (the start read it as the first act, with its votes); "Mme
    Soazig AB-" / "GRALL" listed present holds "Mme ABGRALL"'s proxy (the start gave a false error)."""
    rows = dev(2645)
    assert numbers(rows) == [f"B 2023-03-02{n}" for n in range(1, 5)]
    assert sides(rows, 2) == (17, 0, 2, False) and room(rows, 3) == (16, 3, 18)
    assert errors(rows) == []


# --- abbreviations and capitals -----------------------------------------------------------------------------------

def test_counts_and_votes_abbreviated_in_capitals():
    """"MEMBRES EN EX. : 17 | PRES. : 12 | REPR. : 2 | VOT. : 14", "VOTE : P : 14 / C : 0 / ABST. : 0", "VOTE : P 12 -
    CTRE 0 - ABST. 2", and "VOT. : 13 - P 13 / C 0 / ABST. 0" over "INFORMATION (SANS VOTE)" (the start read no
    members in office nor proxies, and lost the last act)."""
    rows = dev(2661)
    assert numbers(rows) == ["CA 2023-31", "CA 2023-32", "CA 2023-33", "CA 2023-34"]
    assert rows["deliberations"][0]["membres_en_exercice"] == 17 and room(rows, 1) == (12, 2, 14)
    assert sides(rows, 2)[:3] == (12, 0, 2) and room(rows, 4)[2] == 13 and sides(rows, 4)[:3] == (13, 0, 0)


def test_ocr_figures_in_abbreviated_votes_and_a_number_sign_without_its_degree():
    """"VOT. 14 - P l2 - CTRE 2 - ABST. O", "DELIBERATION N 2017/18 - BUDGET PRIMITIF 2017", "SOUS LA PRES. DE M.
    HOUYVET GERARD, MAIRE" (the start read no vote for the first act, "N 2017/18" for its number, no president)."""
    rows = dev(2673)
    assert numbers(rows) == ["2017/18", "2017/19", "2017/20", "2017/21"]
    assert sides(rows, 1)[:3] == (12, 2, 0) and room(rows, 3)[2] == 13
    assert rows["deliberations"][0]["president"] == "HOUYVET GERARD"


def test_presents_represented_and_voters_by_their_initials():
    """"N 2021-045 | P : 23 / R : 4 / V : 27 | TARIFS …" (the start read 27 votants alone)."""
    assert room(dev(2674), 1) == (23, 4, 27)


# --- the room -----------------------------------------------------------------------------------------------------

def test_two_members_coming_back_in_one_sentence():
    """"M. QUÉRÉ et Mme TANGUY réintègrent la séance." under "Présents : 22 – Pouvoirs : 5" (the start read no return:
    two false errors, 21 listed present and 4 proxies)."""
    rows = dev(2656)
    assert room(rows, 4) == (22, 5, 27) and errors(rows) == []


def test_votants_alone_over_a_vote_said_in_a_sentence():
    """"Votants : 34" / "Adopté à l'unanimité (34 voix). M. Pierre DURAND et M. Lionel RAVEL, … n'ont pas pris part au
    vote." under an opening of 36 votants (the start kept 36)."""
    rows = dev(2708)
    assert room(rows, 1)[2] == 34 and sides(rows, 1)[0] == 34


def test_the_statutes_total_of_voices_is_no_vote():
    """"… d'une voix, soit 56 voix au total." in the statutes quoted above the counts (the start cut the extract in
    two there); the weighted vote "Pour : 37   Contre : 4" read with the extract."""
    rows = dev(2696)
    assert numbers(rows) == ["CS-2015-07"] and sides(rows, 1)[:2] == (37, 4)
    assert rows["deliberations"][0]["president"] == "Franck BOUVIER"


def test_an_extract_numbered_by_its_act_code():
    """"EXTRAIT N° DEL 2018-201" over each extract of a register (the start read no act number and gave every row
    the stamp's "DEL2018_201"); the planted 29 + 5 ≠ 33 of the second extract found."""
    rows = dev(2649)
    assert numbers(rows) == ["DEL 2018-201", "DEL 2018-202", "DEL 2018-203"]
    assert errors(rows) == [("attendance.votants", 2)]


# --- corrections and votes of other acts --------------------------------------------------------------------------

def test_counts_a_rectification_says_were_wrong_are_not_read():
    """"Mentions erronées : « Présents : 25 – Pouvoirs : 3 – Votants : 29 »" above the extract's own box (the start
    read 3 pouvoirs and gave two false errors)."""
    rows = dev(2676)
    assert room(rows, 1) == (25, 4, 29) and errors(rows) == []


def test_a_recital_naming_the_commission_permanente_keeps_its_quoted_vote_out():
    """"Vu la délibération n° 2021-07-01-05 du Conseil départemental …" / "portant délégation d'attributions à la
    Commission permanente, adoptée par 42 voix pour" / "et 8 abstentions ;" (the commission a complement, not the
    sentence's subject: the start read 42 pour and 8 abstentions for the act, adopted "à l'unanimité (27 voix)")."""
    assert sides(dev(2651), 1) == (27, 0, 0, True)


def test_an_earlier_deliberation_quoted_with_its_vote():
    """"M. LEMESLE rappelle que la délibération du 26 septembre 2022, adoptée par 30 voix pour" / "et 2 contre, a fixé
    les tarifs 2023 ; …" / "Adopté par 29 voix pour et 3 voix contre." (the start read 30 and 2)."""
    assert sides(dev(2678), 4)[:2] == (29, 3)


# --- the code review's probes (a helper's texts, tests/data/second_reading/r38_rv_*): neighbours read right ---------

def test_counts_heading_each_item_are_not_taken_for_the_vote_above():
    """"… adopte la décision modificative par 25 voix pour." / "Présents : 20 – Pouvoirs : 4 – Votants : 24": the
    counts do not tally the vote above (25), they head the next item; nor a count "(à compter de la délibération
    suivante)", nor under "… prend acte …" (no figure to tally)."""
    assert [room(probe("r38_rv_02_tally_counts_head_next_item"), k) for k in (1, 2, 3)] == \
        [(22, 3, 25), (20, 4, 24), (19, 4, 23)]
    assert [room(probe("r38_rv_04_tally_recount_for_rest"), k) for k in (1, 2, 3)] == \
        [(48, 7, 55), (45, 8, 53), (45, 8, 53)]
    assert [room(probe("r38_rv_68_tally_under_vote_arrival_on_vote_line"), k) for k in (1, 2, 3)] == \
        [(19, 2, 21), (20, 2, 22), (20, 2, 22)]


def test_a_withdrawn_row_does_not_take_the_motion_under_the_table():
    """"2022-064 | Cession du véhicule de voirie (point retiré de l'ordre du jour) |" / "Motion de soutien … : adoptée
    par 20 voix pour et 2 abstentions.": an empty last cell goes on with an outcome only."""
    assert sides(probe("r38_rv_17_piped_next_section_no_blank"), 4) == (None, None, None, None)


def test_the_mayors_decisions_between_semicolons_are_no_acts():
    """"2024-015 ; Contrat de maintenance des ascenseurs ; Otis ; 3 480 € HT": no outcome among its fields."""
    assert numbers(probe("r38_rv_22_semicolon_decisions_same_shape")) == ["2024-041", "2024-042", "2024-043"]


def test_abbreviations_near_other_words():
    """"Adjoint d'animation, Ctre : 2 postes" (a centre's posts, not two votes against); "les parcelles cadastrées P 12,
    C 45, A 23" (plots, not a vote)."""
    assert sides(probe("r38_rv_25_abbrev_ctre_centre"), 1) == (28, 0, 0, True)
    rows = probe("r38_rv_26_abbrev_p_c_a_cadastre")
    assert sides(rows, 1) == (21, 0, 0, True) and errors(rows) == []


def test_a_header_ending_on_the_acts_word_is_no_citation():
    """"Numéro et objet de la délibération" over "CP/2016-OCT/01.04 …", "Numéro et objet de l'acte" over each act: the
    code under it heads its act."""
    assert numbers(probe("r38_rv_34_citing_header_de_la_deliberation"))[0] == "CP/2016-OCT/01.04"
    assert numbers(probe("r38_rv_35_citing_card_labels")) == [f"SDEF/21-06/0{n}" for n in range(1, 5)]


def test_votants_of_a_past_sitting_over_a_reported_vote():
    """"Le Maire rappelle le vote de la séance du 30 janvier 2023 …" / "Votants : 33" / "Le Conseil municipal avait
    alors adopté les tarifs à l'unanimité.": not this vote's (35)."""
    assert room(probe("r38_rv_49_votants_over_past_sitting"), 1)[2] == 35


def test_numbers_cited_at_a_titles_end_and_an_extracts_page():
    """"1. TARIFS DE LA CANTINE – … ADOPTÉ PAR DÉLIBÉRATION N° 21-112", "3. CESSION DE L'IMMEUBLE RUE JEAN JAURÈS (N°
    12-14)": the ranks stay; "Extrait n° 2019-1 – certifié conforme au registre" under each act numbers nothing."""
    assert numbers(probe("r38_rv_53_title_ends_cited_short_act")) == ["1", "2", "3"]
    assert numbers(probe("r38_rv_56_extrait_numbered_pages")) == ["2019-031", "2019-032"]


def test_the_acts_own_vote_certified_and_a_commission_addressed():
    """"Certifié exécutoire : la délibération du 14 mars 2024, adoptée par 25 voix pour et 6 contre" (the act's own);
    "… il est demandé à la Commission permanente" / "d'approuver …, adopté par 36 voix pour et 6 abstentions."."""
    assert sides(probe("r38_rv_58_past_vote_own_certified"), 1)[:2] == (25, 6)
    assert sides(probe("r38_rv_60_speaks_council_complement"), 1)[:3] == (36, None, 6)


def test_counts_corrected_in_the_sitting_are_read():
    """"Le décompte erroné de la convocation est corrigé en séance : Présents : 14 – Pouvoirs : 2 – Votants : 16."."""
    assert room(probe("r38_rv_64_erroneous_quote_correct_counts"), 1) == (14, 2, 16)
