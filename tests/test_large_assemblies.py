"""Large assemblies and what a careful checker must not call an error (fourteenth round,
2026-12-04): métropoles, régions, départements and syndicats of 45 to 140 members (texts of the
fourteenth round's second hand, tests/data/second_hand/dev 761–800), and the phrasings behind the
false errors and unseen inconsistencies of the generator's dev seeds beyond those the benchmark
scores (lines written here after them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import member_entry, members, opening, sitting, votes
from extractors.normalise import parse_date
from extractors.stream import Unit
from pipeline.loaders import text as text_loader
from pipeline.loaders.text_grid import regrid
from pipeline.stages import process
from schemas import Document, Span
from tests.test_long_minutes import write

SECOND_HAND = Path(__file__).parent / "data" / "second_hand" / "dev"


def rows_of(name: str) -> dict:
    result = process(SECOND_HAND / name)
    assert result.ok, result.error
    return result.rows


def errors(rows: dict) -> list[str]:
    return sorted(f["check_id"] for f in rows["findings"] if f["severity"] == "error")


def unit(text: str) -> Unit:
    return Unit(text, Span(1, 1, None, text), 0)


BODY = ("\n1 – Tarifs de la cantine\nLe conseil municipal, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n")


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, day", [
    ("Le trente et un mai deux mille vingt cinq", "2025-05-31"),  # read 1 May before: "un" taken alone
    ("le vingt-deux mai deux mille quinze", "2015-05-22"),
    ("le vingt deux mai 2015", "2015-05-22"),
    ("le trente-et-un mai 2015", "2015-05-31"),
    ("le deux mai 2015", "2015-05-02"),
    ("le premier mai 2015", "2015-05-01"),
])
def test_days_in_words_ending_in_un_or_deux(said, day):
    assert str(parse_date(opening.day_words(said))) == day


@pytest.mark.parametrize("title", [
    "PROCÈS-VERBAL DES DÉLIBÉRATIONS DE LA SÉANCE DU MERCREDI 21 AVRIL 2021",
    "Date : mercredi 21 avril 2021 – Heure : 9 h 15",
    "Assemblée plénière du mercredi 21 avril 2021",
    "CONSEIL D'AGGLOMÉRATION DU MERCREDI 21 AVRIL 2021",
])
def test_session_titles(tmp_path, title):
    rows = write(tmp_path, f"COMMUNE DE SAINT-JULIEN\n{title}\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n" + BODY)
    assert str(rows["deliberations"][0]["session_date"]) == "2021-04-21"


def test_opening_after_the_convocation_sent():
    """"À la suite de la convocation adressée le vendredi 13 avril 2018, le conseil communautaire …
    s'est réuni … le mercredi 18 avril 2018": the sitting's date, not the convocation's."""
    r = sitting.Reading()
    text = ("À la suite de la convocation adressée le vendredi 13 avril 2018, le conseil communautaire de cet EPCI "
            "s'est réuni en séance extraordinaire à la salle du conseil le mercredi 18 avril 2018 à 18H00, sous la "
            "présidence de Madame DOUCET, Présidente.")
    assert opening.is_opening([unit(text)], 0)
    opening.read_opening_text(r, text, Span(1, 1, None, text))
    assert str(r.value("session_date")) == "2018-04-18" and str(r.value("convocation_date")) == "2018-04-13"


# --- page furniture and lists ---------------------------------------------------------------------

def test_a_running_header_atop_each_page_is_set_aside():
    """"Conseil communautaire · 17.12.2012 · Communauté d'agglomération …" opening pages 2 and 3,
    mid-list: furniture, not a line of the body that ends the list of présents."""
    header = "Conseil communautaire · 17.12.2012 · Communauté d'agglomération Est"
    doc = text_loader.load_lines(Document("x", "x", "x", "text"),
                                 f"Présents :\nM. Aimé AUBIN\n\f{header}\nMme Léonie BOILEAU\n\f{header}\nVotants : 2\n")
    assert [x.text for x in doc.furniture] == [header, header]
    assert [x.text for x in doc.items] == ["Présents :", "M. Aimé AUBIN", "Mme Léonie BOILEAU", "Votants : 2"]


def test_a_line_opening_one_page_only_stays():
    doc = text_loader.load_lines(Document("x", "x", "x", "text"), "Présents :\nM. Aimé AUBIN\n\fMme Léonie BOILEAU\n")
    assert not doc.furniture and len(doc.items) == 3


def test_a_closing_sentence_after_a_dash_is_no_name():
    """"Adrienne VOISIN – La majorité des membres en exercice est présente.": the last présent."""
    found = members.read_list([unit("Ont répondu à l'appel :"), unit("MM. Lilian BARRE"), unit("Adrienne VOISIN – "
                               "La majorité des membres en exercice est présente.")], 0,
                              members.list_label("Ont répondu à l'appel :") or members.list_label("Présents :"))[0]
    assert [m.name for m in found] == ["Lilian BARRE", "Adrienne VOISIN"]


@pytest.mark.parametrize("label, kind", [("Membres absents non excusés :", "absent_unexcused"),
                                         ("Non présents :", "absent"), ("Membres non présents :", "absent"),
                                         ("Étai(en)t excusé(s) et représenté(s) :", "proxies")])
def test_list_labels(label, kind):
    assert members.list_label(label).kind == kind


def test_proxies_from_giver_to_holder_a_line(tmp_path):
    """"de Mme Isaure Blin vers Mme Véra Planche" a line, "–" between, under "Étai(en)t excusé(s) et
    représenté(s) :"; Véra Planche, the holder, listed excused: a proxy its holder cannot use."""
    rows = write(tmp_path, "COMMUNE DE X\nSéance du 12 mars 2013\nLes membres présents sont :\nM. Célestin Barre\n–\n"
                           "Mme Marie-Jeanne Papin\n–\nM. Igor Martineau\nÉtai(en)t excusé(s) et représenté(s) :\n"
                           "de Mme Isaure Blin vers Mme Véra Planche\n–\n"
                           "de M. Jean-Bernard Charbonnier vers Mme Marie-Jeanne Papin\n–\n"
                           "de Mme Rosine Voisin vers M. Igor Martineau\nÉtai(en)t excusé(s) :\nMme Véra Planche\n" + BODY)
    assert sorted((p["giver"], p["holder"]) for p in rows["proxies"]) == [
        ("Isaure Blin", "Véra Planche"), ("Jean-Bernard Charbonnier", "Marie-Jeanne Papin"),
        ("Rosine Voisin", "Igor Martineau")]
    assert "proxy.holder_present" in errors(rows)


def test_a_proxy_sentence_with_the_absence_between_commas():
    m = members.proxy_sentence("Mme BIGOT Yveline, absente, a donné pouvoir à M. GAY Alfred", 0)
    assert (m.name, m.holder) == ("BIGOT Yveline", "GAY Alfred")


def test_how_the_proxy_was_given_after_its_holder():
    m = member_entry.read("Mme LANGLAIS (représentée par Mme CHAMPION, pouvoir écrit)",
                          members.ListLabel("absent_excused", True, 0), 0)
    assert (m.name, m.holder, m.doubt) == ("LANGLAIS", "CHAMPION", None)


def test_mandant_and_mandataire_a_line():
    """799: "Mandant : ADAM Muriel – Mandataire : MALET Mohamed", eleven lines: eleven proxies (one,
    "Mandant : ADAM Muriel" to "MALET Mohamed Mandant", before), and no false proxy_count error."""
    rows = rows_of("799.txt")
    proxies = [(p["giver"], p["holder"]) for p in rows["proxies"] if p["seq"] == 1]
    assert len(proxies) == 11 and proxies[0] == ("ADAM Muriel", "MALET Mohamed")
    assert proxies[-1] == ("WINTERHALTER Jordi", "ROUGIER Yvette")
    assert errors(rows) == []


# --- a list of proxies printed empty --------------------------------------------------------------

def test_proxies_said_none_against_a_count_of_one(tmp_path):
    """"Pouvoir(s) donné(s) : Néant (0)" beside "Représentés par un autre membre = 1": zero listed."""
    rows = write(tmp_path, "COMMUNE DE X\nSéance du 27 octobre 2018\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n"
                           "Pouvoir(s) donné(s) : Néant (0)\nMembres en exercice : 3 – Présents : 2 – Représentés : 1 – "
                           "Votants : 3\n" + BODY)
    d = rows["deliberations"][0]
    assert (d["pouvoirs"], d["pouvoirs_neant"]) == (1, True)
    assert "attendance.proxy_count" in errors(rows)


def test_proxies_said_none_and_none_counted(tmp_path):
    rows = write(tmp_path, "COMMUNE DE X\nSéance du 27 octobre 2018\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n"
                           "Pouvoirs : néant\nMembres en exercice : 2 – Présents : 2 – Pouvoirs : 0 – Votants : 2\n" + BODY)
    assert rows["deliberations"][0]["pouvoirs_neant"] is True and errors(rows) == []


def test_no_list_of_proxies_leaves_the_column_null(tmp_path):
    rows = write(tmp_path, "COMMUNE DE X\nSéance du 27 octobre 2018\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n" + BODY)
    assert rows["deliberations"][0]["pouvoirs_neant"] is None


# --- counts -------------------------------------------------------------------------------------

def test_a_count_box_of_words_under_its_labels():
    """Labels over values, the values in words: "dix-sept   dix-sept   un   dix-huit"."""
    lines = list(enumerate([
        "Effectif de l’organe délibérant    Membres présents en séance    Ayant donné procuration    Suffrages (présents et pouvoirs)",
        "            dix-sept                        dix-sept                        un                          dix-huit",
        "Date de la convocation : Mardi 13 Avril 2021"]))
    out = [line for _, line in regrid(lines)]
    assert out[1].split("\t") == ["dix-sept", "dix-sept", "un", "dix-huit"]


@pytest.mark.parametrize("said, counts", [
    ("Vote : 34 P / 16 C / 9 A", (34, 16, 9)),
    ("Adopté à la majorité de 46 voix contre 8 et 5 abstentions.", (46, 8, 5)),
])
def test_vote_phrasings(said, counts):
    vote = votes.read([unit("Le conseil, après en avoir délibéré, APPROUVE la proposition."), unit(said)])
    assert (vote.value("pour"), vote.value("contre"), vote.value("abstentions")) == counts


def test_the_secretary_designated_unanimously_is_no_vote(tmp_path):
    """"Secrétaire de séance : Blanche Pineau, désignée à l'unanimité" above the item's vote
    "28 pour, 5 contre, 5 abstentions": read as unanimous with contre 0 before (a false error)."""
    rows = write(tmp_path, "COMMUNE DE X\nSéance du 10 août 2011\nSecrétaire de séance : Blanche Pineau, désignée à "
                           "l'unanimité\nN/Réf. : 2011-79\nSujet de la délibération : Entente intercommunale\n"
                           "Le Conseil municipal, après en avoir délibéré,\n"
                           "Résultat du vote à main levée : 28 pour, 5 contre, 5 abstentions.\n"
                           "○ APPROUVE la constitution d'une entente intercommunale.\n")
    d = rows["deliberations"][0]
    assert (d["pour"], d["contre"], d["abstentions"], d["unanimite"]) == (28, 5, 5, False)
    assert errors(rows) == []


@pytest.mark.parametrize("said, n", [
    ("Ne prennent pas part au vote : M. Gwenaël BONET, Mme Carole HADDAD et Mme Armelle SYLLA, administrateurs "
     "de Gironde Habitat.", 3),
])
def test_non_voters_listed_with_who_they_are(said, n):
    assert votes._listed_non_voters(said) == n


def test_non_voters_named_after_a_long_preamble():
    said = ("En application de l'article L. 1524-5 du code général des collectivités territoriales, Mme Françoise "
            "DUCHÊNE, Mme Malika COMBES, M. Jean-Michel SIMON et Mme Gwenaëlle MAZET, administrateurs de la société "
            "publique locale d'aménagement, ne prennent pas part au vote.")
    assert votes._named_non_voters(said) == 4


@pytest.mark.parametrize("name", ["764.txt", "768.txt", "783.txt"])
def test_large_assemblies_consistent_get_no_error(name):
    """764 and 783: administrators of a company not voting (59 of 62, 69 of 73); 768: a syndicat's
    weighted votes ("Pour : 615 voix" for 43 délégués), no count to compare with the voters."""
    assert errors(rows_of(name)) == []


def test_weighted_votes_said_in_the_sitting_box():
    """768: "Voix représentées : 675 sur 760" in the box above the items, "Pour : 615 voix" under
    each: the votes are weighted, their total against the 43 votants is only to verify."""
    rows = rows_of("768.txt")
    found = [(f["severity"], f["expected"], f["actual"]) for f in rows["findings"] if f["check_id"] == "votes.breakdown"]
    assert found == [("notice", "43", "675"), ("notice", "43", "675")]
    assert votes.weighted([unit("Chaque délégué dispose d'un nombre de voix fixé par les statuts")])


# --- items ------------------------------------------------------------------------------------

def test_decisions_under_delegation_then_the_next_item(tmp_path):
    """"N° 2014-3 : …" / "N° 2014-4 : …" (the president's decisions) right above "78/2014 – Vente
    …": a listing of two, then the next deliberation, its vote its own."""
    text = ("COMMUNAUTÉ D'AGGLOMÉRATION SUD\nSéance du 10 mars 2014\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n\n"
            "77/2014 – Approbation du document unique\nSur proposition de l'exécutif et après en avoir délibéré,\n"
            "59 voix pour – unanimité\no APPROUVE le document unique.\n"
            "Décisions prises en application de l'article L. 2122-22 du CGCT\n"
            "N° 2014-3 : conclusion d'un contrat d'entretien pour 560 000 € HT.\n"
            "N° 2014-4 : délivrance d'une concession funéraire.\n"
            "78/2014 – Vente de matériel technique réformé\nAprès en avoir délibéré, à main levée,\n"
            "○ DÉCIDE de céder le matériel technique réformé.\n52 voix pour ; 0 voix contre ; 7 abstentions.\n\n"
            "79/2014 – Forfait mobilités durables\nLe conseil, à l'unanimité, ADOPTE le forfait.\n")
    rows = write(tmp_path, text)
    assert [d["numero"] for d in rows["deliberations"]] == ["77/2014", "78/2014", "79/2014"]
    assert (rows["deliberations"][0]["abstentions"], rows["deliberations"][1]["abstentions"]) == (0, 7)


def test_items_numbered_like_months(tmp_path):
    """"01/2018 – Désignation …", "02/2018 – …", each with its decision: act numbers; one such line
    alone is a date in a calendar (tests/test_phrasings_ninth.py)."""
    items = "".join(f"\n0{i}/2018 – Objet numéro {i}\nLe conseil, après en avoir délibéré, à l'unanimité, APPROUVE.\n"
                    for i in (1, 2, 3))
    rows = write(tmp_path, "COMMUNAUTÉ DE COMMUNES X\nSéance du 6 janvier 2018\nPrésents : M. Jean DUPONT\n" + items)
    assert [d["numero"] for d in rows["deliberations"]] == ["01/2018", "02/2018", "03/2018"]


@pytest.mark.parametrize("name, first", [("765.txt", "24_DFB_SBUDG_03"), ("793.txt", "CP-2024-04-08-01"),
                                         ("781.txt", "2024-12-16-CM-01"), ("789.txt", "2025_02_CP_014")])
def test_act_numbers_of_large_assemblies(name, first):
    """A region's "Bordereau 24_DFB_SBUDG_03 – …", "Affaire n° 1 – CP-2024-04-08-01" (cut at "-08"
    before), "Délibération 2024-12-16-CM-01", "■ Délibération n° 2025_02_CP_014" (a square bullet)."""
    assert rows_of(name)["deliberations"][0]["numero"] == first


def test_the_president_named_apart_from_the_list():
    """765: "Présidence : M. DENIS Thomas", 63 names under "Étaient présents", "Présents : 64": not an
    error; the role "le" / "Président quitte la salle" (its article on the line above) is no member."""
    rows = rows_of("765.txt")
    assert not [f for f in rows["findings"] if f["check_id"] == "attendance.present_count" and f["severity"] == "error"]
    assert "Président" not in {r["name"] for r in rows["attendance"]}
    assert errors(rows) == []


def test_a_move_under_the_vote_with_the_rooms_new_counts_holds_on(tmp_path):
    # generated dev5 5000578: "pendant l'examen de cette question" printed under the item's vote,
    # with the counts of the room after it, which the next items' votes add up to
    rows = write(tmp_path, "COMMUNE DE SAINT-JULIEN\nSéance du conseil municipal du 2 mai 2013\n"
                 "Membres en exercice : 23 – Présents : 23 – Votants : 23\n"
                 "Délibération n° 8 – Acceptation d'un legs\nLe Conseil municipal, après en avoir délibéré,\n"
                 "Ont voté pour : 17 ; ont voté contre : 5 ; se sont abstenus : 1\n▪ ACCEPTE le legs.\n"
                 "Baudouin Maillet quitte la séance pendant l'examen de cette question (22\n"
                 "membres présents ; 22 membres votants).\n"
                 "Délibération n° 9 – Fonds de concours\nAprès en avoir délibéré,\n○ ATTRIBUE un fonds de concours.\n"
                 "Décompte des voix : 22 pour, 0 contre, 0 abstention\n")
    got = [(d["numero"], d["presents"], d["votants"], d["pour"]) for d in rows["deliberations"]]
    assert got == [("8", 23, 23, 17), ("9", 22, 22, 22)]
    assert errors(rows) == []


def test_proxies_a_line_each_giver_dash_holder(tmp_path):
    # generated dev4 4000212: "X – pouvoir : Y" lines under "Excusés ayant délégué leur vote :",
    # a dash standing for "none" and a count label with its value on a later line
    rows = write(tmp_path, "COMMUNE DE PETIT-CORMOLAIN\nSéance du jeudi 27 mars 2008\n"
                 "Présents : M. A. BOUVARD, M. J.-M. CAMARA, Mme É. MANGIN\nExcusés ayant délégué leur vote :\n"
                 "Y. DELCROIX – pouvoir : É. MANGIN\nP. LACHAUD – pouvoir : É. MANGIN\n"
                 "Absents sans justification : ---\nNbre présents :\n3\n"
                 "Objet : Bail commercial\nLe conseil municipal, à l'unanimité, APPROUVE le bail.\n")
    assert [(p["giver"], p["holder"]) for p in rows["proxies"]] == [("Y. DELCROIX", "É. MANGIN"), ("P. LACHAUD", "É. MANGIN")]
    assert sorted(a["name"] for a in rows["attendance"] if a["status"] == "absent") == ["P. LACHAUD", "Y. DELCROIX"]
    assert errors(rows) == ["proxy.one_per_holder"]


def test_a_written_proxy_in_brackets():
    # generated dev4 4000225
    assert members.parse_entry("Monsieur Élie NAVARRO (pouvoir écrit à Madame Gwendoline SCHOTT)").holder == "Gwendoline SCHOTT"


@pytest.mark.parametrize("vote, pour, contre", [
    ("La Commission Permanente, après en avoir débattu,\nAPPROUVE le projet.\n"
     "Résultat : adoption à la majorité – 13 voix favorables, 15 défavorables, 1 abstention.", 13, 15),  # dev4 4000204
    ("Le Conseil Municipal, par 4 voix pour, 6 voix contre et 0 abstention, décide :\n"
     "✓ DÉCIDE de louer le droit de chasse.", 4, 6),  # dev4 4000213
])
def test_adopted_with_more_against_than_for_is_an_error(tmp_path, vote, pour, contre):
    rows = write(tmp_path, "COMMUNE DE SAINT-JULIEN\nSéance du conseil municipal du 2 mai 2013\n"
                 "Délibération n° 8 – Location de la chasse\nVu le code général des collectivités territoriales ;\n"
                 + vote + "\n")
    d = rows["deliberations"][0]
    assert (d["pour"], d["contre"], d["resultat"]) == (pour, contre, "adopte")
    assert errors(rows) == ["votes.result_consistent"]


def test_a_decision_not_to_do_beaten_in_the_vote_is_no_error(tmp_path):
    rows = write(tmp_path, "COMMUNE DE SAINT-JULIEN\nSéance du conseil municipal du 2 mai 2013\n"
                 "Délibération n° 8 – Location de la chasse\n"
                 "Le Conseil Municipal, par 4 voix pour, 6 voix contre et 0 abstention, décide :\n"
                 "– de ne pas louer le droit de chasse.\n")
    assert errors(rows) == []


def test_a_proxies_label_with_nothing_under_it_lists_none(tmp_path):
    # generated dev5 5000270: "Pouvoir(s) donné(s) :" alone, the next list's label right under it
    text = ("SYNDICAT DES EAUX DES BORDS DE VÈZE\nDate de la réunion : Mardi 26 mai 2015\n"
            "Présents : Mme Jeanne-Marie HUARD, M. Paul DURAND, Mme Anne MARTIN\n"
            "Pouvoir(s) donné(s) :\nExcusés et non représentés : Madame Gwladys CARPENTIER\n"
            "Présents : 3 – Pouvoirs : {} – Votants : {}\n"
            "№ 2015-037\nAffaire : Convention foncière\nLe Comité syndical, après en avoir délibéré, "
            "à l'unanimité, APPROUVE la convention.\n")
    rows = write(tmp_path, text.format(1, 4))
    assert rows["deliberations"][0]["pouvoirs_neant"] is True
    assert errors(rows) == ["attendance.proxy_count"]
    assert errors(write(tmp_path, text.format(0, 3))) == []
