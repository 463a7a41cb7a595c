"""Phrasings of a second hand (tests/generator/data/dev2, 2026-12-02): labels, headings, moves and
lists the reader had not been written against, each in a short sitting built around it, and
the check each one feeds (a document that trips it, one that does not)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.stages import process

OPENING = ("COMMUNE DE SAINT-ALBAN-DES-PRÉS\n"
           "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2024\n"
           "Le douze mars deux mille vingt-quatre, à vingt heures, le Conseil municipal s'est réuni sous la\n"
           "présidence de M. Paul DURAND, Maire.\n")
ITEM = ("{heading}\n"
        "Le Conseil municipal, après en avoir délibéré, APPROUVE la proposition du Maire.\n"
        "{vote}\n")


def sitting(tmp_path: Path, *parts: str, items: list[tuple[str, str]] = ()) -> tuple[list[dict], list[dict]]:
    """The deliberations and findings of a sitting: the opening, `parts`, then the items."""
    text = OPENING + "".join(p.rstrip("\n") + "\n" for p in parts)
    text += "".join(ITEM.format(heading=h, vote=v) for h, v in items)
    path = tmp_path / "seance.txt"
    path.write_text(text, encoding="utf-8")
    result = process(path)
    return result.rows.get("deliberations", []), result.rows.get("findings", [])


def errors(findings: list[dict]) -> set[str]:
    return {f["check_id"] for f in findings if f["severity"] == "error"}


UNANIMITY = "Adopté à l'unanimité."


# --- headings -----------------------------------------------------------------------------

@pytest.mark.parametrize("first, second, numbers, title", [
    ("N° 1 : Tarifs de la cantine", "N° 2 : Budget annexe", ["1", "2"], "Tarifs de la cantine"),
    ("1°) TARIFS DE LA CANTINE", "2°) BUDGET ANNEXE", ["1", "2"], "TARIFS DE LA CANTINE"),
    ("Intitulé : Tarifs de la cantine", "Intitulé : Budget annexe", [None, None], "Tarifs de la cantine"),
    ("Obj. : Tarifs de la cantine", "Obj. : Budget annexe", [None, None], "Tarifs de la cantine"),
])
def test_item_headings_of_a_second_hand(tmp_path, first, second, numbers, title):
    """"N° 1 : …" and "1°) …" number items ("°)" is no part of the title); "Intitulé :" and
    "Obj. :" title them as "Objet :" does."""
    rows, _ = sitting(tmp_path, "Présents : 11 – Votants : 11", items=[(first, UNANIMITY), (second, UNANIMITY)])
    assert [r["numero"] for r in rows] == numbers
    assert rows[0]["objet"] == title


def test_a_title_in_bold_wrapped_over_two_lines(tmp_path):
    """"Obj. : **Mise à disposition de la salle communale au profit de" / "l'association Foyer
    rural**": the label and the bold marks are no part of the title; "Objet :\tTarifs" (a tab
    after the label) is one line, not a table."""
    rows, _ = sitting(tmp_path, "Présents : 11", items=[
        ("1. Salle\nObj. : **Mise à disposition de la salle communale au profit de\nl'association Foyer rural**", UNANIMITY),
        ("2. Tarifs\nObjet :\tTarifs de la cantine", UNANIMITY)])
    assert rows[0]["objet"].startswith("Mise à disposition de la salle communale") and "**" not in rows[0]["objet"]
    assert rows[1]["objet"] == "Tarifs de la cantine"


# --- counts -------------------------------------------------------------------------------

def test_a_vote_line_with_an_abbreviated_label(tmp_path):
    """"Votants 9 | Pour 8 | Contre 1 | Abst. 0": "Abst." ends no sentence."""
    rows, _ = sitting(tmp_path, "Présents : 9", items=[("1. Tarifs", "Votants 9 | Pour 8 | Contre 1 | Abst. 0")])
    assert (rows[0]["votants"], rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"]) == (9, 8, 1, 0)


@pytest.mark.parametrize("labels, values, expected", [
    ("Nbre de conseillères et conseillers municipaux en exercice    Assistant à la séance    Pouvoirs donnés    "
     "Total des votants", "15    11    1    12", (15, 11, 1, 12)),
    ("Effectif en exercice    Présents à la séance    Représentés par procuration    Votants (présents et représentés)",
     "19    16    1    17", (19, 16, 1, 17)),
    ("Nombre de sièges pourvus    Assistant à la séance    Nbre de votants", "23    14    14", (23, 14, None, 14)),
])
def test_count_boxes_labelled_otherwise(tmp_path, labels, values, expected):
    """Labels over values: inclusive nouns, "assistant à la séance", "total des votants",
    "représentés par procuration", "sièges pourvus", a gloss in brackets after a label."""
    rows, _ = sitting(tmp_path, labels, values, items=[("1. Tarifs", UNANIMITY)])
    assert (rows[0]["membres_en_exercice"], rows[0]["presents"], rows[0]["pouvoirs"], rows[0]["votants"]) == expected


@pytest.mark.parametrize("line, non_voters", [
    ("Ne participe(nt) pas au vote : Jeannine CAZENAVE (1)", 1),
    ("Ne prennent pas part au vote : M. Paul ROCHE, Mme Anne PETIT", 2),
    ("Non-participation : 1", 1),
    ("Nombre de membres ne prenant pas part au vote : 1", 1),
])
def test_non_voters_labelled_first(tmp_path, line, non_voters):
    """Those who do not vote, label first: 13 votants, 13 − non-voters votes cast, no breakdown error."""
    vote = f"Pour : {13 - non_voters} / Contre : 0 / Abstentions : 0 – ADOPTÉ\n{line}"
    rows, findings = sitting(tmp_path, "Présents : 13 – Pouvoirs : 0 – Votants : 13", items=[("1. Tarifs", vote)])
    assert rows[0]["non_votants"] == non_voters
    assert "votes.breakdown" not in errors(findings)


# --- moves --------------------------------------------------------------------------------

@pytest.mark.parametrize("move", [
    "M. Marc ROCHE se retire à 22 h 20 ; nouveau décompte : 12 présents et 12 votants.",
    "M. Marc ROCHE ayant quitté la séance, le quorum est vérifié (présents 12 /  votants\n12).",
    "À 21 h 20, M. Marc ROCHE quitte l'assemblée (12 présents et 12 votants).",
])
def test_a_member_leaving_with_the_new_counts(tmp_path, move):
    """The counts printed with the move hold for the items after it, not for the one above."""
    rows, findings = sitting(tmp_path, "Présents : 13 – Pouvoirs : 0 – Votants : 13", items=[
        ("1. Tarifs", "Pour 13 – Contre 0 – Abstentions 0\n" + move), ("2. Budget", "Pour 12 – Contre 0 – Abstentions 0")])
    assert [(r["presents"], r["votants"]) for r in rows] == [(13, 13), (12, 12)]
    assert not errors(findings)


# --- people -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Secrétaire désignée : Mme Anne PETIT",
    "A été désignée pour remplir les fonctions de secrétaire : Mme Anne PETIT.",
    "Le secrétariat de séance est assuré par Madame Anne PETIT.",
])
def test_the_secretary_said_otherwise(tmp_path, line):
    rows, _ = sitting(tmp_path, "Présents : 11", line, items=[("1. Tarifs", UNANIMITY)])
    assert rows[0]["secretaire"] == "Anne PETIT"


@pytest.mark.parametrize("heading, body", [
    ("RÉPUBLIQUE FRANÇAISE – SIAEP DE LA CHAMPAGNE ARMANÇONNAISE", "SIAEP DE LA CHAMPAGNE ARMANÇONNAISE"),
    ("HÔTEL DE VILLE DE LASSERRE-HAUTE", "LASSERRE-HAUTE"),
    ("Commune nouvelle d'Issoudel-lès-Vignes", "Issoudel-lès-Vignes"),
    ("CC des Lacs et Gorges de l'Orbe", "CC des Lacs et Gorges de l'Orbe"),
])
def test_the_body_named_in_a_heading(tmp_path, heading, body):
    path = tmp_path / "extrait.txt"
    path.write_text(f"{heading}\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 4 août 2022\n"
                    "Le 4 août 2022 à 20 heures, le conseil de cette collectivité s'est réuni sous la présidence "
                    "de M. Paul DURAND, Maire de ladite commune.\nPrésents : 11 – Votants : 11\n"
                    "Objet : Tarifs de la cantine\nAprès en avoir délibéré, le conseil APPROUVE les tarifs.\n"
                    "Adopté à l'unanimité.\n", encoding="utf-8")
    assert {r["collectivite"] for r in process(path).rows["deliberations"]} == {body}


LISTS = ("ETAIENT PRESENTS : M. Paul DURAND, Mme Anne PETIT, M. Marc ROCHE, Mme Julie BLANC\n"
         "ainsi que Mme Marion VASSEUR\n"
         "S’étaient excusés : Mme Yvette GUILLOU, M. Jean-Louis DU PLESSIS\n"
         "Secrétariat de séance : Mme Anne PETIT\n")


def test_lists_end_where_the_next_field_begins(tmp_path):
    """"ainsi que" before the last name, "S’étaient excusés :", "Secrétariat de séance :"."""
    path = tmp_path / "seance.txt"
    path.write_text(OPENING + LISTS + ITEM.format(heading="1. Tarifs", vote=UNANIMITY), encoding="utf-8")
    people = process(path).rows["attendance"]
    assert [(p["name"], p["status"]) for p in people] == [
        ("Paul DURAND", "present"), ("Anne PETIT", "present"), ("Marc ROCHE", "present"), ("Julie BLANC", "present"),
        ("Marion VASSEUR", "present"), ("Yvette GUILLOU", "absent"), ("Jean-Louis DU PLESSIS", "absent")]


@pytest.mark.parametrize("pouvoirs, members, trips", [(1, 7, True), (0, 7, False), (1, 8, False)])
def test_no_proxy_beside_anyone_listed_is_none_given(tmp_path, pouvoirs, members, trips):
    """Lists that name every member in office (5 present, 2 excused, 7 members) and no proxy:
    "Pouvoirs : 1" is a warning (a proxy may be written in a way not read); with 8 members
    someone is not listed, and the check is skipped."""
    box = f"Membres en exercice : {members} – Présents : 5 – Pouvoirs : {pouvoirs} – Votants : {5 + pouvoirs}"
    rows, findings = sitting(tmp_path, box, LISTS, items=[("1. Tarifs", UNANIMITY)])
    warned = {f["check_id"] for f in findings if f["severity"] == "warning"}
    assert ("attendance.proxy_count" in warned) == trips and "attendance.proxy_count" not in errors(findings)


def test_an_excused_member_who_gave_a_proxy_after_a_bracket(tmp_path):
    """"Mme Sylvie DELORME (Mazières-le-Bas), excusée, a donné pouvoir à M. Gilles PAQUET"."""
    rows, findings = sitting(tmp_path, "Délégués en exercice : 4 – Présents : 2 – Pouvoir : 1 – Votants : 3",
                             "Délégués présents : M. Gilles PAQUET, Mme Lucie ROUSSET",
                             "Délégués absents :",
                             "   Mme Sylvie DELORME (Mazières-le-Bas), excusée, a donné pouvoir à M. Gilles PAQUET",
                             "   M. Henri CLERC (Les Aubiers), excusé", items=[("1. Tarifs", UNANIMITY)])
    assert "attendance.proxy_count" not in errors(findings)


# --- lists, as the second hand prints them --------------------------------------------------

def names(tmp_path: Path, *parts: str) -> list[tuple[str, str]]:
    path = tmp_path / "liste.txt"
    path.write_text(OPENING + "".join(p + "\n" for p in parts) + ITEM.format(heading="1. Tarifs", vote=UNANIMITY),
                    encoding="utf-8")
    return [(p["name"], p["status"]) for p in process(path).rows["attendance"]]


def test_names_grouped_under_a_plural_civility_and_cut_by_their_case(tmp_path):
    """"Messieurs PHAM Antoine  CHÉNEAU-MARTY Kévin": two people under one civility."""
    got = names(tmp_path, "Liste des membres présents : Madame WEBER Bernadette  Messieurs PHAM Antoine  "
                          "CHÉNEAU-MARTY Kévin  Madame KLEIN Amandine")
    assert [n for n, _ in got] == ["WEBER Bernadette", "PHAM Antoine", "CHÉNEAU-MARTY Kévin", "KLEIN Amandine"]


def test_a_proxy_in_brackets_with_a_colon_on_its_own_line(tmp_path):
    """"… / Mesdames WEBER / ZIEGLER" then "CHÉNEAU-MARTY (pouvoir : SANTONI)": an entry a line;
    not so "Mme Corinne" / "DUBREUIL (pouvoir à M. Olivier NAUDIN)", one name cut in two."""
    got = names(tmp_path, "Sont présents : Monsieur SANTONI / Madame WEBER / Madame ZIEGLER",
                "CHÉNEAU-MARTY (pouvoir : SANTONI)", "COUDERC (pouvoir : WEBER)")
    assert got[-2:] == [("CHÉNEAU-MARTY", "absent"), ("COUDERC", "absent")]
    got = names(tmp_path, "Absents représentés : M. Jean-Marc BOILLOT (pouvoir à M. Hervé FAIVRE); Mme Corinne",
                "DUBREUIL (pouvoir à M. Olivier NAUDIN).")
    assert [n for n, _ in got][-1] == "Corinne DUBREUIL"


def test_an_entry_speaking_of_a_proxy_not_understood_puts_its_list_in_doubt(tmp_path):
    """"Mme SANTONI (pouvoir donnée hier)": no holder read; the présents' count against the list
    is then a notice, not an error."""
    path = tmp_path / "seance.txt"
    path.write_text(OPENING + "Présents : 4\nPrésents : M. Paul DURAND, Mme Anne PETIT, M. Marc ROCHE, "
                    "Mme Julie BLANC, Mme Léa SANTONI (procuration non nominative)\n"
                    + ITEM.format(heading="1. Tarifs", vote=UNANIMITY), encoding="utf-8")
    found = [f for f in process(path).rows["findings"] if f["check_id"] == "attendance.present_count"]
    assert [f["severity"] for f in found] == ["notice"]


def test_a_move_with_its_counts_on_the_next_line(tmp_path):
    """"Madame ZIEGLER Régine se retire à 21 h 05 ;" / "nouveau décompte : présents 15 / votants 15."
    under item 1's vote: the counts of item 2 on."""
    rows, _ = sitting(tmp_path, "Présents : 16 – Pouvoirs : 0 – Votants : 16", items=[
        ("1. Tarifs", "Adopté à l'unanimité.\nMadame ZIEGLER Régine se retire à 21 h 05 ;\n"
                      "nouveau décompte : présents 15 / votants 15."), ("2. Budget", UNANIMITY)])
    assert [(r["presents"], r["votants"]) for r in rows] == [(16, 16), (15, 15)]


@pytest.mark.parametrize("entry, holder, doubt", [
    ("Mme Gaëlle ROLLAND à M. Yann KERHERVÉ                     en exercice : 23", "Yann KERHERVÉ", None),
    ("Raymond Bianchi a donné pouvoir à Gaëlle Bouzid Marcel Klein a donné pouvoir à Fatima Mansouri", None,
     "list_partial"),
])
def test_a_holder_with_more_after_the_name(entry, holder, doubt):
    """A side box on the holder's line is cut off; proxies run together leave the holder unread
    and the list in doubt (a mismatch with it is a notice)."""
    from extractors import member_entry, members

    member = member_entry.read(entry, members.list_label("Pouvoirs :"), 0)
    assert (member.holder, member.doubt, member.gave_proxy) == (holder, doubt, True)


def test_an_initial_opening_a_line_is_no_items_rank(tmp_path):
    """"X. DE LA ROCHE, J.-L. DUFOUR" goes on the list; "1. Tarifs" ends it."""
    got = names(tmp_path, "Étaient présents : MM. M. AUBERT, D. BESSON,", "X. DE LA ROCHE, J.-L. DUFOUR")
    assert [n for n, _ in got][-3:] == ["D. BESSON", "X. DE LA ROCHE", "J.-L. DUFOUR"]


def test_counts_one_a_line_in_words_with_inclusive_labels(tmp_path):
    """"treize membres présents" / "un pouvoirs données" / "quatorze votant(e)s", then the
    non-voter named label first, a sentence following on the next line: 11 + 0 + 2 = 14 − 1."""
    rows, findings = sitting(tmp_path, "treize membres présents", "une procurations données", "quatorze votant(e)s",
                             items=[("1. Budget", "Votes pour : 11\nVotes contre : 0\nAbstentions : 2\n"
                                                  "Ne participe(nt) pas au vote : M. Guy D'ALMEIDA (1)\n"
                                                  "Ont signé au registre les membres présents.")])
    assert (rows[0]["presents"], rows[0]["pouvoirs"], rows[0]["votants"], rows[0]["non_votants"]) == (13, 1, 14, 1)
    assert not errors(findings)


# --- what a fresh-eyes review of this round found (each read wrong before its mend) --------

def test_a_proxy_said_but_not_understood_in_complete_lists_is_no_error(tmp_path):
    _, findings = sitting(tmp_path, "Membres en exercice : 5 - Présents : 3 - Pouvoirs : 1 - Votants : 4",
                          "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul DURAND",
                          "Absents excusés : M. Luc PETIT (procuration), Mme Julie BERNARD", items=[("1. Tarifs", UNANIMITY)])
    assert not errors(findings)


def test_a_roll_call_code_the_legend_does_not_call_a_status_leaves_its_member_out():
    from extractors import roll_call
    from tests.test_layouts import load_units

    units = load_units("X = présent ; P = pouvoir\nM. Jean DUPONT ..... X\nMme Sabrina MÉNARD ..... P\n")
    found, _ = roll_call.read(units, 0)
    assert [(m.name, m.status) for m in found] == [("Jean DUPONT", "present")]


@pytest.mark.parametrize("move, back", [
    ("M. Marc ROCHE, intéressé à l'affaire, quitte la salle et ne prend pas part au vote.", True),
    ("M. Marc ROCHE, appelé à d'autres obligations, quitte la séance lors du vote et ne revient pas.", False),
    ("M. Marc ROCHE quitte la séance pendant le débat et donne pouvoir à Mme Anne PETIT.", False),
])
def test_out_for_one_vote_or_for_good(move, back):
    """Out for one vote ("ne prend pas part au vote") unless the sentence says otherwise."""
    from extractors import moves
    from tests.test_layouts import load_units

    assert moves.read_move(load_units(move)[0], 0).for_vote == back


def test_a_candidate_withdrawing_is_no_member_leaving():
    from extractors import moves
    from tests.test_layouts import load_units

    for line in ("Mme Anne MARTIN se retire, M. Paul DURAND étant seul candidat.", "Le SIVOM se retire ;"):
        assert moves.read_move(load_units(line)[0], 0) is None
    assert moves.read_move(load_units("Mme Anne MARTIN se retire à 21 h 05 ;")[0], 0).name == "Anne MARTIN"


def test_initials_and_numbered_names_go_on_a_list(tmp_path):
    got = names(tmp_path, "Présents : Mmes et MM. J. DUPONT, A. MARTIN, P. DURAND, Ch.", "L. PETIT, V. ROUX")
    """"… P. DURAND, Ch." / "L. PETIT, V. ROUX": the initial "L." is no rank (the list goes on;
    "Ch." and "L." read as one person's initials, as a line break cannot tell); a numbered
    list of names goes on too (the rank kept in the name, as before)."""
    assert len(got) == 5 and got[-1] == ("V. ROUX", "present")
    got = names(tmp_path, "Étaient présents :", "1. DUPONT Jean", "2. MARTIN Anne", "3. DURAND Paul")
    assert [s for _, s in got] == ["present"] * 3


def test_a_postponed_sitting_is_no_second_convocation(tmp_path):
    _, findings = sitting(tmp_path, "Membres en exercice : 11 - Présents : 4 - Votants : 4",
                          "Une nouvelle convocation sera adressée pour la commission des finances.",
                          items=[("1. Tarifs", UNANIMITY)])
    assert "quorum.reached" in errors(findings)


def test_the_councils_vote_on_a_line_naming_a_commission(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 5 - Votants : 5", items=[(
        "1. Tarifs", "Le Conseil municipal, suivant l'avis de la commission des finances réunie le 3 juin 2024, "
                     "adopte la proposition par 4 voix pour et 1 contre.")])
    assert (rows[0]["pour"], rows[0]["contre"]) == (4, 1)


def test_the_town_halls_clerk_is_no_secretary_of_the_sitting(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 5", "Le secrétariat est assuré par Mme Julie ROUX, secrétaire de mairie.",
                      items=[("1. Tarifs", UNANIMITY)])
    assert rows[0]["secretaire"] is None


@pytest.mark.parametrize("box, severity", [
    ("Membres en exercice : 6 – Présents : 5 – Votants : 5", "error"),  # 4 + 2 listed make the 6 members
    ("Présents : 5 – Votants : 5", "warning"),                           # nothing to add the lists up to
])
def test_presents_against_their_list_an_error_only_when_the_lists_add_up(tmp_path, box, severity):
    _, findings = sitting(tmp_path, box, "Présents : M. Paul DURAND, Mme Anne PETIT, M. Marc ROCHE, Mme Julie BLANC",
                          "Absents : Mme Yvette GUILLOU, M. Jean-Louis DU PLESSIS", items=[("1. Tarifs", UNANIMITY)])
    assert [f["severity"] for f in findings if f["check_id"] == "attendance.present_count"] == [severity]


def test_a_number_alone_under_a_label_ending_a_line_of_votes_is_the_pages():
    """"Pour : 10, Contre : 2, Abstentions" / "1": the 1 may be the page's number, so no count;
    "(présents 10 / votants" / "11).", a bracket left open, goes on below."""
    from extractors import counts
    from tests.test_layouts import load_units

    assert [(c.column, c.value) for c in counts.read(load_units("Pour : 10, Contre : 2, Abstentions\n1"))] == [
        ("pour", 10), ("contre", 2)]
    got = counts.read(load_units("X quitte la séance (présents 10 / votants\n11)."))
    assert [(c.column, c.value) for c in got] == [("presents", 10), ("votants", 11)]
