"""The thirty-first round: the round's dev texts (tests/data/second_hand/dev 2081-2160, the first forty
written to study families of consistent documents — moves, suppléants, restated votes, quorum, counts in
odd places, other figures, names, unanimity — the next forty to the ordinary brief), the generated dev
splits' planted inconsistencies left unseen, and probes (tests/data/second_reading/r31_*.txt). Each test
asserts what a document says and fails on the round's start (f577e2f), except the last three, which guard
readings the start had (the code review's probes, r31_rv_*)."""
from __future__ import annotations

from tests.rows import column, dev_text as dev, errors, numbers, probe_text, votes


def _findings(rows: dict, check_id: str) -> list[str]:
    return [f["severity"] for f in rows["findings"] if f["check_id"] == check_id]


# --- lists of proxies printed empty, on a line run together with the next labels ----------------------

def test_an_empty_list_before_the_next_label_is_no_member():
    """"Absents ayant donné procuration : NEANT - Absents : Néant - SECRETAIRE DE SEANCE : …" over
    "Présents : 9 - Procurations : 1": no proxy listed against one printed (the start read "NEANT -"
    as an absent member and saw nothing wrong)."""
    rows = probe_text("r31_none_then_next_label")
    assert rows.get("proxies", []) == [] and _findings(rows, "attendance.proxy_count") == ["error"]
    assert "NEANT -" not in [a["name"] for a in rows["attendance"]]


def test_an_empty_list_before_counts_on_its_line():
    """"Excusés ayant donné procuration : néant - Délégués présents : 7 - Procurations : 1"."""
    rows = probe_text("r31_none_before_counts")
    assert _findings(rows, "attendance.proxy_count") == ["error"]


def test_a_list_label_with_the_next_list_under_it_says_none():
    """"Excusés représentés par pouvoir :" / "Se sont fait excuser :" / "M. Ronan GUILLOU": the proxies'
    label printed empty ("se sont fait excuser" is a list of the excused), yet "Pouvoirs : 1"."""
    rows = probe_text("r31_label_then_next_list")
    assert _findings(rows, "attendance.proxy_count") == ["error"]
    people = [(a["name"], a["status"], a["excused"]) for a in rows["attendance"]]
    assert ("Ronan GUILLOU", "absent", True) in people


def test_a_giver_whose_surname_opens_on_an_elided_particle():
    """"d'IRIGOYEN Jeannine à LARRALDE Maite" under "Étaient excusés et avaient donné pouvoir :"."""
    rows = probe_text("r31_elided_particle_proxy")
    assert [(p["giver"], p["holder"]) for p in rows["proxies"]] == [("d'IRIGOYEN Jeannine", "LARRALDE Maite")]
    assert _findings(rows, "attendance.proxy_count") == ["warning"]  # 1 read of 2 printed: a list read short


def test_a_first_name_abbreviated_in_two_letters_is_the_presidents():
    """"sous la présidence de Monsieur Ph. LANG, Président" (not "Ph")."""
    assert column(probe_text("r31_none_before_counts"), "president") == ["Ph. LANG"]


def test_did_not_take_part_is_one_non_voter():
    """"Mme Rozenn LE GOFF, présidente de l'association, n'a pas participé au vote."."""
    assert column(probe_text("r31_did_not_take_part"), "non_votants") == [1]


# --- counts in a table's cells --------------------------------------------------------------------

def test_composition_of_the_assembly_in_cells_is_the_members():
    """"Composition de l'assemblée⇥:⇥13⇥Étaient présents⇥:⇥9": 13 members, 9 présents (not 13 présents)."""
    rows = probe_text("r31_composition_cells")
    assert (column(rows, "membres_en_exercice"), column(rows, "presents")) == ([13], [9])


def test_a_delegates_mark_in_a_table_is_no_count():
    """"| Bailleul | B. VASSEUR – présent | J. ROUSSEL – présente | G. MARTEL – présent (**) | 2 |": the 2 is
    the commune's voices; the présents are the box's "Présents ayant voix délibérative : 7" (the start read
    2 présents and gave a false quorum error)."""
    rows = dev(2088)
    assert column(rows, "presents") == [7] * 5 and errors(rows) == []


def test_a_cells_own_number_before_its_label():
    """"| CC du Pays d'Iroise | 4 | 3 | 3 + 1 pouvoir | 12 |": 1 proxy, the 12 is the next column's voices."""
    assert column(dev(2096), "pouvoirs") == [1] * 4


def test_a_result_cell_wrapped_onto_a_clause_of_its_own():
    """"Pour 100 / Abst. 9" / "NPPV : 4 (elus membres du" / "conseil d'administration)": 9 abstentions."""
    assert votes(dev(1782))[5] == ("2023-M-092", 100, None, 9, False)


# --- headings ---------------------------------------------------------------------------------------

def test_a_sub_rank_before_the_acts_number():
    """"II. FINANCES" / "II.1 – Délibération 2015-21 – Vote des taux d'imposition 2015": the acts, not the
    chapters (the start read I, II, III, IV and lost two acts)."""
    assert numbers(dev(2098)) == ["I", "2015-21", "2015-22", "2015-23", "2015-24", "2015-25"]


def test_a_count_label_wrapped_onto_an_acts_word_is_no_heading():
    """"Nombre de membres : … qui ont pris part à la" / "délibération : 13": a count, the act being
    "… DU VIMEU VERT – N° 2008/27"."""
    assert numbers(dev(2101)) == ["2008/27"]


# --- items of minutes, and what is not their vote ---------------------------------------------------

def test_a_rank_then_the_acts_number_in_brackets():
    """"1 - (D-2021-154) FINANCES - Budget principal - …" (the start read one item of eight); the stamp
    "038-…-20210927-D2021156-DE" on a page is the act D-2021-156's, not the numberless approval's; "M. DUMONT
    demande un vote séparé …, ce que le Maire refuse" is no rejection (no `votes.result_consistent`); "le même
    avenant a" / "été adopté en conseil métropolitain le 2 juillet 2021 par 84 voix pour, 21 contre et 9
    abstentions" is the Métropole's vote, the item's "adoptée à l'unanimité"."""
    rows = dev(2122)
    assert numbers(rows) == [None] + [f"D-2021-{n}" for n in range(154, 161)]
    assert votes(rows)[4] == ("D-2021-157", None, 0, 0, True)
    assert errors(rows) == []


def test_a_bulleted_rank_then_the_acts_number():
    """"■ 2. DCM 19/078 — Budget principal — Budget supplémentaire 2019" (the start read no item); the approval
    above it, "■ 1. Procès-verbal de la séance du 1er juillet 2019", an item of its own since the thirty-third
    round."""
    assert numbers(dev(2158)) == ["1"] + [f"DCM 19/0{n}" for n in range(78, 85)]


def test_arrived_at_a_time_takes_part_in_the_vote():
    """"Mme Colette GRANIER, arrivée à 15 h 20, prend part au vote." over "Votants : 11" (8 présents and 2
    represented at the opening): an arrival, the votants in no error."""
    rows = dev(2138)
    assert column(rows, "votants") == [11] and errors(rows) == []


def test_counts_said_in_a_sentence():
    """"… 26 conseillers sont presents, 4 sont representes, le nombre de votants s'eleve donc a 30."; "Soit 19
    présents et 3 pouvoirs : 22 votants." (3 pouvoirs, not 22); "Délégués siégeant avec voix délibérative : 16"."""
    assert column(dev(2082), "votants")[0] == 30
    assert column(dev(2084), "pouvoirs")[:2] == [3, 3]
    assert column(dev(2085), "presents") == [16]


# --- guards: the code review's near-misses (tests/data/second_reading/r31_rv_*), read as the round's start did

def _counts(rows: dict) -> list[tuple]:
    return [(d["presents"], d["pouvoirs"], d["votants"]) for d in rows["deliberations"]]


def test_review_guards_counts_and_lists():
    """"En exercice : 15 Présents : 12 Pouvoirs : 2 Votants : 14" (a label's value before the next label is not
    its own number); "Se sont fait excuser de leur retard : …" in a sentence is no list; "l'ONF, d'EDF" and
    "Présidente d'Honneur" are no members; "| 3 juillet 2023 | Séance ordinaire – Présents : 18 |" a count."""
    assert _counts(probe_text("r31_rv_27_flat_line_counts")) == [(12, 2, 14)]
    for stem in ("r31_rv_08_excuser_late_arrivals", "r31_rv_11_lonf_in_list", "r31_rv_13_lhonneur_role"):
        assert probe_text(stem)["findings"] == [], stem
    assert _counts(probe_text("r31_rv_69_name_dash_second_cell")) == [(18, 3, 21)] * 2


def test_review_guards_items_and_votes():
    """The Bureau's acts listed "• 1. Délibération n° 2021-B-031 – …" under a report are no items; "… sur
    proposition de Monsieur le Maire refuse d'accorder la garantie" is the council's refusal; "Adopte : 78 Pour,
    9" / "Contre, 5 Abst." (78 + 9 + 5 = 92 for 93 votants) keeps its error; "Bureau communautaire : 12 pour, 1
    abstention" beside the council's parts is no vote of the council."""
    assert numbers(probe_text("r31_rv_39_bureau_decisions_reported")) == ["2021-088", "2021-089"]
    assert column(probe_text("r31_rv_49_sur_proposition_maire_refuse"), "resultat") == ["rejete"]
    rows = probe_text("r31_rv_61_wrap_mid_clause")
    assert votes(rows)[1] == ("2023-102", 78, 9, 5, False) and errors(rows) == [("votes.breakdown", 2)]
    assert column(probe_text("r31_rv_63_vote_parts_bodies"), "pour") == [None]


def test_review_guards_non_voters():
    """"Le groupe « Vals Autrement » n'a pas participé au vote": no one named, no count; "Mme Patricia JAOUEN et
    M. Samuel THÉBAULT, membres du conseil d'administration de l'association, ne prennent pas part au vote": two
    (a role after the names; 42 + 9 + 3 = 54 of 58 votants, no error); "Adoptée à la majorité – Pour : 44 / …
    (le Président ne prend pas part au vote)": one."""
    assert column(probe_text("r31_rv_19_group_not_participated"), "non_votants") == [None]
    rows = dev(1575)
    assert column(rows, "non_votants") == [2] and errors(rows) == []
    assert column(dev(1056), "non_votants")[1] == 1
