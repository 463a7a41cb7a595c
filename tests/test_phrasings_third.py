"""Phrasings of a third hand (tests/generator/data/dev3) and of the fourth round of second-hand
texts (tests/data/second_hand/dev 401–480, 2026-12-02): count boxes, lists, headings, moves and
the checks they feed, each in a short sitting built around it or on the text it was found in
(a document that trips the check, one that does not)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import counts, members
from extractors.stream import Unit, clean
from pipeline.stages import process
from tests.test_phrasings import UNANIMITY, errors, sitting

SECOND_HAND = Path(__file__).resolve().parent / "data" / "second_hand" / "dev"


def read_counts(*lines: str) -> dict[str, int]:
    units = [Unit(clean(t), None, i) for i, t in enumerate(lines)]
    return {c.column: c.value for c in counts.read(units)}


def read_list(*lines: str) -> list[tuple[str, str | None]]:
    units = [Unit(clean(t), None, i) for i, t in enumerate(lines)]
    found, _ = members.read_list(units, 0, members.list_label(units[0].text))
    return [(m.name, m.holder) for m in found]


# --- counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    (["Membres composant l’assemblée = 29"], {"membres_en_exercice": 29}),
    (["Membres composant l’assemblée | quarante et un"], {"membres_en_exercice": 41}),  # a tab row, as loaded
    # a row of labels over a row of values, four columns (one of them "Absent(e)s")
    (["Membres composant l’assemblée    Nbre de présents    Nbre de votants    Absent(e)s",
      "              11                        6                   11              5"],
     {"membres_en_exercice": 11, "presents": 6, "votants": 11, "absents": 5}),
    (["Membres en fonction    Total présents", "         25                  22"],
     {"membres_en_exercice": 25, "presents": 22}),
    # each number before its label, cells parted by "|": not "présents | 0"
    (["(21 membres du conseil communautaire", "composant l'assemblée | 19 élus présents | 0 pouvoir(s) | 19 votants"],
     {"membres_en_exercice": 21, "presents": 19, "pouvoirs": 0, "votants": 19}),
    # …while a label's colon still takes the number after it, and labels first still read
    (["Conseillers en exercice : 27    Présents : 22    Procurations : 6    Votants : 28"],
     {"membres_en_exercice": 27, "presents": 22, "pouvoirs": 6, "votants": 28}),
    (["Nombre de conseillers : en exercice 11 présents 4 représentés 2 votants 6"],
     {"membres_en_exercice": 11, "presents": 4, "pouvoirs": 2, "votants": 6}),
])
def test_count_boxes_of_a_third_hand(lines, expected):
    assert read_counts(*lines) == expected


def test_members_composing_the_council_in_prose_is_no_count():
    assert read_counts("la majorité des membres composant le conseil présents à la séance") == {}


def test_a_quorum_missed_with_members_in_office_after_an_equals_sign(tmp_path):
    box = "Membres composant l’assemblée = 29\nConseillers municipaux présents à la séance = 12"
    assert "quorum.reached" in errors(sitting(tmp_path, box, items=[("1. Tarifs", UNANIMITY)])[1])
    box = "Membres composant l’assemblée = 21\nConseillers municipaux présents à la séance = 12"
    assert "quorum.reached" not in errors(sitting(tmp_path, box, items=[("1. Tarifs", UNANIMITY)])[1])


# --- lists and proxies ----------------------------------------------------------------------

@pytest.mark.parametrize("line, giver, holder", [
    ("Fabienne Schneider ayant donné pouvoir à Laëtitia Kergoat", "Fabienne Schneider", "Laëtitia Kergoat"),
    ("Monsieur Raymond LE CORRE qui a donné pouvoir à Madame Charlotte ETCHEGARAY", "Raymond LE CORRE",
     "Charlotte ETCHEGARAY"),
])
def test_a_proxy_said_in_a_line_of_its_own(line, giver, holder):
    member = members.proxy_sentence(line, 0)
    assert (member.name, member.holder) == (giver, holder)


def test_a_member_leaving_with_a_proxy_is_a_move_not_a_proxy_sentence():
    path = SECOND_HAND / "293.txt"  # "Départ de Mme Odile MARCHAND, qui donne pouvoir à Mme Yvette RENARD."
    rows = process(path).rows
    givers = {p["giver"] for p in rows["proxies"]}
    assert "Départ de Mme Odile MARCHAND" not in givers
    assert not errors(rows["findings"])


@pytest.mark.parametrize("lines, expected", [
    (["Délégations de vote :", "ESTÈVE (à HUMBERT)", "ETCHEGARAY (à COUSIN)", "ETCHEVERRY (à MARTINS)"],
     [("ESTÈVE", "HUMBERT"), ("ETCHEGARAY", "COUSIN"), ("ETCHEVERRY", "MARTINS")]),
    (["Absents excusés ayant donné procuration : de QUÉRÉ Solange à LEBRETON José  de",
      "PEREIRA Maryvonne à COUSIN Fatima  de CAZENAVE Thibault à GUILLOU Maïté"],
     [("QUÉRÉ Solange", "LEBRETON José"), ("PEREIRA Maryvonne", "COUSIN Fatima"),
      ("CAZENAVE Thibault", "GUILLOU Maïté")]),
    # "de" before the "à" is a particle; "D'ALMEIDA" is a name
    (["Pouvoirs : de M. Jean de LA ROCHE à Mme Anne D'ALMEIDA, de Mme Lucie ROUX à M. Paul VIDAL"],
     [("Jean de LA ROCHE", "Anne D'ALMEIDA"), ("Lucie ROUX", "Paul VIDAL")]),
    (["S’étaient excusés : Monsieur Hakim Du Bois [pouvoir à Monsieur Tanguy De La",
      "Tour] ▪ Madame Marie-José Mendes [pouvoir à Madame Joëlle Auger]"],
     [("Hakim Du Bois", "Tanguy De La Tour"), ("Marie-José Mendes", "Joëlle Auger")]),
])
def test_lists_of_proxies_of_a_third_hand(lines, expected):
    assert read_list(*lines) == expected


def test_an_entry_cut_at_a_line_end_goes_on_below():
    """"… à Monsieur Gaëtan" / "Tran • …", "… Monsieur Marcel" / "D’Almeida qui a donné …",
    "… Robert Bouzid •" / "Madame …": the list goes on."""
    found = read_list(
        "Excusé(e)s : Madame Régine Quéré qui a donné pouvoir à Madame Michèle Pham • Madame Solange Delattre qui",
        "a donné pouvoir à Madame Pauline Le Goff • Madame Yvette Schneider qui a donné pouvoir à Monsieur Gaëtan",
        "Tran • Monsieur Francis Benali qui a donné pouvoir à Monsieur Pierre-Yves Lebreton • Monsieur Marcel",
        "D’Almeida qui a donné pouvoir à Monsieur Robert Weber • Madame Samia Barrère • Monsieur Robert Bouzid •",
        "Madame Marie-Thérèse Ribeiro qui a donné pouvoir à Monsieur Yannick Pereira")
    assert found == [("Régine Quéré", "Michèle Pham"), ("Solange Delattre", "Pauline Le Goff"),
                     ("Yvette Schneider", "Gaëtan Tran"), ("Francis Benali", "Pierre-Yves Lebreton"),
                     ("Marcel D’Almeida", "Robert Weber"), ("Samia Barrère", None), ("Robert Bouzid", None),
                     ("Marie-Thérèse Ribeiro", "Yannick Pereira")]


def test_names_parted_by_squares_bars_and_ampersands():
    assert read_list("Présents : Madame Joëlle Auger ▪ Monsieur Gabriel Baudry ▪ Madame",
                     "Germaine Chevallier ▪ Tanguy De La Tour") == [
        ("Joëlle Auger", None), ("Gabriel Baudry", None), ("Germaine Chevallier", None), ("Tanguy De La Tour", None)]
    assert [n for n, _ in read_list("Présents : PRUVOST Florian | MARÉCHAL Johann & KAPLAN Sylvain")] == [
        "PRUVOST Florian", "MARÉCHAL Johann", "KAPLAN Sylvain"]


def test_a_running_header_inside_a_list_of_presents():
    found = read_list("ETAIENT PRESENTS :", "Mesdames J. VASSEUR,",
                      "AGGLOMÉRATION DU GRAND-VILLECOMTAL | conseil communautaire", "M. PEREIRA,",
                      "Messieurs Q. ZIEGLER,", "A.-M. ESTÈVE,")
    assert [n for n, _ in found] == ["J. VASSEUR", "PEREIRA", "Q. ZIEGLER", "A.-M. ESTÈVE"]


def test_absent_without_proxy_is_no_list_of_proxies(tmp_path):
    rows, findings = sitting(tmp_path, "Présents : M. Paul DURAND, Mme Anne VIDAL",
                             "Absents excusés sans pouvoir : M. C. ROUMÉGOUX",
                             "Pouvoirs : 0", items=[("1. Tarifs", UNANIMITY)])
    assert "attendance.proxy_count" not in errors(findings)


def test_a_holder_missing_from_a_list_shorter_than_its_count_is_a_notice(tmp_path):
    lists = ("Présents : M. Paul DURAND, Mme Anne VIDAL, M. Luc MOREL\n"
             "Excusé : M. Jean ROUX (pouvoir à Mme Claire PETIT)")
    box = "Présents : {p} – Pouvoirs : 1 – Votants : {v}"
    severity = {f["check_id"]: f["severity"] for f in sitting(tmp_path, lists, box.format(p=4, v=5),
                                                              items=[("1. Tarifs", UNANIMITY)])[1]}
    assert severity["proxy.holder_present"] == "notice"  # 3 names listed for 4 présents
    severity = {f["check_id"]: f["severity"] for f in sitting(tmp_path, lists, box.format(p=3, v=4),
                                                              items=[("1. Tarifs", UNANIMITY)])[1]}
    assert severity["proxy.holder_present"] == "error"


# --- checks: a mismatch resting on mild doubts is a warning ---------------------------------

def test_a_vote_against_votants_read_before_their_label_is_a_warning(tmp_path):
    box = "Quorum : atteint (39 membres votants)."
    vote = "Adopté à la majorité absolue des suffrages exprimés : 28 pour, 6 contre, 4 abstentions."
    findings = sitting(tmp_path, box, items=[("1. Tarifs", vote)])[1]
    assert [f["severity"] for f in findings if f["check_id"] == "votes.breakdown"] == ["warning"]
    vote = "Adopté à la majorité absolue des suffrages exprimés : 29 pour, 6 contre, 4 abstentions."
    assert not [f for f in sitting(tmp_path, box, items=[("1. Tarifs", vote)])[1] if f["check_id"] == "votes.breakdown"]


def test_members_in_office_against_lists_whose_presents_are_whole_is_a_warning(tmp_path):
    lists = "Présents : M. Paul DURAND, Mme Anne VIDAL, M. Luc MOREL\nAbsent : M. Jean ROUX"
    findings = sitting(tmp_path, lists, "Membres en exercice : 5 – Présents : 3", items=[("1. Tarifs", UNANIMITY)])[1]
    assert {f["check_id"]: f["severity"] for f in findings}["attendance.members_total"] == "warning"
    findings = sitting(tmp_path, lists, "Membres en exercice : 4 – Présents : 3", items=[("1. Tarifs", UNANIMITY)])[1]
    assert "attendance.members_total" not in {f["check_id"] for f in findings}


# --- headings and votes ---------------------------------------------------------------------

@pytest.mark.parametrize("first, second, numbers, title", [
    ("I/ Procès-verbal de la séance du 5 décembre", "II/ Adhésion à la Fondation du patrimoine", ["I", "II"],
     "Procès-verbal de la séance du 5 décembre"),
    ("Point I : Vœu relatif aux services publics", "Point II : Tarifs des droits de place", ["I", "II"],
     "Vœu relatif aux services publics"),
    ("Délibération n°1 – INDEMNITÉS DE FONCTION DES ÉLUS", "Délibération n°2 – BUDGET PRIMITIF", ["1", "2"],
     "INDEMNITÉS DE FONCTION DES ÉLUS"),
    ("Objet ➢ Tarifs de la cantine", "Objet ➢ Budget annexe", [None, None], "Tarifs de la cantine"),
    ("Sujet : Tarifs de la cantine", "Sujet : Budget annexe", [None, None], "Tarifs de la cantine"),
    ("Objet. Tarifs de la cantine", "Objet. Budget annexe", [None, None], "Tarifs de la cantine"),
])
def test_item_headings_of_a_third_hand(tmp_path, first, second, numbers, title):
    rows = sitting(tmp_path, items=[(first, UNANIMITY), (second, UNANIMITY)])[0]
    assert [r["numero"] for r in rows] == numbers
    assert rows[0]["objet"] == title


def test_an_agenda_announced_in_a_sentence_is_no_item(tmp_path):
    agenda = ("Questions inscrites à l’ordre du jour :\n1) Tarifs de la cantine\n2) Informations diverses\n"
              "3) Budget annexe")
    rows = sitting(tmp_path, agenda, items=[("1/ Tarifs de la cantine", "Pour : 15 – Contre : 2 – Abstention : 0"),
                                            ("3/ Budget annexe", UNANIMITY)])[0]
    assert [(r["numero"], r["pour"]) for r in rows] == [("1", 15), ("3", None)]


@pytest.mark.parametrize("line", ["Non-participation au vote : Mme SALLES Pascaline",
                                  "Membres ne participant pas au vote : M. BOUCHET (1)"])
def test_non_voters_named_after_a_label(tmp_path, line):
    box = "Présents : 22 – Pouvoirs : 0 – Votants : 22"
    rows, findings = sitting(tmp_path, box, items=[("1. Tarifs", "Pour : 21 – Contre : 0 – Abstention : 0\n" + line)])
    assert rows[0]["non_votants"] == 1
    assert "votes.breakdown" not in errors(findings)


# --- moves ----------------------------------------------------------------------------------

def test_a_departure_taken_note_of_with_the_new_counts(tmp_path):
    box = "Présents : 26 – Pouvoirs : 0 – Votants : 26"
    move = "Il est pris acte du départ de R. TOULOUSE à 16 h 05 ; 25 présents – 25 votants ; 2 absent(s)."
    rows, findings = sitting(tmp_path, box, items=[("1. Tarifs", "Pour : 24 – Contre : 2 – Abstention : 0\n" + move),
                                                    ("2. Budget", "Pour : 25 – Contre : 0 – Abstention : 0")])
    assert [r["votants"] for r in rows] == [26, 25]
    assert not errors(findings)


def test_moves_with_a_time_first_hold_from_the_next_item():
    """A council of 69 (second hand 477): 58 présents + 9 pouvoirs, arrivals at 18 h 20 and
    18 h 40 and a departure at 20 h 30, each printed under an item's vote with the new counts."""
    rows = process(SECOND_HAND / "477.txt").rows
    votants = [d["votants"] for d in rows["deliberations"]]
    assert votants[:5] == [67, 67, 67, 68, 68]
    assert votants[8] == 67  # after M. MARQUET left at 20 h 30, giving his proxy
    assert not [f for f in rows["findings"] if f["check_id"] == "votes.breakdown" and f["severity"] == "error"]


def test_a_convocation_said_with_words_between_is_not_the_sitting(tmp_path):
    path = tmp_path / "seance.txt"
    path.write_text("COMMUNE DE VAL-DE-SAUVETERRE\n"
                    "L’an deux mille huit, le douze du mois de janvier, à 20h, le Conseil municipal de la ville, "
                    "convoqué par lettre individuelle le 30 décembre 2007, s’est réuni en réunion publique.\n"
                    "1. Tarifs\nLe Conseil municipal, après en avoir délibéré, APPROUVE.\nAdopté à l'unanimité.\n",
                    encoding="utf-8")
    row = process(path).rows["deliberations"][0]
    assert (str(row["session_date"]), str(row["convocation_date"])) == ("2008-01-12", "2007-12-30")


# --- openings, dates and officers -------------------------------------------------------------

def read_sitting(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "seance.txt"
    path.write_text(text + "\n1. Tarifs\nLe Conseil, après en avoir délibéré, APPROUVE.\nAdopté à l'unanimité.\n",
                    encoding="utf-8")
    return process(path).rows["deliberations"][0]


@pytest.mark.parametrize("text, expected", [
    # the body after the verb
    ("COMMUNE DE CAUSSIGNAC\nLe samedi 27 mai 2017, à 14h15, s'est réuni au lieu habituel de ses réunions le Conseil "
     "municipal de cette ville, convoqué conformément à la loi le 18/05/2017, sous la présidence de Madame Élise "
     "TEXIER, Maire.", ("2017-05-27", "14:15", "2017-05-18", "Élise TEXIER")),
    # "sur convocation du …" first, a weekday in the date
    ("– SMICTOM DES PORTES DE L'ORMANCE –\nSur convocation du mercredi 17 janvier 2007, le comité syndical s'est "
     "réuni le mercredi 24 janvier 2007 à 18H30 à la salle Marianne, sous la présidence de Madame LANGLOIS, Présidente.",
     ("2007-01-24", "18:30", "2007-01-17", "LANGLOIS")),
    # "a siégé", the president in a sentence of her own
    ("Le vingt-neuf octobre deux mille vingt et un à quatorze heures quinze, le Conseil communautaire, convoqué "
     "conformément à la loi, a siégé à la salle d'honneur. Mme Constance Kaci, Présidente de ladite Communauté, "
     "préside la séance.\nLes convocations ont été envoyées le 15 octobre 2021",
     ("2021-10-29", "14:15", "2021-10-15", "Constance Kaci")),
])
def test_openings_of_a_third_hand(tmp_path, text, expected):
    row = read_sitting(tmp_path, text)
    assert (str(row["session_date"]), row["session_time"], str(row["convocation_date"]), row["president"]) == expected


@pytest.mark.parametrize("heading, date", [("SÉANCE ORDINAIRE – MARDI 11 OCTOBRE 2022", "2022-10-11"),
                                           ("Délibérations de la séance du 18/07/2020", "2020-07-18")])
def test_a_sitting_dated_by_its_title(tmp_path, heading, date):
    assert str(read_sitting(tmp_path, "COMMUNE DE CAUSSIGNAC\n" + heading)["session_date"]) == date


@pytest.mark.parametrize("heading, body", [
    ("Liberté · Égalité · Fraternité – COMMUNE DU MESNIL-ARDRICOURT – MAIRIE", "MESNIL-ARDRICOURT"),
    ("Collectivité : Village de Pont-Labastide-Caussou", "Pont-Labastide-Caussou"),
    ("– SMICTOM DU HAUT-PAYS BRENNOIS –", "SMICTOM DU HAUT-PAYS BRENNOIS"),
    ("Agglo de Neuville-Bidarrain – République française", "Agglo de Neuville-Bidarrain"),
])
def test_bodies_named_in_headings_of_a_third_hand(tmp_path, heading, body):
    assert read_sitting(tmp_path, heading + "\nSÉANCE ORDINAIRE – MARDI 11 OCTOBRE 2022")["collectivite"] == body


@pytest.mark.parametrize("line, name", [
    ("Madame Marie-Agnès CADIOU a été choisie pour secrétaire de séance.", "Marie-Agnès CADIOU"),
    ("Monsieur Carlos MAUGER assure le secrétariat de la séance.", "Carlos MAUGER"),
    ("Secrétaire de séance désignée : Mme DELMAS", "DELMAS"),
    ("Désignation du secrétaire de séance : Monsieur Arthur CASANOVA.", "Arthur CASANOVA"),
    ("Fonctions de secrétaire : ESNAULT", "ESNAULT"),
    ("M. Jacky LE FLOCH est désigné à l’unanimité secrétaire de séance.", "Jacky LE FLOCH"),
    ("Il a été procédé à la nomination d'un secrétaire de séance : Mme Jade JOUBERT a été désignée pour\n"
     "remplir cette fonction.", "Jade JOUBERT"),
])
def test_secretaries_of_a_third_hand(tmp_path, line, name):
    assert read_sitting(tmp_path, "COMMUNE DE CAUSSIGNAC\nSÉANCE ORDINAIRE – MARDI 11 OCTOBRE 2022\n" + line)[
        "secretaire"] == name


@pytest.mark.parametrize("first, second", [("1.- Approbation du compte-rendu", "2.- Délégations consenties"),
                                           ("Question 1 : Rapport sur le prix de l'eau", "Question 2 : Tarifs")])
def test_items_ranked_with_a_full_stop_and_dash_or_as_questions(tmp_path, first, second):
    assert [r["numero"] for r in sitting(tmp_path, items=[(first, UNANIMITY), (second, UNANIMITY)])[0]] == ["1", "2"]


def test_a_box_one_cell_a_line_with_a_glossed_label_and_its_figure():
    """Second hand 458: "(dont suppléants)" under "Présents", and its "(3)" among the values."""
    assert read_counts("Délégués titulaires", "en exercice", "Présents", "(dont suppléants)", "Pouvoirs", "Votants",
                       "40", "26", "(3)", "5", "31") == {"membres_en_exercice": 40, "presents": 26, "pouvoirs": 5,
                                                          "votants": 31}


def test_a_proxy_lapses_when_its_holder_leaves_and_an_arrival_with_the_time():
    """Second hand 461: SAPPA arrives at 19h20 (27 présents + 5 = 32); REYNAUD leaves for good at
    21h05, the proxy of MOUTTE he held with him (26 + 4 = 30)."""
    rows = process(SECOND_HAND / "461.txt").rows
    assert [(d["presents"], d["pouvoirs"]) for d in rows["deliberations"]][2:] == [(27, 5)] * 3 + [(26, 4)] * 5
    assert not errors(rows["findings"])
    assert not [p for p in rows["proxies"] if p["giver"] == "Bruno MOUTTE" and p["seq"] >= 6]


def test_an_arrival_ends_the_proxy_its_member_gave():
    """Second hand 448: Mme ROSE-ROSETTE, who had given her proxy to M. DORVAL, joins at 18h47."""
    rows = process(SECOND_HAND / "448.txt").rows
    givers = {s: {p["giver"] for p in rows["proxies"] if p["seq"] == s} for s in (2, 3)}
    assert "Ginette ROSE-ROSETTE" in givers[2] and "Ginette ROSE-ROSETTE" not in givers[3]
    assert not errors(rows["findings"])


def test_a_list_of_deliberations_numbered_year_month_rank_without_a_separator():
    """Second hand 437: "N° Objet Rapporteur Vote" flattened, "2024-09-142 Budget principal – … M. VIGUIER Adoptée"."""
    rows = process(SECOND_HAND / "437.txt").rows["deliberations"]
    assert [r["numero"] for r in rows] == [f"2024-09-{n}" for n in range(141, 148)]
    assert [(r["pour"], r["contre"], r["resultat"]) for r in rows[1:5]] == [
        (52, 12, "adopte"), (55, 0, "adopte"), (65, 0, "adopte"), (12, 52, "rejete")]


@pytest.mark.parametrize("line, names", [
    ("Participaient à la séance : M. BENOÎT · Mme CASANOVA · M. CHASSAGNE", ["BENOÎT", "CASANOVA", "CHASSAGNE"]),
    ("Ont assisté à la séance : Maud Silva · Dylan Alves · Rodolphe Bartoli", ["Maud Silva", "Dylan Alves",
                                                                            "Rodolphe Bartoli"]),
])
def test_presents_said_with_another_verb_and_parted_by_middle_dots(line, names):
    assert [n for n, _ in read_list(line)] == names


def test_a_proxy_given_in_favour_of(tmp_path):
    assert read_list("Ont donné pouvoir : OCHOA en faveur de BENSAÏD") == [("OCHOA", "BENSAÏD")]


def test_non_voters_counted_after_their_label(tmp_path):
    box = "Présents : 26 – Pouvoirs : 0 – Votants : 26"
    vote = "Suffrages : 26 votants dont 21 pour, 1 contre et 3 abstentions.\nNe participe(nt) pas au vote : 1"
    rows, findings = sitting(tmp_path, box, items=[("1. Tarifs", vote)])
    assert rows[0]["non_votants"] == 1
    assert "votes.breakdown" not in errors(findings)
    assert "votes.breakdown" in errors(sitting(tmp_path, box, items=[("1. Tarifs", vote.replace(": 1", ": 2"))])[1])


def test_an_act_adopted_in_the_sitting_of_a_date(tmp_path):
    row = read_sitting(tmp_path, "RÉGION ATLANTIQUE-BOCAGE\nDÉLIBÉRATION N° 2017-032\nadoptée en séance du 29 juin 2017")
    assert str(row["session_date"]) == "2017-06-29"


@pytest.mark.parametrize("lines, expected", [
    (["Absents représentés : Mme J. BOUVET – M. G. LE GUEN ▪ Mme I. DEMIR – M. H. LEBON"],
     [("J. BOUVET", "G. LE GUEN"), ("I. DEMIR", "H. LEBON")]),
    (["Pouvoirs remis : CASANOVA – BRETON & MILLET – CADIOU"], [("CASANOVA", "BRETON"), ("MILLET", "CADIOU")]),
    # a dash between two entries that each name their holder stays a separator
    (["Pouvoirs : M. Jean ARNAUD à M. Paul BERT – Mme Claire CHEVAL à M. Luc DUMAS"],
     [("Jean ARNAUD", "Paul BERT"), ("Claire CHEVAL", "Luc DUMAS")]),
    (["Mandats : Xavier-Henri Jézéquel > Mme Carmen Abadie ; Gabriel Rambaud > Mme Simone Delage"],
     [("Xavier-Henri Jézéquel", "Carmen Abadie"), ("Gabriel Rambaud", "Simone Delage")]),
    # a holder cut after a particle goes on below
    (["Était absent et a donné pouvoir : M. LEFRANÇOIS, procuration à Mme OLIVEIRA ; Mme VIAL, procuration à M. LE",
      "BORGNE"], [("LEFRANÇOIS", "OLIVEIRA"), ("VIAL", "LE BORGNE")]),
])
def test_givers_and_holders_parted_by_a_dash_or_an_arrow(lines, expected):
    assert read_list(*lines) == expected


def test_a_list_of_proxies_without_holders_is_in_doubt(tmp_path):
    """"Pouvoirs : GOMEZ Gaston, CHASSAGNE Margaux" (a holder may have been read as a giver):
    the count against it is a notice; with the holders read it is an error."""
    box = "Présents : 15 – Pouvoirs : 1 – Votants : 16"
    findings = sitting(tmp_path, box, "Pouvoirs : GOMEZ Gaston, CHASSAGNE Margaux", items=[("1. Tarifs", UNANIMITY)])[1]
    assert {f["check_id"]: f["severity"] for f in findings}["attendance.proxy_count"] == "notice"
    lists = "Pouvoirs : GOMEZ Gaston à DURAND Paul, CHASSAGNE Margaux à VIDAL Anne"
    findings = sitting(tmp_path, box, lists, items=[("1. Tarifs", UNANIMITY)])[1]
    assert "attendance.proxy_count" in errors(findings)


@pytest.mark.parametrize("lines, expected", [
    (["Présents à l’ouverture de la séance – 12 Mandats – 3 Total votants – 15"],
     {"presents": 12, "pouvoirs": 3, "votants": 15}),
    (["La condition de quorum est remplie (19 sièges | 19 membres élus présent(e)s | 0 membres absents non "
      "représentés)"], {"membres_en_exercice": 19, "presents": 19, "absents": 0}),
    (["Vote : 19 pour — 2 abstentions."], {}),  # value first: read as prose by the vote reader, not as labels
    # value first, the line cut after a number (generated dev 158)
    (["Le Conseil municipal peut valablement délibérer (15 membres en exercice – 13",
      "présents – 13 votants – 2 absents)."], {"membres_en_exercice": 15, "presents": 13, "votants": 13, "absents": 2}),
    (["Total présents – dix-sept", "Nb de votants – vingt"], {"presents": 17, "votants": 20}),
    # a row of labels over values closing a bracket: the last value is read with its ")"
    (["(Présents Pouvoirs Votants 12 3 15)"], {"presents": 12, "pouvoirs": 3, "votants": 15}),
])
def test_labels_first_or_values_first_on_a_line_of_dashes_and_bars(lines, expected):
    assert read_counts(*lines) == expected


def test_a_proxy_called_a_delegation_of_vote_in_brackets():
    assert read_list("Absences excusées :", "M. LEBRUN (délégation de vote à M. MALLARD).", "M. DUPONT") == [
        ("LEBRUN", "MALLARD"), ("DUPONT", None)]


def test_a_body_named_after_the_verb_opens_a_sitting_only_after_its_date():
    from extractors import opening as reader

    def opens(text: str) -> bool:
        return reader.is_opening([Unit(clean(text), None, 0)], 0)
    assert opens("Le samedi 27 mai 2017, à 14h15, s'est réuni au lieu habituel de ses réunions le Conseil municipal.")
    assert not opens("Le bureau s'est réuni le 5 mars et a proposé au conseil municipal de retenir l'offre.")


def test_a_list_ending_on_a_comma_goes_on_only_with_a_name():
    assert [n for n, _ in read_list("Présents : M. Jean ARNAUD, Mme Claire CHEVAL,", "Mme Lucie ROUX")] == [
        "Jean ARNAUD", "Claire CHEVAL", "Lucie ROUX"]
    assert [n for n, _ in read_list("Présents : M. Jean ARNAUD, Mme Claire CHEVAL,",
                                    "formant la majorité des membres en exercice.")] == ["Jean ARNAUD", "Claire CHEVAL"]


def test_counts_opened_by_a_bracket_after_prose_that_holds_a_label():
    """"… pour délibérer valablement (19 sièges | 18 présents …": "pour" in the prose is no count,
    the bracket opens the counts, each number before its label, one cut after a number."""
    assert read_counts("Le Conseil municipal étant en nombre pour délibérer valablement (19 sièges | 18 présents "
                       "en séance | 1", "pouvoir(s) | 19 membres prenant part au vote), la séance est ouverte.") == {
        "membres_en_exercice": 19, "presents": 18, "pouvoirs": 1, "votants": 19}


def test_a_gender_mark_is_no_bracket_opening_counts():
    assert read_counts("Membres du conseil présent(e)s: | 16", "Votes par procuration: | 1",
                       "Ont pris part au vote: | 17") == {"presents": 16, "pouvoirs": 1, "votants": 17}


def test_absent_without_proxy_counted_is_no_count_of_proxies():
    assert read_counts("Absents excusés sans pouvoir : 0", "Nb de présents: 17 – Votes par procuration: 1") == {
        "presents": 17, "pouvoirs": 1}


def test_a_proxy_phrase_cut_at_a_line_end():
    assert read_list("Ont donné procuration : Samuel Boudet en faveur de Gérald Rouquette,  Carlos Darrigrand en",
                     "faveur de Paul Vidal") == [("Samuel Boudet", "Gérald Rouquette"), ("Carlos Darrigrand", "Paul Vidal")]
