"""The twenty-ninth round: probes written for the round (tests/data/second_reading/r29_*.txt), from
the last round's second reader and code review both trees read wrong, and the round's dev texts
(tests/data/second_hand/dev 1921-2000); each test asserts what a document says, and fails on the
round's start (0e7aa19) unless it says it guards a reading that round already had."""
from __future__ import annotations

from tests.rows import breakdown, column, dev_text as dev, errors, numbers, probe_text, votes


def probe(stem: str) -> dict:
    return probe_text(f"r29_{stem}")


# --- a note under a relevé naming its act inside the sentence ------------------------------------

def test_a_called_note_names_the_act_inside_its_sentence():
    """"(*) M. Yannick LE GOFF, président du club, n'a pas pris part au vote de la délibération" /
    "n° 2024-19 et a quitté la salle.": 25 + 0 + 0 of the opening's 26, a notice, not an error."""
    rows = probe("note_names_act_inside")
    assert breakdown(rows) == [("notice", 1)] and errors(rows) == []
    assert votes(rows)[0] == ("2024-19", 25, 0, 0, None)


def test_a_called_note_says_only_who_did_not_vote():
    """"(*) M. Yannick LE GOFF, président du club, n'a pas pris part au vote de la délibération n°
    2024-19.": the room not said, one member out of that vote all the same."""
    assert breakdown(probe("note_not_voting_act_inside")) == [("notice", 1)]


def test_a_note_of_one_who_left_for_good_explains_no_vote():
    """"… et a quitté définitivement la séance.": gone for the rest of the sitting, not out of one vote;
    the error stays (guards the round's start)."""
    assert breakdown(probe("note_left_for_good")) == [("error", 1)]


# --- a row typed a few spaces off its columns ------------------------------------------------------

def test_a_row_off_its_columns_stays_a_row_of_the_table():
    """"2024-19   Subvention au Football Club Albinien (*)        25       0        0", its figures four
    spaces left of "Pour  Contre  Abst.": the act read with its vote, first of the three, not lost."""
    rows = probe("row_off_its_columns")
    assert numbers(rows) == ["2024-19", "2024-20", "2024-21"]
    assert votes(rows)[0][:4] == ("2024-19", 25, 0, 0)


# --- a member with an interest out of the vote, said as a circumstance ----------------------------

def test_hors_la_presence_of_a_member_interested():
    """"Le Conseil municipal, hors la présence de M. Thierry BOSC, intéressé à l'affaire, après en avoir
    délibéré, …" 12 + 0 + 1 of 14: the member out of that vote, a notice, not an error."""
    assert breakdown(probe("hors_presence_member_interested")) == [("notice", 1)]


# --- ranks "1-1", "1-2", "2-1" under chapters "1 – FINANCES", "2 – URBANISME" -----------------------

def test_dash_sub_ranks_under_chapters_are_the_items():
    """"1 – FINANCES" / "1-1 Budget supplémentaire 2024" / "1-2 Subventions …" / "2 – URBANISME" /
    "2-1 Acquisition de la parcelle AK 208": three items, not the two chapters."""
    rows = probe("ranks_dash_sub")
    assert numbers(rows) == ["1-1", "1-2", "2-1"]
    assert [v[1:3] for v in votes(rows)] == [(25, 7), (32, 0), (30, None)]


def test_dash_sub_ranks_before_the_acts_numbers():
    """"1-1 Délibération n° D2024-061 – Budget supplémentaire 2024": the act's number, each item."""
    assert numbers(probe("ranks_dash_sub_before_acts")) == ["D2024-061", "D2024-062", "D2024-063"]


# --- a unanimity that is not the item's -------------------------------------------------------------

def test_a_past_vote_cited_and_dated_first():
    """"Par délibération, en date du 14 juin 2022, adoptée à l'unanimité, le Conseil municipal avait
    approuvé …" above "… par 21 voix pour, 6 voix contre et 2 abstentions, approuve …": not unanimous;
    the planted 29 votes for 28 votants an error."""
    rows = probe("past_vote_cited_first")
    assert votes(rows)[0] == ("2024-112", 21, 6, 2, False)
    assert breakdown(rows) == [("error", 1)]


def test_questions_diverses_end_the_last_item():
    """"Questions diverses" / "… le procès-verbal est approuvé à l'unanimité." under the last act, voted
    "par 21 voix pour, 4 voix contre et 2 abstentions": that act not unanimous."""
    assert votes(probe("questions_diverses_after_last_item"))[1] == ("2024-81", 21, 4, 2, False)


# --- a commission's box of counts beside the council's ----------------------------------------------

def test_a_commissions_box_beside_the_councils_box():
    """"Avis de la commission Finances      Vote du Conseil municipal" / "Pour : 5      Pour : 24" /
    "Contre : 0      Contre : 5" / "Abstention : 1      Abstention : 0": the council's 24 + 5 + 0 of 29
    (read line by line, the commission's 0 and 1 were taken: a false error); and "Commission Culture
    du 4 juin 2024 : avis favorable à l'unanimité (6 voix)." gives the next act no count."""
    rows = probe("commission_box_beside_councils")
    assert votes(rows) == [("2024-55", 24, 5, 0, False), ("2024-56", 29, 0, 0, True)]
    assert errors(rows) == []


# --- tables of acts (dev 1921-2000) -------------------------------------------------------------------

def test_notes_called_under_a_table_are_no_items():
    """"N° d'acte | Objet | Rapporteur | Décision du conseil" over 13 rows, then "(1) M. Hugo LAMBERT-ROSSI
    … n'ont pas pris part au vote" / "(2) M. Éric BONNAZ a quitté la séance …": 12 acts (one withdrawn),
    not one item "2" (dev 1970)."""
    rows = dev(1970)
    assert numbers(rows)[0] == "DEL-2023-0031" and numbers(rows)[-1] == "DEL-2023-0043" and len(numbers(rows)) == 12
    assert votes(rows)[1] == ("DEL-2023-0032", 43, 13, None, False)


def test_a_spaced_table_of_three_columns_its_votes_in_a_legends_letters():
    """"N° de délibération  Objet  Vote" over "CP-2022-05 / 01-02-6701  Bonus Ruralité …  U" (U, P, C, A
    of a legend): the acts read, each with its number (dev 1984)."""
    rows = dev(1984)
    assert numbers(rows)[:2] == ["CP-2022-05 / 01-02-6701", "CP-2022-05 / 01-03-6702"]
    assert votes(rows)[2] == ("CP-2022-05 / 02-05-6718", 48, 12, 5, False)


def test_act_numbers_wrapped_in_their_cells():
    """"| 2024 CP04  | Dotation territoriale - programmation 2024 des | 56 | 0 | 0 | 0 | Adopté |" /
    "| A 01 01    | aides aux communes (territoire Grésivaudan) | | …": one act "2024 CP04 A 01 01"; the
    ten acts, and "RÉCAPITULATIF" under them no act of its own (dev 1964)."""
    rows = dev(1964)
    assert numbers(rows)[:2] == ["2024 CP04 A 01 01", "2024 CP04 A 02 04"]
    assert numbers(rows)[-1] == "2024 CP04 E 02 02" and len(numbers(rows)) == 10


def test_rows_whose_empty_last_cells_were_dropped():
    """"2019-CP-07-01 <tab> 1-1 <tab> Routes – … <tab> 47 <tab> 0 <tab> 0" under "… P  C  A  NPPV": a row
    (dev 1955); the commission's opening read with it."""
    rows = dev(1955)
    assert votes(rows)[0] == ("2019-CP-07-01", 47, 0, 0, None)
    assert column(rows, "presents")[0] == 41 and len(numbers(rows)) > 10


def test_a_box_of_two_columns_drawn_with_box_characters():
    """"│ Conseillers en exercice │  92  │" … "│ Votants │  86  │", and a vote cell "Pour 72 · Contre 10 ·
    Abst 4" (dev 1959)."""
    rows = dev(1959)
    d = rows["deliberations"][1]
    assert (d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) == (92, 70, 16, 86)
    assert votes(rows)[1] == ("DEL-2023-113", 72, 10, 4, False)


# --- counts, dates and OCR (dev 1921-2000) --------------------------------------------------------------

def test_the_total_of_present_members_in_the_room_and_at_a_distance():
    """"Présents en salle : 24 | Présents à distance : 13 | Total présents : 37 | Pouvoirs : 14 | Votants :
    51": 37 (dev 1951); "… ne prend pas part aux votes suivants (présents : 36 ;" / a page's footer /
    "pouvoirs : 14 ; votants : 50).": the recount held whole for the items after (50 votants, no error)."""
    rows = dev(1951)
    assert column(rows, "presents")[0] == 37 and column(rows, "votants")[4:] == [50, 50] and errors(rows) == []


def test_present_with_a_deliberative_voice_and_ranks_of_ocr():
    """"Presents avec voix deliberative ............ 20 (dont 3 suppleants)"; "POINT N° l - APPROBATION
    DU COMPTE RENDU …" the first item (dev 1946); "POINT l - APPROBATION …" (dev 1948)."""
    rows = dev(1946)
    assert column(rows, "presents")[0] == 20 and numbers(rows)[:2] == ["1", "2010/14"]
    assert numbers(dev(1948))[:2] == ["1", "D2015-001"]


def test_ocr_l_in_a_date_and_at_the_end_of_act_numbers():
    """"CONSEIL MUNICIPAL DU JEUDl ll FEVRIER 20l6", "16-00l" (dev 1958), "DEL-2024-20l" (dev 1956); the
    tab cells "52 <tab> l <tab> 0 <tab> Adopte a" / "… <tab> l'unanimite": the planted unanimity beside one
    contre found."""
    rows = dev(1958)
    assert str(column(rows, "session_date")[0]) == "2016-02-11" and numbers(rows)[0] == "16-001"
    assert votes(rows)[2] == ("16-003", 52, 1, 0, True) and ("votes.unanimity_against", 3) in errors(rows)
    assert numbers(dev(1956))[0] == "DEL-2024-201"


def test_a_letterhead_flattened_with_the_sitting_and_two_proxies_of_2020():
    """"VILLE DE VANNES CONSEIL MUNICIPAL SÉANCE DU 14 DÉCEMBRE 2020 EXTRAIT DU REGISTRE DES" /
    "DÉLIBÉRATIONS": the date, so the four members holding two proxies under the loi n° 2020-1379 are
    no error (dev 1924)."""
    rows = dev(1924)
    assert str(column(rows, "session_date")[0]) == "2020-12-14" and errors(rows) == []


def test_weighted_votes_said_by_the_statutes():
    """"… deux délégués titulaires disposant chacun d'un nombre de voix fixé selon la population",
    "Lannilis (4 voix par délégué)": 41 + 6 voices of 15 delegates, a notice (dev 1923); "chaque délégué
    du Département … disposent de deux voix", "4 contre (Mme ROUVEYROL, M. PUECH, Mme CAUSSE)": three
    names for four voices, a notice (dev 1997)."""
    assert errors(dev(1923)) == [] and breakdown(dev(1923)) == [("notice", 1)]
    assert errors(dev(1997)) == []


def test_an_arrival_in_brackets():
    """"(Arrivée de M. Erwan GOURLAOUEN à 18 h 25, pendant la présentation de ce rapport ; il reprend la
    procuration …)": the lists follow, no error (dev 1941)."""
    assert errors(dev(1941)) == []


def test_a_certification_restating_another_vote():
    """"Madame le Maire certifie que la présente délibération, adoptée par 46 voix pour, 6 voix" under
    "par 44 voix pour, 6 voix contre et 2 abstentions": the planted restatement found (dev 1985)."""
    assert ("votes.restated", 1) in errors(dev(1985))


# --- two proxies a holder, the date of the sitting --------------------------------------------------

def test_two_proxies_a_holder_when_the_date_is_unknown():
    """Nadine LE BRIS and Gérard HUCHET hold two proxies each, the sitting undated: two were lawful in
    2020–2022 (checks/legal_periods.json), so a notice each, not an error."""
    rows = probe("two_proxies_undated")
    found = [(f["severity"], f["check_id"]) for f in rows["findings"] if f["check_id"] == "proxy.one_per_holder"]
    assert found == [("notice", "proxy.one_per_holder")] * 2


def test_the_weekday_between_le_and_the_day_in_words():
    """"L'an deux mille vingt-quatre, le lundi quatorze octobre à vingt heures, …": 2024-10-14; the two
    proxies a holder then errors (one only, CGCT L2121-20)."""
    rows = probe("weekday_in_words")
    assert str(column(rows, "session_date")[0]) == "2024-10-14"
    assert [c for c, _ in errors(rows)] == ["proxy.one_per_holder"] * 2


def test_a_written_proxy():
    """"Mme Nathalie GUIGO a donné procuration écrite à" / "Mme Éliane RAIBAUD, première adjointe.": one
    proxy, counted as the pouvoirs the text does not print."""
    rows = probe("procuration_ecrite")
    assert column(rows, "pouvoirs")[0] == 1
    assert ("Nathalie GUIGO", "Éliane RAIBAUD") in [(a["name"], a["proxy_holder"]) for a in rows["attendance"]]


def test_votants_of_a_body_voting_in_weighted_voices():
    """"│ Délégués présents │ 25 │" … "│ Votants │ 86 │" / "(voix pondérées conformément à l'article 7 des
    statuts)", "Pour : 79 voix – Contre : 7 voix": 86 voices for 25 + 3 delegates and 32 seats, notices
    (the second reader's p42, given two false errors by the box's first reading)."""
    rows = probe("sr_weighted_votants_box")
    assert errors(rows) == [] and column(rows, "votants") == [86]
    assert {f["check_id"] for f in rows["findings"] if f["severity"] == "notice"} >= {"attendance.votants"}


# --- the second reader's probes (round 29) ---------------------------------------------------------

def test_a_note_by_its_call_alone():
    """"2024-101  Garantie d'emprunt Habitat 35 (1)  24  0  0" / "(1) M. Lefèvre, administrateur d'Habitat
    35, n'a pas pris part au vote.": the act is the row bearing the call; 24 of 25, a notice. "(2)
    Montants exprimés en pourcentage …" is no move (the second reader's p25)."""
    rows = probe("sr_note_by_its_call")
    assert breakdown(rows) == [("notice", 1)] and errors(rows) == []


def test_a_note_of_an_arrival_from_an_act_on():
    """"(*) Mme Sophie Lebrun, arrivée en cours de séance, a pris part au vote à partir de la délibération
    n° 2024-21.": 22 votes from 2024-21 on for the opening's 21, notices, not errors (the second reader's p02)."""
    rows = probe("sr_note_arrival_from_act")
    assert errors(rows) == [] and breakdown(rows) == [("notice", 2), ("notice", 3)]


# --- the code review's probes: guards (the round's first version read them worse, the start as here) ----

def test_an_agenda_in_one_line_holds_no_notes():
    """"Ordre du jour : (1) Approbation … ; (2) Budget … ; (3) Tarifs" above "(2) Budget supplémentaire
    …": a call closes no line nor cell there, so the ranks stay items (three, not one)."""
    assert numbers(probe("rv_32_called_note_agenda_inline")) == ["1", "2", "3"]


def test_an_act_with_no_vote_under_a_voted_row_is_its_own():
    """"| 2024 CP06 | « Collèges ouverts » – convention … |  |  |" (withdrawn): its year printed, no
    continuation of the row above."""
    assert numbers(probe("rv_34_number_row_lowercase_novote")) == ["2024 CP04", "2024 CP05", "2024 CP06", "2024 CP07"]


def test_a_commissions_box_drawn_with_box_characters_stays_its_own():
    """"│ Pour │ 7 │" / "│ Contre │ 2 │" under "Vu l'avis de la commission Mobilités … :": no restatement of
    the council's 70 / 16."""
    rows = probe("rv_19_box_pair_commission")
    assert votes(rows) == [("CM-2024-216", 70, 16, None, False)] and errors(rows) == []


def test_a_casting_vote_is_no_weighting():
    """"… il dispose d'une voix prépondérante", "Contre : 4" naming three: an error still."""
    assert errors(probe("rv_66_voix_preponderante_named_mismatch")) == [("votes.named_count", 1)]


def test_a_member_gone_after_an_act_explains_none_of_its_votes():
    """"(*) M. X a quitté la séance à l'issue de la délibération n° 2024-18 et n'est pas revenu.": he voted
    on 2024-18, whose 16 + 4 of 21 stays an error."""
    assert ("votes.breakdown", 1) in errors(probe("rv_68_note_after_item_hides_error"))


def test_a_date_alone_under_the_title_with_its_weekday():
    """"Le Mardi 7 mars 2006" on its line under the extract's title (the generated dev4 seed 4,000,132,
    whose planted double proxy the undated notice had lowered): the date, and the error."""
    rows = probe("date_alone_with_its_weekday")
    assert str(column(rows, "session_date")[0]) == "2006-03-07" and ("proxy.one_per_holder", 1) in errors(rows)
