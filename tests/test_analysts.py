"""What analysts load: typed frames, provenance keys, sittings and members, the data package,
unique finding ids, and the CLI around them (issue 15)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline import api
from pipeline.cli import main, parser
from pipeline.datapackage import duckdb_sql
from schemas.tables import KEYS, TABLE_NAMES, columns

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DELIB = [SAMPLES / "000_947d8fbb682aad0d.txt", SAMPLES / "hautes-terres-deliberation-2024.pdf"]
LANNION = ROOT.parent / "shared" / "corpus" / "real" / "mthlht__lannion_cm"
CHEMERE = ROOT.parent / "shared" / "corpus" / "real" / "regardscitoyens__CM-chemere"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    api.ingest(DELIB, folder, workers=1)
    return folder


@pytest.fixture(scope="module")
def frames(out):
    return api.frames(out)


def test_frames_are_typed(frames):
    d = frames["deliberations"]
    assert str(d["presents"].dtype) == "Int32" and str(d["unanimite"].dtype) == "boolean"
    assert str(d["session_date"].dtype).startswith("datetime64")
    assert d["session_date"].iloc[0] == pd.Timestamp("2024-04-11")
    assert d["presents"].tolist() == [29, 29]


def test_provenance_keys_are_typed_columns(frames):
    prov = frames["provenance"]
    delib = prov[prov["table"] == "deliberations"]
    assert set(delib["record_key"]) == {"seq=1"} and set(delib["key_seq"]) == {1}
    assert str(prov["key_seq"].dtype) == "Int32"
    joined = delib.merge(frames["deliberations"], left_on=["doc_id", "key_seq"], right_on=["doc_id", "seq"])
    assert len(joined) == len(delib)


def test_sittings_and_members_of_hautes_terres(frames):
    s = frames["sittings"]
    assert len(s) == 2  # one per file: the text and the PDF
    assert s[["presents", "pouvoirs", "membres_en_exercice", "deliberations", "members_listed",
              "members_present"]].drop_duplicates().values.tolist() == [[29, 12, 57, 1, 57, 29]]
    m = frames["members"]
    assert len(m) == 114 and (m.groupby("doc_id").size() == 57).all()
    delpirou = m[m.name == "Denis DELPIROU"].iloc[0]
    assert (delpirou.status, delpirou.proxies_held, list(delpirou.proxy_givers)) == ("present", 1, ["Gilles AMAT"])
    amat = m[m.name == "Gilles AMAT"].iloc[0]
    assert (amat.status, amat.excused, amat.proxy_holder) == ("absent", True, "Denis DELPIROU")
    assert set(m.status) == {"present", "absent"}


def test_table_keys_are_unique(frames):
    for table in ("sittings", "members", "deliberations", "attendance", "findings"):
        assert not frames[table].duplicated(list(KEYS[table])).any(), table


@pytest.mark.skipif(not LANNION.is_dir(), reason="../shared absent")
def test_findings_key_is_unique_on_real_documents(tmp_path):
    """Lannion's 8 June minutes have two rows labelled "Conseiller délégué" in one table, and
    Chéméré's 15 Sept. 2015 two columns headed "Dépenses": findings there must keep one id each
    (the one true finding left: 66 891 € of expenses where the DM prints 67 891 €)."""
    docs = [LANNION / "Procès verbal du conseil municipal du 8 juin.pdf", CHEMERE / "CM 15 septembre 2015.pdf"]
    api.ingest(docs, tmp_path, workers=2)
    f = api.frames(tmp_path, ["findings"])["findings"]
    assert len(f) >= 1
    assert not f.duplicated(["doc_id", "finding_id"]).any()
    assert f.finding_id.notna().all()


def test_findings_whose_subjects_read_the_same_get_ids_from_where_they_point():
    """Two cells of one column headed "Dépenses" twice (Chéméré's 15 Sept. 2015 budget): one
    subject, two places; each id also hashes its page and line, the same from run to run."""
    from checks import unique_ids

    def rows():
        same = [{"doc_id": "d", "check_id": "table.column_total", "finding_id": "f0", "page": 8, "line": line,
                 "subject": "table t3 column Dépenses row Total section de fonctionnement"} for line in (12, 31)]
        return same + [{"doc_id": "d", "check_id": "votes.result_consistent", "finding_id": "f1", "page": 10,
                        "line": 4, "subject": "deliberation 11"}]
    first = unique_ids(rows())
    assert len({r["finding_id"] for r in first}) == 3 and first[2]["finding_id"] == "f1"
    assert [r["finding_id"] for r in unique_ids(rows())] == [r["finding_id"] for r in first]


def test_datapackage_describes_every_table(out):
    from frictionless import Package

    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert Package.validate_descriptor(package).valid
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLE_NAMES)
    for table, r in resources.items():
        assert [f["name"] for f in r["schema"]["fields"]] == columns(table)
        assert r["schema"]["primaryKey"] == list(KEYS[table])
        assert all((out / p).is_file() for p in r["path"])
    votants = next(f for f in resources["deliberations"]["schema"]["fields"] if f["name"] == "votants")
    assert (votants["type"], votants["description"]) == ("integer", "Voters, as stated.")


def test_duckdb_views_carry_the_descriptions(out):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.sql(duckdb_sql(out))
    [(comment,)] = con.sql("select comment from duckdb_columns() where table_name = 'members' "
                           "and column_name = 'proxies_held'").fetchall()
    assert comment == "Distinct members whose proxy this member held during the sitting."
    assert con.sql("select count(*) from members").fetchall() == [(114,)]


def test_readme_duckdb_example_keeps_every_finding(out, tmp_path, monkeypatch):
    """The README's example, run as written from a folder where `out/` is: one row per finding,
    those of tables (no seq) included."""
    pytest.importorskip("duckdb")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("from a folder holding `out/`):\n\n```python\n", 1)[1].split("```", 1)[0]
    block = block.split("import polars")[0]  # polars is not a dependency of ours
    monkeypatch.chdir(tmp_path)
    os.symlink(out, tmp_path / "out")
    scope: dict = {}
    exec(block.replace(".show()", ".df()"), scope)
    assert len(scope["report"]) == len(api.frames(out, ["findings"])["findings"]) == 6


def test_describe_and_read_document(out):
    d = api.describe("sittings")
    assert d.loc[d.column == "presents", "description"].item().startswith("Members present")
    rows = api.read_document(out, DELIB[1])
    assert rows["deliberations"]["objet"].str.startswith("Validation de l'annexe").all()
    assert len(rows["deliberations"]) == 1 and len(rows["attendance"]) == 57


def test_renamed_file_is_neither_pruned_nor_read_again(tmp_path):
    folder = tmp_path / "pvs"
    folder.mkdir()
    for f in (SAMPLES / "000_947d8fbb682aad0d.txt", SAMPLES / "003_323ff29db9cff2b0.txt"):
        shutil.copy(f, folder / f.name)
    first = api.ingest([folder], tmp_path / "out", workers=1)
    (folder / "000_947d8fbb682aad0d.txt").rename(folder / "deliberation-2024CC052.txt")
    second = api.ingest([folder], tmp_path / "out", workers=1, prune=True)
    assert (second.renamed, second.pruned, second.read, second.unchanged) == (1, 0, 0, 2)
    assert second.tables == first.tables
    third = api.ingest([folder], tmp_path / "out", workers=1, prune=True)
    assert (third.renamed, third.pruned, third.read) == (0, 0, 0)


def test_version_and_examples_in_every_help(capsys):
    assert main(["--version"]) == 0  # argparse's exit, returned by main (pipeline/cli.py)
    assert capsys.readouterr().out.strip() == "registre 0.1.0 (pipeline 0.6.19)"
    p = parser()
    assert "examples:" in p.format_help()
    for name, sub in p._subparsers._group_actions[0].choices.items():
        assert "example:" in sub.format_help(), name


def test_wrapper_reads_paths_from_the_callers_folder(tmp_path):
    (tmp_path / "pvs").mkdir()
    shutil.copy(SAMPLES / "000_947d8fbb682aad0d.txt", tmp_path / "pvs")
    done = subprocess.run([str(ROOT / "registre"), "ingest", "pvs", "--out", "o", "--workers", "1"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "o" / "deliberations").is_dir() and (tmp_path / "o" / "datapackage.json").is_file()
