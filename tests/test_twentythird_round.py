"""The twenty-third round: dev texts read as a new user would (tests/data/second_hand/dev
1441-1520), probes written for it (tests/data/second_reading/r23_*.txt) and the generated dev2
regression of the twenty-second round; each test asserts what a document says, and fails on the
round's start (bcef549) unless it says it guards a reading that round already had."""
from __future__ import annotations

from pathlib import Path

from pipeline.stages import process
from tests.rows import errors, numbers

SECOND_READING = Path(__file__).parent / "data" / "second_reading"


def probe(stem: str) -> dict:
    return process(SECOND_READING / f"r23_{stem}.txt").rows


def proxies(rows: dict) -> list[tuple[str, str]]:
    return [(p["giver"], p["holder"]) for p in rows["proxies"]]


# --- lists of members and proxies -------------------------------------------------------------

def test_two_labels_on_one_line_keep_the_first_proxy_of_the_line():
    """"Absent(e)s représenté(e)s : M. LAFFONT Pierre donne procuration à M. PONS Éric ainsi que M.
    AURIOL" / "Jean-Marc donne procuration à Mme ROUX Odile": one line cut into two labels is no
    label alone on its line; both proxies are read, the first one too (lost in the twenty-second
    round: generated dev2 planted 57 → 55)."""
    rows = probe("two_labels_one_line")
    assert proxies(rows) == [("LAFFONT Pierre", "PONS Éric"), ("AURIOL Jean-Marc", "ROUX Odile")]
    assert [f for f in rows["findings"] if f["check_id"] == "attendance.proxy_count"] == []


# --- lists of acts laid out as tables -----------------------------------------------------------

def test_a_table_ruled_in_ascii_with_wrapped_cells(read):
    """1475: "+------+-----…+" / "| 113  | Finances - Budget principal - Décision modifi- |  45  |   3    |   5   |"
    / "|      | cative n° 2 | …": six acts, each its own figures; the prefecture stamp printed
    between two rows gives no act its number; row 115 (46 + 4 + 4 = 54 for 53 votants) is the
    planted error."""
    rows = read("1475")
    assert [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]] == [
        ("112", 53, 0, 0), ("113", 45, 3, 5), ("114", 50, 0, 3), ("115", 46, 4, 4), ("116", 53, 0, 0), ("117", 49, 0, 4)]
    assert errors(rows) == [("votes.breakdown", 4)]


def test_act_numbers_in_a_hanging_column_with_their_outcome_below(read):
    """1478: "N° 2014-48   Approbation du procès-verbal …" / "             Adoptée à l'unanimité":
    one list, not two columns; "N° 2014-52 Modification des statuts" is a heading (a title may
    open on "Modification"); OCR's "Contre O" between two sides is 0."""
    rows = read("1478")
    assert numbers(rows) == ["2014-48", "2014-49", "2014-50", "2014-51", "2014-52", "2014-53"]
    assert [(d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]][1:3] == [(44, 0, 3), (40, 5, 2)]
    assert errors(rows) == []


def test_a_departement_s_list_of_reports_with_a_direction_column(read):
    """1480: "N°   DIRECTION / OBJET   SUITE DONNEE" over rows ranked 1 to 6, the outcome wrapped
    in its column; "LISTE DES RAPPORTS ADOPTES" is the list's title, no decision; a stamp printed
    inside the object column ("062-226200012-20100906-CP2010_0905-DE") is no act's number."""
    rows = read("1480")
    assert numbers(rows) == ["1", "2", "3", "4", "5", "6"]
    d = rows["deliberations"][3]
    assert (d["objet"][:33], d["pour"], d["abstentions"], d["presents"], d["pouvoirs"]) == (
        "Direction de l'insertion - Conven", 35, 2, 31, 6)
    assert str(rows["deliberations"][0]["session_date"]) == "2010-09-06"


def test_a_register_of_acts_whose_code_wraps_in_its_column(read):
    """1501: "N° de      Objet      Vote" / "l'acte" over "DCM        Approbation du procès-verbal …"
    / "2011-092   2011": eight acts "DCM 2011-092" to "DCM 2011-099"; 47 présents for 45 members
    in office is the planted error."""
    rows = read("1501")
    assert numbers(rows) == [f"DCM 2011-0{n}" for n in range(92, 100)]
    assert rows["deliberations"][1]["pour"] == 38 and rows["deliberations"][1]["abstentions"] == 5
    assert ("attendance.presents_le_exercice", 1) in errors(rows)


def test_a_header_read_through_ocr_and_a_withdrawn_act(read):
    """1508: "N° DELIBERATI0N   OBJET   DECISION" (OCR's 0, no accents); 2021/068 "RETIREE DE
    L'ORDRE DU JOUR" is no decision; the mayor withdrawn for the compte administratif, said in
    the object's cell "(le Maire s'est retiré lors du vote)", makes 27 + 10 + 1 = 38 of 39 no error."""
    rows = read("1508")
    assert numbers(rows) == ["2021/061", "2021/062", "2021/063", "2021/064", "2021/065", "2021/066", "2021/067",
                             "2021/069"]
    assert errors(rows) == []


def test_a_stamp_of_four_lines_between_rules_inside_a_table(read):
    """1050: a table "N°  OBJET  DECISION / VOTE" cut by "-----" / "Accusé de réception …" (four
    lines) / "-----", the vote cell "Pour : 32  Abst. : 5" two pieces on one line: eight acts."""
    rows = read("1050")
    assert [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in rows["deliberations"]][2:] == [
        ("2022/030", 32, None, 5), ("2022/031", 32, 5, None), ("2022/032", 32, 3, 2), ("2022/033", 33, 3, 2),
        ("2022/034", 31, None, 5), ("2022/035", 37, 0, 0)]


# --- headings ---------------------------------------------------------------------------------------

def test_a_ranked_heading_with_its_act_number_at_the_margin(read):
    """1470: "POINT 3 - COMPTE ADMINISTRATIF 2024 - BUDGET PRINCIPAL      Délibération 2025-017";
    the absents' list stops at "POINT 1 - DESIGNATION DU SECRETAIRE DE SEANCE"."""
    rows = read("1470")
    assert numbers(rows) == ["2", *[f"2025-0{n}" for n in range(17, 24)]]
    assert [f for f in rows["findings"] if f["check_id"] == "attendance.members_total"] == []


def test_an_act_cited_in_a_bracket_left_open_is_no_heading(read):
    """1476: "Décisions prises par délégation du conseil communautaire (délibération n° 2017-045" /
    "du 26 janvier 2017 modifiée)." cites the delegation; the four acts are B2019-021 to -024."""
    rows = read("1476")
    assert numbers(rows) == ["B2019-021", "B2019-022", "B2019-023", "B2019-024"]
    assert [d["president"] for d in rows["deliberations"]] == ["Bertrand GIROUD"] * 4


def test_a_motion_among_the_acts_and_the_assembly_s_seats(read):
    """1477: "Motion n° 2024/01/012 déposée par le groupe … relative à …" (rejected, 14 / 31 / 16)
    is an item of its own, so "→ REJETÉE" is not the act above's; "Conseillers à l'Assemblée de
    Corse : 63" are the members in office."""
    rows = read("1477")
    assert numbers(rows) == ["24/061 AC", "24/062 AC", "24/063 AC", "2024/01/012", "24/064 AC"]
    motion = rows["deliberations"][3]
    assert (motion["pour"], motion["contre"], motion["abstentions"], motion["membres_en_exercice"]) == (14, 31, 16, 63)
    assert errors(rows) == []


def test_an_act_number_of_five_digits(read):
    """1483: "N° 15582 — Approbation du procès-verbal …": eight acts; not "N° 2011-DC-063" (087)."""
    assert numbers(read("1483")) == [str(n) for n in range(15582, 15590)]
    assert numbers(read("087")) == ["2011-DC-063"]  # guard


# --- counts and votes -------------------------------------------------------------------------------

def test_suppleants_with_a_deliberative_voice_are_present(read):
    """1505: "Titulaires présents : 41" / "Suppléants présents avec voix délibérative : 3" /
    "Pouvoirs : 8" / "Votants : 52": 44 présents; after an arrival "Titulaires présents : 42 –
    Suppléants : 3 – Pouvoirs : 8 – Votants : 53": 45; no error."""
    rows = read("1505")
    assert [d["presents"] for d in rows["deliberations"]] == [44, 44, 45, 45, 45, 45, 44, 44]
    assert errors(rows) == []


def test_a_vote_led_by_its_label(read):
    """1515: "Vote : Pour 56 – unanimité des votants." after three members not taking part: 56."""
    d = read("1515")["deliberations"][4]
    assert (d["numero"], d["pour"], d["unanimite"]) == ("DCM 2025-0416", 56, True)


def test_a_vote_of_another_body_reported_beside_a_unanimous_decision(read):
    """1464: "… le Groupe d'action locale a approuvé le projet d'avenant le 2 février 2017 (17 voix
    pour, 1 abstention …)" / "Le comité syndical approuve l'avenant à l'unanimité des 12 votants":
    12; "… 12 960,00 €. Le Président quitte la salle ; Mme … fait procéder au vote." is the chair
    out for that vote only, so the next items' votants are 12 again."""
    rows = read("1464")
    assert [(d["pour"], d["votants"]) for d in rows["deliberations"]] == [(12, 12), (11, 11), (11, 12), (12, 12), (12, 12)]
    assert errors(rows) == []


def test_ocr_s_o_for_zero_between_two_vote_sides():
    from pipeline.loaders.ocr_text import digit_letters
    assert digit_letters("Adoptée - Pour 44 - Contre O - Abst. 3") == "Adoptée - Pour 44 - Contre 0 - Abst. 3"
    assert digit_letters("contre O, abstention 2") == "contre 0, abstention 2"
    assert digit_letters("Pour I - Budget") == "Pour I - Budget"  # guard: no side follows


# --- act numbers beside ranks -------------------------------------------------------------------

def test_an_act_number_opening_the_item_s_first_sentence(read):
    """1493: "1 - APPR0BATI0N DU PROCES-VERBAL …" / "Délibération n° 2019-38. Le procès-verbal est
    adopté à l'unanimité.": the act's number, not the rank."""
    assert numbers(read("1493")) == [f"2019-{n}" for n in range(38, 44)]


def test_act_numbers_with_dots_and_codes_at_the_margin(read):
    """1512: "1 - APPR0BATI0N DU PROCES-VERBAL … (délibération n° 2015.07.01)"; 1467: "Point 2 – Budget
    primitif 2026 …     D 2026-01"; 1471: "Affaire n° 1 – DCM 18/041 – Approbation …"."""
    assert numbers(read("1512"))[:2] == ["2015.07.01", "2015.07.02"]
    assert numbers(read("1467"))[1:] == ["D 2026-01", "D 2026-02", "D 2026-03", "D 2026-04"]
    assert numbers(read("1471")) == [f"DCM 18/04{n}" for n in range(1, 8)]


# --- another body, another member ---------------------------------------------------------------

def test_a_commission_s_vote_in_a_bracket_under_its_recital(read):
    """1448: "Vu l'avis de la Commission … réunie le 10 mai 2016" / "(Pour : 9 — Abstention : 2),"
    is the commission's; the council's is "(Pour : 13O - Abstentions : 14 …)"."""
    d = read("1448")["deliberations"][0]
    assert (d["pour"], d["abstentions"]) == (130, 14)


def test_a_committee_consulted_and_its_colleges_vote(read):
    """1466: "Le Comité social territorial … a été consulté le" / "3 juin 2024 et a émis un avis
    favorable (collège … : 5 pour ; …)" / "… Adopté à l'unanimité des 18 votants."."""
    d = read("1466")["deliberations"][3]
    assert (d["numero"], d["pour"], d["contre"], d["unanimite"]) == ("CA 2024-21", 18, 0, True)


def test_what_the_mayor_holds_is_no_count_and_a_narrative_s_chair_out(read):
    """384: "Point 1 – Compte financier unique 2024. Mme le Maire quitte la salle pour le vote … Mme le
    Maire ne détenant aucun pouvoir, 20 conseillers présents et 4 pouvoirs prennent part au vote."
    above a table of acts: 4 pouvoirs, and the 21 présents of the opening for the acts (a guard: the
    round's first reading of the chair after a sentence's end gave 20 présents and 0 pouvoirs)."""
    rows = read("384")
    assert [(d["presents"], d["pouvoirs"]) for d in rows["deliberations"]] == [(21, 4)] * 6


def test_a_table_row_s_object_ending_on_members_and_its_non_voters(read):
    """1517: "2020-122 | Dotation de solidarité … entre les communes membres | 40 | 0 | 5" counts no
    members in office; "2020-124 | … (2 NPPV : M. Jean-Luc MARTIN, Mme Sylvie BLANC) | 43 | 0 | 0"
    is 45 votants less 2; the proxies' list stops at the table's header: seven proxies."""
    rows = read("1517")
    assert [d["membres_en_exercice"] for d in rows["deliberations"]] == [49] * 8
    assert errors(rows) == [("votes.breakdown", 4)]  # 41 + 3 + 3 = 47 for 45 votants, the planted one
    assert len([p for p in rows["proxies"] if p["seq"] == 1]) == 7


def test_the_chair_handed_over_presides_the_vote(read):
    """1471: "M. le Maire quitte la salle. Mme Josiane BOUSQUET, première adjointe, préside la séance"
    / "pour le vote.": out for that vote only."""
    from extractors import moves
    from extractors.stream import Unit
    from schemas.document import Span
    line, nxt = ("M. le Maire quitte la salle. Mme Josiane BOUSQUET, première adjointe, préside la séance",
                 "pour le vote.")
    move = moves.read_move(Unit(line, Span(1, 1, None, line), 0), 0, Unit(nxt, Span(1, 2, None, nxt), 1))
    assert (move.name, move.for_vote) == (moves.PRESIDING, True)
    assert len(read("1471")["deliberations"]) == 7


# --- the second reader's probes (tests/data/second_reading/r23_*.txt) -----------------------------

def test_act_codes_cut_in_a_narrow_ascii_column():
    """"| 23-  | Approbation du compte de gestion 2022 | 13 pour |" / "| 041  |   |   |", "| CS-2025- |
    …" / "| 001 | …": one act a code, its pieces joined; no false restatement."""
    rows = probe("codes_cut_in_ascii_cells")
    assert numbers(rows) == ["23-041", "23-042", "23-043", "23-044"]
    assert errors(rows) == []
    assert numbers(probe("codes_cut_after_the_year")) == ["CS-2025-001", "CS-2025-002", "CS-2025-003"]


def test_ascii_cells_going_on_in_lower_case():
    """"| 3   | Adhésion à l'agence technique | Adoptée à |" / "|     | départementale | l'unanimité |": one
    act, unanimous."""
    rows = probe("ascii_cells_going_on_in_lower_case")
    assert [(d["numero"], d["unanimite"]) for d in rows["deliberations"]] == [("1", True), ("2", False), ("3", True)]


def test_a_motion_and_a_voeu_are_two_items():
    """"Motion n° 2024/01/012 déposée par …" (unanimous, 34) then "Vœu n° 3 relatif à …" (22 / 8 / 4):
    "Vœu" folds to "vou"."""
    rows = probe("motion_and_voeu")
    assert [(d["numero"], d["pour"], d["contre"]) for d in rows["deliberations"]] == [("2024/01/012", 34, 0), ("3", 22, 8)]
    assert errors(rows) == []


def test_delegues_suppleants_presents_are_present():
    """"Délégués présents : 17" / "Délégués suppléants présents : 2" / "Pouvoirs : 3" / "Votants : 22":
    19 présents (17 + 2 + 3 = 22), no error; "Délégués au comité syndical : 24" in office."""
    rows = probe("delegues_suppleants_presents")
    d = rows["deliberations"][0]
    assert (d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) == (24, 19, 3, 22)
    assert errors(rows) == []


# --- the code review's probes (r23_rv_*.txt): read as at the round's start, each read worse by the
# round's first version (guards) ------------------------------------------------------------------

def test_review_probes_of_headings():
    """rv_01: "2. Rectification erreur matérielle délibération 2024-018" cites an act (the ranks stay);
    rv_05: "N° 2451 – Commune d'Amance : … – 12 500 €" lines of a decision are no acts; rv_07: "Vu la
    délibération du conseil municipal du 12 décembre 2023" / "n° 2023-087 modification du tableau …"
    and rv_08: "… son soutien à la" / "motion n° 2024-03 adoptée par le congrès …" go on from above."""
    assert numbers(probe("rv_01")) == ["1", "2", "3", "4"]
    assert numbers(probe("rv_05")) == ["CP-2024-118", "CP-2024-119"]
    assert [(d["numero"], d["pour"]) for d in probe("rv_07")["deliberations"]] == [("2024-004", 21)]
    assert [(d["numero"], d["pour"], d["abstentions"]) for d in probe("rv_08")["deliberations"]] == [("2024-005", 19, 2)]


def test_review_probes_of_tables():
    """rv_02: a row "PV" over a row "1" (two acts); rv_13: a section "II" over an act "3"; rv_03: a
    spaced table whose last column holds each act's prefecture id; rv_04: two pipe tables three
    lines apart (no header read as an act); rv_06: "| Nombre de conseillers absents ayant donné pouvoir | 3 |"."""
    assert numbers(probe("rv_02")) == ["PV", "1", "2", "3", "4"]
    assert numbers(probe("rv_13")) == ["I", "1", "2", "II", "3", "4"]
    assert numbers(probe("rv_03")) == ["2024-031", "2024-032", "2024-033", "2024-034"]
    assert numbers(probe("rv_04")) == ["2024-101", "2024-102", "2024-103", "2024-104"]
    d = probe("rv_06")["deliberations"][0]
    assert (d["pouvoirs"], d["votants"], d["pour"]) == (3, 27, 27)


def test_review_probes_of_counts_votes_and_moves():
    """rv_09: "Présents : 21, dont titulaires : 18 et suppléants : 3" (21, no error); rv_10: "-
    délégués au comité syndical : 2 titulaires et 2 suppléants ;" in an item is no count of members;
    rv_11: "le Conseil municipal a adopté … par 12 voix pour et 2 abstentions" / "Adopté à l'unanimité
    des suffrages exprimés." (12 pour); rv_12: "M. Jean DURAND, trésorier de l'assoc. Les Amis de
    l'Orgue, quitte la salle" (a notice, no error); rv_14: "… préside la séance jusqu'à son terme"
    (the mayor gone for good: notices, no error)."""
    rows = probe("rv_09")
    assert rows["deliberations"][0]["presents"] == 21 and errors(rows) == []
    rows = probe("rv_10")
    assert [d["membres_en_exercice"] for d in rows["deliberations"]] == [15, 15] and errors(rows) == []
    assert probe("rv_11")["deliberations"][0]["pour"] == 12
    for stem in ("rv_12", "rv_14"):
        assert errors(probe(stem)) == []


def test_a_commission_s_vote_in_a_bracket_under_its_recital_ending_on_a_comma():
    """"Vu l'avis de la commission urbanisme du 14 mai 2024," / "(vote de la commission : 5 pour, 1
    contre)" / "… par 14 voix pour, 2 contre et" / "1 abstention, approuve la convention.": 14 / 2 / 1."""
    rows = probe("commission_vote_bracketed")
    d = rows["deliberations"][0]
    assert (d["pour"], d["contre"], d["abstentions"]) == (14, 2, 1)
    assert errors(rows) == []


def test_the_mayor_withdrawn_and_the_chair_handed_in_one_sentence():
    """"Le Maire s'étant retiré, le conseil siège sous la présidence de M. Yvon CHAPUIS," / "adjoint aux
    finances." / "Pour : 17 - Contre : 2 - Abstentions : 2" (21 of 22 votants: the mayor out for this
    vote, no error)."""
    assert errors(probe("mayor_withdrawn_chair_handed")) == []
