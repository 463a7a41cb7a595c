"""Phrasings and layouts of the seventeenth round, second look (dev 1001–1040 of the
second hand): lists of acts that print the act's number, a bar or a middle dot, then the
title ("B2025-031 | Mobilités – …", "CA-2023-14 · Finances · …"), and the vote under it."""
from __future__ import annotations

from pathlib import Path

from extractors import lexicon, segment
from extractors.outline import header_end
from extractors.restated import keys_of
from extractors.votes import _named_non_voters
from extractors.stream import Unit
from pipeline.loaders.ocr_text import l_in_capitals
from pipeline.loaders.text import piped
from pipeline.stages import process
from schemas import Span

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def unit(text: str) -> Unit:
    return Unit(text, Span(1, 1), 0)


def votes(name: str) -> list[tuple]:
    rows = process(SECOND_HAND / name).rows["deliberations"]
    return [(d["numero"], d["pour"], d["contre"], d["abstentions"]) for d in rows]


def test_an_act_number_then_a_bar_or_a_middle_dot_heads_an_item():
    # 1020: "B2025-031 | Mobilités – Pôle d'échanges multimodal …" / "| Décision : adopté à l'unanimité"
    assert [v[0] for v in votes("1020.txt")] == [f"B2025-0{n}" for n in range(31, 36)]
    # 1033: "CA-2023-15 · Finances · Compte administratif 2022 …" / "21 pour (le Président ne
    # prenant pas part au vote)"; "20 pour · 2 abstentions"
    assert votes("1033.txt")[1:4] == [("CA-2023-15", 21, None, None), ("CA-2023-16", 22, 0, 0),
                                      ("CA-2023-17", 20, None, 2)]


def test_a_count_for_alone_on_its_line_is_a_vote():
    assert segment.is_evidence(unit("21 pour (le Président ne prenant pas part au vote)"))
    assert segment.is_evidence(unit("14 voix pour."))
    assert not segment.is_evidence(unit("20 pour cent du montant"))
    assert not segment.is_evidence(unit("3 pour la période 2024-2026"))


def test_a_member_taking_part_neither_in_the_debate_nor_in_the_vote_does_not_vote():
    # 1020: "M. Franck DELAUNAY, intéressé, ne prend part ni au débat ni au vote." / "Décision :
    # Pour 13 – Contre 0 – Abstention 0" under "Présents : 12 – Pouvoirs : 2 – Votants : 14"
    result = process(SECOND_HAND / "1020.txt")
    assert [(d["pour"], d["non_votants"]) for d in result.rows["deliberations"]][1] == (13, 1)
    assert not [f for f in result.rows["findings"] if f["severity"] == "error"]
    assert _named_non_voters("MM. DURAND et LEROY ne prennent part ni aux débats ni au vote") == 2
    assert _named_non_voters("Mme Anne PETIT n'a pris part ni à la discussion ni au vote.") == 1
    assert _named_non_voters("M. Paul ERNST ne prend pas part à la délibération ni au vote") == 1


def test_a_report_numbered_within_the_sitting_and_its_recap_by_the_short_number():
    # 1016: "Rapport CP 2018-11-19 / 3-02 — TRANSPORTS — Convention …" / "→ Adopté. Pour : 38 –
    # Contre : 12.", then "RÉCAPITULATIF DES VOTES" / "3-02   40   10   0   Adopté"
    result = process(SECOND_HAND / "1016.txt")
    rows = result.rows["deliberations"]
    assert [d["numero"] for d in rows] == [f"CP 2018-11-19/{n}" for n in ("1-01", "2-04", "3-02", "4-07", "5-03", "6-01")]
    assert (rows[2]["pour"], rows[2]["contre"]) == (38, 12)
    assert any("pour 40, contre 10" in f["message"] for f in result.rows["findings"])
    assert keys_of("CP 2018-11-19/1-01") == {"20181119101", "101"}
    assert keys_of("DEL 2019/14") == {"201914"}  # a bare rank is no act's short number


def test_a_count_grid_drawn_with_box_characters():
    # 1030: "┌────────────┬───────────┬…┐" / "│ En exercice│ Présents  │ Pouvoirs  │ Votants  │" /
    # "├────────────┼…┤" / "│     16     │    12     │     2     │    14    │"
    rows = process(SECOND_HAND / "1030.txt").rows["deliberations"]
    assert {(d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) for d in rows} == {(16, 12, 2, 14)}
    assert piped("╠══════╬══════╣") == "---"
    # two columns: a sitting's label and its count (since the twenty-ninth round), any other pair a line of text
    assert piped("│ Votants │ 40 │") == "Votants : 40" and piped("│ Pour │ 7 │") == "│ Pour │ 7 │"


def test_the_act_number_at_the_right_end_of_an_extract_header():
    # 1012: "Conseil d'administration – Séance du 29 avril 2014                     CA 2014/15" above
    # "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", one extract a page
    assert [d["numero"] for d in process(SECOND_HAND / "1012.txt").rows["deliberations"]] == \
        ["CA 2014/14", "CA 2014/15", "CA 2014/16"]
    # 1035: "EXTRAlT DU REGISTRE DES DÉLIBÉRATIONS              N° 2009/13" (an OCR l for the I),
    # the letterhead printed again above it ("S.I.V.O.M. DU CANTON DE BOURBOURG" / "Comité
    # syndical du 18 juin 2OO9")
    rows = process(SECOND_HAND / "1035.txt").rows["deliberations"]
    assert [(d["numero"], str(d["session_date"]), d["organe"]) for d in rows] == \
        [(n, "2009-06-18", "Comité syndical") for n in ("2009/12", "2009/13", "2009/14")]
    assert header_end("Séance du 18 octobre 2011                Délibération D-2011-019") == "D-2011-019"
    assert header_end("Décision n° B2024-027") == "B2024-027"
    assert header_end("Budget annexe PLU 2023-24") is None  # two years
    assert header_end("Programme pluriannuel 2024-2026") is None
    assert l_in_capitals("EXTRAlT DU REGISTRE") == "EXTRAIT DU REGISTRE"
    assert l_in_capitals("CONSEIl MUNICIPAL") == "CONSEIl MUNICIPAL"  # a final l is as often an L


def collectivites(name: str) -> set:
    return {d["collectivite"] for d in process(SECOND_HAND / name).rows["deliberations"]}


def test_a_body_named_over_its_kind_or_by_a_brand_or_a_dotted_acronym():
    # 1002: "CÔTE D'ÉMERAUDE" / "Communauté de communes" / "1 esplanade des Équipages – …"
    assert collectivites("1002.txt") == {"Communauté de communes CÔTE D'ÉMERAUDE"}
    # 1020: "PORNIC AGGLO PAYS DE RETZ" / "BUREAU COMMUNAUTAIRE"
    assert collectivites("1020.txt") == {"PORNIC AGGLO PAYS DE RETZ"}
    # 1035: "S.I.V.O.M. DU CANTON DE BOURBOURG" / "Comité syndical du 18 juin 2OO9"
    assert collectivites("1035.txt") == {"S.I.V.O.M. DU CANTON DE BOURBOURG"}
    # a recital naming a body is no letterhead
    assert lexicon.first("collectivite", "vu le contrat de territoire conclu avec la communaute de communes") is None


def test_a_bureau_named_by_its_bare_word_in_the_title_and_an_item_reporting_another_bodys_vote():
    # 1024: "RELEVÉ DE DÉCISIONS DU BUREAU DU 9 AVRIL 2019"; "1. Programme LEADER 2014-2020 –
    # information" / "Le comité de programmation du GAL, réuni le 28 mars 2019, a émis un avis
    # favorable à 6 projets … par 14 voix pour et 1 abstention. Le Bureau en prend connaissance.",
    # then "2. BS-2019-08 – Ressources humaines – …" / "Le Bureau approuve à l'unanimité."
    rows = process(SECOND_HAND / "1024.txt").rows["deliberations"]
    assert [(d["numero"], str(d["session_date"]), d["unanimite"]) for d in rows] == \
        [(n, "2019-04-09", True) for n in ("BS-2019-08", "BS-2019-09", "BS-2019-10")]
    assert lexicon.first("session_title", "proces-verbal du comite du 9 avril 2019")


def test_members_counted_in_prose_and_the_councils_own_unanimous_accord():
    # 1018: "Le conseil compte 7 membres ; 6 sont présents, 1 est représenté." and "6. Chapelle
    # Saint-Envel – demande de subvention (D2023-10)" / "… Accord unanime du conseil."
    rows = process(SECOND_HAND / "1018.txt").rows["deliberations"]
    assert {(d["membres_en_exercice"], d["presents"], d["pouvoirs"]) for d in rows} == {(7, 6, 1)}
    assert (rows[-1]["numero"], rows[-1]["unanimite"]) == ("D2023-10", True)
    unanimity = lexicon.rx(lexicon.get("votes", "unanimity"))
    assert not unanimity.search("avis favorable unanime du conseil d'ecole")  # another body's
