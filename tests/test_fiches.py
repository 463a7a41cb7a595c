"""Project fiches: samples/003 (tourism strategy, fiches E.1–E.13) and its PDF."""
from importlib.util import find_spec
from pathlib import Path

import pytest

from extractors import fiches
from pipeline.loaders import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HAS_PDF = find_spec("pipeline.loaders.pdf") is not None
TITLES = ["La signature", "Les éditions génériques", "Les éditions thématiques",
          "Le site internet", "Les réseaux sociaux", "Les accueils presse",
          "Les actions de communication grand public",
          "Les actions de communication professionnelle", "Les actions de commercialisation",
          "Les accueils", "Le guidage", "La fidélisation (Gestion Relation Clients)",
          "L'observation"]


def _run(name):
    return fiches.extract(load(SAMPLES / name))


@pytest.fixture(scope="module")
def doc():
    return _run("003_323ff29db9cff2b0.txt")


@pytest.fixture(scope="module")
def by_code(doc):
    return {r["code"]: r for r in doc.records["fiches"]}


def test_all_codes_and_titles(doc):
    assert [(r["code"], r["title"]) for r in doc.records["fiches"]] == [
        (f"E.{n}", title) for n, title in enumerate(TITLES, 1)]
    assert doc.errors == []


def test_e1(by_code):
    e1 = by_code["E.1"]
    assert e1["maitre_ouvrage"] == "API"
    assert e1["cibles"] == "Prestataires touristiques, institutions et in fine les clientèles cibles du territoire"
    assert (e1["start_year"], e1["end_year"]) == (2020, 2020)
    assert e1["cout_estimatif_text"] == "10 000 € H.T. / 12 000 € TTC"
    assert (e1["cout_total_ttc"], e1["cout_total_ht"]) == (12000.0, 10000.0)
    assert e1["type_depenses"] == "Prestations intellectuelles"
    assert e1["moyens_humains_text"] == "Directeur de pôle : 40h, service promotion touristique : 80 heures"
    assert e1["cout_fonctionnement_text"] == "Néant (opération unique et durable)"
    assert e1["fiches_liees"] == [f"E.{n}" for n in range(2, 11)]
    assert e1["partenariat"] == ("Auvergne Rhone Alpes Tourisme, Auvergne Destination Volcans, "
                                 "Conseil Départemental, prestataires\nEn interne : service "
                                 "communication, chef de projet Economie en charge du marketing territorial")
    assert e1["objectifs"].startswith("La force d'une communication territoriale")
    assert e1["objectifs"].endswith("notion d'identité, d'ambassadeur...")
    assert e1["description"].startswith("Des éléments étant préexistants à API")


def test_e2(by_code):
    e2 = by_code["E.2"]
    assert e2["cibles"] == "Toutes cibles confondues, individuels ou groupes, prescripteurs"  # "Clientèles cibles"
    assert (e2["start_year"], e2["end_year"]) == (2020, 2024)
    assert (e2["cout_total_ttc"], e2["cout_total_ht"]) == (125000.0, None)
    assert e2["fiches_liees"] == ["E.1", "E.3"]
    assert e2["criteres_evaluation"] == ("Réalisation des éditions, modalités de diffusion, "
                                         "consommation, retours clients et prestataires")


def test_e3_and_e4_totals(by_code):
    assert by_code["E.3"]["cout_total_ttc"] == 150000.0  # "Donc sur 5 ans, pour la fiche E3 : 150 000 € TTC."
    assert by_code["E.4"]["cout_total_ttc"] == 110000.0  # 60 000 over the plan + 50 000 redesign
    assert by_code["E.4"]["start_year"] == 2020  # "Date prévue de démarrage: 2020"


def test_per_year_costs_have_no_total(by_code):
    for code in ("E.5", "E.6", "E.7", "E.8", "E.9", "E.11", "E.12", "E.13"):
        assert (by_code[code]["cout_total_ttc"], by_code[code]["cout_total_ht"]) == (None, None), code
    assert by_code["E.7"]["cout_estimatif_text"] == "15000 € par an."


def test_e9(by_code):
    e9 = by_code["E.9"]
    assert e9["cibles"] == "Réflexion interne"  # label misspelt "Cientèles cibles"
    assert (e9["start_year"], e9["end_year"]) == (2020, 2020)  # "… du projet: 2020"
    assert e9["cout_estimatif_text"] == "Selon orientations"  # "Coût du projet :"
    assert e9["moyens_humains_text"] == "Promotion touristique : 50 heures, Directeur de pôle : 50 heures."
    assert e9["cout_fonctionnement_text"] is None and e9["criteres_evaluation"] is None
    assert e9["fiches_liees"] == ["E.11"]


def test_e10(by_code):
    e10 = by_code["E.10"]
    assert e10["cibles"] == "Clients et prestataires"  # "Clients cibles"
    assert (e10["start_year"], e10["end_year"]) == (2020, 2024)  # "Date prévue de la fin : 2024"
    assert e10["cout_estimatif_text"] == ("120 000 € H.T. (dont 30 000 € sur budget signalétique), "
                                          "150000 € TTC")
    assert (e10["cout_total_ttc"], e10["cout_total_ht"]) == (150000.0, 120000.0)
    assert e10["fiches_liees"] == ["C.7"]
    assert "Ne pas être une île" in e10["description"]


def test_e11_and_e13(by_code):
    assert by_code["E.11"]["fiches_liees"] == ["B.10 bis", "E.9"]
    assert by_code["E.11"]["objectifs"].startswith("API propose des visites guidées")  # "Objectifs du projet"
    e13 = by_code["E.13"]
    assert e13["cibles"] is None  # no target section
    assert e13["fiches_liees"] == []  # "Autres fiches liées :" left empty
    assert e13["partenariat"] == "CD 63 (APIDAE, comptage routier)\nCRT (études, enquêtes et analyse)"
    assert e13["moyens_humains_text"] == ("Promotion et/ou développement touristique : 300 heures en "
                                          "année 1, puis 100 heures par an.\nDirecteur : 30 heures par an.")
    assert e13["cout_fonctionnement_text"] == "Nul"


def test_blocks_end_before_working_documents(doc):
    blocks = [b for b in doc.blocks if b.kind == "fiche"]
    assert [b.key for b in blocks] == [f"E.{n}" for n in range(1, 14)]
    assert doc.items[blocks[-1].end].text.startswith("Document de travail")


def test_provenance(by_code):
    assert by_code["E.10"]["_prov"]["cout_total_ttc"].text.startswith("Coût estimatif : 120 000")


@pytest.mark.parametrize("text, codes", [
    ("E2 à E10", ["E.2", "E.3", "E.4", "E.5", "E.6", "E.7", "E.8", "E.9", "E.10"]),
    ("E1, E3", ["E.1", "E.3"]), ("C7", ["C.7"]), ("B10 bis, E9", ["B.10 bis", "E.9"]),
    ("E. 4, E.5", ["E.4", "E.5"]), ("", [])])
def test_linked_codes(text, codes):
    assert fiches.linked_codes(text) == codes


@pytest.mark.parametrize("text, ttc, ht", [
    ("10 000 € H.T. / 12 000 € TTC", 12000, 10000),
    ("25000 € TTC par an soit 125 000 € TTC sur la durée de la stratégie", 125000, None),
    ("15000 € par an.", None, None),
    ("2000 € (flyer)", None, None),
    ("80 000 € H.T. et 96 000 € HT", None, None),
])
def test_parse_cost(text, ttc, ht):
    assert fiches.parse_cost(text) == (ttc, ht)


def test_label_variants():
    assert fiches.match_label("Cientèles cibles") == ("cibles", "")
    assert fiches.match_label("Date prévue de la fin du projet : 2020") == ("date_fin", "2020")
    assert fiches.match_label("Cout annuel du fonctionnement : néant") == ("cout_fonctionnement_text", "néant")
    assert fiches.match_label("En interne : service communication") is None
    assert fiches.match_label("Les objectifs sont donc de :") is None


def _comparable(doc):
    keep = ("code", "title", "start_year", "end_year", "cout_estimatif_text", "cout_total_ttc",
            "cout_total_ht", "fiches_liees", "maitre_ouvrage", "cibles", "type_depenses")
    return [{k: r[k] for k in keep} for r in doc.records["fiches"]]


@pytest.mark.skipif(not HAS_PDF, reason="pipeline/loaders/pdf.py not written yet")
def test_pdf_gives_same_fiches(doc):
    assert _comparable(_run("api-strategie-marketing.pdf")) == _comparable(doc)
