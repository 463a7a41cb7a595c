"""The thirty-first round: the round's dev texts (tests/data/second_hand/dev 2081-2160, the first forty
written to study families of consistent documents — moves, suppléants, restated votes, quorum, counts in
odd places, other figures, names, unanimity — the next forty to the ordinary brief), the generated dev
splits' planted inconsistencies left unseen, and probes (tests/data/second_reading/r31_*.txt). Each test
asserts what a document says and fails on the round's start (f577e2f)."""
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
