"""The thirtieth round: the round's dev texts (tests/data/second_hand/dev 2001-2080, written to study a
few families of consistent documents a naive checker calls wrong: votes by college, items voted
together, ties, chairs stepping out, legal exceptions) and probes (tests/data/second_reading/r30_*.txt);
each test asserts what a document says, and fails on the round's start (9ac9555) unless it says it
guards a reading that round already had."""
from __future__ import annotations

import datetime as dt

from checks import legal
from tests.rows import column, dev_text as dev, errors, numbers, probe_text, votes


# --- votes given part by part: by college, by category, by chapter ------------------------------

def test_a_vote_by_college_is_its_total():
    """"Collège des membres élus (7 présents, 1 représenté) ........ 8 voix pour" / "Collège des membres
    nommés … 5 voix pour, 2 abstentions" / "soit, au total, 13 voix pour et 2 abstentions, aucune voix
    contre.": the total, not the first college's 8."""
    assert votes(dev(2001)) == [("CA-2023-014", 13, 0, 2, False)]


def test_colleges_with_no_total_give_no_vote_and_no_error():
    """A SDIS board's relevé, "Département : 13 pour" / "Communes/EPCI : 4 pour, 2 abst." in one cell and
    no total: nothing written (the last round read 4 + 0 + 2 against 19 votants, a false error); the
    row printing "Total : 18 pour / 1 contre / 0 abst." gives that."""
    rows = dev(2003)
    assert votes(rows)[0] == ("CA-2019-41", None, None, None, None)
    assert votes(rows)[2] == ("CA-2019-43", 18, 1, 0, False)
    assert errors(rows) == []


def test_a_budget_voted_chapter_by_chapter_is_the_vote_on_the_whole():
    """"chap. 011 - Charges a caractere general ...... Pour : 2l  Contre : 8" / "chap. 012 … Unanimite
    (29)" / … / "Vote sur l'ensemble du budget :" / "Pour : 21 … Contre : 8 … Abstention : 0"."""
    rows = dev(2007)
    assert votes(rows) == [("F1_1", 21, 8, 0, False)] and errors(rows) == []


def test_one_labelled_vote_line_is_the_vote():
    """"Le conseil municipal, après en avoir délibéré : 12 voix pour, 2 abstentions …": one line, no
    parts (guards the round's start)."""
    assert votes(probe_text("r30_one_labelled_vote")) == [("2024-018", 12, None, 2, False)]


# --- a range of acts printed as one item, voted once ----------------------------------------------

def test_a_range_in_a_column_table_is_one_deliberation_per_act():
    """"2023-615 à 2023-619  Aides à la pierre – … Vote unique / Unanimité" in a table laid out with
    spaces, its results' column ("Adoptée" / "Pour 87 · Contre 0 · Abst. 12") kept beside the acts (not
    read as a second text column): 13 acts, the five of the range unanimous, "2023-621 à 2023-623" 3
    abstentions each ("… de Saint-Vincent-de-Paul et     Pour 96 · Abst. 3": the pour after the title's
    "et" is not read, the text run together)."""
    rows = dev(2005)
    assert numbers(rows) == [f"2023-{n}" for n in range(612, 625)]
    assert column(rows, "unanimite")[3:8] == [True] * 5
    assert votes(rows)[2] == ("2023-614", 87, 0, 12, False)
    assert column(rows, "abstentions")[9:12] == [3] * 3


def test_a_range_wrapped_in_a_tab_table():
    """"2022-103 à <tab> Fonds de concours aux communes … <tab> 41 <tab> 0 <tab> 0 <tab> Adoptées" /
    "2022-106 <tab> Mirepeix, Boeil-Bezing …": 2022-103 to 2022-106, then the table goes on (11 acts)."""
    rows = dev(2008)
    assert numbers(rows) == [f"2022-{n}" for n in range(101, 112)]
    assert votes(rows)[4] == ("2022-105", 41, 0, 0, None)


def test_a_range_too_wide_stays_one_row():
    """"2023-102 à 2023-180 | Régularisations d'écritures …": 79 acts is no range to expand (30 at most),
    one deliberation (guards the round's start)."""
    assert len(numbers(probe_text("r30_range_too_wide"))) == 3


# --- ties, proxies, quorum ----------------------------------------------------------------------------

def test_a_lone_dot_leader():
    """"Pour ....... 6" / "Contre ..... 6" / "Abstention . 1 (M. le Président)": a tie the chair's abstention
    leaves rejected, 6 + 6 + 1 of 13; not 6 abstentions (a false error)."""
    rows = dev(2013)
    assert votes(rows)[0][1:4] == (6, 6, 1) and errors(rows) == []


def test_a_holder_leaving_takes_the_proxy_named_by_surname():
    """"Procurations : … Mme Corinne ULRICH a M. SCHALL" / "A 20 h 30, M. Guy SCHALL quitte la séance ; la
    procuration de Mme ULRICH dont il était porteur devient sans objet.": no proxy held by an absent member."""
    assert errors(dev(2080)) == []


def test_a_quorum_of_present_or_represented_in_2022_is_a_notice():
    """February 2022, "quorum fixé au tiers des membres en exercice et apprécié en comptant les membres
    présents ou représentés", 12 présents + 10 représentés of 39: the period's rule is read both ways
    (checks/legal_periods.json, counts_disputed), a notice each, not an error."""
    rows = dev(2026)
    quorum = [f["severity"] for f in rows["findings"] if f["check_id"] == "quorum.reached"]
    assert quorum == ["notice", "notice"] and errors(rows) == []


def test_the_disputed_reading_has_its_dates():
    assert legal.rule_on(dt.date(2022, 2, 10)).disputed_on(dt.date(2022, 2, 10)) == "present_or_represented"
    assert legal.rule_on(dt.date(2021, 12, 2)).disputed_on(dt.date(2021, 12, 2)) == ""
    assert legal.rule_on(dt.date(2024, 2, 10)).disputed_on(dt.date(2024, 2, 10)) == ""


# --- the code review's probes: read worse by the round's first version, guarded since -------------

def rv(stem: str) -> dict:
    return probe_text(f"r30_rv_{stem}")


def test_the_council_vote_beside_a_commission_opinion():
    """"Avis de la commission Environnement du 7 septembre : 6 voix pour, 1 abstention" / "Conseil
    communautaire : 27 voix pour, 2 abstentions": the council's line is the vote (the round's start took
    the commission's 6 and 1)."""
    assert votes(rv("p06_commission_then_council"))[0][1:4] == (27, None, 2)


def test_the_deliberation_vote_after_an_amendment():
    """"Sur l'amendement : 5 voix pour, 21 voix contre" / "Sur la délibération : 21 voix pour, 5
    abstentions": the deliberation's (guards the round's start)."""
    assert votes(rv("p05_amendment_then_delib"))[0][1:4] == (21, None, 5)


def test_parts_all_unanimous_make_the_vote_unanimous():
    """"Budget principal : à l'unanimité" / "Budget annexe assainissement : à l'unanimité": unanimous, not
    blanked as parts (guards the round's start)."""
    assert votes(rv("p10_budgets_unanimous_parts")) == [("2024-018", 18, 0, 0, True)]


def test_a_sentence_end_before_the_next_rank_is_no_leader():
    """"… par 9 voix pour et 1 abstention . 2 – Création d'un poste …" run together: 1 abstention, not
    the next rank's 2 (guards the round's start)."""
    assert votes(rv("p23_dot_flattened"))[0][1:4] == (9, 0, 1)


def test_a_namesake_leaving_keeps_the_proxy():
    """"Mme Irène GROSS à M. DUPONT" beside "M. Jean DUPONT, Mme Marie DUPONT" present; "Mme Marie DUPONT
    quitte la séance": the proxy is M. Jean DUPONT's, it holds (guards the round's start)."""
    assert column(rv("m02_same_surname"), "pouvoirs") == [2, 2]


def test_a_range_voted_once_in_a_spaced_relevé():
    """"2023-615 à 2023-619  Aides à la pierre – … bailleurs sociaux     Vote unique / Unanimité" between
    rows closing on "Unanimité": five acts, and "2023-620" its own (the round's start read 2023-620 as
    the fifth item and lost the range)."""
    rows = rv("r01_vote_unique")
    assert numbers(rows) == [f"2023-{n}" for n in range(612, 621)]
    assert column(rows, "unanimite")[3:] == [True] * 6
