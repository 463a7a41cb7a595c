"""The thirty-fifth round: the round's dev texts (tests/data/second_hand/dev 2401-2480, the first forty
written to study families of phrasings — attendance said by exception, assemblies of unusual status, acts
wrapped in their transmission, sub-items and grouped votes, minutes with debates, votes said in words,
items rejected or withdrawn, counts given at the end — the next forty to the ordinary brief, the east and
the Paris region). Each test asserts what a document says and fails on the round's start (834ab8a), unless
its docstring says it guards a reading the start had."""
from __future__ import annotations

import json

from benchmarks import second_hand
from tests.rows import column, dev_text as dev, errors, numbers, probe_text as probe, sides, votes


def method(rows: dict, seq: int, field: str) -> tuple:
    """(method, derived) of one deliberation's value, from `provenance`."""
    row = next(p for p in rows["provenance"] if p["record_key"] == f"seq={seq}" and p["field"] == field)
    return row["method"], row["derived"]


# --- act numbers a list opens its lines with -------------------------------------------------------------

def test_codes_of_figures_only_going_up_one_by_one():
    """"23-201  Budget primitif 2024 …" / "23-202  Commission d'appel d'offres …" … "23-205": a year cut to
    two and a running number (the start read one deliberation with no number)."""
    assert numbers(dev(2479)) == ["23-201", "23-202", "23-203", "23-204", "23-205"]


def test_a_councils_letters_set_apart_after_a_bullet():
    """"• DL 2017-06-12/01 — Budget principal — Compte administratif de l'exercice 2016" (the start read one)."""
    assert numbers(dev(2476)) == [f"DL 2017-06-12/0{i}" for i in range(1, 6)]


def test_codes_before_titles_in_capitals():
    """"CC_2023_06_29_01 - APPROBATION DU COMPTE DE GESTION 2022 - …": a code before a title in capitals is
    the act's number, not a line of capitals (the start numbered none of the four)."""
    assert numbers(dev(2463)) == [f"CC_2023_06_29_0{i}" for i in range(1, 5)]


def test_a_report_between_drawn_rules():
    """"─── Rapport n° 1-03 ─── Fonds départemental d'aide aux communes rurales …" (the start read one item)."""
    rows = dev(2466)
    assert numbers(rows) == ["1-03", "2-07", "3-11", "4-12", "5-02"]
    assert sides(rows, 2) == (34, 0, 6, False)


def test_a_section_sign_before_a_code_and_a_year_and_eight_figures():
    """"§ DEL-2019-112 — Modification des statuts …"; "N° 20230145 - SOLIDARITES - Subvention …" (the start
    read one deliberation of each)."""
    assert numbers(dev(2435)) == ["DEL-2019-112", "DEL-2019-113", "DEL-2019-114"]
    assert numbers(dev(2439)) == [f"202301{n}" for n in range(45, 50)]


def test_act_numbers_a_date_lookahead_took_for_dates():
    """"Délibération n° 23-4.12" (two separators: no date), "Délibération n° 3-14", "D.2012.10.118" alone on
    its line (the start read none)."""
    assert numbers(dev(2459))[0] == "23-4.12"
    assert numbers(dev(2443)) == ["3-14"]
    assert numbers(dev(2456)) == ["D.2012.10.118"]


# --- parts and their items ------------------------------------------------------------------------------------

def test_chapters_in_capitals_over_their_items():
    """"4. FINANCES" / "4.1 Budget primitif 2024 – Budget principal" / … / "5. RESSOURCES HUMAINES" / "5.1 …":
    the items, and "3. RAPPORT D'ORIENTATION BUDGÉTAIRE 2024" (taken note of) beside them (the start read the
    chapters)."""
    assert numbers(dev(2405)) == ["1", "3", "4.1", "4.2", "4.3", "5.1", "5.2"]


# --- votes -----------------------------------------------------------------------------------------------------

def test_a_side_said_by_the_members_who_take_it():
    """"…, M. Thierry LANGLOIS et Mme Sandrine DUBOC votant contre." counted on the names, derived; "à l'unanimité
    des suffrages exprimés, trois conseillers s'abstenant": 3 abstentions, no pour or abstentions derived from the
    unanimity (the start read no contre, and 31 pour / 0 abstentions)."""
    rows = dev(2418)
    assert sides(rows, 1) == (None, 2, None, False)
    assert method(rows, 1, "contre") == ("side_named", True)
    assert sides(rows, 2) == (None, 0, 3, True)


def test_an_item_that_sends_to_the_recap_takes_its_row():
    """"Vote : voir tableau récapitulatif." and the recap a cell a line ("N°" / "Objet" / "Pour" / "Contre" /
    "Abst." / "NPPV" / "Résultat" / "2025-041" / "BS 2025 budget principal" / "62" / "9" / "4" / "0" / "Adopté")
    (the start read no figure of 2025-041, 2025-042, 2025-044)."""
    rows = dev(2416)
    assert [sides(rows, seq) for seq in (1, 2, 4)] == [(62, 9, 4, False), (66, 0, 9, False), (70, 0, 4, False)]
    assert method(rows, 1, "pour") == ("recap", False)


def test_a_recap_a_cell_a_line_with_a_cell_over_the_counts():
    """"Unanimité" / "Adoptée" under "Pour", "Contre", "Abst.", "Décision"; "-" / "-" / "-" / "Prend acte"
    (the start read no figure of the six)."""
    rows = dev(2475)
    assert votes(rows)[:2] == [("2024-041", 31, 0, 0, True), ("2024-042", 26, 5, 0, False)]
    assert votes(rows)[4] == ("2024-045", 27, 3, 2, False)


def test_an_amendments_counts_going_on_after_a_semicolon():
    """"Amendement n° 12 … : rejeté — Pour : 58 ;" / "Contre : 141 ; Abstention : 2.": the amendment's, not the
    report's (the start read 143 / 141 / 2 and gave a false error)."""
    rows = dev(2469)
    assert sides(rows, 1)[:3] == (143, 49, 5)
    assert errors(rows) == []


def test_a_wrapped_annexe_is_no_annex():
    """"… conformément au tableau" / "annexé, pour un total de 112 847 216 € ;": the item goes on to its vote
    "VOTE : POUR : 63 CONTRE : 20 ABSTENTIONS : 6" (the start cut it before)."""
    assert sides(dev(2451), 1) == (63, 20, 6, False)


# --- bodies ------------------------------------------------------------------------------------------------------

def test_assemblies_of_unusual_status():
    """"CONSEIL TERRITORIAL" (Saint-Martin), "CONSEIL DU 18e ARRONDISSEMENT", "Conseil de l'Eurometropole";
    "COLLECTIVITE TERRITORIALE DE MARTINIQUE" heads its own acts (the start read none of the organs, and a
    sentence of the decision as Martinique's collectivité)."""
    assert column(dev(2433), "organe")[0] == "Conseil territorial"
    assert column(dev(2413), "organe")[0] == "Conseil du 18e arrondissement"
    assert column(dev(2444), "organe")[0] == "Conseil de l'Eurometropole"
    rows = dev(2402)
    assert (column(rows, "collectivite")[0], column(rows, "organe")[0]) == \
        ("COLLECTIVITE TERRITORIALE DE MARTINIQUE", "Assemblée de Martinique")


def test_a_bodys_name_beside_a_folio_and_over_its_kind():
    """"COMMUNAUTE DE COMMUNES DU PAYS DE VILLERSEXEL      Folio n° 2017/118"; "PLAINE COMMUNE" / "Établissement
    public territorial" over "BUREAU TERRITORIAL DU MARDI 12 AVRIL 2016" (the start read neither body, nor the
    bureau)."""
    assert column(dev(2458), "collectivite")[0] == "COMMUNAUTE DE COMMUNES DU PAYS DE VILLERSEXEL"
    rows = dev(2478)
    assert (column(rows, "collectivite")[0], column(rows, "organe")[0]) == \
        ("Établissement public territorial PLAINE COMMUNE", "Bureau territorial")


def test_a_month_whose_l_ocr_read_as_one():
    """"Proces-verbal de la reunion du Conseil communautaire" / "du jeudi 12 avri1 2018 - Salle des fetes …"
    (the start read no date)."""
    assert str(column(dev(2467), "session_date")[0]) == "2018-04-12"


# --- the code review's probes (tests/data/second_reading/r35_rv_*.txt): neighbours the first version read wrong ---

def test_figures_only_codes_under_ranked_items_are_the_prefectures():
    """"1. Budget primitif 2024" … "3. …", then "Numéros d'enregistrement en préfecture :" / "23-201 Budget primitif
    2024, adopté à la majorité" …: the ranked items keep their votes (guards a reading the start had; the review's
    first version numbered the list)."""
    rows = probe("r35_rv_06_counted_recap_under_ranks")
    assert numbers(rows) == ["1", "2", "3"] and sides(rows, 1)[:2] == (22, 5)


def test_names_on_a_side_that_are_not_the_councils_vote():
    """"Lors de la commission des finances du 2 mars 2024, M. Paul GIRARD et Mme Anne LEROY ont voté contre ce
    projet."; two delegates "disposant ensemble de 14 voix, votent contre" in a weighted vote; "à l'unanimité, sauf
    M. Hugues TESSIER qui vote contre" derives no contre 0: it counts the one named, in a relative clause (the
    review's first version counted 2, 2 and 0; the start 0 for the last)."""
    assert sides(probe("r35_rv_32_side_named_commission_vote"), 1)[1] is None
    assert sides(probe("r35_rv_37_side_named_weighted_syndicat"), 1)[1] is None
    rows = probe("r35_rv_45_expressed_sauf_named_contre")
    assert [sides(rows, seq)[1] for seq in (1, 2)] == [1, 1] and method(rows, 1, "contre") == ("side_named", True)


def test_counts_below_a_recital_or_an_opinion():
    """"Considérant que le transfert … ;" / "Pour : 12 ; Contre : 3 ; Abstentions : 2." is the council's vote; "Vu
    l'avis de la commission enfance-jeunesse réunie le 4 mars 2024," / "Pour : 6, Contre : 1, Abstention : 0," the
    commission's, "par 15 voix pour et 2 abstentions" the council's (the review's first version read none, then a
    false votes.restated)."""
    assert sides(probe("r35_rv_49_wrap_recital_then_own_counts"), 1) == (12, 3, 2, False)
    rows = probe("r35_rv_50_wrap_commission_counts")
    assert sides(rows, 1)[:3] == (15, None, 2) and errors(rows) == []


def test_a_dated_page_header_and_an_annexed_report_are_no_items():
    """"PV.2024.06.27" alone on each page (a date, no act's running number); "Annexe, rapport de la commission locale
    d'évaluation des charges transférées …" / "Vote des membres de la CLECT … — Pour : 9 ; …" ends the item (guards a
    reading the start had; the review's first version numbered the page header, and read the CLECT's vote with a
    false error)."""
    assert numbers(probe("r35_rv_59_code_alone_page_header")) == ["2024-31", "2024-32"]
    rows = probe("r35_rv_61_annexe_comma_clect")
    assert sides(rows, 1)[:3] == (None, None, None) and errors(rows) == []


def test_recaps_that_do_not_say_which_vote_is_the_acts():
    """A recap naming 2025-041 twice (its amendment's row, then its own) gives it neither; a committee's opinions laid a
    cell a line ("Avis rendus par la commission des finances du 10 juin 2024 :" / "N°" / "Objet" / "Pour" …) are no
    council's vote (guards a reading the start had; the review's first version took the amendment's 10/30/2 and the
    committee's 6/2/0)."""
    rows = probe("r35_rv_66_recap_amendment_same_number")
    assert sides(rows, 1)[:3] == (None, None, None) and errors(rows) == []
    rows = probe("r35_rv_67_commission_opinion_cells")
    assert {sides(rows, seq)[:3] for seq in (1, 2)} == {(None, None, None)} and errors(rows) == []


def test_another_councils_name_is_no_organ():
    """"Vu l'avis favorable du Conseil territorial de santé du Gévaudan du 2 octobre 2023," (guards a reading the start
    had; the review's first version read it as the organ)."""
    assert column(probe("r35_rv_27_conseil_territorial_sante"), "organe") == [None]


# --- the benchmark ------------------------------------------------------------------------------------------------

def test_an_items_own_counts_are_scored_where_its_label_gives_them(tmp_path):
    """benchmarks/second_hand.py scores an item on the counts its label gives it (after a move), else on the
    opening's; and gives each field's figures apart (`--by-field`)."""
    (tmp_path / "1.txt").write_text("x", encoding="utf-8")
    label = {"collectivite": None, "organe": None, "session_date": None, "membres_en_exercice": None,
             "presents": 20, "pouvoirs": None, "votants": None, "president": None, "inconsistency": None,
             "deliberations": [{"numero": "1", "presents": 19, "pour": None, "contre": None, "abstentions": None,
                                "unanimite": None}]}
    (tmp_path / "1.json").write_text(json.dumps(label), encoding="utf-8")
    tally = second_hand.Tally()
    row = {"seq": 1, "numero": "1", "presents": 19}
    second_hand.score_document(tmp_path / "1.txt", tally, lambda _: {"deliberations": [row]}, lambda *_: set())
    assert tally.by_field["presents"]["right"] == 1 and tally.fields["wrong"] == 0
    assert second_hand.by_field(tally).splitlines()[0].split()[0] in second_hand.SITTING + second_hand.OWN
