"""Batch ingestion: incremental re-runs, replaced and removed files, locking, compaction, faults."""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import api, store
from pipeline.cli import main
from pipeline.manifest import Manifest
from pipeline.settings import Settings
from schemas.tables import KEYS, TABLE_NAMES

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DELIB, STRAT = SAMPLES / "000_947d8fbb682aad0d.txt", SAMPLES / "003_323ff29db9cff2b0.txt"
PDF = SAMPLES / "hautes-terres-deliberation-2024.pdf"


def corpus(folder: Path, n_delib: int = 2, n_strat: int = 1) -> Path:
    """Copies of the text samples, each with different bytes (trailing blank lines)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_delib):
        (folder / f"delib-{i}.txt").write_bytes(DELIB.read_bytes() + b"\n" * (i + 1))
    for i in range(n_strat):
        (folder / f"strat-{i}.txt").write_bytes(STRAT.read_bytes() + b"\n" * (i + 1))
    return folder


def snapshot(out: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the write time: what two runs must agree on."""
    got = {}
    for table in TABLE_NAMES:
        df = pd.read_parquet(out / table).drop(columns=["ingested_at"], errors="ignore")
        got[table] = sorted(df.astype(str).apply(tuple, axis=1))
    return got


def assert_no_duplicates(out: Path) -> None:
    for table in TABLE_NAMES:
        df = pd.read_parquet(out / table)
        keys = [k for k in KEYS[table] if k != "line" or table == "summaries"]
        if table in ("documents", "deliberations", "fiches", "objectives", "findings"):
            assert not df.duplicated(keys).any(), table


def log_lines(out: Path) -> int:
    return len((out / ".registre" / "manifest.jsonl").read_text().splitlines())


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """Three documents ingested once."""
    root = tmp_path_factory.mktemp("batch")
    src = corpus(root / "src")
    summary = api.ingest([src], root / "out", workers=1, batch_size=2)
    return root, src, summary


def test_first_run_reads_everything_in_batches(first):
    root, src, summary = first
    assert (summary.read, summary.unchanged, summary.batches) == (3, 0, 2)
    assert summary.tables["documents"] == 3 and summary.tables["deliberations"] == 2
    assert sorted(f.name for f in (root / "out" / "documents").iterdir()) == ["part-000001.parquet",
                                                                           "part-000002.parquet"]


def test_rerun_does_nothing_new(first, tmp_path):
    root, src, _ = first
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    before, lines = snapshot(out), log_lines(out)
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged, summary.batches) == (0, 3, 0)
    assert log_lines(out) == lines and snapshot(out) == before


def test_touched_file_with_same_bytes_is_not_read_again(first, tmp_path):
    root, src, _ = first
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    os.utime(src / "delib-0.txt", ns=(1, 1))
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged) == (0, 3)


def test_changed_file_replaces_its_own_rows(tmp_path):
    src, out = corpus(tmp_path / "src"), tmp_path / "out"
    api.ingest([src], out, workers=1, batch_size=2)
    old = pd.read_parquet(out / "documents").set_index("source_path").loc[str(src / "delib-0.txt"), "doc_id"]
    (src / "delib-0.txt").write_bytes(STRAT.read_bytes() + b"\n" * 9)  # now a strategy document
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged) == (1, 2)
    for table in TABLE_NAMES:
        assert old not in set(pd.read_parquet(out / table).doc_id), table
    assert len(pd.read_parquet(out / "documents")) == 3
    assert len(pd.read_parquet(out / "deliberations")) == 1
    assert len(pd.read_parquet(out / "fiches")) == 26
    findings = pd.read_parquet(out / "findings")  # 3 summary % of delib-1, E.10's cost in each strategy
    assert sorted(findings.check_id) == ["fiche.cost_matches_table"] * 2 + ["objectives.summary_percent"] * 3
    assert_no_duplicates(out)


def test_removed_file_keeps_its_rows_unless_prune(tmp_path):
    src, out = corpus(tmp_path / "src"), tmp_path / "out"
    api.ingest([src], out, workers=1)
    (src / "delib-1.txt").unlink()
    summary = api.ingest([src], out, workers=1)
    assert summary.removed_kept == 1 and len(pd.read_parquet(out / "deliberations")) == 2
    summary = api.ingest([src], out, workers=1, prune=True)
    assert summary.pruned == 1
    assert len(pd.read_parquet(out / "documents")) == 2
    assert len(pd.read_parquet(out / "deliberations")) == 1
    assert len(pd.read_parquet(out / "objectives")) == 100
    assert len(pd.read_parquet(out / "findings")) == 3 + 1


def test_same_bytes_under_two_names_give_rows_once(tmp_path):
    src, out = corpus(tmp_path / "src", 1, 0), tmp_path / "out"
    shutil.copy(src / "delib-0.txt", src / "copy.txt")
    summary = api.ingest([src], out, workers=1)
    assert summary.documents == 2 and summary.read == 1
    assert len(pd.read_parquet(out / "documents")) == 1
    assert len(pd.read_parquet(out / "deliberations")) == 1
    assert len(Manifest.open(out).docs) == 2


def test_force_rereads_without_duplicates(first, tmp_path):
    root, src, _ = first
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    before = snapshot(out)
    summary = api.ingest([src], out, workers=1, force=True)
    assert summary.read == 3
    assert snapshot(out) == before


def test_second_run_on_the_same_out_refuses(first, tmp_path, capsys):
    root, src, _ = first
    out = tmp_path / "out"
    with api.locked(out):
        assert main(["ingest", str(src), "--out", str(out), "--workers", "1"]) == 2
    assert "une autre exécution de registre écrit ici" in capsys.readouterr().err
    assert not (out / "documents").exists()


def test_compaction_keeps_content(tmp_path):
    src, out = corpus(tmp_path / "src", 3, 2), tmp_path / "out"
    api.ingest([src], out, workers=1, batch_size=1, compact_after=0)
    assert len(list((out / "documents").glob("*.parquet"))) == 5
    before = snapshot(out)
    assert main(["compact", "--out", str(out)]) == 0
    for table in TABLE_NAMES:
        assert len(list((out / table).glob("*.parquet"))) == 1, table
    assert snapshot(out) == before
    assert len(Manifest.open(out).parts) == 1


def test_compaction_happens_on_its_own_past_the_threshold(tmp_path):
    src, out = corpus(tmp_path / "src", 2, 2), tmp_path / "out"
    summary = api.ingest([src], out, workers=1, batch_size=1, compact_after=3)
    assert summary.compacted == 4
    assert len(list((out / "provenance").glob("*.parquet"))) == 1


def test_recovery_deletes_uncommitted_parts_and_a_torn_commit(first, tmp_path):
    root, _, _ = first
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    before = snapshot(out)
    shutil.copy(out / "documents" / "part-000001.parquet", out / "documents" / "part-000099.parquet")
    with open(out / ".registre" / "manifest.jsonl", "a") as log:
        log.write('{"commit":99,"add":{"000099":{"docs":[],"files":{"documen')
    Manifest.open(out)
    assert snapshot(out) == before
    assert (out / ".registre" / "manifest.jsonl").read_text().endswith("}\n")


# -- faults --------------------------------------------------------------------

def many_pages_pdf(n: int) -> bytes:
    """A valid PDF of `n` pages sharing one content stream (a few hundred KB)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Count {n} /Kids [{' '.join(f'{4 + i} 0 R' for i in range(n))}] >>".encode(),
            b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Page) Tj ET\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * n
    return pdf_bytes(objs)


def pdf_bytes(objs: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with its xref."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def password_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(PDF))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


FAULTS = {  # name: (bytes, reason code, words of the reason)
    "corrupt.pdf": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20, "corrupt_pdf", "PDF illisible"),
    "truncated.pdf": (lambda: PDF.read_bytes()[:24000], "corrupt_pdf", "PDF illisible"),
    "password.pdf": (password_pdf, "password", "PDF protégé par un mot de passe"),
    "empty.pdf": (lambda: b"", "empty", "fichier vide"),
    "mislabelled.pdf": (lambda: "Procès-verbal du conseil.\n".encode(), "not_pdf", "pas un PDF"),
    "long.pdf": (lambda: many_pages_pdf(3000), "too_many_pages", "trop de pages (3000 > 2000"),
    "hang.txt": (lambda: b"Une ligne.\n", "timeout", "délai dépassé après 6 s"),
}


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """Every kind of bad file plus one good document, in one run with a 6 s timeout."""
    root = tmp_path_factory.mktemp("faults")
    src = corpus(root / "src", 1, 0)
    for name, (make, _, _) in FAULTS.items():
        (src / name).write_bytes(make())
    mp = pytest.MonkeyPatch()
    mp.setenv("REGISTRE_TEST_SLEEP", "hang.txt:120")  # the worker holding it sleeps: a hung parser
    try:
        code = main(["ingest", str(src), "--out", str(root / "out"), "--workers", "2", "--timeout", "6"])
    finally:
        mp.undo()
    docs = pd.read_parquet(root / "out" / "documents")
    return code, docs.assign(name=docs.source_path.map(lambda p: Path(p).name)).set_index("name")


def test_faulty_run_exits_1_and_the_good_document_is_written(faulty):
    code, docs = faulty
    assert code == 1
    assert docs.loc["delib-0.txt", "status"] == "ok"
    assert (docs.drop("delib-0.txt").status == "failed").all()
    assert len(docs) == len(FAULTS) + 1


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_each_fault_is_failed_with_a_one_line_reason(faulty, name):
    _, docs = faulty
    row = docs.loc[name]
    assert row.status == "failed"
    assert row.error.startswith(f"{name} : ") and FAULTS[name][2] in row.error
    assert row.error_code == FAULTS[name][1]
    assert "\n" not in row.error and len(row.doc_id) == 16


def test_documents_queued_behind_a_hung_one_go_to_the_next_worker(tmp_path, monkeypatch):
    """A worker holds two paths at once; when it is killed on the first (hung), the second,
    not begun, is read by the fresh worker rather than failed with it."""
    from pipeline.engines import IN_FLIGHT, run_local

    assert IN_FLIGHT == 2
    paths = []
    for name in ("a-hang.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(DELIB.read_bytes() + name.encode())
        paths.append(str(tmp_path / name))
    monkeypatch.setenv("REGISTRE_TEST_SLEEP", "a-hang.txt:120")
    got = {Path(o.path).name: (o.ok, o.error) for o in run_local(paths, Settings(timeout_s=3), 1, 3)}
    assert got["b.txt"] == (True, "") and got["c.txt"] == (True, "")
    assert not got["a-hang.txt"][0] and "délai dépassé après 3 s" in got["a-hang.txt"][1]


def test_settings_reject_a_bad_timeout():
    with pytest.raises(ValueError):
        Settings(timeout_s=0)
    assert main(["ingest", str(DELIB), "--timeout", "0"]) == 2


def test_an_out_folder_without_manifest_is_adopted(first, tmp_path):
    """Tables written before the manifest existed (issue 2) are kept and not read again."""
    root, src, _ = first
    out = tmp_path / "out"
    shutil.copytree(root / "out", out)
    shutil.rmtree(out / ".registre")
    before = snapshot(out)
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged) == (0, 3)
    assert snapshot(out) == before


def test_a_failed_commit_stops_the_run_and_keeps_what_was_committed(tmp_path, monkeypatch):
    """Batches are written in a thread of their own; a write error there (a full disk)
    must reach the caller, not vanish, and the batches committed before it stay."""
    src, out = corpus(tmp_path / "src", 3, 0), tmp_path / "out"
    apply, calls = store.Commit.apply, []

    def failing_apply(self):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        apply(self)

    monkeypatch.setattr(store.Commit, "apply", failing_apply)
    with pytest.raises(api.DiskFullError, match="disque plein"):
        api.ingest([src], out, workers=1, batch_size=1)
    monkeypatch.undo()
    assert len(pd.read_parquet(out / "documents")) == 1
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged) == (2, 1)
    assert len(pd.read_parquet(out / "deliberations")) == 3


def test_a_ready_worker_keeps_its_warm_heap_out_of_the_collector():
    """The worker's long-lived heap (spaCy, patterns) is frozen after warm-up, so the full
    collections pdfminer's cyclic garbage triggers do not walk it on every document."""
    import subprocess
    import sys

    code = ("import gc; from pipeline.engines import ready_worker; ready_worker(); "
            "print(gc.get_freeze_count(), len(gc.get_objects()))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    frozen, tracked = map(int, out.stdout.split())
    assert frozen > 100_000  # spaCy's French tokenizer and vocabulary, the extractors' patterns
    assert tracked < 1_000
