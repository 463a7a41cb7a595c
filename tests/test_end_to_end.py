"""`registre ingest samples/` end to end: the contract of issue 2, on the real samples."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from schemas.tables import TABLE_NAMES, columns

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TEXT_DELIB, PDF_DELIB = "000_947d8fbb682aad0d.txt", "hautes-terres-deliberation-2024.pdf"
TEXT_STRAT, PDF_STRAT = "003_323ff29db9cff2b0.txt", "api-strategie-marketing.pdf"
SCAN = "hautes-terres-deliberation-2024-scan.pdf"
SEEDS = [TEXT_DELIB, PDF_DELIB, TEXT_STRAT, PDF_STRAT]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """The four typed samples ingested by the CLI, exactly as the README runs it."""
    folder = tmp_path_factory.mktemp("out")
    code = main(["ingest", *[str(SAMPLES / s) for s in SEEDS], "--out", str(folder), "--workers", "1"])
    assert code == 0
    return folder


@pytest.fixture(scope="module")
def tables(out):
    return {t: pd.read_parquet(out / t) for t in TABLE_NAMES if (out / t).is_dir()}


def doc_id(tables, name):
    docs = tables["documents"]
    return docs.loc[docs.source_path.str.endswith(name), "doc_id"].item()


def test_every_table_has_its_documented_columns(tables):
    for name in TABLE_NAMES:
        assert list(tables[name].columns) == columns(name), name


def test_counts_per_table(tables):
    assert len(tables["documents"]) == 4
    assert (tables["documents"].status == "ok").all()
    assert len(tables["deliberations"]) == 2
    assert len(tables["objectives"]) == 200
    assert len(tables["fiches"]) == 26
    assert len(tables["proxies"]) == 24


def test_duckdb_reads_every_table(out, tables):
    duckdb = pytest.importorskip("duckdb")
    for name in TABLE_NAMES:
        n = duckdb.sql(f"select count(*) from read_parquet('{out / name}/*.parquet')").fetchall()[0][0]
        assert n == len(tables[name]), name


def test_typed_columns(out):
    import pyarrow.parquet as pq

    schema = pq.read_schema(next((out / "deliberations").glob("*.parquet")))
    assert str(schema.field("session_date").type) == "date32[day]"
    assert str(schema.field("votants").type) == "int32"
    assert str(schema.field("unanimite").type) == "bool"


def _without_provenance(df: pd.DataFrame, drop=("doc_id", "page", "page_start", "page_end")):
    keep = [c for c in df.columns if c not in drop]
    rows = df[keep].astype(str).apply(tuple, axis=1)
    return sorted(rows)


@pytest.mark.parametrize("table,text,pdf", [
    ("attendance", TEXT_DELIB, PDF_DELIB), ("proxies", TEXT_DELIB, PDF_DELIB),
    ("decisions", TEXT_DELIB, PDF_DELIB), ("objectives", TEXT_DELIB, PDF_DELIB),
    ("summaries", TEXT_DELIB, PDF_DELIB), ("fiches", TEXT_STRAT, PDF_STRAT),
    ("table_cells", TEXT_STRAT, PDF_STRAT), ("table_cells", TEXT_DELIB, PDF_DELIB),
])
def test_pdf_and_text_give_the_same_rows(tables, table, text, pdf):
    df = tables[table]
    drop = ("doc_id", "page", "page_start", "page_end", "line")
    a = _without_provenance(df[df.doc_id == doc_id(tables, text)], drop)
    b = _without_provenance(df[df.doc_id == doc_id(tables, pdf)], drop)
    assert a and a == b


def test_pdf_and_text_give_the_same_deliberation_but_the_stamp(tables):
    d = tables["deliberations"].set_index("doc_id")
    stamp = ["acte_id", "siren", "numero", "page_end"]
    text, pdf = d.loc[doc_id(tables, TEXT_DELIB)], d.loc[doc_id(tables, PDF_DELIB)]
    assert text.drop(stamp).astype(str).to_dict() == pdf.drop(stamp).astype(str).to_dict()
    assert pdf.acte_id == "015-200066637-20240411-2024CC052-DE"
    assert (pdf.siren, pdf.numero) == ("200066637", "2024CC052")


def test_findings_are_exactly_the_planted_inconsistencies(tables):
    f = tables["findings"]
    got = sorted(zip(f.check_id, f.severity, f.doc_id.map(tables["documents"].set_index("doc_id").source_path.map(lambda p: Path(p).name))))
    expected = sorted([("objectives.summary_percent", "error", name) for name in (TEXT_DELIB, PDF_DELIB)
                       for _ in range(3)] +
                      [("fiche.cost_matches_table", "warning", name) for name in (TEXT_STRAT, PDF_STRAT)])
    assert got == expected


def test_finding_points_at_the_source_line(tables):
    f = tables["findings"]
    row = f[(f.check_id == "fiche.cost_matches_table") & (f.doc_id == doc_id(tables, PDF_STRAT))].iloc[0]
    assert row.subject == "fiche E.10"
    assert (row.expected, row.actual) == ("157500", "150000")
    assert "150000 € TTC" in row.quote
    assert row.page == 20


def test_report_quotes_escaped_source(out):
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "objectives.summary_percent" in html and "fiche.cost_matches_table" in html
    pages = "".join(p.read_text(encoding="utf-8") for p in (out / "report").glob("*.html"))
    assert "48 % des actions prévues" in pages
    assert "<script" not in pages.lower()  # document pages run no script (the index runs its own filters)
    assert (out / "report.md").read_text(encoding="utf-8").count("fiche.cost_matches_table") >= 2


def test_scan_is_recorded_failed_and_batch_goes_on(tmp_path):
    scan = tmp_path / SCAN
    scan.write_bytes((SAMPLES / SCAN).read_bytes())
    code = main(["ingest", str(scan), str(SAMPLES / TEXT_DELIB), "--out", str(tmp_path / "o"),
                 "--workers", "1", "--ocr", "never"])
    assert code == 1
    docs = pd.read_parquet(tmp_path / "o" / "documents")
    failed = docs[docs.status == "failed"]
    assert failed.source_path.str.endswith(SCAN).all() and len(failed) == 1
    assert "OCR" in failed.error.item() and SCAN in failed.error.item()
    assert len(pd.read_parquet(tmp_path / "o" / "deliberations")) == 1


def test_check_command_recomputes_findings_only_where_they_change(out, tables, capsys, monkeypatch, tmp_path):
    import shutil

    import checks.rules

    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    log = copy / ".registre" / "manifest.jsonl"
    (copy / "report.html").unlink()
    commits = log.read_text().splitlines()
    assert main(["check", "--out", str(copy)]) == 0
    assert (copy / "report.html").exists()
    assert log.read_text().splitlines() == commits  # same rules, same findings: nothing rewritten
    assert "findings: error 6, warning 2" in capsys.readouterr().out
    # A rule withdrawn (an update of the rules): its findings go, the others stay as they were.
    monkeypatch.delitem(checks.rules.CHECKS, "fiche.cost_matches_table")
    assert main(["check", "--out", str(copy)]) == 0
    after = pd.read_parquet(copy / "findings")
    assert sorted(after.check_id.unique()) == ["objectives.summary_percent"] and len(after) == 6
    report = (copy / "report.md").read_text(encoding="utf-8")
    assert "fiche.cost_matches_table" not in report.split("## Depuis le rapport précédent")[0]  # not counted
    assert "2 corrigées" in report  # but said fixed since the previous report
    monkeypatch.undo()
    assert main(["check", "--out", str(copy)]) == 0
    again = pd.read_parquet(copy / "findings")
    key = ["doc_id", "check_id", "subject"]
    assert again.sort_values(key).reset_index(drop=True).astype(str).equals(
        tables["findings"].sort_values(key).reset_index(drop=True).astype(str))


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing.pdf"), "--out", str(tmp_path)]) == 2
    assert "missing.pdf" in capsys.readouterr().err
    assert main(["check", "--out", str(tmp_path / "nothing")]) == 2
