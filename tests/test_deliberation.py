"""The deliberation extractor on the Hautes Terres seed (text and PDF) and on small inline texts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import counts, deliberation, names, votes
from extractors.decisions import verb_of
from pipeline.loaders import load, new_document
from pipeline.loaders.text import load_text
from schemas import columns
from schemas.text import find_person, same_person

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SECOND_HAND = Path(__file__).resolve().parent / "data" / "second_hand" / "dev"
SEED_TEXT = SAMPLES / "000_947d8fbb682aad0d.txt"
SEED_PDF = SAMPLES / "hautes-terres-deliberation-2024.pdf"


@pytest.fixture(scope="module", params=["text", "pdf"])
def seed(request):
    path = SEED_TEXT if request.param == "text" else SEED_PDF
    return deliberation.extract(load(path))


def inline(text: str):
    """A Document read from `text` by the text loader, then through the extractor."""
    raw = text.encode("utf-8")
    return deliberation.extract(load_text(new_document(Path("inline.txt"), raw), raw))


def by_name(doc, table="attendance"):
    return {r["name"]: r for r in doc.records[table]}


# --- the seed ---------------------------------------------------------------------

def test_one_deliberation_block(seed):
    assert len(seed.records["deliberations"]) == 1
    assert [b.kind for b in seed.blocks] == ["deliberation"]
    assert seed.errors == []


def test_columns_are_the_contract(seed):
    for table in ("deliberations", "attendance", "proxies", "decisions"):
        for row in seed.records[table]:
            assert set(row) - {"_prov", "_how"} == set(columns(table)), table


def test_sitting(seed):
    d = seed.records["deliberations"][0]
    assert d["seq"] == 1
    assert d["session_date"] == dt.date(2024, 4, 11)
    assert d["session_time"] == "20:00"
    assert d["lieu"] == "MURAT"
    assert d["president"] == "Didier ACHALME"
    assert d["collectivite"] == "Hautes Terres Communauté"
    assert d["organe"] == "Conseil communautaire"
    assert d["convocation_date"] == dt.date(2024, 4, 4)
    assert d["secretaire"] == "Djuwan ARMANDET"
    assert d["objet"].startswith("Validation de l'annexe opérationnelle et financière à la convention d'objectifs")
    assert d["objet"].endswith("pour l'exercice 2024")


def test_counts(seed):
    d = seed.records["deliberations"][0]
    expected = dict(membres_en_exercice=57, presents=29, absents=28, pouvoirs=12, votants=41,
                    pour=41, contre=0, abstentions=0, non_votants=0)
    assert {k: d[k] for k in expected} == expected
    # "Après en avoir délibéré, DÉCIDE :" records the decision: adopted; no word of unanimity
    assert d["unanimite"] is None and d["resultat"] == "adopte" and d["sans_quorum"] is False
    assert d["_how"]["resultat"] == ("decision", False) and d["_how"]["votants"] == ("label_value", False)


def test_pages(seed):
    d = seed.records["deliberations"][0]
    assert (d["page_start"], d["page_end"]) == ((1, 1) if seed.source_kind == "text" else (1, 2))


def test_stamp(seed):
    d = seed.records["deliberations"][0]
    if seed.source_kind == "pdf":
        assert d["acte_id"] == "015-200066637-20240411-2024CC052-DE"
        assert (d["siren"], d["numero"]) == ("200066637", "2024CC052")
        assert "ID : 015-200066637" in d["_prov"]["acte_id"].text
    else:  # the text extraction has no stamp
        assert d["acte_id"] is d["siren"] is d["numero"] is None


def test_provenance(seed):
    d = seed.records["deliberations"][0]
    for column in ("session_date", "president", "convocation_date", "secretaire", "objet",
                   "membres_en_exercice", "presents", "pouvoirs", "votants", "pour", "contre",
                   "abstentions", "non_votants"):
        assert column in d["_prov"], column
    assert d["_prov"]["votants"].text.startswith("Présents : 29")
    assert d["_prov"]["secretaire"].text == "Secrétaire de séance : Djuwan ARMANDET"
    for table, column in (("attendance", "name"), ("proxies", "giver"), ("decisions", "text")):
        assert all(column in r["_prov"] for r in seed.records[table])


def test_attendance(seed):
    rows = seed.records["attendance"]
    present = [r for r in rows if r["status"] == "present"]
    absent = [r for r in rows if r["status"] == "absent"]
    assert (len(present), len(absent)) == (29, 28)
    assert all(r["excused"] is True for r in absent)
    assert sum(1 for r in absent if r["proxy_holder"]) == 12
    people = by_name(seed)
    assert people["Gilles AMAT"]["proxy_holder"] == "Denis DELPIROU"
    assert people["Jean Louis VERDIER"]["proxy_holder"] == "Philippe ROSSEEL"
    assert people["David GENEIX"]["proxy_holder"] is None
    assert people["Emmanuel FURNAL"]["status"] == "present"
    assert people["Emmanuel FURNAL"]["substitute_for"] == "Thierry MATHIEU"
    assert "Emmanuelle LAMBERT-DELHOMME" in people and "Eric VIALA" in people
    assert all(r["page"] == 1 for r in rows)


def test_proxies(seed):
    rows = seed.records["proxies"]
    assert len(rows) == 12
    holders = {r["giver"]: r["holder"] for r in rows}
    assert holders["Gilles AMAT"] == "Denis DELPIROU"
    assert holders["Jean Louis VERDIER"] == "Philippe ROSSEEL"
    assert holders["Ghyslaine PRADEL"] == "Colette PONCHET-PASSEMARD"
    assert holders["Roland VERNET"] == "Marie-Claire TUFFERY"


def test_decisions(seed):
    rows = seed.records["decisions"]
    assert [r["verb"] for r in rows] == ["APPROUVER", "PRÉCISER", "PRÉCISER", "VALIDER",
                                         "PRÉCISER", "ADRESSER"]
    assert [r["item"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r["amount_eur"] for r in rows] == [310000.0, None, None, None, None, None]
    assert rows[0]["text"].startswith("D'APPROUVER le versement d'une dotation")
    assert rows[0]["text"].endswith("310 000 € ;")
    assert rows[5]["text"].endswith("Gestion Comptable de Saint-Flour.")
    assert {r["page"] for r in rows} == ({1} if seed.source_kind == "text" else {2})


def test_pdf_matches_text():
    """Same rows from both forms of the seed, provenance and stamp fields aside."""
    def rows(doc, table, drop=("_prov", "_how", "doc_id", "acte_id", "siren", "numero", "page", "page_end")):
        return [{k: v for k, v in r.items() if k not in drop} for r in doc.records[table]]

    text, pdf = deliberation.extract(load(SEED_TEXT)), deliberation.extract(load(SEED_PDF))
    for table in ("deliberations", "attendance", "proxies", "decisions"):
        assert rows(text, table) == rows(pdf, table), table


def test_no_deliberation_in_other_documents():
    doc = deliberation.extract(load(SAMPLES / "003_323ff29db9cff2b0.txt"))
    assert doc.blocks == [] and doc.records == {}
    doc = inline("Le comité de pilotage s'est réuni le 3 mars 2023 à Murat.\nPour : 3\n")
    assert doc.blocks == [] and doc.records == {}


# --- other layouts, inline ----------------------------------------------------------

MUNICIPAL = """\
DÉLIBÉRATION N° 2023-45
L'an deux mille vingt-trois, le douze décembre à dix-huit heures trente, le Conseil municipal de la commune de Saint-Flour, dûment convoqué le 5 décembre 2023, s'est réuni à la salle polyvalente, sous la présidence de Mme Claire DUPONT, Maire de Saint-Flour.
Le quorum n'ayant pas été atteint le 1er décembre, le Conseil délibère valablement sans condition de quorum.
Conseillers en exercice : 19 / Présents : 12 / Procurations : 3 / Votants : 15
Présents : M. Jean MARTIN, Mme Sophie BERNARD ; MM. Paul DURAND et Luc PETIT
Absents : Mme Anne ROUX (pouvoir à M. Jean MARTIN), M. Marc BLANC a donné pouvoir à Mme Sophie BERNARD, Mme Julie NOIR représentée par M. Paul DURAND, M. Yves GRIS
M. Paul DURAND a été désigné secrétaire de séance.
Objet : Vente d'un terrain communal
Après en avoir délibéré, le Conseil municipal, par 12 voix pour, 2 voix contre et 1 abstention, DÉCIDE :
- D'AUTORISER Madame le Maire à signer l'acte de vente au prix de 25 000 euros ;
- DE CHARGER Madame le Maire de l'exécution de la présente délibération.
ADOPTÉ
Envoyé en préfecture le 20/12/2023 - ID : 015-211501876-20231212-2023_45-DE
DÉLIBÉRATION N° 2023-46
L'an deux mille vingt-trois, le douze décembre à dix-huit heures trente, le Conseil municipal s'est réuni à la mairie.
Membres en exercice : 19 - Présents : 12 - Pouvoirs : 3 - Votants : 15
Objet : Tarifs communaux 2024
Après en avoir délibéré, à l'unanimité, DÉCIDE :
- de fixer les tarifs comme suit.
La présente délibération peut faire l'objet d'un recours devant le tribunal administratif.
Annexe : grille des tarifs
"""


@pytest.fixture(scope="module")
def municipal():
    return inline(MUNICIPAL)


def test_two_deliberations(municipal):
    rows = municipal.records["deliberations"]
    assert [r["seq"] for r in rows] == [1, 2]
    assert [r["numero"] for r in rows] == ["2023-45", "2023-46"]
    assert [(b.start, b.end) for b in municipal.blocks] == [(0, 13), (13, 20)]


def test_municipal_sitting(municipal):
    d = municipal.records["deliberations"][0]
    assert d["session_date"] == dt.date(2023, 12, 12) and d["session_time"] == "18:30"
    assert d["convocation_date"] == dt.date(2023, 12, 5)
    assert (d["organe"], d["lieu"]) == ("Conseil municipal", "la salle polyvalente")
    assert (d["president"], d["collectivite"]) == ("Claire DUPONT", "Saint-Flour")
    assert d["secretaire"] == "Paul DURAND"
    assert d["sans_quorum"] is True
    assert d["acte_id"] == "015-211501876-20231212-2023_45-DE" and d["siren"] == "211501876"


def test_an_unread_stamp_is_not_filled_from_the_only_readable_one():
    """A scan of two deliberations: the first page's stamp read, the second's not
    (``ID : [?]``). The second must not take the first's id."""
    first, second = MUNICIPAL.split("DÉLIBÉRATION N° 2023-46")
    first = first.replace("Envoyé en préfecture le 20/12/2023 - ID : 015-211501876-20231212-2023_45-DE\n", "")
    text = ("Envoyé en préfecture le 20/12/2023 - ID : 015-211501876-20231212-2023_45-DE\n" + first
            + "\fDÉLIBÉRATION N° 2023-46" + second + "Envoyé en préfecture le 20/12/2023 - ID : [?]\n")
    rows = inline(text).records["deliberations"]
    assert [r["acte_id"] for r in rows] == ["015-211501876-20231212-2023_45-DE", None]
    readable = inline(text.replace("ID : [?]", "reçu en préfecture"))
    assert [r["acte_id"] for r in readable.records["deliberations"]] == ["015-211501876-20231212-2023_45-DE"] * 2


def test_counts_separated_by_slashes_and_vote_prose(municipal):
    d = municipal.records["deliberations"][0]
    assert (d["membres_en_exercice"], d["presents"], d["pouvoirs"], d["votants"]) == (19, 12, 3, 15)
    assert (d["pour"], d["contre"], d["abstentions"]) == (12, 2, 1)
    assert d["resultat"] == "adopte"
    assert d["unanimite"] is False and d["_how"]["unanimite"] == ("split_vote", True)  # derived
    assert d["absents"] == 4 and d["_how"]["absents"] == ("absents_listed", True)  # as listed, derived


def test_unanimity_fills_votes(municipal):
    d = municipal.records["deliberations"][1]
    assert d["unanimite"] is True
    assert (d["votants"], d["pour"], d["contre"], d["abstentions"]) == (15, 15, 0, 0)
    assert {c: d["_how"][c] for c in ("pour", "contre", "abstentions")} == {  # derived from unanimity
        c: ("unanimity", True) for c in ("pour", "contre", "abstentions")}
    assert d["resultat"] == "adopte" and d["sans_quorum"] is False


def test_civilities_and_proxy_phrases(municipal):
    people = {r["name"]: r for r in municipal.records["attendance"] if r["seq"] == 1}
    assert sorted(n for n, r in people.items() if r["status"] == "present") == [
        "Jean MARTIN", "Luc PETIT", "Paul DURAND", "Sophie BERNARD"]
    assert {n: r["proxy_holder"] for n, r in people.items() if r["status"] == "absent"} == {
        "Anne ROUX": "Jean MARTIN", "Marc BLANC": "Sophie BERNARD", "Julie NOIR": "Paul DURAND",
        "Yves GRIS": None}
    assert all(r["excused"] is None for r in people.values())  # "Absents", not "excusés"
    assert len([p for p in municipal.records["proxies"] if p["seq"] == 1]) == 3


def test_inline_decisions(municipal):
    rows = municipal.records["decisions"]
    assert [(r["seq"], r["item"], r["verb"]) for r in rows] == [
        (1, 1, "AUTORISER"), (1, 2, "CHARGER"), (2, 1, "FIXER")]
    assert rows[0]["amount_eur"] == 25000.0


def test_wrapped_lists_continue_until_next_label():
    doc = inline("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n"
                 "Étaient présents :\nDidier ACHALME, Djuwan\nARMANDET, Emmanuelle LAMBERT-\n"
                 "DELHOMME\nÉtaient absents excusés :\nGilles AMAT\nPouvoirs :\n"
                 "Gilles AMAT pouvoir à Didier\nACHALME\nObjet : Essai\n")
    people = by_name(doc)
    assert list(people) == ["Didier ACHALME", "Djuwan ARMANDET", "Emmanuelle LAMBERT-DELHOMME",
                            "Gilles AMAT"]
    assert people["Djuwan ARMANDET"]["_prov"]["name"].line == 3
    assert people["Emmanuelle LAMBERT-DELHOMME"]["_prov"]["name"].line == 4
    assert people["Gilles AMAT"]["proxy_holder"] == "Didier ACHALME"
    assert doc.records["deliberations"][0]["objet"] == "Essai"


# --- units -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Monsieur Didier ACHALME", "Didier ACHALME"),
    ("Mme Claire ANDRIEUX-JANNETTA", "Claire ANDRIEUX-JANNETTA"),
    ("MM. Paul DURAND", "Paul DURAND"),
    ("Mlle Anne ROUX", "Anne ROUX"),
    ("Madame Josette TOUZET", "Josette TOUZET"),
    ("Mr MRABET", "MRABET"),
])
def test_clean_name(text, expected):
    assert names.clean_name(text) == expected


def test_proxy_entries():
    entry = names.parse_entry("M. Luc LESCURE a donné procuration à Mme Marie-Laure TIBLE")
    assert (entry.name, entry.holder) == ("Luc LESCURE", "Marie-Laure TIBLE")
    assert names.parse_entry("Félix ROCHE (arrivé à 20h30)").name == "Félix ROCHE"


def test_tolerant_name_matching():
    """One definition of "the same person" for the extractors and the checks (schemas.text)."""
    assert same_person("Jean-Louis Verdier", "Jean Louis VERDIER")
    assert same_person("MAJOREL Danièle", "Mme Danièle MAJOREL")  # word order and civility
    assert not same_person("Karine BATIFOULIER", "Vivien BATIFOULIER")
    assert find_person("Jean Louis VERDIÉ", ["Gilles AMAT", "Jean Louis VERDIER"]) == 1
    assert find_person("Gilles AMAT", ["Denis DELPIROU"]) is None


@pytest.mark.parametrize("text, expected", [
    ("Présents : 29 – Pouvoirs : 12 – Votants : 41", {"presents": 29, "pouvoirs": 12, "votants": 41}),
    ("Nombre de conseillers en exercice : 23", {"membres_en_exercice": 23}),
    ("Abstention(s) : 0", {"abstentions": 0}),
    ("Contre : zéro", {"contre": 0}),
    ("Ne prennent pas part au vote : 1", {"non_votants": 1}),
    ("Pour copie conforme", {}),
])
def test_count_lines(text, expected):
    read = counts.read([unit(text)])
    assert {c.column: c.value for c in read} == expected


def test_vote_prose_in_words():
    vote = votes.read([unit("par dix-huit voix pour, trois voix contre et deux abstentions")])
    assert {c: vote.value(c) for c in ("pour", "contre", "abstentions")} == {"pour": 18, "contre": 3, "abstentions": 2}
    assert vote.facts["pour"].method == "vote_prose"


def unit(text: str):
    from extractors.stream import Unit
    from schemas import Span

    return Unit(text, Span(1, 1), 0)


@pytest.mark.parametrize("text, expected", [
    ("D'APPROUVER le versement", "APPROUVER"), ("DE PRÉCISER QUE le versement", "PRÉCISER"),
    ("d’autoriser le Président", "AUTORISER"), ("APPROUVE le budget", "APPROUVE"),
    ("le versement se fera", None),
])
def test_verbs(text, expected):
    assert verb_of(text) == expected


# --- members leaving, lists across page furniture, near names (generated-document phrasings) ---

MINUTES = """COMMUNE DE SORBIERS
Séance du 25 novembre 2016
Membres en exercice : 19 - Présents : 17 - Votants : 18
Présents :
M. Paul DURAND
Mme Agnès MEUNIER
Page 1 sur 4
Conseil municipal du 25/11/2016
M. Luc PETIT
Mme Cédric MAILLARD
M. Cédric GAILLARD
1. ACQUISITION DE LA PARCELLE C 835
Le Conseil municipal DÉCIDE d'acquérir la parcelle.
Adoptée à l'unanimité.
Mme MEUNIER Agnès quitte la séance à 22 h 40 (16 présents, 17 votants).
2. FIXATION DU PRIX DES LOTS
Le Conseil municipal DÉCIDE de fixer le prix.
Vote : 16 pour, 0 contre, 1 abstention
3. INFORMATIONS DIVERSES
Départ de M. L. PETIT avant le vote du point suivant (présents : 15 – votants
: 16).
4. TARIFS DE LA SALLE
Le Conseil municipal DÉCIDE des tarifs.
Adoptée à l'unanimité.
"""


def test_a_move_under_a_vote_holds_from_the_next_item_with_its_counts():
    """"Mme MEUNIER Agnès quitte la séance à 22 h 40 (16 présents, 17 votants)" under item 1's
    vote: item 1 keeps the header's counts, item 2 takes the move's; a departure printed in an
    item with no decision (3. Informations diverses) holds for item 4."""
    doc = inline(MINUTES)
    rows = {r["numero"]: r for r in doc.records["deliberations"]}
    assert [(n, rows[n]["presents"], rows[n]["votants"]) for n in ("1", "2", "4")] == \
        [("1", 17, 18), ("2", 16, 17), ("4", 15, 16)]
    status = {(a["seq"], a["name"]): a["status"] for a in doc.records["attendance"]}
    seq = {r["numero"]: r["seq"] for r in doc.records["deliberations"]}
    assert status[(seq["1"], "Agnès MEUNIER")] == "present" and status[(seq["2"], "Agnès MEUNIER")] == "absent"
    assert status[(seq["4"], "Luc PETIT")] == "absent"


def test_a_list_goes_on_over_a_page_number_and_a_running_header_and_keeps_near_names_apart():
    """"Page 1 sur 4" / "Conseil municipal du 25/11/2016" between two lines of the list; Cédric
    MAILLARD and Cédric GAILLARD, one letter apart in one list, are two people."""
    doc = inline(MINUTES)
    first = min(r["seq"] for r in doc.records["deliberations"])
    present = [a["name"] for a in doc.records["attendance"] if a["seq"] == first and a["status"] == "present"]
    assert present == ["Paul DURAND", "Agnès MEUNIER", "Luc PETIT", "Cédric MAILLARD", "Cédric GAILLARD"]


def test_a_surname_alone_is_matched_exactly():
    assert not same_person("LECLERC", "LECLERCQ") and not same_person("LEFÈVRE", "LEFEBVRE")
    assert same_person("Jean LECLERC", "Jean LECLERCQ")  # with a first name, a typo is tolerated
    assert find_person("LECLERCQ", ["LECLERC", "LECLERCQ"]) == 1


@pytest.mark.parametrize("text", [
    "Présents : 38 - Représcntés : 1",  # a count (its label misread by OCR), not a list of names
    "Présents : trente-huit",
])
def test_a_count_is_not_a_list(text):
    from extractors import members
    assert members.list_label(text) is None
    assert members.list_label("Présents : M. Paul DURAND, Mme Anne ROUX").kind == "present"


def test_an_entry_not_read_as_a_name_marks_its_list():
    """"RENARD Cédric ct BLANCHARD Gilles" (OCR's "et"): the names around it are kept, and
    their rows say the list may be incomplete (provenance method `list_partial`)."""
    doc = inline("Séance du 4 mai 2023\nPrésents : DURAND Marie ; PETIT Bruno ; RENARD Cédric ct BLANCHARD Gilles\n"
                 "Présents : 4\nObjet : Essai\nLe Conseil DÉCIDE d'approuver. Adopté à l'unanimité.\n")
    rows = doc.records["attendance"]
    assert [r["name"] for r in rows] == ["DURAND Marie", "PETIT Bruno"]
    assert {r["_how"]["name"][0] for r in rows} == {"list_partial"}


@pytest.mark.parametrize("text, expected", [
    ("Délégués votants\n       51", [("votants", 51)]),  # a bare label, its number alone below
    ("Séance du 25/04/2006 à 19h30\nNombre de membres afférents : 42", [("membres_en_exercice", 42)]),
    ("Présents : cinquante et\nun   Votants : cinquante-deux", [("presents", 51), ("votants", 52)]),
    ("Pour 1O\nContre 0", [("contre", 0)]),  # "1O": OCR's 10, no count of 1
    ("APPROUVE le plan pour un\nmontant de 444 500 €.", []),
])
def test_counts_across_lines(text, expected):
    found = counts.read([unit(t) for t in text.split("\n")])
    assert [(c.column, c.value) for c in found] == expected


# --- phrasings of a second hand (council texts written apart from the reader, dev side) -------

OUT_FOR_ONE_ITEM = """COMMUNE DE PLOUVÉNEC
COMPTE RENDU DU CONSEIL MUNICIPAL
Séance du lundi 27 novembre 2023

En exercice : 7 | Présents : 5 | Procurations : 1 | Votants : 6

Présidence : Yann LE GOFF, maire.
Présents : Yann LE GOFF, Gwenaëlle TANGUY, Erwan QUÉMÉNER, Annaïg LE BRIS, Alain LE DU.
Procurations : Ronan LE FLOCH à Yann LE GOFF.

1 – Budget annexe assainissement : admission en non-valeur
Décision : unanimité.

2 – Personnel : modification du tableau des emplois
Vote : 6 pour. Adopté.

3 – Cession d'une parcelle communale (ZB 112) à M. et Mme LE DU
M. Alain LE DU, conseiller municipal, directement intéressé, quitte la salle et ne prend pas part au vote (5 votants).
Vote : Pour 4 – Contre 0 – Abstentions 1.
M. LE DU rejoint la séance.

À 21 h 40, Mme Annaïg LE BRIS quitte la séance et donne pouvoir à M. Erwan QUÉMÉNER (présents : 4, procurations : 2, votants : 6).

4 – Motion de soutien au maintien du bureau de poste
Motion adoptée à l'unanimité.
"""


def test_minutes_where_a_member_steps_out_for_one_item():
    """"Décision : unanimité." records a decision; "Vote : 6 pour." is a count; "M. Alain LE DU,
    conseiller municipal, …, quitte la salle … (5 votants)" holds for item 3 only, since "M. LE
    DU rejoint la séance"; "À 21 h 40, Mme X quitte la séance et donne pouvoir à Y (…)" under
    item 3's vote holds from item 4; the counts of the opening, stale while someone is out, are
    marked `before_move`."""
    doc = inline(OUT_FOR_ONE_ITEM)
    rows = {r["numero"]: r for r in doc.records["deliberations"]}
    assert sorted(rows) == ["1", "2", "3", "4"]
    assert rows["1"]["president"] == "Yann LE GOFF" and rows["1"]["unanimite"] is True
    assert rows["2"]["pour"] == 6
    assert (rows["3"]["votants"], rows["3"]["non_votants"]) == (5, 1)
    assert rows["3"]["_how"]["presents"] == ("before_move", False)
    assert [rows["4"][c] for c in ("presents", "pouvoirs", "votants")] == [4, 2, 6]
    status = {(a["seq"], a["name"]): a["status"] for a in doc.records["attendance"]}
    assert status[(rows["3"]["seq"], "Alain LE DU")] == "absent"
    assert status[(rows["4"]["seq"], "Alain LE DU")] == "present"
    assert status[(rows["4"]["seq"], "Annaïg LE BRIS")] == "absent"


def test_minutes_with_a_member_out_give_no_error(tmp_path):
    from checks.rules import ERROR
    from pipeline.stages import process

    path = tmp_path / "plouvenec.txt"
    path.write_text(OUT_FOR_ONE_ITEM, encoding="utf-8")
    findings = process(path).rows["findings"]
    assert [f["check_id"] for f in findings if f["severity"] == ERROR] == []
    assert "attendance.present_count" in {f["check_id"] for f in findings}  # a notice: 4 listed against 5


@pytest.mark.parametrize("heading, number, title", [
    ("PREMIÈRE DÉLIBÉRATION – Demande de subvention", "1", "Demande de subvention"),
    ("2023-06-054 – Dénomination de voies nouvelles", "2023-06-054", "Dénomination de voies nouvelles"),
    ("DCM 2024-027 : Recrutement d'agents contractuels", "DCM 2024-027", "Recrutement d'agents contractuels"),
    ("DÉCISION DU BUREAU COMMUNAUTAIRE N° B2024-014", "B2024-014", None),
])
def test_headings_ordinals_and_year_numbers(heading, number, title):
    from extractors import segment
    found = segment._heading_at([unit(heading)], 0)
    assert [(h.number, h.title) for _, h in found][:1] == [(number, title)]


@pytest.mark.parametrize("line", [
    "2024-2025 – Tarifs de la cantine",  # a year range
    "2017.03.06-I APPROBATION DU COMPTE",  # a date, its item number misread by OCR
    "2023-045 du 12 juin 2023 portant création d'un poste",  # a recital's reference, wrapped
    "2024-03-15 séance du conseil",  # a date
    "loi 2019-1461 du 27 décembre 2019",  # a law
    "Décision du conseil du 12.03.2024",  # a dated title
])
def test_no_act_number(line):
    from extractors import segment
    assert [f for f, _ in segment._heading_at([unit(line)], 0)] in ([], ["caps"])


@pytest.mark.parametrize("text, expected", [
    ("Membres : En exercice 23 / Présents 19 / Représentés 3 / Votants 22",
     [("membres_en_exercice", 23), ("presents", 19), ("pouvoirs", 3), ("votants", 22)]),
    ("VOTE : Pour 16 | Contre 0 | Abstention 1 (Mme Valérie TOURNIER)", [("pour", 16), ("contre", 0), ("abstentions", 1)]),
    ("Membres du Bureau : 9 — Présents : 7", [("membres_en_exercice", 9), ("presents", 7)]),
])
def test_more_count_lines(text, expected):
    assert [(c.column, c.value) for c in counts.read([unit(text)])] == expected


def test_a_surname_alone_finds_its_member_but_not_a_longer_surname():
    assert find_person("LE DU", ["Annaïg LE BRIS", "Alain LE DU"]) == 1
    assert find_person("ROCHE", ["DE LA ROCHE"]) is None


def test_the_sitting_date_is_not_a_date_in_brackets_nor_missed_under_its_label():
    doc = inline("COMMUNAUTÉ DE COMMUNES VAL DE BRENNE\nRéunion du Bureau\n"
                 "Le Bureau communautaire, agissant par délégation du Conseil communautaire (délibération "
                 "n° 2020-087 du 16 juillet 2020), s'est réuni le 11 mars 2024 à 17 h 30 au siège.\n"
                 "Objet : Attribution du marché\nLe Bureau DÉCIDE d'attribuer le marché. Adopté à l'unanimité.\n")
    assert doc.records["deliberations"][0]["session_date"] == dt.date(2024, 3, 11)
    doc = inline("SIVOS DES TROIS CLOCHERS\nCOMITÉ SYNDICAL\nExtrait du registre des délibérations\n"
                 "Date de la séance : 31 août 2023\nPrésents : 5\n"
                 "2023-09 – Tarifs de la restauration scolaire\nLe Comité DÉCIDE des tarifs. Adopté à l'unanimité.\n")
    row = doc.records["deliberations"][0]
    assert (row["session_date"], row["collectivite"], row["numero"]) == \
        (dt.date(2023, 8, 31), "SIVOS DES TROIS CLOCHERS", "2023-09")


def test_a_count_box_one_cell_a_line():
    """"Nombre de membres en exercice" / "19" / "Présents" / "14" …: each number is its label's,
    not the next label's number before it."""
    text = "Nombre de membres en exercice\n19\nPrésents\n14\nReprésentés\n4\nAbsent\n1\nVotants\n18"
    assert [(c.column, c.value) for c in counts.read([unit(t) for t in text.split("\n")])] == \
        [("membres_en_exercice", 19), ("presents", 14), ("pouvoirs", 4), ("absents", 1), ("votants", 18)]


def test_a_substitute_in_brackets_is_one_entry():
    """"M. Nicolas BURTIN (suppléant de M. Patrick DUMAS)": the civility inside the bracket
    opens no entry of its own."""
    doc = inline("Séance du 20 mars 2024\nDélégués présents : M. Henri DESROCHES, M. Nicolas BURTIN\n"
                 "(suppléant de M. Patrick DUMAS), Mme Odile CORNELOUP (suppléante de Mme\nRaymonde GELIN).\n"
                 "Objet : Budget\nLe Comité DÉCIDE d'adopter le budget. Adopté à l'unanimité.\n")
    assert [(a["name"], a["substitute_for"]) for a in doc.records["attendance"]] == \
        [("Henri DESROCHES", None), ("Nicolas BURTIN", "Patrick DUMAS"), ("Odile CORNELOUP", "Raymonde GELIN")]


def test_an_item_of_minutes_takes_the_act_number_its_title_ends_with():
    doc = deliberation.extract(load(SECOND_HAND / "069.txt"))
    assert [r["numero"] for r in doc.records["deliberations"]] == ["1", "2024-41", "2024-42", "2024-43"]


def test_counts_printed_on_the_line_after_a_move_are_the_moves():
    """"À 21 h 50, M. Fabrice LAPORTE quitte la séance et donne pouvoir à M." / "Hervé NOUAILLE
    …" / "(Présents : 12 – Pouvoirs : 2 – Votants : 14)" under item 2: items 3 and 4 take them."""
    rows = deliberation.extract(load(SECOND_HAND / "069.txt")).records["deliberations"]
    assert [(r["presents"], r["pouvoirs"], r["votants"]) for r in rows] == [(13, 1, 14), (13, 1, 14), (12, 2, 14),
                                                                          (12, 2, 14)]


@pytest.mark.parametrize("sentence, count", [
    ("Après en avoir délibéré, M. le Maire n'ayant pas pris part au vote, approuve le compte", 1),
    ("MM. DURAND et LEROY ne prennent pas part au vote.", 2),
    ("Les élus intéressés ne prennent pas part au vote.", None),
])
def test_members_named_as_not_voting(sentence, count):
    assert votes._named_non_voters(sentence) == count


def test_vice_president_is_not_president():
    from extractors import sitting
    facts = sitting.read([unit("Vice-Président : M. Paul DURAND")], full=True).facts
    assert "president" not in facts
    assert sitting.read([unit("Présidente : Mme Sylvie DUBOC, Maire.")], full=True).facts["president"].value == \
        "Sylvie DUBOC"


def test_a_move_cut_over_two_lines_is_one_move(tmp_path):
    """"À 21 h 40," / "Mme Annaïg LE BRIS quitte la séance.": one departure, read once, so that
    the opening's counts are stale for the items after it (a notice, never an error)."""
    from checks.rules import ERROR
    from pipeline.stages import process

    text = OUT_FOR_ONE_ITEM.replace("À 21 h 40, Mme Annaïg LE BRIS quitte la séance et donne pouvoir à M. Erwan "
                                    "QUÉMÉNER (présents : 4, procurations : 2, votants : 6).",
                                    "À 21 h 40,\nMme Annaïg LE BRIS quitte la séance.")
    path = tmp_path / "moves.txt"
    path.write_text(text, encoding="utf-8")
    rows = process(path).rows
    last = max(rows["deliberations"], key=lambda r: r["seq"])
    status = {a["name"]: a["status"] for a in rows["attendance"] if a["seq"] == last["seq"]}
    assert status["Annaïg LE BRIS"] == "absent" and status["Alain LE DU"] == "present"
    assert [f["check_id"] for f in rows["findings"] if f["severity"] == ERROR] == []


def test_a_list_of_proxies_drawn_with_arrows():
    """"Pouvoirs :" / " M. Marc ABADIE → M. Émile DUCASSE" / " Mme Nicole BARBÉ → M. Émile DUCASSE" / …"""
    proxies = deliberation.extract(load(SECOND_HAND / "074.txt")).records["proxies"]
    assert [(p["giver"], p["holder"]) for p in proxies if p["seq"] == 1] == [
        ("Marc ABADIE", "Émile DUCASSE"), ("Nicole BARBÉ", "Émile DUCASSE"), ("Paul CAZAUX", "Hélène NOGARO")]


def test_a_member_listed_present_and_absent_keeps_both():
    """"Présents : … M. Thibault RENARD, …" and "Absents excusés : M. Thibault RENARD ; …"."""
    rows = deliberation.extract(load(SECOND_HAND / "040.txt")).records["attendance"]
    twice = [(r["name"], r["status"], r["also_listed"]) for r in rows if r["seq"] == 1 and r["also_listed"]]
    assert twice == [("Thibault RENARD", "present", "absent")]


def test_decision_headings_are_a_family_of_their_own():
    """"Décision n° 2020-4 : signature d'un devis": a bureau's item, or the mayor's decision
    under delegation reported in minutes; not an act heading."""
    from extractors import segment
    assert [f for f, _ in segment._heading_at([unit("Décision n° 2020-4 : signature d'un devis")], 0)] == ["decision"]


def test_a_bureaus_decisions_are_its_items():
    rows = deliberation.extract(load(SECOND_HAND / "079.txt")).records["deliberations"]
    assert [(r["numero"], r["pour"], r["abstentions"]) for r in rows] == [
        ("BS-2025-07", 9, 0), ("BS-2025-08", 8, 1), ("BS-2025-09", 9, 0)]


def test_decisions_under_delegation_do_not_cut_the_minutes():
    doc = inline("""COMPTE RENDU DU CONSEIL MUNICIPAL DU 12 MARS 2024
Présents : M. Jean MARTIN, Mme Anne PETIT, M. Paul DURAND, Mme Claire ROUX
Décisions prises par le Maire par délégation (article L2122-22 du CGCT) :
Décision n° 2024-05 : signature d'un devis de voirie
Décision n° 2024-06 : renouvellement d'une concession funéraire
1. Budget primitif 2024
Le conseil municipal, après en avoir délibéré, adopte le budget à l'unanimité.
2. Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, adopte les tarifs par 3 voix pour et 1 contre.
3. Subvention au comité des fêtes
Le conseil municipal, après en avoir délibéré, attribue la subvention à l'unanimité.
""")
    assert [r["numero"] for r in doc.records["deliberations"]] == ["1", "2", "3"]


# --- typed text the second round's rules must leave as it is (a fresh-eyes review) ----------

HEAD = """COMMUNE DE SAINT-MARTIN-DES-BOIS
L'an deux mille vingt-quatre, le vingt-huit mars à 20 heures, le Conseil municipal s'est réuni sous la présidence de Mme Sophie LAMBERT, Maire.
"""
ITEM = """
1. Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, adopte les tarifs à l'unanimité.
"""


def test_one_proxy_a_line_with_the_holders_surname_only():
    doc = inline(HEAD + "Présents : Mme Sophie LAMBERT, M. Jean DUPONT, Mme Claire MARTIN, M. Marc BLANC\n"
                 "Pouvoirs :\nAnne PETIT pouvoir à M. DUPONT\nPaul ROUX pouvoir à Mme MARTIN\n"
                 "Louis MOREL pouvoir à M. BLANC\n" + ITEM)
    assert [(p["giver"], p["holder"]) for p in doc.records["proxies"]] == [
        ("Anne PETIT", "DUPONT"), ("Paul ROUX", "MARTIN"), ("Louis MOREL", "BLANC")]


def test_members_of_the_council_present_is_a_count_of_presents():
    from extractors.stream import Unit
    from schemas import Span
    lines = ["Membres du conseil municipal présents : 12", "Membres du conseil municipal votants : 14",
             "Membres de la commission d'appel d'offres : 5"]
    found = counts.read([Unit(t, Span(1, i + 1), i) for i, t in enumerate(lines)])
    assert [(c.column, c.value) for c in found] == [("presents", 12), ("votants", 14)]


@pytest.mark.parametrize("listed, expected", [
    ("M. Jean MARTIN - M. Denis CHOPARD suppléant de M. Roland VERMOT - Mme Anne ROUX",
     [("Jean MARTIN", None), ("Denis CHOPARD", "Roland VERMOT"), ("Anne ROUX", None)]),
    ("M. Denis CHOPARD, délégué suppléant de M. Roland VERMOT (Longeville), Mme Anne ROUX",
     [("Denis CHOPARD", "Roland VERMOT"), ("Anne ROUX", None)]),
    ("M. Jean MARTIN, suppléant de Murat, Mme Anne ROUX", [("Jean MARTIN", None), ("Anne ROUX", None)]),
])
def test_a_substitute_and_whom_he_stands_for(listed, expected):
    from extractors.entries import entries
    from extractors.member_entry import read
    from extractors.members import ListLabel
    found = [read(e, ListLabel("present", None, 0), 0) for e, _ in entries(listed)]
    assert [(m.name, m.substitute_for) for m in found if m] == expected


@pytest.mark.parametrize("present, absent", [
    ("M. Louis MOREL, arrivé en cours de séance", "M. Louis MOREL"),
    ("M. Louis MOREL – arrivé à 20h40", "M. Louis MOREL"),
    ("M. Louis MOREL (sorti après la délibération n° 1)", "M. Louis MOREL (excusé pour la fin de séance)"),
    ("M. Louis MOREL", "M. Louis MOREL (pour la délibération n° 1)"),
    ("MM. MOREL, DUPONT", "Mme DUPONT"),  # a surname alone: two people may bear it
])
def test_listed_present_and_absent_at_different_times_is_no_warning(present, absent):
    doc = inline(HEAD + f"Présents : Mme Sophie LAMBERT, M. Jean ROUX, {present}\nAbsents excusés : {absent}\n" + ITEM)
    assert [r["name"] for r in doc.records["attendance"] if r["also_listed"]] == []


@pytest.mark.parametrize("said, mover", [
    ("Mme le Maire présente le compte administratif puis", "@president"),
    ("Monsieur le Maire", "@president"),
    ("Le Maire adjoint", None), ("le maire délégué de Murat,", None),
    ("Le président de la commission des finances", None), ("M. le Maire remercie M. DURAND qui", None),
])
def test_the_president_named_by_the_role(said, mover):
    from extractors.moves import _mover
    assert _mover(said) == mover


@pytest.mark.parametrize("title", ["Saison 2024-2025 : tarifs", "PEDT 2024-2027 – renouvellement",
                                   "Marché 2024-03 – avenant", "DM 2024-01 – budget", "CRTE 2021-2026"])
def test_a_title_with_a_year_is_no_act_number(title):
    from extractors import outline
    assert outline.act_at_start(title) is None


def test_labels_one_a_line_then_their_values_dates_among_them():
    """"Séance du :" / "Date de convocation :" / "Nombre d'administrateurs en exercice :" /
    "Présents :" / "Représentés :" / "Votants :" / "15 décembre 2020" / "4 décembre 2020" / "23" /
    "16" / "3" / "19" (an office public de l'habitat's board, a second-hand dev text)."""
    (row,) = deliberation.extract(load(SECOND_HAND / "218.txt")).records["deliberations"]
    assert (row["membres_en_exercice"], row["presents"], row["pouvoirs"], row["votants"]) == (23, 16, 3, 19)


@pytest.mark.parametrize("line, method", [
    ("Présents : 17 (18 à partir de DEL_2012_042)", "count_varies"),
    ("Présents : 16, puis 17 après l'arrivée de Mme ROUX", "count_varies"),
    ("Présents : 16 (dont 2 suppléants)", "label_value"),
    ("Présents : 15 – Pouvoirs : 2 – Votants : 17", "label_value"),
])
def test_a_count_that_changes_during_the_sitting_is_in_doubt(line, method):
    assert counts.read([unit(line)])[0].method == method


@pytest.mark.parametrize("line, number", [
    ("Rapport n° 24-DEP-12-01 – Budget primitif 2025", "24-DEP-12-01"),
    ("Rapport CP 15-05-101 – Lycées publics : dotations", "CP 15-05-101"),
    ("Rapport n° CP 2012-06/1-05", "CP 2012-06/1-05"),
])
def test_a_reports_number_is_its_act_number(line, number):
    from extractors import segment
    assert [h.number for f, h in segment._heading_at([unit(line)], 0) if f == "act"] == [number]


def test_an_act_number_then_its_title_in_capitals():
    """"2017-31 TARIFS DE LA CANTINE ET DE LA GARDERIE – RENTRÉE" (no dash after the number)."""
    rows = deliberation.extract(load(SECOND_HAND / "202.txt")).records["deliberations"]
    assert [r["numero"] for r in rows] == ["2017-31", "2017-32", "2017-33", "2017-34"]


def test_a_wrapped_label_among_labels_one_a_line():
    """"Date de la convocation :" / "Date d'affichage :" / "Nombre de conseillers" / "en
    exercice :" / "présents :" / "votants :" / "13/09/2016" / "13/09/2016" / "15" / "7" / "10"."""
    row = deliberation.extract(load(SECOND_HAND / "206.txt")).records["deliberations"][0]
    assert (row["membres_en_exercice"], row["presents"], row["votants"]) == (15, 7, 10)


def test_a_count_after_another_counts_label_is_that_labels():
    """"Pour 8 Contre 1": the 8 is the pour, not a "8 contre" read in prose."""
    vote = votes.read([unit("Vote : Pour 8 Contre 1 Abstention 1")])
    assert (vote.value("pour"), vote.value("contre"), vote.value("abstentions")) == (8, 1, 1)
