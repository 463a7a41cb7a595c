"""Real council documents (../shared/corpus/real, Montpellier copied in tests/data/real)
against the ground truth that comes with them, read at test time.

Known differences are listed with their reason; everything else must match.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from benchmarks import real_accuracy as ra
from pipeline.loaders import load
from pipeline.stages import process

MONTPELLIER = Path(__file__).parent / "data" / "real" / "montpellier"
pytestmark = pytest.mark.skipif(not ra.REAL.is_dir(), reason="../shared/corpus/real not present")

# Items the JSON lists that the PDF does not number: "Affaires diverses" (id "n/a"), and
# "2011/134 – Taxe …" whose number the PDF prints without "DE-" on the title line.
KNOWN_MISSES = {"CM 8 novembre 2011.pdf": ["item objet"], "CM 15 septembre 2015.pdf": ["item objet"]}


@lru_cache(maxsize=None)
def rows(path: Path) -> dict:
    return process(path).rows


def test_every_real_document_goes_through():
    for path in sorted(ra.REAL.glob("*/*.pdf")) + sorted(MONTPELLIER.glob("*.pdf")):
        doc = rows(path)["documents"][0]  # cached: the tests below read the same rows
        if path.name == "CR 28.01.15.pdf":  # a scan: OCR'd when available, else a clean failure
            assert doc["status"] == "ok" or "pas de couche texte" in doc["error"]
        else:
            assert doc["status"] == "ok", (path.name, doc["error"])


@pytest.mark.parametrize("pdf,truth", ra.chemere_pairs(), ids=lambda p: p.name)
def test_chemere_against_json(pdf, truth):
    score = ra.score_chemere(pdf, truth, rows(pdf))
    gt = json.loads(truth.read_text(encoding="utf-8"))
    misses = [m.split(":")[0] for m in score.misses if not m.startswith("item acte_id")]
    assert sorted(misses) == sorted(KNOWN_MISSES.get(pdf.name, [])), score.misses
    # an id the JSON has but we miss: the PDF's stamp cell is truncated ("044-214400400-"),
    # the JSON's ids came from elsewhere; then no id at all is read for that item
    read = {d["numero"]: d["acte_id"] for d in rows(pdf)["deliberations"]}
    for miss in (m for m in score.misses if m.startswith("item acte_id")):
        number = "/".join(miss.split("-D")[-1].split("-")[:2])
        assert read.get(number) is None, miss
    assert score.total == (5 + len(gt["presents"]) + len(gt["excuses"])
                           + sum(1 for d in gt["deliberations"] if d["id"] != "n/a")
                           + sum(1 for d in gt["deliberations"] if d["titre"].split("–")[-1].strip())
                           + sum(1 for d in gt["deliberations"]
                                 if ra.re.fullmatch(r"\d{3}-\d{9}-\S+-DE", d["id_pref"] or "")))


def test_chemere_2014_counts_and_votes():
    pdf = ra.CHEMERE / "CM 13 mai 2014.pdf"
    delibs = rows(pdf)["deliberations"]
    assert [d["numero"] for d in delibs] == [f"2014/{n}" for n in range(47, 54)]
    assert {(d["membres_en_exercice"], d["presents"], d["votants"], d["pouvoirs"]) for d in delibs} == {
        (19, 16, 19, 3)}
    by = {d["numero"]: d for d in delibs}
    assert by["2014/47"]["resultat"] is None  # "Information": no vote
    assert (by["2014/51"]["pour"], by["2014/51"]["abstentions"]) == (16, 3)
    proxies = {(p["giver"], p["holder"]) for p in rows(pdf)["proxies"] if p["seq"] == 1}
    assert proxies == {("Michel GRAVOUIL", "Georges LECLEVE"), ("Valérie LEBLOND", "Sylviane GIBET"),
                       ("Tatiana BERTHELOT", "Nicolas BOUCHER")}


@pytest.mark.parametrize("iso", sorted(ra.LANNION_PDFS))
def test_lannion_against_csv(iso):
    score = ra.score_lannion(iso, rows(ra.LANNION / ra.LANNION_PDFS[iso]))
    truth = ra.lannion_truth(iso)
    assert score.misses == []
    assert score.total == 1 + len(truth) + sum(1 for r in truth if r["procuration"] != "NA")


def test_lannion_counts_change_with_departures():
    """8 juin 2020: "Questions 11 à 17 : Départ de Monsieur Eric ROBERT (procuration à
    Bernadette CORVISIER) 31 présents 2 procurations 33 votants"."""
    r = rows(ra.LANNION / ra.LANNION_PDFS["2020-06-08"])
    by = {int(d["numero"]): d for d in r["deliberations"]}
    assert (by[10]["presents"], by[10]["pouvoirs"], by[10]["votants"]) == (32, 1, 33)
    assert (by[11]["presents"], by[11]["pouvoirs"], by[11]["votants"]) == (31, 2, 33)
    assert (by[18]["presents"], by[18]["pouvoirs"]) == (32, 1)
    robert = {d["seq"]: a for d in r["deliberations"] for a in r["attendance"]
              if a["seq"] == d["seq"] and a["name"] == "Eric ROBERT"}
    seq = {int(d["numero"]): d["seq"] for d in r["deliberations"]}
    assert robert[seq[10]]["status"] == "present"
    assert (robert[seq[11]]["status"], robert[seq[11]]["proxy_holder"]) == ("absent", "Bernadette CORVISIER")
    assert robert[seq[18]]["status"] == "present"


def test_aiglun_against_csv():
    pdf = ra.AIGLUN / "CR CM 19122013.pdf"
    score = ra.score_aiglun(pdf, "2013-12-19", rows(pdf))
    assert score.misses == []
    assert score.total == 1 + len(ra.aiglun_truth("2013-12-19")) + 1  # + the secretary


def test_side_box_is_read_as_its_own_column():
    """Chéméré: "Présents : 16" beside "dûment convoqué, …" is one line of the box."""
    doc = load(ra.CHEMERE / "CM 13 mai 2014.pdf")
    texts = [getattr(it, "text", "") for it in doc.items]
    assert "Présents : 16" in texts and "Convocation :" in texts
    assert any(t.startswith("L'an deux mil quatorze, le treize mai") and "LECLEVE, Maire" in t for t in texts)


@pytest.mark.parametrize("pdf", sorted(MONTPELLIER.glob("*.pdf")), ids=lambda p: p.name)
def test_montpellier_side_box(pdf):
    """The register's box ("Extrait du registre des / délibérations du Conseil / …
    n° 2014 / 131") is not mixed with "Convoqué le …"; the act number is the file's."""
    doc = load(pdf)
    texts = [getattr(it, "text", "") for it in doc.items]
    assert "Extrait du registre des" in texts
    assert any(t.startswith("Convoqué le ") for t in texts)
    assert any(t.startswith("n° 2014 / 1") for t in texts)


# What the Montpellier extracts print (pdfplumber text of each file), read by hand.
MONTPELLIER_TRUTH = {
    "2014-04-05-0000070899.pdf": dict(
        numero="2014/131", session="2014-04-05 10:00", convocation="2014-03-31", president="Max LEVITA",
        objet="Détermination du nombre d'Adjoints au Maire dans le cadre du renouvellement du "
              "Conseil municipal de la Ville de Montpellier",
        presents=65, givers=[], absent=[]),
    "2014-04-24-0000071251.pdf": dict(
        numero="2014/139", session="2014-04-24 18:00", convocation="2014-04-17", president="Philippe SAUREL",
        objet="Modalités et conditions de remboursement des frais de déplacement des agents "
              "territoriaux et des élus",
        presents=62, givers=["Stéphanie JANNIN", "Bernard TRAVIER", "Dominique MARTIN-PRIVAT"], absent=[]),
    "2014-05-22-0000072185.pdf": dict(
        numero="2014/182", session="2014-05-22 18:00", convocation="2014-05-16", president="Philippe Saurel",
        objet="Garantie d’emprunt – Ville de Montpellier/S.E.R.M. Opération OVALIE "
              "2,5 M€ Banque Postale – 2,5 M€ Crédit Agricole",
        presents=59, givers=["Valérie BARTHAS-ORSAL", "Perla DANAN", "Henri DE VERBIZIER",
                             "Sonia KERANGUEVEN", "Gérard LANNELONGUE"], absent=["Patrick VIGNAL"]),
}


@pytest.mark.parametrize("name", sorted(MONTPELLIER_TRUTH))
def test_montpellier_deliberation(name):
    """"Convoqué le lundi 31 mars 2014, le Conseil Municipal … s'est réuni …, le samedi 5 avril
    2014 à 10h00, sous la présidence de Monsieur le doyen d'âge de l'Assemblée, Max LEVITA.";
    "Absents ayant voté par procuration … :" names the givers only; "Le Conseil Adopte."."""
    want, r = MONTPELLIER_TRUTH[name], rows(MONTPELLIER / name)
    [d] = r["deliberations"]
    assert (d["numero"], f"{d['session_date']} {d['session_time']}", str(d["convocation_date"]),
            d["president"], d["objet"]) == (want["numero"], want["session"], want["convocation"],
                                            want["president"], want["objet"])
    assert (d["resultat"], d["organe"]) == ("adopte", "Conseil municipal")
    assert d["membres_en_exercice"] is None and d["presents"] is None and d["votants"] is None  # not printed
    present = [a["name"] for a in r["attendance"] if a["status"] == "present"]
    absent = [(a["name"], a["proxy_holder"]) for a in r["attendance"] if a["status"] == "absent"]
    assert (len(present), present[0], present[-1]) == (want["presents"], "Fabien ABERT", "Rabii YOUSSOUS")
    assert absent == [(n, None) for n in want["givers"] + want["absent"]]  # holders are not printed
    assert d["pouvoirs"] == (len(want["givers"]) or None)
    # one proxy per giver, its holder null: the minutes do not say who holds it
    assert [(p["giver"], p["holder"]) for p in r.get("proxies", [])] == [(n, None) for n in want["givers"]]


def test_montpellier_every_file_gives_its_deliberation():
    for pdf in sorted(MONTPELLIER.glob("*.pdf")):
        [d] = rows(pdf)["deliberations"]
        assert d["numero"].startswith("2014/1") and d["objet"] and d["resultat"] == "adopte", pdf.name
        assert d["session_date"] is not None and d["president"] in ("Max LEVITA", "Philippe SAUREL", "Philippe Saurel")


def test_montpellier_decisions_follow_the_proposal():
    """"En conséquence, il est proposé au Conseil municipal : - De fixer à 20 le nombre d’Adjoints …"."""
    decisions = rows(MONTPELLIER / "2014-04-05-0000070899.pdf")["decisions"]
    assert [(x["verb"], x["text"]) for x in decisions] == [
        ("FIXER", "De fixer à 20 le nombre d’Adjoints au Maire de la Ville de Montpellier.")]


def test_a_bold_label_under_a_full_line_starts_its_own_line():
    """Montpellier's proxy list fills its last line to the margin ("… Gérard LANNELONGUE."),
    and the bold "Absents :" below would have fitted there: it still opens a new line,
    while the bold label wrapped over two lines above it stays one line."""
    texts = [ln.text for ln in load(MONTPELLIER / "2014-05-22-0000072185.pdf").lines()]
    i = next(i for i, t in enumerate(texts) if t.startswith("Absents ayant voté par procuration"))
    assert texts[i].endswith("du Code Général des Collectivités Territoriales :")
    assert texts[i + 1].endswith("Sonia KERANGUEVEN, Gérard LANNELONGUE.")
    assert texts[i + 2] == "Absents :"
