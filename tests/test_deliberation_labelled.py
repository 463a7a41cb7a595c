"""The labelled set (tests/data/deliberations): every field right, every planted
inconsistency found, no false alarm — as texts and as PDFs.

The set and its truth are written by tests/data/deliberations/make_set.py, the PDFs by
make_pdfs.py; benchmarks/accuracy.py prints the same figures.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extractors import count_text, counts, deliberation, entries, furniture, lexicon, members, names, nlp, segment, stream
from extractors.stream import Unit, fold
from pipeline.loaders import load, new_document
from pipeline.loaders.text import load_text
from schemas import Block, Cell, Row, Span, Table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "deliberations"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DATA))

# Known gaps: files whose mismatches are tolerated, with the reason. Everything else
# (every text, every other PDF) must be right field by field, checks included.
KNOWN_GAPS: dict[str, str] = {}  # none left: the side-box PDFs (17, 28) are read by their frame


@pytest.fixture(scope="module")
def scores():
    from benchmarks import accuracy

    return accuracy.run("all")


def unexpected(errors: list[str]) -> list[str]:
    """Mismatches ("17_….pdf seq=1 decisions: got …", "… missed quorum.reached") outside KNOWN_GAPS."""
    return [e for e in errors if e.split()[0] not in KNOWN_GAPS]


def test_the_set_is_complete():
    texts = sorted(DATA.glob("*.txt"))
    expected = [json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8")) for p in texts]
    assert all(p.with_suffix(".pdf").exists() for p in texts)
    assert sum(len(e["deliberations"]) for e in expected) >= 40
    assert sum(len(e["deliberations"]) > 1 for e in expected) >= 3  # collections and a register
    planted = {c for e in expected for c, _ in e["checks"]}
    assert planted == {"attendance.votants", "votes.breakdown", "attendance.present_count",
                       "attendance.proxy_count", "attendance.members_total", "proxy.giver_absent",
                       "proxy.holder_present", "proxy.one_per_holder", "quorum.reached",
                       "dates.convocation_before_session", "votes.votants_le_exercice",
                       "votes.result_consistent"}


def test_truth_files_are_the_generators():
    """The committed texts and expected values are what make_set.py writes."""
    import make_set

    for doc in make_set.documents():
        assert (DATA / f"{doc.name}.txt").read_text(encoding="utf-8") == make_set.render(doc), doc.name
        exp = json.loads((DATA / f"{doc.name}.expected.json").read_text(encoding="utf-8"))
        assert exp["deliberations"] == json.loads(json.dumps(make_set.expected(doc)["deliberations"]))


def test_every_field_is_right(scores):
    assert unexpected(scores["all"].errors) == []
    assert scores["text"].overall == 1.0 and scores["text"].errors == []
    assert scores["pdf"].overall == 1.0 and scores["pdf"].errors == []


def test_checks_recall_and_false_alarms(scores):
    s = scores["text"]
    assert (s.expected_findings, s.found_expected, s.false_alarms) == (14, 14, 0)
    assert scores["pdf"].expected_findings == 14
    assert not [e for e in unexpected(scores["pdf"].errors) if " missed " in e or " false alarm " in e]


# --- where the deliberations are ----------------------------------------------------

def test_a_collection_of_extracts_is_one_block_each():
    """Three extracts in one file, each "EXTRAIT DU REGISTRE…" opening its own block with its
    act number (segmentation by evidence, extractors/segment.py)."""
    units = [u for u in stream.units(load(DATA / "40_collection_three_extracts.txt"))
             if not furniture.is_furniture(u)]
    blocks = segment.plan(units)
    assert [[i.heading.number for i in b.items] for b in blocks] == [["2024-021"], ["2024-022"], ["2024-023"]]
    assert all(i.evidence for b in blocks for i in b.items)


# --- phrasings, one per line of the pattern files --------------------------------------

def inline(text: str):
    raw = text.encode("utf-8")
    return deliberation.extract(load_text(new_document(Path("inline.txt"), raw), raw))


@pytest.mark.parametrize("entry, name, holder, substitute", [
    ("Mme Claire ANDRIEUX (pouvoir à M. Denis DELPIROU)", "Claire ANDRIEUX", "Denis DELPIROU", None),
    ("M. Luc LESCURE (procuration à Mme Agnès VIALA)", "Luc LESCURE", "Agnès VIALA", None),
    ("Mme Gisèle LAURENT représentée par M. Jan VAN SIMMERTIER", "Gisèle LAURENT", "Jan VAN SIMMERTIER", None),
    ("Yann LE GALL par Maria DE MAGALHAES", "Yann LE GALL", "Maria DE MAGALHAES", None),
    ("M. René DU PEYROUX a donné pouvoir à M. Guy RIGAL", "René DU PEYROUX", "Guy RIGAL", None),
    ("Paul DURAND (en remplacement de Jeanne D'ALMEIDA)", "Paul DURAND", None, "Jeanne D'ALMEIDA"),
    ("Paul DURAND (suppléant de Henri SERRE)", "Paul DURAND", None, "Henri SERRE"),
])
def test_proxy_and_substitute_phrases(entry, name, holder, substitute):
    m = names.parse_entry(entry)
    assert (m.name, m.holder, m.substitute_for) == (name, holder, substitute)


@pytest.mark.parametrize("text, expected", [
    ("MM. DURAND, PETIT et ROUX, Mmes MARTIN et LEROY", ["DURAND", "PETIT", "ROUX", "MARTIN", "LEROY"]),
    ("DURAND Paul ; MARTIN Sylvie – LE GALL Yann - DA SILVA Hélène", ["DURAND Paul", "MARTIN Sylvie",
                                                                    "LE GALL Yann", "DA SILVA Hélène"]),
    ("Mesdames et Messieurs Paul DURAND, Sylvie MARTIN", ["Paul DURAND", "Sylvie MARTIN"]),
    ("néant", []),
])
def test_name_lists(text, expected):
    assert [entries.strip_civilities(e) for e, _ in entries.entries(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Étaient présents Mesdames et Messieurs : X", ("lists", "present")),
    ("Membres présents : X", ("lists", "present")),
    ("Absents non excusés : X", ("lists", "absent_unexcused")),
    ("- Excusés : X", ("lists", "absent_excused")),
    ("Étaient représentés : X par Y", ("lists", "proxies")),
    ("Date de la convocation : 02/03/2023", ("fields", "convocation_date")),
    ("Objet – Budget", ("fields", "objet")),
    ("Délégués en exercice : 22 - Délégués présents : 14 - Délégués votants : 16", ("count", "")),
])
def test_labels(text, expected):
    """Labels of patterns/sitting.json: a list of members, a field, or a line of counts."""
    listed, field = members.list_label(text), lexicon.label_at_start("fields", fold(text))
    found = ("count", "") if count_text.is_count_line(text) else \
        ("lists", listed.kind) if listed else ("fields", field.name) if field else None
    assert found == expected


def line(text: str, n: int = 1) -> Unit:
    return Unit(text, Span(1, n), n)


def test_counts_in_prose_and_in_a_ruled_table():
    read = counts.read([line("avec 14 membres présents sur 19 en exercice et 2 pouvoirs, soit 16 votants")])
    assert {c.column: c.value for c in read} == {"membres_en_exercice": 19, "presents": 14, "pouvoirs": 2,
                                                  "votants": 16}
    assert {c.method for c in read} == {"number_before"}
    span = Span(1, 1)
    table = Table([Row([Cell(t, span) for t in ("En exercice", "Présents", "Représentés", "Votants")]),
                   Row([Cell(t, span) for t in ("19", "14", "2", "16")])])
    doc = new_document(Path("box.txt"), b"")
    doc.items.append(table)
    read = counts.read(stream.units(doc))
    assert {c.column: c.value for c in read} == {"membres_en_exercice": 19, "presents": 14, "pouvoirs": 2,
                                                  "votants": 16}
    # One count OCR could not read leaves that count empty, not the whole table.
    table.rows[1].cells[1].text = "[?]"
    read = counts.read(stream.units(doc))
    assert {c.column: c.value for c in read} == {"membres_en_exercice": 19, "pouvoirs": 2, "votants": 16}


def test_dates_in_words_and_seance_line():
    doc = inline("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 1er mars 2024 à 20h30\n"
                 "L'an deux mille vingt-quatre, le deux avril à vingt heures, le Conseil municipal, dûment\n"
                 "convoqué le 26 mars 2024, s'est réuni à la mairie.\nObjet : Essai\n")
    d = doc.records["deliberations"][0]
    assert (str(d["session_date"]), d["session_time"], str(d["convocation_date"])) == ("2024-03-01", "20:30", "2024-03-26")


def test_president_and_secretary_in_prose():
    doc = inline("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n"
                 "Le 3 mars 2024 à 18h00, le Comité syndical s'est réuni à Condat.\n"
                 "La présidence de la séance est assurée par Mme Claire ANDRIEUX, première vice-présidente.\n"
                 "Monsieur Paul Durand est désigné pour remplir les fonctions de secrétaire de séance.\n"
                 "Objet : Essai\n")
    d = doc.records["deliberations"][0]
    assert (d["president"], d["secretaire"]) == ("Claire ANDRIEUX", "Paul Durand")


def test_civility_matcher():
    assert nlp.leading("civilities", "MM. Paul DURAND") == 4
    assert names.clean_name("Mesdames") == ""
    assert names.clean_name("Mme Maria DE MAGALHAES") == "Maria DE MAGALHAES"


@pytest.mark.parametrize("name,box,body", [
    ("17_cc_excused_and_not", ["Nombre de conseillers en exercice : 21", "Nombre de membres présents : 15",
                               "Représentés : 2", "Votants : 17"],
     ["Objet : Modification des statuts de la communauté de communes",
      "Vu le Code général des collectivités territoriales ;", "Après en avoir délibéré, DÉCIDE :"]),
    ("28_quorum_not_reached", ["Membres en exercice : 20", "Présents : 9", "Absents : 11", "Pouvoirs : 3",
                               "Votants : 12"],
     ["Vu le Code général des collectivités territoriales ;",
      "Le Conseil communautaire, après en avoir délibéré, à l'unanimité,",
      "Après en avoir délibéré, DÉCIDE :"]),
])
def test_framed_side_box_is_read_before_the_body(name, box, body):
    """The counts framed left of the body are read top to bottom, then the body beside."""
    texts = [getattr(it, "text", "") for it in load(DATA / f"{name}.pdf").items]
    at = texts.index(box[0])
    assert texts[at:at + len(box)] == box
    assert [t for t in texts if t in body] == body
    assert texts.index(body[0]) > at + len(box) - 1
