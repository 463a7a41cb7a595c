"""Scanned deliberations read by OCR give the same facts as the typed PDF.

The scan (samples/hautes-terres-deliberation-2024-scan.pdf) is the typed PDF printed,
signed and scanned at 150 dpi: no text layer, a little skew, speckles. OCR takes
~2-3 s a page, so each file is processed once per module.
"""
from __future__ import annotations

import collections
from pathlib import Path

import pytest

from pipeline.loaders.ocr import available
from pipeline.settings import Settings
from pipeline.stages import process

SAMPLES = Path(__file__).parent.parent / "samples"
TYPED = SAMPLES / "hautes-terres-deliberation-2024.pdf"
SCAN = SAMPLES / "hautes-terres-deliberation-2024-scan.pdf"

pytestmark = pytest.mark.skipif(available() is not None, reason=f"OCR tests need Tesseract: {available()}")


def _records(result, table):
    return [{k: v for k, v in row.items() if k != "doc_id"} for row in result.rows.get(table, [])]


@pytest.fixture(scope="module")
def typed():
    return process(TYPED)


@pytest.fixture(scope="module")
def scan():
    return process(SCAN)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Page 1 of the typed PDF followed by page 2 of the scan."""
    import pypdfium2 as pdfium

    out = tmp_path_factory.mktemp("ocr") / "mixed.pdf"
    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(str(TYPED)), [0])
    doc.import_pages(pdfium.PdfDocument(str(SCAN)), [1])
    doc.save(str(out))
    return process(out)


def test_scan_is_read_by_ocr(scan):
    row = scan.rows["documents"][0]
    assert scan.ok and row["status"] == "ok"
    assert row["text_layer"] == "ocr"
    assert 85 <= row["ocr_confidence"] <= 100


def test_typed_pdf_has_a_native_text_layer(typed):
    row = typed.rows["documents"][0]
    assert row["text_layer"] == "native" and row["ocr_confidence"] is None


@pytest.mark.parametrize("table", ["deliberations", "attendance", "proxies"])
def test_scan_gives_the_typed_rows(typed, scan, table):
    assert _records(scan, table) == _records(typed, table)


def test_scan_deliberation_values(scan):
    (row,) = scan.rows["deliberations"]
    assert (row["numero"], row["presents"], row["pouvoirs"], row["votants"], row["contre"]) == (
        "2024CC052", 29, 12, 41, 0)
    giver = {p["giver"]: p["holder"] for p in scan.rows["proxies"]}
    assert giver["Emmanuelle LAMBERT-DELHOMME"] == "Gilles CHABRIER"  # OCR read it across a line break


def test_scan_objectives(typed, scan):
    ours, theirs = scan.rows["objectives"], typed.rows["objectives"]
    assert [o["number"] for o in ours] == list(range(1, 101))
    assert collections.Counter(o["status"] for o in ours) == collections.Counter(o["status"] for o in theirs)
    assert [o["status"] for o in ours] == [o["status"] for o in theirs]
    differing = sum(a["label"] != b["label"] for a, b in zip(ours, theirs))
    assert differing <= 8  # OCR noise: "là collecte", "(0DG)", "les. sensibiliser"


def test_scan_provenance_has_page_geometry(scan):
    prov = [p for p in scan.rows["provenance"] if p["table"] == "deliberations" and p["field"] == "presents"]
    assert prov and prov[0]["page"] == 1 and 0 < prov[0]["x0"] < prov[0]["x1"] < 596


def test_scan_provenance_has_ocr_confidence(scan, typed):
    """Tesseract's confidence of the count line (its lowest word holding a letter or digit)."""
    prov = {p["field"]: p for p in scan.rows["provenance"] if p["table"] == "deliberations"}
    assert 80 <= prov["presents"]["confidence"] <= 100 and prov["votants"]["confidence"] == prov["presents"]["confidence"]
    assert all(p["confidence"] is None for p in typed.rows["provenance"])


def test_mixed_file(mixed):
    row = mixed.rows["documents"][0]
    assert mixed.ok and row["text_layer"] == "mixed" and row["page_count"] == 2
    (delib,) = mixed.rows["deliberations"]
    assert delib["presents"] == 29


def test_ocr_never_fails_a_scan_saying_why():
    result = process(SCAN, Settings(ocr="never"))
    assert not result.ok
    assert "OCR est désactivé" in result.error


def test_count_repairs():
    from pipeline.loaders.ocr_repair import UNSURE, repair_line, repair_number_column, repair_words

    assert repair_words([("Présents", 96), (":", 93), ("2O", 88)], 50) == ["Présents", ":", "20"]
    assert repair_words([("Abstention", 96), (":", 93), ("O", 80)], 50) == ["Abstention", ":", "0"]
    assert repair_words([("Pour", 96), (":", 93), ("4l", 31)], 50) == ["Pour", ":", UNSURE]
    assert repair_words([("Secrétaire", 96), (":", 93), ("Il", 90)], 50) == ["Secrétaire", ":", "Il"]
    assert repair_line("Emmanuelle LAMBERT - DELHOMME, Bernard PAGENEL.,") == (
        "Emmanuelle LAMBERT-DELHOMME, Bernard PAGENEL,")
    assert repair_number_column(["L", "2", "3", "4", "59 -"]) == ["1", "2", "3", "4", "59"]


def test_unsure_count_is_left_empty():
    from extractors.normalise import parse_int
    from pipeline.loaders.ocr_repair import UNSURE

    assert parse_int(UNSURE) is None


def test_unsure_count_in_a_deliberation_is_null(tmp_path):
    """`Pour : [?]` (a count OCR read below the confidence threshold) -> pour is null."""
    from pipeline.loaders.ocr_repair import UNSURE

    text = (SAMPLES / "000_947d8fbb682aad0d.txt").read_text(encoding="utf-8")
    assert "Pour : 41" in text
    path = tmp_path / "unsure.txt"
    path.write_text(text.replace("Pour : 41", f"Pour : {UNSURE}"), encoding="utf-8")
    (row,) = process(path).rows["deliberations"]
    assert row["pour"] is None and row["votants"] == 41


def test_unsure_counts_and_stamp_ids():
    """A count or a stamp id read below the threshold is left empty, never guessed:
    "Membres en exercice : 42" (for 12, read at 78) made two false findings."""
    from pipeline.loaders.ocr_repair import UNSURE, repair_words

    assert repair_words([("Délégués", 96), ("en", 96), ("exercice", 96), (":", 93), ("42", 78)], 80) == [
        "Délégués", "en", "exercice", ":", UNSURE]
    assert repair_words([("Contre", 93), (":", 93), ("O0", 54)], 80) == ["Contre", ":", "00"]  # a zero either way
    assert repair_words([("Pour", 93), (":9", 77)], 80) == ["Pour", ": [?]"]
    assert repair_words([("Membres.", 90), ("en", 90), ("exercice", 90), (":", 90), ("20", 90)], 80) == [
        "Membres", "en", "exercice", ":", "20"]
    assert repair_words([("Délégués", 90), ("en.exercice", 90), (":", 90), ("14", 90)], 80) == [
        "Délégués", "en exercice", ":", "14"]
    stamp = "015:200066637-20240402-2024040-DE"
    assert repair_words([("1D", 50), (":", 90), (stamp, 81)], 80, 70) == [
        "ID", ":", "015-200066637-20240402-2024040-DE"]
    assert repair_words([("ID", 50), (":", 90), (stamp, 58)], 80, 70) == ["ID", ":", UNSURE]


def test_name_list_repairs():
    from pipeline.loaders.ocr_repair import repair_line

    assert repair_line("Pouvoirs : ROSSEEL Philippe pouvoir à. LESCURE Luc, M: Louis GARCIA") == (
        "Pouvoirs : ROSSEEL Philippe pouvoir à LESCURE Luc, M. Louis GARCIA")
    assert repair_line("M..Guy RIGAL, Louis. GARCIA, Anne-Marie . BONNET (pouvoir") == (
        "M. Guy RIGAL, Louis GARCIA, Anne-Marie BONNET (pouvoir")


def test_flat_marks_are_dashes():
    """"DUPUY Thierry : BATIFOULIER" - the ":" was one flat bar of ink: a hyphen."""
    from pipeline.loaders.ocr_repair import flat_dash

    assert flat_dash(":", 2.4, 1.44) == "-"
    assert flat_dash("=", 5.76, 1.44) == "–"
    assert flat_dash(":", 0.96, 5.76) == ":"  # a real colon: two dots


def test_a_box_around_counts_is_not_a_table():
    from pipeline.loaders.ocr import OcrPage
    from pipeline.loaders.ocr_rules import is_frame, tables

    page = OcrPage(1, 596, 842, rules=([(314, 56, 232), (396, 56, 232)], [(56, 314, 396), (232, 314, 396)]))
    ((_, cells),) = tables(page)
    assert is_frame(cells)
