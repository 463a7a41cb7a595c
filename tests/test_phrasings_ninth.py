"""Phrasings of the ninth round (2026-12-03), found on material never looked at before: a fifth
hand's generator phrasings (tests/generator/data/dev5), forty council texts written around
proxies and attendance (tests/data/second_hand/dev 521–560), and the planted proxy
inconsistencies the fourth hand's documents still hid (dev4): proxies printed as two names on a
row, "X – pouvoir : Y" inside a list, a roll call's "excusée → Y", a vote line stating its own
votants, item numbers heading a row of counts, headings "№ 2007-130", "N/Réf. : 2021-51",
"Délibération 1 –", "71/2016 –", "Ordre du jour n° 1 :", "Rapport n° CP 1", "N° I –", and the
body named after "Expéditeur :" or "Nom de la collectivité :"."""
from __future__ import annotations

import pytest

from extractors import bodies, lexicon, members
from extractors.stream import Unit, fold
from pipeline.stages import process
from tests.test_phrasings import UNANIMITY, errors, sitting
from tests.test_phrasings_third import SECOND_HAND, clean, read_counts, read_list


def attendance(tmp_path, *lines: str) -> dict[str, tuple[str, str | None]]:
    """Name -> (status, holder) of the first deliberation of a sitting with `lines` after its opening."""
    sitting(tmp_path, *lines, items=[("1. Tarifs de la cantine", UNANIMITY), ("2. Budget annexe", UNANIMITY)])
    rows = process(tmp_path / "seance.txt").rows["attendance"]
    return {r["name"]: (r["status"], r["proxy_holder"]) for r in rows if r["seq"] == 1}


# --- proxies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    # two names a row, each after its civility: the giver, then the holder (a tab row, as loaded)
    (["Abs. représentés :", "Mme HAEGELIN | M. ROMERO", "Mme SCHIRMER | M. CADET"],
     [("HAEGELIN", "ROMERO"), ("SCHIRMER", "CADET")]),
    (["Absents représentés :", "Monsieur Félix TEXIER | Madame Fernande BARRAL"], [("Félix TEXIER", "Fernande BARRAL")]),
    # a remark of the holder's own in brackets
    (["Votaient par procuration : Monsieur CARRIÈRE par Monsieur TECHER (pouvoir écrit);",
      "Monsieur TAPUTU par Monsieur TECHER (pouvoir écrit)"], [("CARRIÈRE", "TECHER"), ("TAPUTU", "TECHER")]),
    # "Excusés (pouvoir)" is a list of proxies; its entries' "– pouvoir :" no list of their own
    (["Excusés (pouvoir) : Mme MARCHETTI – pouvoir : M. CASTELLI ; M. SANTUCCI – pouvoir : Mme LEGRAND"],
     [("MARCHETTI", "CASTELLI"), ("SANTUCCI", "LEGRAND")]),
])
def test_lists_of_proxies_of_the_ninth_round(lines, expected):
    assert read_list(*lines) == expected


def test_a_remark_after_a_dash_is_no_list_of_its_own(tmp_path):
    """Before, "– pouvoir :" cut the line into lists of its own: the holders were read as
    absent members and no proxy was read; now TER-MINASSIAN's two proxies are an error."""
    people = attendance(tmp_path, "Présents : Mme WAGNON ; M. CASTELLI ; Mme TER-MINASSIAN",
                        "Excusés (pouvoir) : Mme MARCHETTI – pouvoir : M. CASTELLI ; M. SANTUCCI – pouvoir : "
                        "Mme TER-MINASSIAN et M. PHAN – pouvoir : Mme TER-MINASSIAN")
    assert people["PHAN"] == ("absent", "TER-MINASSIAN") and people["CASTELLI"] == ("present", None)


def test_a_proxy_on_a_line_of_its_own_with_a_remark(tmp_path):
    """"M. Revel Cyrille [excusé] / procuration : Mme Célestine Awa", no list label above it."""
    people = attendance(tmp_path, "Présents : Mme Célestine AWA ; M. Jean BRUN",
                        "M. Revel CYRILLE [excusé] / procuration : Mme Célestine AWA")
    assert people["Revel CYRILLE"] == ("absent", "Célestine AWA")


def test_a_roll_call_says_proxies_after_its_marks(tmp_path):
    """"X ........ excusée → M. Y" and "X ........ excusé (vote confié à M. Y)" under the présents:
    before, the présents' list went on over them (all in doubt) and no proxy was read."""
    people = attendance(tmp_path, "Présents : Mme Lise KAUFFMANN ; M. Gurvan BAUDOIN ; M. Octave ÇELIK",
                        "Monsieur Max GALLO ........ excusé (vote confié à Monsieur Gurvan BAUDOIN)",
                        "Mme Awa NAVARRO ........ excusée",
                        "Mme Tiphaine GOASDOUÉ ........ excusée → M. Octave ÇELIK")
    assert people["Max GALLO"] == ("absent", "Gurvan BAUDOIN")
    assert people["Tiphaine GOASDOUÉ"] == ("absent", "Octave ÇELIK")
    assert people["Awa NAVARRO"] == ("absent", None)
    assert people["Lise KAUFFMANN"] == ("present", None)


def test_names_parted_by_a_double_bar():
    assert read_list("Présents : Mme Isaure AUBIN ‖ Mme Astrid BELLET ‖ M. Désiré GROS") == [
        ("Isaure AUBIN", None), ("Astrid BELLET", None), ("Désiré GROS", None)]


# --- counts and votes -------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Le tarif passe de 0,041 € à 0,043 €. Pour 15, contre 0, abstentions 2.", {"pour": 15, "contre": 0, "abstentions": 2}),
    ("le pouvoir de Mme MALBEC qu'il détenait tombe. Présents 12, pouvoirs 3, votants 15.",
     {"presents": 12, "pouvoirs": 3, "votants": 15}),
])
def test_counts_after_a_sentence_on_the_same_line(line, expected):
    """Before, only the first count after the full stop was read ("Pour 15")."""
    assert read_counts(line) == expected


def test_an_extracts_vote_line_states_its_own_votants():
    """Second-hand text 526: the box says 10 votants, a member interested in the matter leaves,
    the vote line says "Votants : 9 — Pour : 8 — Contre : 0 — Abstention : 1". Before, 8 + 0 + 1
    against the box's 10 was a votes.breakdown error; the item's votants are now its own."""
    result = process(SECOND_HAND / "526.txt")
    row = result.rows["deliberations"][0]
    assert (row["votants"], row["pour"], row["abstentions"]) == (9, 8, 1)
    assert not errors(result.rows["findings"])


def test_a_register_whose_items_head_a_row_of_counts():
    """Second-hand text 557: "N° 2024-041⇥En exercice : 15⇥Présents : 11⇥Votants : 13" heads
    each act. Before, the three acts were read as one (the stamp's number, a false error)."""
    result = process(SECOND_HAND / "557.txt")
    rows = result.rows["deliberations"]
    assert [(r["numero"], r["presents"], r["votants"], r["pour"]) for r in rows] == [
        ("2024-041", 11, 13, 13), ("2024-042", 12, 14, 12), ("2024-043", 12, 14, 11)]
    assert not errors(result.rows["findings"])


# --- items ------------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second, numbers", [
    ("№ 2007-130", "№ 2007-131", ["2007-130", "2007-131"]),
    ("N/Réf. : 2021-51", "N/Réf. : 2021-52", ["2021-51", "2021-52"]),
    ("Délibération 1 – Tarifs de la cantine", "Délibération 2 – Budget annexe", ["1", "2"]),
    ("71/2016 – Tarifs de la cantine", "72/2016 – Budget annexe", ["71/2016", "72/2016"]),
    ("Ordre du jour n° 1 : Tarifs de la cantine", "Ordre du jour n° 2 : Budget annexe", ["1", "2"]),
    ("Rapport n° CP 1", "Rapport n° CP 2", ["1", "2"]),
    ("N° I – Tarifs de la cantine", "N° II – Budget annexe", ["I", "II"]),
])
def test_item_headings_of_a_fifth_hand(tmp_path, first, second, numbers):
    """Before, none of these headed an item: the two items were read as one."""
    rows, _ = sitting(tmp_path, "Présents : 11 – Votants : 11", items=[(first, UNANIMITY), (second, "Rejeté par "
                                                                                                     "4 voix pour, 7 contre.")])
    assert [r["numero"] for r in rows] == numbers
    assert [r["contre"] for r in rows] == [0, 7]


def test_ranks_that_read_as_act_numbers_from_ten_on(tmp_path):
    """"Délibération n° 10" reads as an act number and as a rank, "Délibération n° 3" as a rank
    only: the family of ranks, which explains more votes, is the one used (before, items 1 to 9
    ran together with the decisions under delegation "N° 2011-4 : …")."""
    items = [(f"Délibération n° {k}", UNANIMITY) for k in range(1, 13)]
    items.insert(9, ("N° 2011-4 : conclusion d'un contrat d'entretien.", "N° 2011-5 : délivrance d'une concession."))
    rows, _ = sitting(tmp_path, "Présents : 11 – Votants : 11", items=items)
    assert [r["numero"] for r in rows][:10] == [str(k) for k in range(1, 11)]


# --- the body ---------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, body", [
    ("Expéditeur : Communauté de communes Centre des Coteaux de la Brêche", "Communauté de communes Centre des Coteaux de la Brêche"),
    ("Collectivité émettrice : HÔTEL DE VILLE DE CROIX-ASPÈZES-EN-BOCAGE", "CROIX-ASPÈZES-EN-BOCAGE"),
    ("Nom de la collectivité : Commune associée de Port-Jarsonnay", "Port-Jarsonnay"),
    ("SMIRTOM DE LA PLAINE D'ORMESSAC / Délibérations / 11.12.2008", "SMIRTOM DE LA PLAINE D'ORMESSAC"),
    ("SIVOS DU GRAND BOCAGE · Service des assemblées", "SIVOS DU GRAND BOCAGE"),
    ("Assemblée départementale du Bas-Aurèle", "Assemblée départementale du Bas-Aurèle"),
])
def test_the_body_after_a_label_or_before_a_running_header(heading, body):
    own = bodies.before_organ(bodies.after_republique(heading))
    m = lexicon.first("collectivite", fold(own).strip())
    assert m and bodies.collectivite(own[m.start("name"):m.end("name")]) == body


def test_the_mayor_of_the_locality_names_no_body():
    """"Maire de la localité": the town said by a common noun (before, "localité" was the body)."""
    for text in ("sous la présidence de Mme X, Maire de la localité,", "M. Y, Maire de la municipalité,"):
        assert not lexicon.first("collectivite", fold(text))


def test_a_list_stops_at_a_roll_call_line():
    units = [Unit(clean(t), None, i) for i, t in enumerate(["Présents : M. Jean BRUN ; Mme Anne ROUX",
                                                            "Mme Awa NAVARRO ........ excusée"])]
    found, end = members.read_list(units, 0, members.list_label(units[0].text))
    assert end == 1 and [m.doubt for m in found] == [None, None]


# --- the ninth round's second part: the fifth hand's planted proxies and false errors -----------

@pytest.mark.parametrize("lines, expected", [
    (["Membres empêchés ayant donné pouvoir :", "Aristide CHARBONNIER (mandataire : Marthe ROCHER)"],
     [("Aristide CHARBONNIER", "Marthe ROCHER")]),
    # "pouvoir de X à Y" a line, bullets alone between (a "Marie-Annick" hyphen is no label's dash)
    (["Excusé(e)s avec procuration :", "pouvoir de Madame Christiane Chauveau à Monsieur Honoré Rousset",
      "pouvoir de Madame Marie-Annick Cochet à Madame Rolande Chapuis"],
     [("Christiane Chauveau", "Honoré Rousset"), ("Marie-Annick Cochet", "Rolande Chapuis")]),
    (["Absents ayant donné mandat :", "procuration de BELLET à LEVASSEUR", "Absents sans excuse ni pouvoir :",
      "Mme HÉRAULT"], [("BELLET", "LEVASSEUR")]),
])
def test_proxies_of_the_fifth_hand(lines, expected):
    assert read_list(*lines) == expected


@pytest.mark.parametrize("line", ["Absents non excusés : Néant (0)", "Était (étaient) absent(s) : N/A",
                                  "A.N.E. : Zéro"])
def test_lists_that_name_no_one(tmp_path, line):
    """Before, "Néant", "N/A" and "Zéro" were members (and "A.N.E. : Zéro" a proxy of "A.N.E")."""
    people = attendance(tmp_path, "Présents : M. Jean BRUN ; Mme Anne ROUX", line)
    assert set(people) == {"Jean BRUN", "Anne ROUX"}


def test_presents_who_answered_the_roll_call_a_name_a_line_spaced_out(tmp_path):
    """"Ont répondu à l'appel :" opens the présents; a name in title case after a blank line
    ("Mmes Marie-Jeanne Le Neindre" / "" / "Aline Lemoigne") goes on with the list."""
    people = attendance(tmp_path, "Ont répondu à l'appel :", "M. Kylian Carpentier", "",
                        "Mmes Marie-Jeanne Le Neindre", "", "Aline Lemoigne", "", "M. Luc Robineau")
    assert [n for n, (s, _) in people.items() if s == "present"] == [
        "Kylian Carpentier", "Marie-Jeanne Le Neindre", "Aline Lemoigne", "Luc Robineau"]


def test_a_holder_listed_absent_is_an_error_even_beside_a_short_list(tmp_path):
    """Rolande Chapuis holds a proxy and is listed among the absents in so many words: an error,
    though the présents' list holds fewer names than its count (before, a notice)."""
    _, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 1 – Votants : 13",
                          "Présents : M. Jean BRUN ; Mme Anne ROUX",
                          "Excusés avec procuration : Madame Marie-Annick Cochet à Madame Rolande Chapuis",
                          "Absents non excusés : Madame Rolande Chapuis",
                          items=[("1. Tarifs de la cantine", UNANIMITY)])
    assert "proxy.holder_present" in errors(findings)


@pytest.mark.parametrize("line, expected", [
    ("Ne votent pas : 1", {"non_votants": 1}),
    ("Ne prend (prennent) pas part au vote : 2", {"non_votants": 2}),
    ("Pouvoirs reçus ·········· 0  Votants ce jour ·········· 26", {"pouvoirs": 0, "votants": 26}),
    ("les votes s’établissent ainsi : 11 membres\npresents ; 17 membres votants – 7 absences.", None),
])
def test_counts_of_the_fifth_hand(line, expected):
    lines = line.split("\n")
    got = read_counts(*lines)
    assert got == (expected or {"presents": 11, "votants": 17})


def test_a_non_voter_named_after_the_decisions_is_the_items(tmp_path):
    """"N'a pas pris part au vote : Laurine Léger (1)" under the item's decisions: 23 + 0 + 0 of
    24 votants, one not voting (before, a false votes.breakdown error)."""
    rows, findings = sitting(tmp_path, "Présents : 24 – Votants : 24",
                             items=[("1. Motion de soutien", "Pour : 23 – Contre : 0 – Abstentions : 0\n"
                                     "N'a pas pris part au vote : Laurine Léger (1)"), ("2. Budget annexe", UNANIMITY)])
    assert rows[0]["non_votants"] == 1 and "votes.breakdown" not in errors(findings)


def test_a_proposal_that_is_therefore_not_adopted(tmp_path):
    rows, _ = sitting(tmp_path, "Présents : 39 – Votants : 39", items=[(
        "1. Motion", "La proposition ne recueille que 3 voix pour (33 contre, 3 abstentions) et n’est donc pas adoptée.")])
    assert rows[0]["resultat"] == "rejete"


# --- guards: what the round's review found over-read (each a false error or a wrong item) ------

BOX = "Membres en exercice : 11 – Présents : 9 – Pouvoirs : 1 – Votants : 10"
NINE = ("Présents : M. Paul DURAND, Mme Anne MARTIN, M. Jean PETIT, Mme Claire ROUX, M. Luc BLANC, "
        "Mme Sophie NOIR, M. Marc VERT, Mme Julie GRIS, M. Henri BRUN")
TWO_ITEMS = [("1. Tarifs de la cantine", UNANIMITY), ("2. Budget annexe", UNANIMITY)]


@pytest.mark.parametrize("line", [
    "Absent : M. Pierre FAURE – Pouvoir : Mme Marie LEROY à M. Jean PETIT",  # a list of proxies after a dash
    "Absents excusés : M. Pierre FAURE / Procuration : Mme Marie LEROY à M. Jean PETIT",
])
def test_guard_a_list_of_proxies_after_a_dash_is_no_entrys_remark(tmp_path, line):
    _, findings = sitting(tmp_path, BOX, NINE, line, items=TWO_ITEMS)
    assert not errors(findings)


def test_guard_two_givers_on_one_line_are_no_pair(tmp_path):
    """"Représentés : Mme Marie LEROY M. Pierre FAURE": two givers, no holder named."""
    _, findings = sitting(tmp_path, BOX.replace("11", "12").replace("Pouvoirs : 1 – Votants : 10", "Pouvoirs : 2 – "
                                                                                                    "Votants : 11"),
                          NINE, "Représentés : Mme Marie LEROY M. Pierre FAURE", items=TWO_ITEMS)
    assert not errors(findings)


def test_guard_a_delegation_of_functions_is_no_proxy(tmp_path):
    items = [TWO_ITEMS[0], ("2. Information sur les délégations de fonctions aux adjoints",
                            "M. Jean PETIT – délégation au Personnel Communal\n"
                            "Mme Claire ROUX – délégation au Développement Durable\n"
                            "Le Conseil municipal prend acte de ces délégations.")]
    _, findings = sitting(tmp_path, BOX, NINE, "Pouvoirs : Mme Marie LEROY à M. Jean PETIT", items=items)
    assert not errors(findings)


@pytest.mark.parametrize("said", [
    "Monsieur le Maire rappelle que le PLUi n'est toujours pas approuvé.",
    "La convention, qui n'a donc pas été acceptée par le prestataire, est résiliée.",
])
def test_guard_a_clause_saying_not_approved_is_no_result(tmp_path, said):
    rows, findings = sitting(tmp_path, BOX, items=[("1. Plan local d'urbanisme", said + "\nPour : 10 – Contre : 0 – "
                                                                                       "Abstention : 0")])
    assert rows[0]["resultat"] == "adopte" and not errors(findings)


def test_guard_a_month_and_year_is_no_act_number(tmp_path):
    """"06/2024 – consultation des entreprises" in a calendar under an extract's heading."""
    rows, _ = sitting(tmp_path, BOX, items=[("Délibération n° 2024-015", "Le calendrier prévisionnel est le suivant :\n"
                                             "06/2024 – consultation des entreprises\n" + UNANIMITY)])
    assert [(r["numero"], r["resultat"]) for r in rows] == [("2024-015", "adopte")]


def test_guard_a_title_after_a_blank_line_is_no_present(tmp_path):
    people = attendance(tmp_path, "Présents :", "M. Paul DURAND", "Mme Anne MARTIN", "", "Approbation du Procès-Verbal",
                        "Le procès-verbal de la séance du 6 février est approuvé à l'unanimité.")
    assert set(people) == {"Paul DURAND", "Anne MARTIN"}
