"""The thirty-third round: the round's dev texts (tests/data/second_hand/dev 2241-2320, the first forty
written to study families of consistent documents — proxies in unusual layouts, names in hard shapes,
amendments voted before the act, dates that tempt, finance items thick with figures, absences of several
kinds, counts printed per item, extraction accidents — the next forty to the ordinary brief), probes
(tests/data/second_reading/r33_*.txt) and the generated documents. Each test asserts what a document says
and fails on the round's start (77bbd70), unless its docstring says it guards a reading the start had."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from extractors.normalise import parse_date
from tests.generator import generate
from tests.rows import column, dev_text as dev, errors, numbers, probe_text, votes
from pipeline.stages import process


def attendance(rows: dict, seq: int = 1) -> list[tuple]:
    """(name, status, holder) of one deliberation's attendance rows."""
    return [(a["name"], a["status"], a["proxy_holder"]) for a in rows["attendance"] if a["seq"] == seq]


# --- proxies said in sentences ------------------------------------------------------------------------

def test_proxy_clauses_run_over_lines_and_two_givers_joined_by_et():
    """"… ; BOUTTIER Rémi a donné pouvoir à POIRET" / "Maryse ; HAVET Louis et FOURNIER Claire a donné
    pouvoir à DUBOIS Hélène": the holder's name cut by the line, and a verb in the singular after two
    names — one proxy, FOURNIER's (the start read two of the three proxies and reported it as an error)."""
    rows = probe_text("r33_proxy_clauses_wrap")
    assert errors(rows) == [] and rows["deliberations"][0]["pouvoirs"] == 3
    assert attendance(rows)[-4:] == [("DEBOVE Sandrine", "absent", "CARON Didier"),
                                     ("BOUTTIER Rémi", "absent", "POIRET Maryse"),
                                     ("HAVET Louis", "absent", None),
                                     ("FOURNIER Claire", "absent", "DUBOIS Hélène")]


def test_initials_of_two_letters_in_a_roster():
    """"Ph. AUBRY – abs. exc. [pvr J. COLSON]" / "Ch. HUMBERT – abs. exc. [pvr M.-L. RENARD]": Philippe
    and Charles cut to two letters (the start read no line of the roster)."""
    rows = probe_text("r33_initials_two_letters")
    assert attendance(rows) == [("Ph. AUBRY", "absent", "J. COLSON"), ("Ch. HUMBERT", "absent", "M.-L. RENARD"),
                                ("G. PIERSON", "absent", None)]


# --- headings -------------------------------------------------------------------------------------------

def test_a_ranked_approval_of_minutes_that_does_not_say_approval():
    """"■ 1. Procès-verbal de la séance du 1er juillet 2019" / "Adopté à l'unanimité." above "■ 2. DCM 19/078 —
    Budget principal …": an item of its own, ranked 1 (the start gave the budget the approval's place)."""
    rows = dev(2158)
    assert numbers(rows)[:3] == ["1", "DCM 19/078", "DCM 19/079"]
    assert votes(rows)[0] == ("1", None, 0, 0, True)


# --- tables of acts as extractions leave them -----------------------------------------------------------

def test_a_table_of_acts_printed_a_cell_a_line():
    """"N°" / "Objet" / "Vote" / "DFI/2020/188" / "Garanties d'emprunts accordées à" / … / "Unanimité" /
    "DAT/2020/301" / … / "Pour : 78": eight acts (the start read none and gave a false error)."""
    rows = dev(2252)
    assert numbers(rows)[:3] == ["DFI/2020/188", "DAT/2020/301", "DCSEI/2020/233"] and len(numbers(rows)) == 8
    assert votes(rows)[2] == ("DCSEI/2020/233", 58, 0, 20, False) and errors(rows) == []


def test_a_tab_table_whose_cells_wrap_past_the_tabs():
    """"DCM-2025-003⇥Budget principal – … d'investisse-" / "ment avant le vote …" / "2024)⇥M. Ronan JAFFRÉ⇥Adoptée" /
    "(40 pour," / "8 abstentions)": eleven acts, each with its vote (the start lost three and read a false error)."""
    rows = dev(2290)
    assert len(numbers(rows)) == 11 and errors(rows) == []
    assert [votes(rows)[k] for k in (2, 3, 6)] == [("DCM-2025-003", 40, None, 8, False),
                                                   ("DCM-2025-004", 40, 8, None, False),
                                                   ("DCM-2025-007", 44, None, 4, False)]


def test_a_move_on_a_row_of_its_own_in_a_table_of_acts():
    """"| 9 h 40 | Arrivée de Mme Laurence GUÉRIN avant l'examen du B 24.085. | … | Présents : 28 – …": a move, no
    act numbered "9 h 40" (the start's reading, every vote after it one row late)."""
    rows = dev(2284)
    assert numbers(rows)[4:6] == ["B 24.085", "B 24.086"] and votes(rows)[4] == ("B 24.085", 32, 0, 0, True)


def test_a_move_between_two_rows_holds_for_the_rows_after_it():
    """"⇥21 h 10 : départ de Mme Françoise LEMOIGNE (pouvoir à …) … – Présents : 110 – Pouvoirs : 32": the
    counts of the acts after it, not of the act above (the start gave them to DEL2017_218)."""
    rows = dev(2312)
    assert [(d["presents"], d["pouvoirs"]) for d in rows["deliberations"][4:6]] == [(112, 31), (110, 32)]


def test_a_budget_voted_by_chapter_is_no_table_of_acts():
    """"Chap.  Libellé  Montant  Pour  Contre  Abst." over "011  Charges à caractère général … 26  5  0": the votes of
    one act by chapter (the start read fourteen acts without numbers)."""
    rows = dev(2251)
    assert numbers(rows) == ["I", "2016/018", "2016/019", "2016/020", "2016/021", "2016/022", "2016/023"]
    assert votes(rows)[2] == ("2016/019", 26, 5, None, False)


# --- headings -------------------------------------------------------------------------------------------

def test_paris_act_numbers():
    """"2019 DASCO 12 – Caisse des écoles …", "20 2019 01 – Adoption du procès-verbal …", "V20 2019 03 – Vœu …":
    the numbers of the Conseil de Paris and its arrondissements (the start read one item)."""
    rows = dev(2272)
    assert numbers(rows)[:3] == ["20 2019 01", "2019 DASCO 12", "2019 DLH 34"] and len(numbers(rows)) == 8
    assert votes(rows)[6] == ("V20 2019 04", 8, 30, 2, False)


def test_an_item_said_to_hold_no_vote_is_no_deliberation():
    """"Point 5 - Rapport d'activite 2021 …" / "Le Conseil prend acte … (pas de vote).": no deliberation (the
    start counted it, every act after it one place late)."""
    assert numbers(dev(2248))[4:6] == ["D2022-034", "D2022-035"]


# --- votes ----------------------------------------------------------------------------------------------

def test_an_amendments_result_is_not_the_acts():
    """"Résultat du vote de l'amendement n° 3 :" over a table per group, "TOTAL 41 112 9", then "Résultat du vote
    de la délibération : Pour : 119 …": the act's 119/38/5 (the start reported the amendment's box as a
    restated vote disagreeing)."""
    rows = dev(2258)
    assert votes(rows) == [("20191287", 119, 38, 5, False)] and errors(rows) == []


def test_non_voters_counted_in_words_and_with_their_proxy():
    """"Quatre conseillers, administrateurs de la SEM …, ne prennent pas part au vote." (4 out: votants 177 of
    181); "M. Jacques RATEL … ne prend pas part au vote, ni pour lui-même ni au titre du pouvoir qu'il détient"
    (2 out); "départ de M. Luc FLEURY (pouvoir à Mme Anne-Marie LEGRAND) et de Mme …" (a proxy given): no error
    (the start reported five)."""
    mel, arras = dev(2268), dev(2277)
    assert column(mel, "non_votants")[7] == 4 and column(arras, "non_votants")[3] == 2
    assert errors(mel) == [] and errors(arras) == []


# --- attendance -----------------------------------------------------------------------------------------

def test_two_columns_of_attendance_run_together_are_in_doubt():
    """"Présents      Absents excusés – pouvoirs" over lines each holding a présent and half an absent's proxy:
    who is in which column is unsure, a mismatch a notice (the start reported two errors)."""
    rows = dev(2278)
    assert errors(rows) == [] and {f["check_id"] for f in rows["findings"]} >= {"attendance.proxy_count"}


def test_present_delegates_listed_by_commune():
    """"Etaient presents les delegues :" / " Pouilly-sur-Serre : Mme Colette PAYEN, M. Andre CARLIER" / …, then
    "Pouvoirs : Mme Colette PAYEN a M. Andre CARLIER": a proxy given by a member present, the planted error
    (the start read no présent)."""
    assert ("proxy.giver_absent", 1) in errors(dev(2260))


def test_members_listed_under_the_body_they_represent():
    """"Représentants du Département de la Somme : Mme Françoise MOREL, M. Bruno HAUTECOEUR ;": two présents (the
    start took "Département" for a departure), so 8 named against "Présents : 9", the planted error."""
    assert errors(dev(2271)) == [("attendance.present_count", 1)]


def test_everyone_present_but_those_named():
    """"Étaient présents : l'ensemble des membres de la Commission permanente, à l'exception de :" / "M. Jean-Pierre
    BOURDIN (pouvoir à Mme Annick CAUCHOIS), …": the absents (the start read the first as no name and put the
    list in doubt); the second extract's 7 pouvoirs against 6 listed, the planted error."""
    assert errors(dev(2257)) == [("attendance.proxy_count", 2)]


def test_a_count_box_drawn_with_box_characters_and_proxies_after_leaders():
    """"│ Membres ayant voix délibérative │ 22 │" / "│ Présents │ 10 │"; "M. Pascal LE NÉZET ........... à M. Hervé LE
    PENVEN": 22 members (the quorum not reached, the planted error) and four proxies (the start read none)."""
    rows = dev(2291)
    assert column(rows, "membres_en_exercice") == [22] and errors(rows) == [("quorum.reached", 1)]
    assert ("Pascal LE NÉZET", "absent", "Hervé LE PENVEN") in attendance(rows)
    assert sum(holder is not None for _, _, holder in attendance(rows)) == 4


# --- recaps ---------------------------------------------------------------------------------------------

def test_a_recap_of_reports_adopted_by_majority():
    """"RÉCAPITULATIF DES RAPPORTS ADOPTÉS À LA MAJORITÉ" / "CP 2018-302 ......... 39 pour, 14 contre, 2 abstentions"
    against the table's 39/12/4: the planted error (the start read the recap as an act)."""
    rows = dev(2263)
    assert errors(rows) == [("votes.restated", 7)] and len(numbers(rows)) == 8


def test_a_recap_row_numbered_as_a_report():
    """"RÉCAPITULATIF" / … / "⇥– 3-05 : 5 abstentions" against the table's "Adopté à l'unanimité": restated,
    a notice (unanimity may leave abstentions aside); "3-05" names the report, no rank."""
    rows = dev(2296)
    assert [(f["check_id"], f["severity"], f["seq"]) for f in rows["findings"]] == [("votes.restated", "notice", 5)]


# --- the code review's probes (tests/data/second_reading/r33_rv_*.txt) ------------------------------------

def test_a_move_under_a_row_holds_for_the_rows_after_it():
    """"DCM-2024-102 ⇥ … ⇥ Pour 35 – Contre 8" / "⇥Arrivée de M. Jean-Marc GUILLAS à 19 h 20 (Présents : 38 – …
    Votants : 44)": 102 voted 43, the rows after it 44 (the start gave 102 the move's 44 and reported it)."""
    rows = probe_text("r33_rv_move_line_fire")
    assert column(rows, "votants") == [43, 43, 44, 44, 44] and errors(rows) == []


def test_section_ranks_between_tab_rows_stay_lines_of_their_own():
    """"1. Administration générale" under a tab header: a section's rank, not the end of the header's last cell
    (guards a reading the start had; the round's first version lost the table)."""
    assert numbers(probe_text("r33_rv_tab_section_ranks")) == ["1", "2", "3"]


def test_a_departure_in_an_objects_cell_is_no_move():
    """"Départ de la course cycliste …" wrapped in an object's cell: the row's vote kept (guards a reading the
    start had; the round's first version took the line for a member's departure)."""
    assert votes(probe_text("r33_rv_move_word_object_cell"))[0] == ("2023-014", 26, 0, 0, None)


def test_minutes_listed_among_the_documents_sent_are_no_approval():
    """"1. Procès-verbal de la séance du 8 février 2024" in the list of the documents sent with the convocation,
    the agenda adopted after it: no approval item (guards a reading the start had)."""
    assert numbers(probe_text("r33_rv_approval_rank_documents_list")) == ["2024-015", "2024-016", "2024-017"]


def test_the_budgets_orientation_debate_stays_a_deliberation():
    """"1. Débat d'orientation budgétaire 2024 (pas de vote)": the council notes the debate by a deliberation
    (guards a reading the start had; the round's first version dropped it)."""
    assert numbers(probe_text("r33_rv_pas_de_vote_dob")) == ["1", "2", "3"]


def test_a_named_non_voter_between_commas_is_one():
    """"Adopté à l'unanimité par 27 conseillers, Mme Sophie LEROY, ne prenant pas part au vote": one non-voter,
    not 27 (guards a reading the start had)."""
    assert column(probe_text("r33_rv_non_votants_commas_name"), "non_votants") == [1]


def test_a_recap_numbered_by_register_does_not_name_the_reports():
    """Reports "1-1", "1-2", "1-3" and a recap numbered "N° 10", "N° 11", "N° 12": "N° 12" is not report 1-2
    (guards a reading the start had; the round's first version reported a false error)."""
    assert errors(probe_text("r33_rv_recap_chapter_key_collision")) == []


# --- the generator says what its labels say ------------------------------------------------------------

@pytest.mark.parametrize("split", ["dev3", "dev5", "test"])
def test_no_generated_convocation_is_posted_after_its_sitting(split):
    """"Convocation affichée le 13 février 2012" over a sitting of the 8th is a convocation posted late, which
    a reader is right to report; the generator drew that phrase for the minutes' posting (gen-dev5-5000295,
    labelled consistent). A phrase of the convocation now carries only a date on or before the sitting."""
    for seed in range(150):
        doc = generate(seed, split, planted=False)
        sitting = dt.date.fromisoformat(doc.labels["sittings"][0]["session_date"])
        for line in doc.text.splitlines():
            said = parse_date(line) if re.search(r"convoc", line, re.IGNORECASE) else None
            assert said is None or said <= sitting, f"{doc.name}: {line}"


def test_the_generated_document_that_said_so_is_consistent_again(tmp_path):
    """gen-dev5-5000295: no error once its posting date is the minutes' (the start's generator gave it a
    convocation after the sitting, and registre an error)."""
    path = generate(5000295, "dev5").write(tmp_path)[0]
    assert errors(process(path).rows) == []
