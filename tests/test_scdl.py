"""`registre export scdl`: SCDL Délibérations from real documents, validated with frictionless."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export import REQUIRED, SCDL_COLUMNS, export_scdl
from schemas.actes import LEVEL1, LEVEL2, scdl_name

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "scdl_deliberations.json"
DATA = ROOT / "tests" / "data" / "scdl"
LANNION = ROOT.parent / "shared" / "corpus" / "real" / "mthlht__lannion_cm"
HAUTES_TERRES = [ROOT / "samples" / "000_947d8fbb682aad0d.txt", ROOT / "samples" / "hautes-terres-deliberation-2024.pdf"]


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def validate(path: Path, schema: dict | None = None):
    from frictionless import Resource, Schema

    schema = Schema.from_descriptor(schema or json.loads(SCHEMA.read_text(encoding="utf-8")))
    return Resource(path=path.name, basepath=str(path.parent), schema=schema).validate()


@pytest.fixture(scope="module")
def hautes_terres(tmp_path_factory):
    """The Hautes Terres deliberation read from its text and from its PDF (one act, two copies)."""
    out = tmp_path_factory.mktemp("ht")
    assert main(["ingest", *map(str, HAUTES_TERRES), "--out", str(out), "--workers", "1"]) == 0
    assert main(["export", "scdl", "--out", str(out), "--collectivites", str(DATA / "collectivites.csv"),
                 "--url-base", "https://example.fr/actes/"]) == 0
    return out / "scdl"


@pytest.fixture(scope="module")
def lannion(tmp_path_factory):
    if not LANNION.is_dir():
        pytest.skip("../shared absent")
    out = tmp_path_factory.mktemp("lannion")
    pdfs = [LANNION / "Procès verbal du conseil municipal du 25 mai.pdf",
            LANNION / "Procès verbal du conseil municipal du 8 juin.pdf"]
    assert main(["ingest", *map(str, pdfs), "--out", str(out), "--workers", "1"]) == 0
    export_scdl(out, DATA / "collectivites-lannion.csv")
    return out / "scdl"


def test_the_table_schema_is_scdl_2_1_5():
    from frictionless import Schema

    descriptor = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema = Schema.from_descriptor(descriptor)
    assert schema.field_names == SCDL_COLUMNS
    assert [f.name for f in schema.fields if f.constraints.get("required")] == REQUIRED
    assert schema.get_field("COLL_SIRET").constraints["pattern"] == r"^\d{14}$"
    assert schema.get_field("DELIB_MATIERE_CODE").constraints["pattern"] == r"^\d\.\d{1,2}$"
    assert descriptor["sources"][0]["path"] == "https://schema.data.gouv.fr/scdl/deliberations/2.1.5/documentation.html"


def test_one_act_read_from_two_files_is_one_row(hautes_terres):
    ours = read(hautes_terres / "deliberations.registre.csv")
    assert len(ours) == 1 and len(ours[0]["doc_ids"].split()) == 2
    assert ours[0]["collectivite_found_by"] == "siren"


def test_a_row_without_a_matiere_is_rejected_with_its_reason(hautes_terres):
    """The object ("Validation de l'annexe … convention d'objectifs et de moyens …") names no
    matière the rules know: no code is guessed, the act goes to rejects.csv."""
    assert read(hautes_terres / "deliberations.csv") == []
    (row,) = read(hautes_terres / "rejects.csv")
    assert row["reason"] == ("DELIB_MATIERE_CODE missing: no matière on the stamp, and the object does not give "
                             "one with confidence; DELIB_MATIERE_NOM missing: follows DELIB_MATIERE_CODE")
    assert (row["COLL_NOM"], row["COLL_SIRET"], row["DELIB_ID"], row["DELIB_DATE"]) == \
        ("Hautes Terres Communauté", "20006663700000", "2024CC052", "2024-04-11")
    assert (row["PREF_ID"], row["PREF_DATE"]) == ("PREF015", "2024-04-16")
    assert [row[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")] == \
        ["57", "41", "41", "0", "0"]
    assert row["DELIB_URL"] == "https://example.fr/actes/hautes-terres-deliberation-2024.pdf"


def test_frictionless_finds_in_the_rejects_what_the_export_kept_out(hautes_terres, tmp_path):
    assert validate(hautes_terres / "deliberations.csv").valid
    rejects = tmp_path / "rejects-scdl.csv"
    rows = read(hautes_terres / "rejects.csv")
    with open(rejects, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, SCDL_COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    report = validate(rejects)
    assert sorted((e.type, e.field_name) for e in report.tasks[0].errors) == \
        [("constraint-error", "DELIB_MATIERE_CODE"), ("constraint-error", "DELIB_MATIERE_NOM")]


def test_lannion_rows_are_valid_scdl(lannion):
    report = validate(lannion / "deliberations.csv")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    rows = read(lannion / "deliberations.csv")
    # 28 items (25 May: 3 voted, 8 June: 25); 16 with a matière from their object, 12 without
    assert len(rows) == 16 and len(read(lannion / "rejects.csv")) == 12
    assert {r["COLL_NOM"] for r in rows} == {"Lannion"}  # "commune de LANNION", found by name
    for row in rows:  # Validata's nomenclature check, and the code matching the name
        assert row["DELIB_MATIERE_CODE"] in LEVEL2
        assert row["DELIB_MATIERE_NOM"] == scdl_name(row["DELIB_MATIERE_CODE"])
        assert row["DELIB_MATIERE_NOM"].split("/")[0] in {t.lower() for t in LEVEL1.values()}
    first = {r["DELIB_ID"]: r for r in rows}["2020-05-25-3"]
    assert (first["DELIB_OBJET"], first["DELIB_MATIERE_CODE"], first["DELIB_MATIERE_NOM"]) == \
        ("Election des adjoints", "5.1", "institutions et vie politique/election exécutif")
    assert len({r["DELIB_ID"] for r in rows}) == len(rows)


def test_item_numbers_of_minutes_become_unique_ids(lannion):
    ids = [r["DELIB_ID"] for r in read(lannion / "deliberations.csv") + read(lannion / "rejects.csv")]
    assert "2020-05-25-3" in ids and "2020-06-08-3" in ids
    assert len(ids) == len(set(ids)) == 28  # items 1-3 of 25 May (4 is a reading, no vote), 1-25 of 8 June


def test_two_acts_with_one_id_both_go_to_rejects():
    from pipeline.export import _unique_ids

    good = [({"COLL_SIRET": "1" * 14, "DELIB_ID": "12", "COLL_NOM": "X"}, {}),
            ({"COLL_SIRET": "1" * 14, "DELIB_ID": "12", "COLL_NOM": "X"}, {}),
            ({"COLL_SIRET": "1" * 14, "DELIB_ID": "13", "COLL_NOM": "X"}, {})]
    assert [r["DELIB_ID"] for r, _ in _unique_ids(good)] == ["12", "12"]


def test_export_needs_tables(tmp_path, capsys):
    assert main(["export", "scdl", "--out", str(tmp_path)]) == 2
    assert "pas de tables ici" in capsys.readouterr().err
