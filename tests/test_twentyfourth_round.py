"""The twenty-fourth round: dev texts read as a new user would (tests/data/second_hand/dev
1521-1600), generated dev documents the reader missed (copied as tests/data/second_reading/r24_*.txt)
and probes written for the round; each test asserts what a document says, and fails on the round's
start (24e8f98) unless it says it guards a reading that round already had."""
from __future__ import annotations

import datetime
from pathlib import Path

from pipeline.stages import process
from tests.rows import errors, numbers

SECOND_READING = Path(__file__).parent / "data" / "second_reading"
DEV = Path(__file__).parent / "data" / "second_hand" / "dev"


def probe(stem: str) -> dict:
    return process(SECOND_READING / f"r24_{stem}.txt").rows


def present(rows: dict, seq: int = 1) -> list[str]:
    return [a["name"] for a in rows["attendance"] if a["seq"] == seq and a["status"] == "present"]


def first(rows: dict, *columns: str) -> tuple:
    return tuple(rows["deliberations"][0][c] for c in columns)


# --- names laid out as a table's row, their gutters left as wide spaces -----------------------

def test_surnames_alone_parted_by_wide_spaces():
    """Generated dev2 2000048: "Étaient présents à la séance : MMES et MM. BOULANGER  BOUZID  BRUNEAU
    …  LE CORRE  LE GOFF …  ZIEGLER": 34 surnames, one space inside a name ("LE CORRE"), two
    between names; the box's "trente-quatre" présents agrees with them."""
    rows = probe("surnames_in_gutters")
    names = present(rows)
    assert len(names) == 34 and names[:3] == ["BOULANGER", "BOUZID", "BRUNEAU"] and names[-1] == "ZIEGLER"
    assert "LE CORRE" in names and "CHÉNEAU-MARTY" in names
    assert first(rows, "presents", "pouvoirs", "votants") == (34, 1, 35)
    assert [f for f in rows["findings"] if f["check_id"].startswith("attendance.")] == []


def test_names_in_gutters_over_several_lines():
    """Generated dev2 2000136: "Huguette Couderc  Jean-Michel Debrabant  Robert Diallo" / "Jeannine
    Du Plessis  …" / "…  Thibault Mallet  Maria" / "Mansouri  Karim Mattei …" / "… Jeannine Vasseur –
    le quorum est atteint.": a line's end parts two names unless a name was cut there ("Maria" /
    "Mansouri"); 23 présents; the two excused, one gutter between them, are two."""
    rows = probe("names_in_gutters_wrapped")
    names = present(rows)
    assert len(names) == 23
    assert names[2:4] == ["Robert Diallo", "Jeannine Du Plessis"]
    assert "Maria Mansouri" in names and names[-1] == "Jeannine Vasseur"
    excused = [a["name"] for a in rows["attendance"] if a["seq"] == 1 and a["excused"]]
    assert excused == ["Quentin Chéneau-Marty", "Sabine Delattre"]


def test_one_gutter_between_two_full_names_and_none_inside_a_name():
    """"Présents : Quentin Chéneau-Marty  Sabine Delattre" is two members; "Absents : Mme Anne-Marie
    ARNAUD" with two spaces before the surname is one."""
    rows = probe("one_gutter")
    assert [(a["name"], a["status"]) for a in rows["attendance"]] == [
        ("Quentin Chéneau-Marty", "present"), ("Sabine Delattre", "present"), ("Anne-Marie ARNAUD", "absent")]


def test_spaced_names_in_a_list_parted_by_commas_stay_whole():
    """Guard (read so at 24e8f98), generated dev 176: "Membres présents :  Mme Anne-Marie  ARNAUD,  M.
    Christian  AUBERT, …": justified spaces inside names of a list that parts them with commas."""
    rows = probe("spaced_names_with_commas")
    assert present(rows)[:3] == ["Anne-Marie ARNAUD", "Christian AUBERT", "Aurélie BOURGEOIS"]
    assert len(present(rows)) == 9


# --- the sitting's opening ---------------------------------------------------------------------

def test_the_opening_under_the_title_is_not_the_title_s_end():
    """Generated dev2 2000076: "OBJET DE LA DÉLIBÉRATION : Mise à disposition … Harmonie municipale" /
    "Le mardi 28 avril 2009, à dix-neuf heures trente, le Conseil Communautaire … s'est réuni au
    foyer rural, sur convocation légale en date du 17 avril 2009, sous la présidence de M. POULAIN"."""
    rows = probe("objet_above_opening")
    assert first(rows, "objet", "lieu", "session_time", "convocation_date", "president") == (
        "Mise à disposition de la salle communale au profit de l'association Harmonie municipale",
        "foyer rural", "19:30", datetime.date(2009, 4, 17), "POULAIN")


def test_an_opening_led_by_en_date_du():
    """Generated dev2 2000004: "En date du 24/04/2006, à 18 h 30, le Comité Syndical dudit Syndicat,
    convoqué individuellement le 10 avril 2006, s'est réuni en nombre suffisant pour délibérer à
    l'Hôtel de Ville, sous la présidence de Mme BRUNEAU Maria"."""
    rows = probe("opening_en_date_du")
    assert first(rows, "session_date", "session_time", "lieu", "convocation_date") == (
        datetime.date(2006, 4, 24), "18:30", "l'Hôtel de Ville", datetime.date(2006, 4, 10))


def test_the_usual_room_names_no_place():
    """"s'est réuni dans la salle ordinaire de ses délibérations": no room is named (generated dev2
    labels no lieu there; "au lieu habituel de ses séances" was already so)."""
    rows = probe("usual_room_votants_said")
    assert first(rows, "lieu", "session_time", "president") == (None, "19:30", "Paul ROCHE")


# --- counts ------------------------------------------------------------------------------------

def test_an_item_s_votants_in_its_vote_sentence():
    """Generated dev2 2000136, an item of minutes: "Adopté par 23 voix pour sur 23 votants."."""
    rows = probe("names_in_gutters_wrapped")
    assert [(d["numero"], d["votants"], d["pour"]) for d in rows["deliberations"]][0] == ("1", 23, 23)


def test_a_count_box_whose_votants_label_is_nine_words_long():
    """"Membres composant l'assemblée    Présent(e)s    Nombre de procurations    Conseillères et
    conseillers communautaires ayant pris part au vote" over "vingt-neuf  vingt-neuf  zéro
    vingt-neuf" (generated dev2 2000066's box)."""
    rows = probe("box_long_votants_label")
    assert first(rows, "membres_en_exercice", "presents", "pouvoirs", "votants") == (29, 29, 0, 29)


def test_a_count_box_saying_assistant_a_la_seance():
    """"Membres composant l'assemblée    Assistant à la séance    Prenant part au vote    Nbre
    d'absents" over "cinquante-deux  cinquante  cinquante-deux  deux" (generated dev2 2000131's box)."""
    rows = probe("box_assistant_a_la_seance")
    assert first(rows, "membres_en_exercice", "presents", "votants") == (52, 50, 52)


# --- dev 1521-1600: lists of acts ----------------------------------------------------------------

def counts(rows: dict) -> list[tuple]:
    return [(d["presents"], d["pouvoirs"], d["votants"]) for d in rows["deliberations"]]


def votes_of(rows: dict) -> list[tuple]:
    return [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]]


def test_a_vote_table_headed_in_capitals_with_a_stamp_between_blank_lines(read):
    """1541: "N°  OBJET  VOTANTS POUR CONTRE ABST. DECISION" (vote columns one space apart, in
    capitals) over ten rows; the prefecture's stamp between blank lines after row 06 does not end
    the table; row 05 (101 + 12 + 7 = 120 for 119 votants) is the planted error."""
    rows = read("1541")
    assert len(rows["deliberations"]) == 10
    assert votes_of(rows)[1] == ("CC_19_06_27_02", 96, 12, 10) and rows["deliberations"][1]["votants"] == 118
    assert votes_of(rows)[8] == ("CC_19_06_27_09", 117, 0, 0)
    assert errors(rows) == [("votes.breakdown", 5)]


def test_a_header_in_capitals_with_a_function_word_is_one_column():
    """Guard (read so at 24e8f98), dev 1251: "N° DELIBERATION   OBJET   RESULTAT DU VOTE" — "RESULTAT DU
    VOTE" is one column, its "(45 pour - 6 contre)" read under it."""
    rows = process(DEV / "1251.txt").rows
    assert votes_of(rows)[1:3] == [("2023_032", 45, 6, None), ("2023_033", 45, 6, None)]


def test_act_numbers_ending_on_a_code_and_a_rank(read):
    """1525: "N° 2022-09-29-COM-01" over its title, "► ADOPTÉE À L'UNANIMITÉ"; COM-04 withdrawn."""
    assert numbers(read("1525")) == [f"2022-09-29-COM-{n:02d}" for n in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11)]


def test_reports_numbered_with_a_dotted_prefix(read):
    """1529: "RAPPORT CP.2019-07-101" over its title (a département's commission permanente)."""
    rows = read("1529")
    assert numbers(rows) == [f"CP.2019-07-{n}" for n in range(101, 107)]
    assert counts(rows)[2] == (30, 5, 32) and errors(rows) == []


def test_deliberations_numbered_within_chapters_and_their_recap(read):
    """1552: "I – ADMINISTRATION GÉNÉRALE ET FINANCES" / "Délibération 1.1 – Approbation …": the
    chapters are no items; the recap's "3.2   50   7   9   Adoptée" against "50 voix pour, 9 voix
    contre et 7 abstentions" is the planted error."""
    rows = read("1552")
    assert numbers(rows) == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1"]
    assert votes_of(rows)[6] == ("3.2", 50, 9, 7)
    assert errors(rows) == [("votes.restated", 7)]


def test_a_relevé_of_acts_with_dot_leaders_to_their_outcome(read):
    """1531: "N° 2021-041  Compte administratif 2020 - Budget principal ........... Adopté", "… 2022 .
    Adopté", and titles wrapped onto the leader's line: seven acts, each its own title."""
    rows = read("1531")
    assert numbers(rows) == [f"2021-0{n}" for n in range(41, 48)]
    assert rows["deliberations"][3]["objet"] == "Taxe de séjour - Tarifs applicables au 1er janvier 2022"
    assert rows["deliberations"][0]["objet"] == "Compte administratif 2020 - Budget principal"


# --- dev 1521-1600: counts, moves and proxies -------------------------------------------------

def test_a_move_whose_recount_follows_a_sentence_on_its_proxy(read):
    """1562: "… M. Yves LE GALL, président du Stade Plouguernéen, …, indique qu'il ne prendra part ni
    au débat ni au vote et quitte la salle à 20 h 35." / "Il était porteur du pouvoir de Mme PERROS,
    qui ne peut dès lors être exercé pour ce vote." / "Présents : 23 – Procurations : 2 – Votants :
    25."; he comes back, and the proxy he holds with him: no false error."""
    rows = read("1562")
    assert counts(rows)[2:4] == [(23, 2, 25), (24, 3, 27)]
    assert errors(rows) == []


def test_present_restated_with_soit(read):
    """1569: "Délégués titulaires présents …… 15" / "Délégués suppléants siégeant avec voix
    délibérative …. 3" / "Soit présents …… 18" / "Pouvoir …… 1" / "Votants …… 19"."""
    rows = read("1569")
    assert counts(rows) == [(18, 1, 19)] and errors(rows) == []


def test_the_president_withdrawn_at_the_vote_the_chair_handed_over(read):
    """1594: "Le Président s'étant retiré au moment du vote, la présidence est assurée par Mme
    Hélène LABAT" / "18 voix pour, 0 contre, 0 abstention" for 19 votants: no false error."""
    rows = read("1594")
    assert votes_of(rows)[1] == ("2016-08", 18, 0, 0)
    assert errors(rows) == []


def test_two_givers_sharing_a_holder_and_proxies_lapsing_with_him(read):
    """1596 (2021, two proxies allowed): "Alain PAGES et Odile CAUSSE à Catherine BERTRAND - Thierry
    MAZEL et Emilie ARNAL à Jean-Luc ROUQUETTE - Roger CABANIS" / "et Fanny ESTEVE à Bruno VIDAL - …":
    twelve proxies; ROUQUETTE leaves, "les deux pouvoirs dont il était porteur ne peuvent plus être
    exercés. Présents : 14 - Pouvoirs : 10 - Votants : 24" (not "deux" pouvoirs)."""
    rows = read("1596")
    given = [(p["giver"], p["holder"]) for p in rows["proxies"] if p["seq"] == 1]
    assert len(given) == 12
    assert given[:2] == [("Alain PAGES", "Catherine BERTRAND"), ("Odile CAUSSE", "Catherine BERTRAND")]
    assert ("Roger CABANIS", "Bruno VIDAL") in given
    assert counts(rows)[4] == (14, 10, 24) and errors(rows) == []


def test_a_group_announcing_its_vote_against_and_a_slashed_surname(read):
    """1570: "M. PAYET-BURIN … annonce le vote défavorable de son groupe" then "Pour : 31 - Contre : 6":
    adopted, no false error; "Mme Joëlle" / "K/BIDI" is one member (a Réunion surname)."""
    rows = read("1570")
    assert rows["deliberations"][5]["resultat"] == "adopte"
    assert "Joëlle K/BIDI" in present(rows)
    assert errors(rows) == []


def test_a_flattened_relevé_numbered_cp_and_two_sides_over_the_votants(read):
    """1571: "CP 18-07-01 FONDS DEPARTEMENTAL …  Adopté à l'unanimité" (a ruled table flattened to
    single spaces); CP 18-07-04 "Pour : 18 - Contre : 8" for 25 votants, abstentions not printed:
    the two sides already exceed the votants (the planted error: a warning, the third side unprinted)."""
    rows = read("1571")
    assert numbers(rows) == [f"CP 18-07-0{n}" for n in range(1, 7)]
    assert votes_of(rows)[3] == ("CP 18-07-04", 18, 8, None)
    assert [(f["check_id"], f["severity"], f["seq"]) for f in rows["findings"]] == [("votes.breakdown", "warning", 4)]


def test_a_move_inside_an_item_flattened_onto_one_line(read):
    """1539: "3) Délibération n° 2023/033 - Compte administratif 2022 … Mme ATTOUMANI Zaïnaba … est
    élue présidente de séance pour ce point. Le Maire quitte la salle. Présents : 25 - Représentés :
    4 - Votants : 29. … Vote : 24 pour, 3 contre, 2 abstentions.": the mayor out for this vote, the
    item's own counts (and back for item 4: 26 + 4 = 30)."""
    rows = read("1539")
    assert counts(rows)[2:4] == [(25, 4, 29), (26, 4, 30)]
    assert errors(rows) == []


def test_the_mayor_holding_no_proxy_is_no_count_of_proxies():
    """Dev 1440 (read so at 24e8f98, broken by the round's first version): "Le Maire s'étant retiré au
    moment du vote, la présidence est assurée par M. Anli SAÏD … Le Maire ne détenait aucune
    procuration." is no "Procurations : 0" (the 9 proxies still hold)."""
    rows = process(DEV / "1440.txt").rows
    assert counts(rows)[0] == (18, 9, 26)


def test_a_vote_box_of_three_labels_over_three_figures(read):
    """1595: "RESULTAT DU VOTE ELECTRONIQUE" / "Pour            Contre          Abstention" / "74
    12              4": the extract's vote (the box's title heads no item of its own)."""
    rows = read("1595")
    assert votes_of(rows) == [("27", 74, 12, 4)] and counts(rows) == [(71, 19, 90)]


def test_absents_said_with_how_many_gave_a_proxy(read):
    """1524: "Conseillers absents : 3 dont 2 avec procuration" is 2 pouvoirs; with "Votants : 15"
    and 12 présents, the planted error is reported."""
    rows = read("1524")
    assert counts(rows)[1] == (12, 2, 15)
    assert {f["check_id"] for f in rows["findings"] if f["severity"] in ("error", "warning")} == {"attendance.votants"}


def test_an_opening_on_a_dashed_date_is_no_act_number():
    """Guard (read so at 24e8f98, broken by the round's "CP 18-07-01" pattern, which lost 919 fields
    of the generated test split): "Le 12-03-2024 à 20 h 00, le Conseil municipal … s'est réuni …"
    opens the sitting; "Le 12-03-2024" is no act number."""
    rows = probe("opening_dashed_date")
    assert first(rows, "numero", "session_date", "president") == (None, datetime.date(2024, 3, 12), "Paul ROCHE")


# --- from the second reader's probes ---------------------------------------------------------------

def test_a_stamp_of_two_lines_between_blank_lines_inside_a_spaced_table():
    """"Reçu en préfecture le 04/10/2022" / "Identifiant : 056-…-2022_64-DE" between blank lines in a
    table "N°  OBJET  VOTANTS  POUR  CONTRE  ABST.  DECISION": the three rows after it keep their votes."""
    rows = probe("stamp_inside_spaced_table")
    assert votes_of(rows)[3:] == [("2022-64", 28, 0, 0), ("2022-65", 28, 0, 0), ("2022-66", 24, 0, 4)]


def test_act_numbers_shaped_as_a_date_then_a_code():
    """"2022-09-29-COM-01 – Installation …", "2022-09-29-FIN-02 – …" at the margin; 2022-09-29-FIN-02
    "Adoptée à l'unanimité – Pour : 42 – Contre : 2" is the planted error."""
    rows = probe("act_numbers_dated_with_codes")
    assert numbers(rows) == ["2022-09-29-COM-01", "2022-09-29-FIN-02", "2022-09-29-ENV-03", "2022-09-29-RH-04"]
    assert errors(rows) == [("votes.unanimity_against", 2)]


def test_proxies_laid_two_to_a_line_with_a_gutter():
    """"Christine MARCHAND à Marie DURAND      Olivier LAMBERT à Jean DUPONT" / "Valérie HENRY à Luc
    PETIT": three proxies (both trees read two, a false error against "Pouvoirs : 3")."""
    rows = probe("proxies_in_gutters")
    assert [(p["giver"], p["holder"]) for p in rows["proxies"] if p["seq"] == 1] == [
        ("Christine MARCHAND", "Marie DURAND"), ("Olivier LAMBERT", "Jean DUPONT"), ("Valérie HENRY", "Luc PETIT")]
    assert errors(rows) == []


# --- the code review's probes: each read worse by the round's first version, now as at 24e8f98 -----

def row(rows: dict, k: int = 0) -> tuple:
    d = rows["deliberations"][k]
    return d["numero"], d["presents"], d["pouvoirs"], d["votants"], d["pour"], d["contre"], d["abstentions"], d["resultat"]


REVIEW = {
    # "Mme Odile  FAURE  M. Jean  MARTIN …": justified gaps inside names, not between them
    "04": lambda r: present(r)[:2] == ["Odile FAURE", "Jean MARTIN"] and len(present(r)) == 8,
    # "ARNAUD C/BERTHIER R/BLANC P/…": an initial before a slash parts two members
    "05": lambda r: present(r)[:3] == ["ARNAUD C", "BERTHIER R", "BLANC P"] and len(present(r)) == 8,
    # "Tél 04-77-63-50-12 – Fax …" on the letterhead is no act number
    "12": lambda r: numbers(r) == ["2023-031"] and len(present(r)) == 13,
    # "Soit 16 présents et 18 votants à compter du point n° 3" restates nothing for items 1 and 2
    "14": lambda r: row(r)[:5] == ("1", 15, 2, 17, 17),
    # "Fax 05-61-60-12-99"
    "17": lambda r: numbers(r) == ["2022-118"],
    # "M. ROY et Mme ROUSSEL (pouvoir à M. SIMON)", "Pouvoirs : 1": hers alone, no error
    "19": lambda r: ("Rose ROUSSEL", "Luc SIMON") in [(p["giver"], p["holder"]) for p in r["proxies"]],
    # "vote défavorable du Conseil municipal à l'unanimité": rejected
    "24": lambda r: row(r)[-1] == "rejete",
    # "M. BERNARD, directeur des services techniques, revient sur …", "M. GARNIER a quitté la salle des
    # fêtes avant la fin de la manifestation": no moves
    "28": lambda r: [row(r, k)[1:4] for k in range(3)] == [(9, 2, 11)] * 3,
    "29": lambda r: [row(r, k)[1:4] for k in range(3)] == [(9, 2, 11)] * 3,
    # "Délibération 1.1 …" and a recap numbered 1 to 12 by rank: "1.2" is not rank 12
    "34": lambda r: numbers(r)[:2] == ["1.1", "1.2"],
    # "LE GOFF          Yann" / "DA SILVA         Marie Claire": a "NOM   Prénom" table, a name a row
    "38": lambda r: present(r)[:2] == ["LE GOFF Yann", "DA SILVA Marie Claire"],
}


def test_the_review_probes_read_as_before():
    for stem, holds in REVIEW.items():
        rows = probe(f"rv_{stem}")
        assert holds(rows), stem
        assert errors(rows) == [], stem


def test_a_vote_box_with_a_dash_for_none():
    """"Vote :" / "Pour       Contre       Abstention" / "17           -             2": 17 / 0 / 2
    (both trees read no vote; a second reader's probe)."""
    assert votes_of(probe("vote_box_dash")) == [("2014-007", 17, 0, 2)]


def test_the_mayor_withdrawn_said_with_a_comma():
    """"Monsieur le Maire, s'étant retiré au moment du vote, la présidence est assurée par M. GIRAUD,
    premier adjoint, …" and "par 12 voix pour, 0 voix contre et 1 abstention" for the 15 votants of
    the opening: the chair out for this vote (with the proxy he held), no false error (a second
    reader's probe, its vote sentence given its "0 voix contre"). Since the thirty-eighth round "Nombre de
    votants pour cette délibération : 13." over the vote is this vote's votants: the room's counts, the
    opening's, are the ones in doubt (a notice)."""
    rows = probe("mayor_withdrawn_comma")
    assert errors(rows) == [] and rows["deliberations"][0]["votants"] == 13
    assert [(f["check_id"], f["severity"]) for f in rows["findings"]] == [("attendance.votants", "notice")]
