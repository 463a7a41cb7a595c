"""The thirty-sixth round: the round's dev texts (tests/data/second_hand/dev 2481-2560, the first forty written
to study families of phrasings — counts and votes in flattened tables, reports of decisions taken under delegation,
sittings suspended or spread over two days, presidents named by their function, figures near the counts that are no
counts, votes restated, dates in uncommon forms, bodies of small or unusual kind — the next forty to the ordinary
brief, the Atlantic side and the Pyrenees). Each test asserts what a document says and fails on the round's start
(3e235c0), unless its docstring says it guards a reading the start had."""
from __future__ import annotations

import datetime as dt

from benchmarks import patterns_backtracking
from extractors import restated
from tests.rows import column, dev_text as dev, errors, numbers, probe_text as probe, room, sides


# --- items of a relevé ------------------------------------------------------------------------------------------

def test_a_bureaus_codes_after_n_degree_with_a_title_after_spaces_or_a_bar():
    """"N° B2021-08    Convention avec l'ADEME …" / "DECISION : adoptée - 1 abstention (M. TRESCAZES)", "N° BC-2021-013 |
    Habitat | Garantie d'emprunt …" (the start read one deliberation of each relevé); an item "reportée au Bureau du 1er
    juin 2021" and one "Retirée de l'ordre du jour" decide nothing and are left out."""
    rows = dev(2542)
    assert numbers(rows) == ["B2021-07", "B2021-08", "B2021-10"]
    assert sides(rows, 2)[2:] == (1, False)
    rows = dev(2524)
    assert numbers(rows) == ["BC-2021-012", "BC-2021-013", "BC-2021-015", "BC-2021-016"]
    assert sides(rows, 4)[:2] == (31, 2)


def test_a_report_taken_note_of_in_a_relevés_result_column():
    """"2022-001  Débat d'orientations budgétaires 2022 ……… Il est pris acte" above "2022-002  Restauration de l'église
    …" wrapped onto "… (tranche 2 : 312 400 € HT) ... Unanimité": each act its row (the start joined the first two and
    shifted every vote up one act)."""
    rows = dev(2513)
    assert numbers(rows) == [f"2022-00{n}" for n in range(1, 6)]
    assert [sides(rows, seq)[:3] for seq in (3, 4)] == [(23, 4, None), (25, None, 2)]


def test_a_vote_after_an_amount_in_euros_written_e():
    """"… il s'équilibre en fonctionnement à 168 300 E et" / "en investissement à 94 750 E. Voté : 7 pour." (the start
    read items 2 and 3 as one)."""
    rows = dev(2550)
    assert numbers(rows) == ["2009-05", "2009-06", "2009-07"]
    assert sides(rows, 2)[0] == 7


# --- the sitting's date ----------------------------------------------------------------------------------------

def test_a_month_in_roman_figures():
    """"SEANCE DU 3/IV/2024", "Convocation : 28/III/2024" (the start read no date)."""
    assert column(dev(2510), "session_date") == [dt.date(2024, 4, 3)]


def test_the_sitting_after_the_body_and_its_organ_on_a_running_header():
    """"Ville de Nogent-le-Rotrou – Conseil municipal – SÉANCE DU 14.03.2023              1/3" (the start read no
    date)."""
    assert set(column(dev(2512), "session_date")) == {dt.date(2023, 3, 14)}


def test_a_session_of_two_days_opened_on_the_first():
    """"SÉANCE PLÉNIÈRE DES 16 ET 17 DÉCEMBRE 2021" / "Première journée – jeudi 16 décembre 2021" (the start read no
    date)."""
    assert set(column(dev(2493), "session_date")) == {dt.date(2021, 12, 16)}


# --- a count box drawn around one column ----------------------------------------------------------------------

def test_a_box_of_one_column_heads_its_extract():
    """"│ Séance du 10 juillet 2020    │" … "│ VOTE : Pour 28 – Contre 5    │" / "│        Abstention 0          │" above
    "Délibération n° D2020-072" and the sentence "… par 27 voix pour et 6 voix contre": one deliberation, its date
    read in the box, the two votes reported as disagreeing (the start read the box as a deliberation of its own)."""
    rows = dev(2506)
    assert numbers(rows) == ["D2020-072"]
    assert column(rows, "session_date") == [dt.date(2020, 7, 10)] and room(rows) == (29, 4, 33)
    assert errors(rows) == [("votes.restated", 1)]


def test_a_boxs_title_wrapped_in_its_first_column():
    """"Conseillers       En exercice : 33     Votants : 31" / "municipaux        Présents : 26        Pour : 27" / …
    above "N° 2016-09-118 – CONVENTION …": the box heads its act (the start read the box as a deliberation of its own
    and the act as a second)."""
    rows = dev(2507)
    assert numbers(rows) == ["2016-09-118"] and room(rows) == (26, 5, 31) and sides(rows, 1)[:3] == (27, 0, 4)


def test_the_chair_hands_the_chair_over_and_comes_back():
    """"Le Président, directement intéressé, quitte la salle à 18 h 40 et confie la présidence de la séance à Mme …" /
    "Présents : 18 – …" … "À 18 h 55, M. LABEYRIE regagne la salle et reprend la présidence." (guards a reading the
    start had; the round's first version, reading the counts with the move, kept 18 to the end)."""
    assert column(dev(2020), "presents") == [19, 19, 18, 19, 19]


# --- bodies ------------------------------------------------------------------------------------------------------

def test_bodies_of_unusual_kind():
    """A hospital's "CONSEIL DE SURVEILLANCE", a régie's "CONSEIL D'EXPLOITATION", a section de commune's "COMMISSION
    SYNDICALE" (the start read no organ), the hospital and the régie as the collectivité."""
    rows = dev(2517)
    assert set(column(rows, "organe")) == {"Conseil de surveillance"}
    assert set(column(rows, "collectivite")) == {"CENTRE HOSPITALIER DE PÉRIGUEUX"}
    rows = dev(2520)
    assert column(rows, "organe") == ["Conseil d'exploitation"]
    assert column(rows, "collectivite") == ["REGIE MUNICIPALE DE L'EAU ET DE L'ASSAINISSEMENT DE SAINT-YRIEIX-LA-PERCHE"]
    assert set(column(dev(2516), "organe")) == {"Commission syndicale"}


def test_a_body_beside_its_address():
    """"COMMUNAUTE DE COMMUNES OCEAN-MARAIS DE MONTS                    46 place de la Paix" (the start read none)."""
    assert set(column(dev(2552), "collectivite")) == {"COMMUNAUTE DE COMMUNES OCEAN-MARAIS DE MONTS"}


# --- act numbers -------------------------------------------------------------------------------------------------

def test_a_councils_code_after_n_degree_in_an_extracts_header():
    """"N° 20221210-OJ03" alone, "N° 2023.1745.CP" under the title, "Réunion du 8 mars 2024        N° 2024-CP-03-027"
    (the start read none)."""
    assert numbers(dev(2533)) == [f"20221210-OJ0{n}" for n in (3, 4, 5)]
    assert numbers(dev(2532)) == ["2023.1745.CP"]
    assert numbers(dev(2549)) == ["2024-CP-03-027"]


# --- the room of the vote ------------------------------------------------------------------------------------------

def test_the_chair_out_for_the_accounts_only():
    """"La Maire ayant quitte la salle, Mme Florence CHARPENTIER, Première Adjointe, préside pour ce point. Présents : 26
    – …": 26 for the compte administratif, 27 again after it (the start kept 26 to the end)."""
    assert column(dev(2509), "presents") == [26, 27, 27, 27, 27]


def test_an_extracts_own_counts_after_departures():
    """"présents à l'ouverture : 37 – pouvoirs : 5 – votants : 42" / "… ont quitté la seance." / "Pour la présente
    délibération : présents 33 – pouvoirs 7 – votants 40" (the start kept the opening's)."""
    assert room(dev(2494)) == (33, 7, 40)


def test_counts_after_a_move_whose_sentence_wraps():
    """"… quitte la salle et ne prend part ni au debat ni au vote. Il etait porteur du pouvoir de M. Gilles" /
    "AMESTOY." / "(Presents : 19 - Pouvoirs : 4 - Votants : 23)" (the start kept 20 and 25)."""
    assert room(dev(2521)) == (19, 4, 23)


def test_votants_alone_over_the_votes_labels():
    """"… ne prennent pas part au vote." / "Votants : 59" / "POUR : 41 (…)" / "CONTRE : 0" / "ABSTENTION : 18" under an
    opening of 61 votants (the start kept 61)."""
    assert room(dev(2532)) == (49, 12, 59)


# --- votes --------------------------------------------------------------------------------------------------------

def test_an_earlier_acts_vote_recalled_with_its_date():
    """"Le Maire rappelle que, par délibération du 14 mars 2019 adoptée par 20 voix pour et 3 abstentions, …" above "Le
    Conseil municipal, après en avoir délibéré, à l'unanimité :" (the start took 20 and 3)."""
    assert sides(dev(2501), 1) == (24, 0, 0, True)


def test_a_closing_sentence_naming_the_acts_adopted_unanimously():
    """"Les délibérations n° 2022-079, 2022-080 et 2022-082 ont été adoptées à l'unanimité" under a table of votes (the
    start left unanimite unread)."""
    assert column(dev(2482), "unanimite") == [False, True, True, False, True]


def test_a_groups_announced_vote_is_no_rejection():
    """"Le groupe « Châteauroux Demain » … annonce un vote défavorable. Le budget est adopté par 33 voix pour et 8" /
    "voix contre." (the start read it rejected, a false error)."""
    rows = dev(2492)
    assert column(rows, "resultat")[1] == "adopte" and errors(rows) == []


# --- the code review's probes (tests/data/second_reading/r36_rv_*) ---------------------------------------------------

def test_a_committees_meeting_on_the_letterhead_is_not_the_sitting():
    """"Commune de Navarrenx – Commission des finances – Réunion du 2 mars 2023" over "L'an deux mille vingt-trois, le
    quatorze mars …" (guards a reading the start had; the review's first version read the committee's date)."""
    assert column(probe("r36_rv_24_commission_meeting_header"), "session_date") == [dt.date(2023, 3, 14)]


def test_an_act_numbered_with_a_roman_month():
    """"Délibération n° 12/IV/2024" stays the act's number (guards a reading the start had; the review's first version
    made it a date and lost it)."""
    assert numbers(probe("r36_rv_27_roman_act_number")) == ["12/IV/2024"]


def test_a_listing_under_its_act_is_no_item():
    """"Délibération n° 2023-140 – Compte rendu des marchés …" / "N° MP2023-014   Travaux de voirie … – 45 200 € HT" /
    … ; "N° DIA2023-045 | Parcelle AB 123 | …" (guards a reading the start had; the review's first version made each
    listing's first line an item that took the act's vote)."""
    rows = probe("r36_rv_36_marches_list_in_item")
    assert numbers(rows) == ["2023-140", "2023-141"] and sides(rows, 1) == (35, 0, 0, True)
    rows = probe("r36_rv_37_dia_list_bar")
    assert numbers(rows) == ["2023-088", "2023-089"] and sides(rows, 1) == (44, 0, 0, True)


def test_this_acts_counts_under_departures_no_move_was_read_from():
    """"MM. Paul DUHART, Alain IRIART, … ont quitté la séance, …" / "Pour la présente délibération : présents 33 –
    pouvoirs 7 – votants 40" (the start kept the opening's 37, 5 and 42)."""
    assert room(probe("r36_rv_09_move_own_counts_extract")) == (33, 7, 40)


def test_a_member_sharing_the_chairs_surname():
    """"Mme Sophie LABEYRIE … quitte la séance", then the chair "M. LABEYRIE regagne la salle et reprend la présidence"
    after the accounts: Sophie LABEYRIE is still out (the start counted her back, 14 and 15)."""
    assert room(probe("r36_rv_57_role_same_surname"), 3) == (13, 1, 14)


def test_a_grid_label_cut_by_its_hyphen():
    """"Membres … Votants     Non-" / "en exercice … votants" over "27 22 3 24 1": one non-voter (the start read
    none and gave a false error)."""
    rows = probe("r36_rv_68_grid_label_non_votants")
    assert column(rows, "non_votants") == [1] and errors(rows) == []


def test_an_announced_vote_against_then_the_items_own():
    """"… annonce un vote défavorable. Le budget est adopté par 33 …" is adopted (the start read it rejected)."""
    assert column(probe("r36_rv_52_rejected_announce_then_adopted"), "resultat")[0] == "adopte"


def test_a_long_list_of_acts_in_a_closing_sentence_is_read_at_once():
    """"… sauf les délibérations 2021-10, 2021-11, …, 2021-21 relatives au budget" and "Les délibérations n° 2021-10,
    …, 2021-21 ont été examinées": read in an instant, matched or not (the first `closing_named` and the older
    `closing_excepted` patterns, their separators optional or a number's letters able to be "et", backtracked for
    minutes on such a list)."""
    listed = ", ".join(f"2021-{n}" for n in range(10, 22))
    assert restated._excepted(f" sauf les deliberations {listed} relatives au budget") is None
    assert restated._excepted(f" sauf les deliberations {listed}.") == {f"2021{n}" for n in range(10, 22)}
    assert restated.CLOSING_NAMED.search(f"les deliberations n° {listed} ont ete examinees en commission") is None
    joined = " et ".join(f"20{n}" for n in range(10, 40))  # "et" also a number's letters ("DCM 2021-4")
    assert restated.CLOSING_NAMED.search(f"les deliberations n° {joined} ont ete examinees") is None
    assert restated._excepted(f" sauf les deliberations {joined} relatives au budget") is None


def test_no_pattern_backtracks_on_a_long_line():
    """Every pattern of extractors/patterns/*.json and every regex compiled at a module's top in extractors/ and
    pipeline/loaders/ searched on long adversarial lines (lists of numbers joined by ", " and " et ", names, dashes,
    brackets) in under 2 s each (benchmarks/patterns_backtracking.py; the whole run takes about a second)."""
    assert patterns_backtracking.slow_patterns() == []

