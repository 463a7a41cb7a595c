"""Phrasings of the eleventh round (2026-12-03), found on material never looked at before:
eighty council texts of two new hands (tests/data/second_hand/dev 601–680: forty clerks each
writing their own way, forty consistent documents that tempt a careless checker beside
planted ones). Families: counts abbreviated ("Nb de conseillers", "Pouv."), "14 délégués sur
22", the legal headcount beside the members in office, "Nombre de suffrages"; the council's
own decision sentence over a vote it quotes; weighted votes; lists grouped by commune; titles
in ordinary case between blank lines; a relevé drawn with pipes; a recap of the sitting's acts."""
from __future__ import annotations

import pytest

from pipeline.stages import process
from tests.test_phrasings import OPENING, UNANIMITY, errors, sitting
from tests.test_phrasings_third import read_counts, read_list


def box(tmp_path, *lines: str) -> tuple:
    rows, _ = sitting(tmp_path, *lines, items=[("1. Tarifs", UNANIMITY)])
    return tuple(rows[0][c] for c in ("membres_en_exercice", "presents", "pouvoirs", "votants"))


def document(tmp_path, text: str) -> tuple[list[dict], list[dict]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    rows = process(path).rows
    return rows.get("deliberations", []), rows.get("findings", [])


# --- counts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    (["Nb de conseillers : 27 | Prés. : 22 | Pouv. : 3 | Vot. : 25"],
     {"membres_en_exercice": 27, "presents": 22, "pouvoirs": 3, "votants": 25}),
    (["Présents : 14 délégués sur 22 – Pouvoirs : 3 – Votants : 17"],
     {"presents": 14, "membres_en_exercice": 22, "pouvoirs": 3, "votants": 17}),
    (["(11 présents sur 15, 2 pouvoirs)"], {"presents": 11, "membres_en_exercice": 15, "pouvoirs": 2}),
    (["Nombre de membres qui ont pris part à la délibération : 10"], {"votants": 10}),
    (["Nombre de membres afférents au conseil : 15", "Présents : 12"], {"membres_en_exercice": 15, "presents": 12}),
])
def test_count_labels_of_an_eleventh_hand(lines, expected):
    assert read_counts(*lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Nombre de conseillers présents : 12"], {"presents": 12}),  # a qualified label keeps its column
    (["Présents : 12 sur 10"], {"presents": 12}),  # fewer in office than present: no count of them
    (["Pour : 12 sur 15 votants"], {"pour": 12, "votants": 15}),  # "sur" after a vote side is the votants'
    (["Nombre de suffrages exprimés : 14"], {}),  # the votes cast, not the members voting
    # the review's over-readings: a commission's size, a ballot's suffrages, "sur" other things
    (["Nombre de délégués : 2"], {}),
    (["Nombre de délégués : 28 en exercice - 22 présents - 3 pouvoirs - 25 votants"],  # each value before its label
     {"membres_en_exercice": 28, "presents": 22, "pouvoirs": 3, "votants": 25}),
    (["Nombre de conseillers : 6", "Présents : 5"], {"presents": 5}),
    (["Nombre de suffrages : 12"], {}),  # in a ballot, the ballots less the blank ones
    (["Présents : 12 sur 45 voix"], {"presents": 12}),
    (["Présents : 17 délégués sur 20 communes membres"], {"presents": 17}),
    (["Présents : 11 sur 11 membres restants"], {"presents": 11}),
    (["Lot 1 – Proc. : 3 offres reçues"], {}),
])
def test_count_labels_that_stay_what_they_were(lines, expected):
    assert read_counts(*lines) == expected


def test_members_in_office_beside_the_legal_headcount(tmp_path):
    """Two seats vacant: the quorum counts the 21 in office (the 23 of the law gave a false
    "quorum non atteint" for 11 présents)."""
    lines = ["Nombre de conseillers : Effectif légal : 23 - En exercice : 21 - Présents : 11",
             "Pouvoirs : 4 - Votants : 15"]
    assert box(tmp_path, *lines) == (21, 11, 4, 15)
    assert "quorum.reached" not in errors(sitting(tmp_path, *lines, items=[("1. Tarifs", UNANIMITY)])[1])


def test_a_labelled_count_wins_over_a_number_in_a_sentence(tmp_path):
    assert box(tmp_path, "Chaque conseiller peut être porteur de deux pouvoirs.",
               "En exercice : 23   Présents : 16   Pouvoirs : 4   Votants : 20") == (23, 16, 4, 20)


# --- votes -----------------------------------------------------------------------------------

QUOTED = ("La modification sera soumise aux conseils municipaux. Le conseil municipal de Monsireigne s'est\n"
          "d'ores et déjà prononcé favorablement le 4 novembre, par 13 voix pour et 2 contre.\n"
          "Le Conseil municipal approuve la modification des statuts par 22 voix pour et\n"
          "2 abstentions.")


def test_the_councils_decision_wins_over_a_vote_it_quotes(tmp_path):
    rows, findings = sitting(tmp_path, "Présents : 21 – Pouvoirs : 3 – Votants : 24",
                             items=[("1. Statuts", QUOTED), ("2. Voirie", UNANIMITY)])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"]) == (22, None, 2)
    assert "votes.breakdown" not in errors(findings)


def test_a_vote_another_body_took_is_read_last(tmp_path):
    """"Le conseil communautaire a approuvé la modification le 12 juillet par 38 voix pour et 5
    contre" reports another vote; "Vote : 18 voix pour" is the item's. Told in the past tense
    with no other vote, the sentence is the item's own (guard)."""
    reported = ("Le conseil communautaire a approuvé la modification le 12 juillet 2016\n"
                "par 38 voix pour et 5 contre ; les communes disposent de trois mois.\nVote : 18 voix pour.")
    rows, _ = sitting(tmp_path, "Présents : 16 – Pouvoirs : 2 – Votants : 18", items=[("1. Statuts", reported)])
    assert (rows[0]["pour"], rows[0]["contre"]) == (18, None)
    rows, _ = sitting(tmp_path, "Présents : 15 – Pouvoirs : 2 – Votants : 17",
                      items=[("1. Statuts", "Le Conseil municipal a approuvé par 15 voix pour et 2 contre.")])
    assert (rows[0]["pour"], rows[0]["contre"]) == (15, 2)


def test_a_vote_dated_inside_the_decision_is_anothers(tmp_path):
    """The review's case: "Vote : 13 voix pour, 1 voix contre." then "Le Conseil municipal approuve
    le rapport de la CLECT, adopté le 12 mai par 25 voix pour, 2 contre et 3 abstentions."."""
    vote = ("Vote : 13 voix pour, 1 voix contre, 0 abstention.\nLe Conseil municipal approuve le rapport de la CLECT,"
            " adopté le 12 mai par 25 voix pour, 2 contre et 3 abstentions.")
    rows, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14", items=[("1. CLECT", vote)])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"]) == (13, 1, 0)
    assert "votes.breakdown" not in errors(findings)


def test_a_decision_completed_by_the_lines_after_it(tmp_path):
    vote = ("Le Conseil municipal approuve le compte administratif par 11 voix pour.\n"
            "2 voix contre : M. Paul DURAND, Mme Sophie LEROY. 1 abstention : M. Luc MOREAU.")
    rows, _ = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14", items=[("1. CA", vote)])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["abstentions"]) == (11, 2, 1)


def test_a_vote_cut_after_et_stays_with_its_item(tmp_path):
    """"… par 22 voix pour et" / "2 abstentions." / "M. X rejoint la séance …": the second line
    is the vote's, not a line heading the next item."""
    vote = "Le Conseil municipal approuve par 22 voix pour et\n2 abstentions.\nM. Raymond BOSSARD rejoint la séance à 20 h 55."
    rows, _ = sitting(tmp_path, "Présents : 21 – Pouvoirs : 3 – Votants : 24",
                      items=[("1. Statuts", vote), ("2. Voirie", "Vote : 20 voix pour, 3 voix contre, 2 abstentions.")])
    assert (rows[0]["pour"], rows[0]["abstentions"]) == (22, 2)


WEIGHTED_BOX = ("Délégués en exercice : 18 (50 voix)", "Présents : 12 (34 voix)", "Pouvoirs : 2 (7 voix)",
                "Votants : 14 (41 voix)")


def test_a_weighted_vote_is_no_count_of_members(tmp_path):
    """A syndicat's delegates hold several votes each: 36 + 5 + 0 = 41 votes, for 14 votants."""
    rows, findings = sitting(tmp_path, *WEIGHTED_BOX,
                             items=[("1. Prix de l'eau", "Vote (en voix pondérées) : Pour : 36 – Contre : 5 – Abstention : 0")])
    assert (rows[0]["pour"], rows[0]["contre"], rows[0]["votants"]) == (36, 5, 14)
    assert "votes.breakdown" not in errors(findings)
    assert "votes.breakdown" in {f["check_id"] for f in findings}  # a notice: "à vérifier"
    _, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                          items=[("1. Prix de l'eau", "Vote : Pour : 36 – Contre : 5 – Abstention : 0")])
    assert "votes.breakdown" in errors(findings)  # not weighted: an error
    _, findings = sitting(tmp_path, "Présents : 12 – Pouvoirs : 2 – Votants : 14",
                          items=[("1. Tarifs", "Le tarif suit la moyenne pondérée des consommations.\n"
                                               "Vote : Pour : 12 – Contre : 2 – Abstention : 1")])
    assert "votes.breakdown" in errors(findings)  # a weighted average is no weighted vote


def test_weights_beside_the_counts_record_no_decision(tmp_path):
    """"Présents : 12 (34 voix)" in an extract's box: no vote, so no block of its own before
    the opening sentence (the extract gave two deliberations)."""
    text = ("SYNDICAT MIXTE DES EAUX DU THOUET\nDELIBERATION DU COMITE SYNDICAL\nN° 2021-18\nSéance du 24 juin 2021\n"
            + "\n".join(WEIGHTED_BOX) + "\n"
            "L'an deux mille vingt et un, le vingt-quatre juin à dix-huit heures, le Comité syndical, dûment\n"
            "convoqué, s'est réuni sous la présidence de M. Jean-Claude MORNET, Président.\n"
            "Chaque délégué dispose d'un nombre de voix déterminé par les volumes achetés par le membre qu'il représente :\n"
            "Membre Délégués Voix par délégué\nCA du Bocage Thouarsais 6 4\nCC Airvault-Gâtine 4 3\n"
            "OBJET : PRIX DE VENTE DE L'EAU EN GROS\nLe Comité syndical, après en avoir délibéré, adopte à l'unanimité.\n")
    rows, findings = document(tmp_path, text)
    assert [r["numero"] for r in rows] == ["2021-18"]
    assert not [f for f in findings if f["check_id"].startswith("proxy.")]  # "qu'il représente :" lists no proxy


# --- lists -----------------------------------------------------------------------------------

def test_a_list_grouped_by_member_commune():
    assert read_list("Étaient présents :", "Vallon-la-Gée : M. Jean-Pierre LEGEAY, Mme Maryse BOUTTIER",
                     "Saint-Ouen-des-Bois : Mme Chantal POTTIER, M. Rémy GOUSSET") == [
        ("Jean-Pierre LEGEAY", None), ("Maryse BOUTTIER", None), ("Chantal POTTIER", None), ("Rémy GOUSSET", None)]
    assert read_list("Délégués titulaires présents :", " [CC Arnon-Boischaut] Jean-Michel POTIER, Laurence BRUNET",
                     " [CC du Pays de Châteaumeillant] Francis ROBLET") == [
        ("Jean-Michel POTIER", None), ("Laurence BRUNET", None), ("Francis ROBLET", None)]


def test_a_running_header_of_many_dashes_inside_a_list():
    assert read_list("Étaient présents : M. Daniel GOHIER, Mme Brigitte CHESNEL, M. Pierre",
                     "Commune de Pouancé-les-Forges – Séance du 2 juillet 2015 – Délibération n° 2015-052 – 1/2",
                     "PELTIER, Mme Jocelyne RIBOT.") == [
        ("Daniel GOHIER", None), ("Brigitte CHESNEL", None), ("Pierre PELTIER", None), ("Jocelyne RIBOT", None)]


def test_a_name_with_a_colon_in_a_list_of_proxies_is_kept():
    """Groups are set aside in lists of members, never in a list of proxies ("X : pouvoir à Y")."""
    assert read_list("Pouvoirs : Mme Sylvie ROBERT : pouvoir à M. Yves BERTHO") == [("Sylvie ROBERT", "Yves BERTHO")]


# --- headings --------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second, numbers", [
    ("— Délibération 2017-54 : Approbation du rapport de la CLECT", "— Délibération 2017-55 : Tarifs 2018",
     ["2017-54", "2017-55"]),
    ("1 – 2021-030 – Approbation du compte de gestion 2020", "2 – 2021-031 – Vote des taux d'imposition 2021",
     ["2021-030", "2021-031"]),
])
def test_item_headings_of_an_eleventh_hand(tmp_path, first, second, numbers):
    rows, _ = sitting(tmp_path, items=[(first, UNANIMITY), (second, UNANIMITY)])
    assert [r["numero"] for r in rows] == numbers


def test_dashed_lines_inside_an_item_are_no_headings(tmp_path):
    """"– DIA n° 2021-12 : parcelle AB 45", "– 2031-12 : frais d'études" (an en dash before a code
    inside the item) head nothing; "1 – 2021/22 : tarifs" is a school year, no act number."""
    body = "Le Maire rend compte des décisions :\n– DIA n° 2021-12 : parcelle AB 45\n– 2031-12 : frais d'études, + 5 000 €\n"
    rows, _ = sitting(tmp_path, items=[("1. Urbanisme", body + UNANIMITY), ("2. Voirie", UNANIMITY)])
    assert [r["numero"] for r in rows] == ["1", "2"]
    rows, _ = sitting(tmp_path, items=[("1 – 2021/22 : tarifs de la cantine scolaire", UNANIMITY),
                                       ("2 – 2022-23 : calendrier scolaire", UNANIMITY)])
    assert [r["numero"] for r in rows] == ["1", "2"]


PLAIN = (OPENING + "Présents : MM. BOUVIER, CHAMBON, ROUX, FABRE, MALIGE, ARNAL.\n\n"
         "Lecture est faite du compte rendu de la réunion du 19 mai, qui est approuvé.\n\n"
         "Travaux de l'église – choix de l'entreprise\n\n"
         "Trois devis ont été reçus. Le conseil retient la SARL Lauzes et Charpentes.\nVote : 6 pour.\n\n"
         "Location du logement communal\n\n"
         "Le loyer est fixé à 320 € par mois.\nAccord à l'unanimité.\n\n"
         "Questions diverses\n\n"
         "Le fauchage sera fait la semaine du 17 juillet.\n")


def test_titles_in_ordinary_case_between_blank_lines(tmp_path):
    rows, _ = document(tmp_path, PLAIN)
    assert [(r["objet"], r["pour"], r["unanimite"]) for r in rows] == [
        ("Travaux de l'église – choix de l'entreprise", 6, None), ("Location du logement communal", None, True)]
    assert {str(r["session_date"]) for r in rows} == {"2024-03-12"}


def test_one_line_between_blank_lines_is_no_item_heading(tmp_path):
    """An extract: the line above its decision stands alone, but one such title is no list of items."""
    text = (OPENING + "Présents : MM. BOUVIER, CHAMBON, ROUX.\n\nObjet : Tarifs de la cantine\n\n"
            "Le Maire expose le projet.\n\nLe Conseil Municipal\n\nAdopte les tarifs à l'unanimité.\n")
    rows, _ = document(tmp_path, text)
    assert [r["objet"] for r in rows] == ["Tarifs de la cantine"]


RELEVE = """Communauté d'agglomération Val de Loire-Nivernais
BUREAU COMMUNAUTAIRE – RELEVÉ DES DÉCISIONS
Séance du jeudi 14 octobre 2021
Membres du Bureau en exercice : 19
Présents : 13 – Pouvoirs : 2 – Votants : 15
--------------------------------------------------------------------------------
N°          | Objet                                               | Décision
--------------------------------------------------------------------------------
B2021-061   | Développement économique – Subvention de 5 000 €    | Adoptée à
            | à l'association Initiative Nièvre-Loire             | l'unanimité
B2021-062   | Déchets – Marché de collecte des ordures ménagères  | Adoptée
            | (lot 1) – Avenant n° 2 (+ 3,8 %)                    | Pour : 14
            |                                                     | Contre : 0
            |                                                     | Abst. : 1
B2021-063   | Sports – Convention de mise à disposition du        | Adoptée à
            | gymnase communautaire                               | l'unanimité
--------------------------------------------------------------------------------
"""


def test_a_releve_drawn_with_pipes(tmp_path):
    """Cells wrapped over several lines, each act a row: before, the whole relevé was one
    deliberation titled "RELEVÉ DES DÉCISIONS"."""
    rows, _ = document(tmp_path, RELEVE)
    assert [r["numero"] for r in rows] == ["B2021-061", "B2021-062", "B2021-063"]
    assert rows[1]["objet"] == "Déchets – Marché de collecte des ordures ménagères (lot 1) – Avenant n° 2 (+ 3,8 %)"
    assert (rows[1]["pour"], rows[1]["contre"], rows[1]["abstentions"]) == (14, 0, 1)


def test_a_recap_of_the_acts_is_no_second_row_of_each(tmp_path):
    recap = ("RECAPITULATIF DES DELIBERATIONS DE LA SEANCE\nN°\tObjet\tPour\tContre\tAbst.\n"
             "2009-031\tAffectation du résultat 2008\t18\t0\t0\n2009-032\tAménagement du bourg\t15\t3\t0\n")
    rows, _ = sitting(tmp_path, items=[("2°) Délibération 2009-031 : AFFECTATION DU RESULTAT 2008", UNANIMITY),
                                       ("3°) Délibération 2009-032 : AMENAGEMENT DU BOURG", "Pour : 15 Contre : 3 Abstention : 0\n"
                                        + recap)])
    assert [r["numero"] for r in rows] == ["2009-031", "2009-032"]


@pytest.mark.parametrize("title, date", [
    ("REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL - SEANCE DU 30 JUIN 2011", "2011-06-30"),
    ("Conseil municipal – Procès-verbal de la séance du jeudi 8 avril 2021", "2021-04-08"),
])
def test_session_titles_of_an_eleventh_hand(tmp_path, title, date):
    text = f"COMMUNE DE VAYRAC\n{title}\nPrésents : 11 – Pouvoirs : 4 – Votants : 15\n1. Tarifs\n{UNANIMITY}\n"
    rows, _ = document(tmp_path, text)
    assert str(rows[0]["session_date"]) == date


# --- the last reads of the round ---------------------------------------------------------------

def test_a_count_labels_word_cut_by_a_hyphen():
    assert read_counts("Conseillers : 33 en exercice | 26 pré-", "sents | 6 représentés | 32 votants") == \
        {"membres_en_exercice": 33, "presents": 26, "pouvoirs": 6, "votants": 32}


@pytest.mark.parametrize("line, numero", [
    ("Séance du 14 février 2013                               Délibération n° 2013/07", "2013/07"),
    ("Séance du 14 décembre 2023 – Délibération n° CC-2023-187", "CC-2023-187"),
    ("DELlBERATION N° CP-14-04-37", "CP-14-04-37"),  # OCR's small l for a capital I
])
def test_an_extracts_act_number_beside_its_date(tmp_path, line, numero):
    text = (f"COMMUNE DE VAYRAC\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n{line}\n"
            "Présents : 11 – Pouvoirs : 4 – Votants : 15\nObjet : Tarifs de la cantine\n"
            "Vu la délibération n° 2012-45 du 3 mars 2012,\nLe Conseil municipal adopte les tarifs à l'unanimité.\n")
    rows, _ = document(tmp_path, text)
    assert [r["numero"] for r in rows] == [numero]


def test_a_recital_gives_no_act_number(tmp_path):
    text = ("COMMUNE DE VAYRAC\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 14 février 2013\n"
            "Présents : 11 – Pouvoirs : 4 – Votants : 15\nObjet : Tarifs de la cantine\n"
            "Vu la délibération n° 2012-45\nLe Conseil municipal adopte les tarifs à l'unanimité.\n")
    rows, _ = document(tmp_path, text)
    assert [r["numero"] for r in rows] == [None]
