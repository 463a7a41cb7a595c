"""DOCX, ODT, HTML, .doc and 8-bit text inputs (issue 15), on real documents.

Aiglun's minutes of 2013-12-19 and 2015-04-10 exist only as the HTML LibreOffice made from
the commune's Word file (../shared/corpus/real/regardscitoyens__operation-libre-aiglun);
tests/data/office/ holds the 2013-12-19 minutes written back as DOCX and ODT
(make_office.py, with a footer and one hard page break added).
"""
from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from pipeline import api
from pipeline.loaders import LoadError, load
from pipeline.stages import process
from schemas import Line, Table

ROOT = Path(__file__).resolve().parents[1]
AIGLUN = ROOT.parent / "shared" / "corpus" / "real" / "regardscitoyens__operation-libre-aiglun"
OFFICE = ROOT / "tests" / "data" / "office"
SAMPLE_TXT = ROOT / "samples" / "000_947d8fbb682aad0d.txt"
needs_shared = pytest.mark.skipif(not AIGLUN.is_dir(), reason="../shared absent")


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if unicodedata.category(c) != "Mn")


def body(doc) -> list:
    return [(type(i).__name__, i.text if isinstance(i, Line) else [r.texts for r in i.rows]) for i in doc.items]


@needs_shared
def test_html_of_libreoffice_reads_paragraphs_bold_and_uppercase_spans():
    doc = load(AIGLUN / "2015-04-10.html")
    assert (doc.source_kind, doc.meta["encoding"], doc.page_count) == ("html", "utf-8", 1)
    present = doc.items[2]
    # "Daniel J" + <span style="text-transform: uppercase">ugy</span> is read as a reader sees it
    assert present.text.startswith("Présents : Daniel JUGY, Jean-Pierre TOULOUSE, Fabienne SALADO, Philippe POULEAU")
    assert present.bold == ("Présents :",)
    assert (present.span.page, present.span.line, present.span.bbox) == (1, 3, None)
    assert doc.items[5].text == "Secrétaire de séance : Charles SPETH."
    assert sum(isinstance(i, Table) for i in doc.items) == 0


@needs_shared
def test_html_tables_have_cells_and_spans():
    doc = load(AIGLUN / "2013-12-19.html")
    tables = [i for i in doc.items if isinstance(i, Table)]
    assert len(tables) == 2
    first = tables[0]
    assert first.rows[0].texts == ["Dépenses", "", "Recettes", ""]  # colspan=2 headers
    assert first.rows[9].texts == ["Total TTC", "145 410 €", "Total TTC", "145 410 €"]
    assert first.title.endswith("s’établit ainsi qu’il suit :") or "121 175 euros" in first.title
    assert tables[1].rows[11].texts == ["Total ht", "680 000 €", "Total", "228 200 €"]


@needs_shared
def test_html_named_on_the_command_line_is_read_as_html_with_its_members(tmp_path):
    """The pipeline on the HTML: the 13 members present of the commune's own attendance file
    (presences-cm-nettoye.csv, 2015-04-10), and the sitting its minutes record."""
    result = process(AIGLUN / "2015-04-10.html")
    assert result.rows["documents"][0]["source_kind"] == "html"
    assert not any("<" in (c.get("text") or "") for c in result.rows.get("table_cells", []))
    with open(AIGLUN / "presences-cm-nettoye.csv", encoding="utf-8") as f:
        truth = [r for r in csv.DictReader(f, delimiter=";") if r["date"] == "2015-04-10"]
    members = result.rows["members"]
    present = {fold(m["name"]) for m in members if m["status"] == "present"}
    assert present == {fold(r["nom"]) for r in truth if r["present"] == "1"}
    assert len(present) == 13
    sitting = result.rows["sittings"][0]
    # 20 items record a decision ("Vote favorable…"; the 7 "Délibération d'information" do not);
    # Catherine FONTAINE "rejoint la séance" at item 5: present at 17 of them
    assert (sitting["session_date"].isoformat(), sitting["deliberations"], sitting["members_present"]) == \
        ("2015-04-10", 20, 14)
    assert all(m["items_present"] == 20 for m in members if m["status"] == "present")
    assert {(m["name"], m["status"], m["items_present"]) for m in members if m["status"] == "partial"} == {
        ("Catherine FONTAINE", "partial", 17)}


@needs_shared
@pytest.mark.parametrize("name,kind", [("aiglun_2013-12-19.docx", "docx"), ("aiglun_2013-12-19.odt", "odt")])
def test_docx_and_odt_read_as_the_html_they_were_made_from(name, kind):
    doc, html = load(OFFICE / name), load(AIGLUN / "2013-12-19.html")
    assert doc.source_kind == kind
    # the HTML draws its <ol> numbers ("1."); make_office.py wrote the items as plain paragraphs
    numbered = [i for i in html.items if isinstance(i, Line) and re.fullmatch(r"\d+\.", i.text)]
    assert len(numbered) == 4  # items 1, 2, 3 and 4 (printed "3." again): the others print their number
    html.items = [i for i in html.items if not any(i is n for n in numbered)]
    assert body(doc) == body(html)  # 157 lines and 2 tables, cell for cell
    assert [ln.text for ln in doc.furniture] == ["Aiglun – compte-rendu du 19/12/2013"]  # the footer
    assert doc.items[1].bold == ("Présents :",)
    pages = {i.text[:25]: i.span.page for i in doc.items if isinstance(i, Line)}
    assert pages["Tarifs publics locaux à c"] == 1 and pages["AMENAGEMENT DU TERRITOIRE"] == 2
    assert doc.page_count == 2


def test_cp1252_text_is_read_and_its_encoding_recorded(tmp_path):
    utf8 = process(SAMPLE_TXT)
    f = tmp_path / "cp1252.txt"
    f.write_bytes(SAMPLE_TXT.read_text(encoding="utf-8").encode("cp1252"))
    result = process(f)
    assert result.ok
    assert result.rows["documents"][0]["encoding"] == "cp1252"
    assert utf8.rows["documents"][0]["encoding"] == "utf-8"
    d, e = result.rows["deliberations"][0], utf8.rows["deliberations"][0]
    assert (d["objet"], d["presents"], d["votants"]) == (e["objet"], 29, 41)
    assert d["objet"].startswith("Validation de l'annexe opérationnelle")


def test_binary_bytes_are_no_text(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(256)) * 8)
    result = process(f)
    assert not result.ok and "pas du texte : ni UTF-8 (octet 128)" in result.error
    assert result.rows["documents"][0]["error_code"] == "not_utf8"


def test_rtf_named_doc_fails_with_its_reason(tmp_path):
    f = tmp_path / "compte-rendu.doc"
    f.write_bytes(rb"{\rtf1\ansi{\b Pr\'e9sents :} Daniel JUGY\par}")
    result = process(f)
    assert not result.ok
    assert result.error == "compte-rendu.doc : RTF (Rich Text Format) non lu : l'enregistrer en DOCX, ODT ou PDF"
    assert result.rows["documents"][0]["error_code"] == "unsupported"
    assert result.rows["documents"][0]["source_kind"] == "doc"


def test_word97_without_antiword_fails_with_its_reason(tmp_path, monkeypatch):
    f = tmp_path / "pv.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(LoadError, match="demande antiword : installer le paquet Debian antiword"):
        load(f)


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword not installed")
def test_damaged_word97_fails_with_antiwords_reason(tmp_path):
    f = tmp_path / "pv.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = process(f)
    assert not result.ok and result.error.startswith("pv.doc : antiword ne peut pas le lire")
    assert result.rows["documents"][0]["error_code"] == "unreadable"


def test_antiword_tables_become_tab_separated_cells():
    from pipeline.loaders.doc import antiword_to_text

    assert antiword_to_text("Votes\n|Pour      |41  |\n|Contre    |0   |\n") == "Votes\nPour\t41\nContre\t0\n"


def test_a_folder_counts_what_it_skips(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLE_TXT, tmp_path / "in" / "delib.txt")
    (tmp_path / "in" / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\0")
    summary = api.ingest([tmp_path / "in"], tmp_path / "out", workers=1)
    assert summary.skipped == {".xlsx : format que registre ne lit pas": 1, "caché": 1}
    assert "  2 fichiers ignorés : 1 .xlsx : format que registre ne lit pas, 1 caché" in summary.lines()
    assert summary.tables["deliberations"] == 1


def test_a_folder_without_documents_is_an_error(tmp_path, capsys):
    from pipeline.cli import main

    (tmp_path / "empty").mkdir()
    with pytest.raises(api.NothingToRead, match="aucun document à lire"):
        api.ingest([tmp_path / "empty"], tmp_path / "out")
    (tmp_path / "empty" / "notes.md").write_text("x")
    assert main(["ingest", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "aucun document à lire (1 fichier ignoré : 1 .md : format que registre ne lit pas)" in err


# --- text extractions that keep the page's layout ----------------------------------------

SECOND_HAND = Path(__file__).resolve().parent / "data" / "second_hand" / "dev"


def test_two_columns_side_by_side_are_read_one_after_the_other():
    """A side box of counts beside the opening sentence ("municipal : 15             commune
    de Montgaillard-sur-Aveyrole, régulière-"): the box's lines, then the sentence's."""
    doc = load(SECOND_HAND / "042.txt")
    lines = [item.text for item in doc.items if isinstance(item, Line)]
    box = lines.index("Nombre de membres")
    assert lines[box:box + 5] == ["Nombre de membres", "afférents au Conseil", "municipal : 15", "En exercice : 15",
                                  "Présents : 11"]
    assert lines[box + 11].startswith("L'an") and lines[box + 11].endswith("le vingt-cinq jan-")
    assert doc.items[0].span.line == 1 and min(i.span.line for i in doc.items if i.text == "municipal : 15") == 12
    row = process(SECOND_HAND / "042.txt").rows["deliberations"][0]
    assert (row["membres_en_exercice"], row["presents"], row["president"]) == (15, 11, "Hélène CABROL")


@pytest.mark.parametrize("lines", [
    ["Chapitre 011     Charges générales      12 000     13 500",  # a table laid out with spaces
     "Chapitre 012     Charges de personnel   45 000     46 200",
     "Chapitre 65      Autres charges          8 000      8 400",
     "Chapitre 66      Charges financières     1 200      1 100"],
    ["Présents :        Mme Anne DURAND, M. Paul MARTIN,",  # labels and their values
     "Absents :         Mme Claire THOMAS, mais aussi",
     "Excusés :         M. Luc PETIT, qui a donné",
     "Secrétaire :      Mme Anne DURAND, élue par",
     "Pouvoirs :        M. Jean ROUX à Mme Anne DURAND"],
    ["1. Budget primitif          Adopté à l'unanimité des membres présents.",  # items and results
     "2. Tarifs cantine           Adopté à l'unanimité des membres présents.",
     "3. Subventions              Adopté par 12 voix pour et 2 contre.",
     "4. Personnel                Adopté à l'unanimité des membres présents."],
])
def test_lines_with_a_gutter_that_are_not_two_columns(lines):
    from pipeline.loaders.text_columns import split_columns
    assert [t for _, t in split_columns(lines)] == lines


@pytest.mark.parametrize("text, expected", [
    ("P0UV0IR : MME ISABELLE TRICOT A MME COLETTE DUMONT", "POUVOIR : MME ISABELLE TRICOT A MME COLETTE DUMONT"),
    ("MEMBRES EN EXERC1CE : 11", "MEMBRES EN EXERCICE : 11"),
    ("Projet de parc eo1ien de la Lande du Mou1in – De1iberation 2023-071",
     "Projet de parc eolien de la Lande du Moulin – Deliberation 2023-071"),
    ("DEL2024-29, B2024-014, le 1er, Pour 1O, ZB112, L2121-1", "DEL2024-29, B2024-014, le 1er, Pour 1O, ZB112, L2121-1"),
    ("C0MMUNE DE VERN0UILLET-SUR-AIZE, DEL-01, A1-B0, PV-2023-06", "COMMUNE DE VERNOUILLET-SUR-AIZE, DEL-01, A1-B0, PV-2023-06"),
    ("D2024-037 0bjet : Confolens-0uest, 0h30, 0,5 %", "D2024-037 Objet : Confolens-Ouest, 0h30, 0,5 %"),
    ("UA1a-2, B1C-3, S1A-01, A0B-12, 0km, 0ha, 0HT", "UA1a-2, B1C-3, S1A-01, A0B-12, 0km, 0ha, 0HT"),
    ("1ère 1ers 11èmes 10bis 10h30 DEL01 TVA10 Phase1 Lot10 RN10", "1ère 1ers 11èmes 10bis 10h30 DEL01 TVA10 Phase1 Lot10 RN10"),
])
def test_ocr_digits_inside_words_are_letters(text, expected):
    from pipeline.loaders.ocr_text import letter_digits
    assert letter_digits(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Point n° l - Décision modificative n° 2 (délibération 2Ol7-38)", "Point n° 1 - Décision modificative n° 2 (délibération 2017-38)"),
    ("l - Délibération 2Ol5-O4 : budget de l98 4OO €", "1 - Délibération 2015-04 : budget de 198 400 €"),
    ("l. COMPTE ADMINISTRATIF 2018 (délibération n° 2019/14)", "1. COMPTE ADMINISTRATIF 2018 (délibération n° 2019/14)"),
    ("8 6 l 7", "8 6 1 7"), ("Pour | 12 | O | l", "Pour | 12 | O | l"),
    ("par lO voix pour, O voix contre et l abstention", "par 10 voix pour, 0 voix contre et 1 abstention"),
    ("Votants : l – Il pour la voix, POUR : l'unanimité", "Votants : 1 – Il pour la voix, POUR : l'unanimité"),
    # typed text kept: Roman numerals, initials, ordinals, units, lettered items, codes
    ("article L. 5214-16-I, l'article 5-II, Titre III-2, n° 2024-II", "article L. 5214-16-I, l'article 5-II, Titre III-2, n° 2024-II"),
    ("Présents : I. MARTIN – Pouvoirs : O. LEFEBVRE à P. DURAND", "Présents : I. MARTIN – Pouvoirs : O. LEFEBVRE à P. DURAND"),
    ("1o) une cuve de 1000l, 2o de l'article", "1o) une cuve de 1000l, 2o de l'article"),
    ("l) de fixer les tarifs", "l) de fixer les tarifs"), ("I 12 15", "I 12 15"),
    ("I - Budget, Olivier, IO, 1er, B2019, 10bis, Il a 3 ans, le l.", "I - Budget, Olivier, IO, 1er, B2019, 10bis, Il a 3 ans, le l."),
])
def test_ocr_letters_inside_numbers_are_digits(text, expected):
    from pipeline.loaders.ocr_text import digit_letters
    assert digit_letters(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cornrnune de Bazouges-la-Claire", "Commune de Bazouges-la-Claire"),
    ("Mrne Françoise LE ROUX, rnaire, le 14 septernbre", "Mme Françoise LE ROUX, maire, le 14 septembre"),
    ("le gouvernement, une journée interne", "le gouvernement, une journée interne"),
])
def test_ocr_rn_is_m_in_council_words(text, expected):
    from pipeline.loaders.ocr_text import rn_words
    assert rn_words(text) == expected


def test_a_flattened_page_is_cut_back_into_lines_and_a_paragraph_is_not():
    """A second-hand dev text whose page lost its line breaks (dev/154: letterhead, opening,
    counts, lists and items on a few long lines) against the seed strategy's long typed
    paragraphs (one line of 1,153 characters, sentence after sentence), kept whole."""
    from pipeline.loaders.text_flat import unflatten
    flat = (SECOND_HAND / "154.txt").read_text(encoding="utf-8").split("\n")
    pieces = [p for _, p in unflatten(enumerate(flat))]
    assert pieces[:3] == ["COMMUNE DE LA HAIE-MAURAND", "Loire-Atlantique",
                          "COMPTE RENDU DU CONSEIL MUNICIPAL DU MARDI 11 AVRIL 2023"]
    assert "En exercice : 23." in pieces and "Présents : 19." in pieces
    typed = (Path(__file__).resolve().parents[1] / "samples" / "003_323ff29db9cff2b0.txt").read_text(encoding="utf-8")
    assert [p for _, p in unflatten(enumerate(typed.split("\n")))] == typed.split("\n")
