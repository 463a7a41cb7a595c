"""The thirty-seventh round: the round's dev texts (tests/data/second_hand/dev 2561-2640, the first forty written
to study families of phrasings — votes given with the voters' names, sittings held partly at a distance, counts with
sub-counts, bilingual documents, rules quoted with numbers, very large and very small bodies, act numbers only in a
header or a stamp — the next forty to the ordinary brief, the Mediterranean and outre-mer), and the ballots a
document prints with their suffrages exprimés (a new table, `ballots`, and three new check ids). Each test asserts
what a document says and fails on the round's start (4cd838e), unless its docstring says it guards a reading the
start had."""
from __future__ import annotations

from tests.rows import column, dev_text as dev, errors, numbers, probe_text as probe, room, sides


def ballots(rows: dict) -> list[tuple]:
    """(seq, votants, blancs_nuls, exprimes, majorite_absolue, pour, contre, voix, candidats) of each ballot."""
    return [(b["seq"], b["votants"], b["blancs_nuls"], b["exprimes"], b["majorite_absolue"], b["pour"], b["contre"],
             b["voix"], b["candidats"]) for b in rows.get("ballots", [])]


def found(rows: dict, prefix: str = "votes.ballot") -> list[tuple[str, str]]:
    """(check id, severity) of each finding whose id starts with `prefix`."""
    return [(f["check_id"], f["severity"]) for f in rows["findings"] if f["check_id"].startswith(prefix)]


# --- lists of acts --------------------------------------------------------------------------------------------

def test_a_table_of_acts_laid_out_with_spaces_under_n_dordre():
    """"N° d'ordre     Intitulé du rapport                                Décision" over "CP230313-01    Fonds
    départemental …      Adopté à l'unanimité" and rows wrapped over two or three lines (the start read it as two
    columns of text, one deliberation); "CP230313-07 … Retiré" decides nothing."""
    rows = dev(2631)
    assert numbers(rows) == [f"CP230313-0{n}" for n in (1, 2, 3, 4, 5, 6, 8)]
    assert sides(rows, 3) == (37, 12, None, False) and sides(rows, 4)[:3] == (39, None, 10)


def test_act_codes_whose_year_is_cut_to_two_figures():
    """"21-12-185  Budget primitif 2022 du budget principal" / "Adoptée — 42 pour, 9 contre", … "21-12-191" (the start
    took "21-12-185" for a date and read one deliberation)."""
    rows = dev(2640)
    assert numbers(rows) == [f"21-12-{n}" for n in range(185, 192)]
    assert sides(rows, 1)[:2] == (42, 9) and sides(rows, 7)[:3] == (47, None, 4)


def test_a_code_alone_on_its_line_over_its_title():
    """"▸ MPT 028-10/24 CT" / "  Avis du Conseil de Territoire …" / "  → Avis favorable — Pour : 68 | …" (the start read
    one deliberation); "MPT 032-10/24 CT … → Rapport retiré de l'ordre du jour" decides nothing."""
    rows = dev(2625)
    assert numbers(rows) == [f"MPT 0{n}-10/24 CT" for n in (28, 29, 30, 31, 33)]
    assert sides(rows, 1)[:3] == (68, 14, 8) and sides(rows, 4)[:3] == (76, None, 14)


def test_a_report_number_then_its_title_after_spaces_and_a_report_withdrawn():
    """"Rapport n° 2022-CP-11-014  Solidarite territoriale - …" (no separator after the number: the start read one
    deliberation), "Decision : RAPPORT RETIRE" decides nothing."""
    rows = dev(2591)
    assert numbers(rows) == [f"2022-CP-11-0{n}" for n in range(14, 19)]
    assert sides(rows, 3) == (40, 2, 2, False) and sides(rows, 5)[0] == 43


def test_a_table_of_acts_under_code_acte():
    """"Code acte     | Objet | Décision" (the start read no act number); "DE_2023_092 … Retirée de l'ordre du jour"
    decides nothing."""
    rows = dev(2584)
    assert numbers(rows) == [f"DE_2023_0{n}" for n in (87, 88, 89, 90, 91, 93, 94, 95)]
    assert sides(rows, 2)[:3] == (52, 9, 3) and column(rows, "votants")[1] == 64


def test_a_register_of_extracts_numbered_by_five_figures():
    """"Délibération N°15218", "N°15219", "N°15220", each with its box (the start read one deliberation, the second's
    unanimity over the first's split vote); 15219's four administrators named, then what they are, "n'ont pas pris
    part au vote": 76 votants for 66 + 14 is no error."""
    rows = dev(2637)
    assert numbers(rows) == ["15218", "15219", "15220"]
    assert [room(rows, seq) for seq in (1, 2, 3)] == [(66, 14, 80), (66, 14, 76), (63, 15, 78)]
    assert sides(rows, 1) == (71, 6, 3, False) and sides(rows, 3) == (60, 12, 6, False)
    assert errors(rows) == []


def test_an_outcome_over_its_counts_in_a_table_cell():
    """"Adoptée" / "Pour 84 · Contre 12 · Abst. 3" in a cell of a table laid out with spaces: the outcome set apart
    from the counts ("adoptée pour …" is no count). Guards a reading the start had (the round's "N° d'acte" header
    made the table's cells, and lost pour)."""
    rows = dev(2005)
    assert sides(rows, 1)[:3] == (84, 12, 3) and sides(rows, 3)[:3] == (87, 0, 12)


# --- who is in the room ---------------------------------------------------------------------------------------

def test_non_voters_named_over_three_lines():
    """"M. Alain GRIMAUD et Mme Régine FABRE-ROUX, membres du bureau de l'Office" / "départemental des sports du Var, …,
    ne prennent" / "pas part au vote." over "Nombre de votants : 35": two non-voters, 31 + 6 − 2 = 35, no error (the
    start gave attendance.votants)."""
    rows = dev(2604)
    assert column(rows, "non_votants") == [2] and errors(rows) == []


def test_a_member_who_also_leaves():
    """"M. Bernard CHAPTAL quitte la séance à 16 h 45 ;" / "M. Jacques LAUZE quitte également la séance et donne
    pouvoir à Mme Nadia BOUKHARI." / "Présents : 6 — Pouvoirs : 3 — Votants : 9": the lists after both moves agree
    with the counts (the start read one move and gave attendance.present_count and proxy_count). The quorum of 12
    members in office is not met by 6 présents (CGCT L2121-17, at each item): that error stands."""
    rows = dev(2635)
    assert column(rows, "presents") == [8, 8, 8, 6] and column(rows, "pouvoirs") == [2, 2, 2, 3]
    assert errors(rows) == [("quorum.reached", 4)]


def test_what_a_present_member_is_after_a_comma():
    """"– M. Gérard MOLLIEX, représentant de l'UDAF de la Savoie" in the list of présents is no name left unread: the
    proxy given by a member listed present is an error (the start made it a notice: the list in doubt)."""
    assert errors(dev(2575)) == [("proxy.giver_absent", 1)]


def test_delegates_representing_voices():
    """"Délégués présents : 18, représentant 71 voix" / "Votants : 20 délégués, représentant 79 voix" / "Pour : 73
    voix — Contre : 0 — Abstentions : 6 voix": a vote in voices against votants in delegates is a notice (the start
    gave votes.breakdown as an error)."""
    rows = dev(2638)
    assert errors(rows) == [] and found(rows, "votes.breakdown") == [("votes.breakdown", "notice")]


# --- ballots ----------------------------------------------------------------------------------------------------

def test_a_ballot_whose_suffrages_exprimes_are_one_too_many():
    """"nombre de votants …. 25" / "bulletins blancs ou nuls …. 2" / "suffrages exprimes …. 24" / "majorite absolue ….
    13" / "Mme Manon PAYOT : 21 voix" / "M. Sebastien CHARLET : 3 voix": 25 − 2 = 23, not 24 (planted; the start had
    no ballot)."""
    rows = dev(2600)
    assert ballots(rows) == [(2, 25, 2, 24, 13, None, None, 24, 2)]
    assert found(rows) == [("votes.ballot_expressed", "error")]


def test_a_public_ballot_whose_sides_do_not_make_the_suffrages_exprimes():
    """"Nombre de votants …. 43" / "Suffrages exprimes …. 43" / "Pour …. 33" / "Contre …. 8" (planted: 33 + 8 = 41)."""
    rows = dev(2569)
    assert ballots(rows) == [(1, 43, None, 43, None, 33, 8, None, None)]
    assert found(rows) == [("votes.ballot_sides", "error")]


def test_a_majority_printed_wrong():
    """32 suffrages exprimés and "majorité absolue : 15" (planted: 17), a warning."""
    assert found(dev(2359)) == [("votes.ballot_majority", "warning")]


def test_ballots_that_add_up_give_no_finding():
    """"c. Nombre de suffrages déclarés nuls : 1" / "d. Nombre de suffrages blancs : 2" / "e. … exprimés (b – c – d) :
    16": blancs and nuls printed apart, summed (19 − 3 = 16); two ballots for three seats each, whose candidates' voices
    (50, 47) are more than the suffrages exprimés (17, 16) since a ballot names three: no finding."""
    rows = dev(432)
    assert ballots(rows) == [(2, 19, 3, 16, 9, None, None, None, None)] and found(rows) == []
    rows = dev(650)
    assert [b[1:5] + b[7:] for b in ballots(rows)] == [(19, 2, 17, 9, 50, 4), (19, 3, 16, 9, 47, 4)]
    assert [b["scrutin_de_liste"] for b in rows["ballots"]] == [False, False] and found(rows) == []


def test_a_list_ballot_whose_voices_make_the_suffrages_exprimes():
    """"Premier tour : votants 29 ; blancs et nuls 4 ; suffrages exprimés 25 ; majorité absolue 13." / "Liste
    Marie-Pierre ROUX : 21 voix – Liste Catherine ROUSSET : 4 voix." (the other ballot of the text, the mayor's, is
    the planted one)."""
    rows = dev(2352)
    listed = [b for b in rows["ballots"] if b["scrutin_de_liste"]]
    assert [(b["votants"], b["blancs_nuls"], b["exprimes"], b["voix"], b["candidats"]) for b in listed] == \
        [(29, 4, 25, 25, 2)]


# --- the code review's probes (tests/data/second_reading/r37_rv_*) ----------------------------------------------

def test_ballots_the_review_found_read_wrong_give_no_finding():
    """Consistent ballots the round's first version called wrong: "Bulletins blancs et nuls : 3 (blancs : 2 ; nuls :
    1)" (the total, not its detail added in), "Mme Odile BLANC : 12 voix" (a candidate, no blank ballot), "Majorité
    requise (deux tiers) : 20" (no absolute majority), "Nombre de votants : 20 délégués représentant 79 voix" (voices
    against delegates: votants unread), the sitting's vote on the number of adjoints above the ballot and today's
    vote under a ballot quoted from 2020 (no sides of the ballot), the sitting's "Votants : 15" above "bulletins
    trouvés dans l'urne : 14" (no votants of the ballot)."""
    expected = {"06_ballot_blancs_nuls_with_detail": (1, 23, 3, 20, 11, None, None, 20, 2),
                "11_ballot_candidate_named_blanc": (1, 19, None, 18, None, None, None, 18, 2),
                "12_ballot_two_thirds_required": (1, 30, None, 30, None, 26, 4, None, None),
                "14_ballot_weighted_voices": (1, None, None, 78, 40, None, None, 78, 2),
                "15_ballot_vote_before_block": (1, 11, 2, 9, 5, None, None, 9, 1),
                "24_ballot_previous_sitting_quoted": (1, 27, 3, 24, None, None, None, None, None),
                "58_ballot_sitting_votants_near": (1, None, 2, 12, 7, None, None, 12, 2)}
    for stem, ballot in expected.items():
        rows = probe(f"r37_rv_{stem}")
        assert ballots(rows) == [ballot] and found(rows) == [], stem


def test_a_contracts_lots_coded_alone_are_no_acts():
    """"MP-24-01" / "Lot 1 – Gros œuvre" / "attribué à l'entreprise … 182 400,00 € HT" three times inside one
    deliberation: a code alone on its line heads an act only where an outcome is printed under it (guards a reading the
    start had; the round's first version made three acts)."""
    rows = probe("r37_rv_27_codealone_lots_one_deliberation")
    assert numbers(rows) == ["2024-018"] and sides(rows, 1)[:2] == (19, 3)


def test_a_vote_wrapped_inside_a_table_cell():
    """"Adopté par 80 voix pour, 15" / "contre 4 abstentions": one sentence, the outcome not set apart from its counts
    (guards a reading the start had: 80 and 15)."""
    rows = probe("r37_rv_42_join_counts_wrapped_midsentence")
    assert sides(rows, 1)[:2] == (80, 15) and sides(rows, 3)[:3] == (70, 20, 9)


def test_members_with_their_proxies_in_voices_are_no_weighted_vote():
    """"Présents : 20, représentant 24 voix avec les pouvoirs" in a municipal council: 19 + 3 + 1 against 24 votants
    stays an error (the round's first version took it for a weighted vote, a notice; guards the start's reading)."""
    assert errors(probe("r37_rv_49_weighted_municipal_planted")) == [("votes.breakdown", 1)]


def test_a_named_member_and_a_group_not_voting():
    """"Mme Anne PETIT, présidente, et les autres élus membres du comité de direction … ne prennent pas part au vote":
    how many is not said (guards the start's reading; the round's first version counted one)."""
    assert column(probe("r37_rv_55_named_nonvoters_and_group"), "non_votants") == [None]
