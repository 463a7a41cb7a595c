"""Hostile input, one document at a time: each fails as its own row with a one-line French
reason naming it, a good file beside it is read, nothing already written is lost.

The reproducers of `../shared/faults/` (glyph bomb, giant page, self-referencing page
trees, counts too large for their column) run in one real `registre ingest` process
with two workers and a memory cap, beside files made here (a name that is not UTF-8,
a name holding terminal escapes, the same bytes as .pdf and .txt, a 30 GB sparse file
never read, a broken link, a text of 3,000 pages); the peak memory of the whole
process tree is sampled meanwhile. Then: a flipped byte in the manifest, readers
during commits, a full disk, a same-size edit with its mtime put back, Ctrl-C, OCR
temporaries of a killed worker, numeric options.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import tempfile
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import api, limits, store
from pipeline.cli import main
from pipeline.manifest import Manifest
from pipeline.settings import Settings
from schemas.tables import TABLE_NAMES
from tests.test_batch import DELIB, corpus, snapshot

ROOT = Path(__file__).resolve().parents[1]
FAULTS = ROOT.parent / "shared" / "faults"
CAP_MB, WORKERS = 1024, 2
NON_UTF8 = os.fsdecode(b"caf\xe9.txt")  # Latin-1 "café.txt"
ESCAPES = "\x1b]52;c;SGVsbG8=\x07evil\x1b[31m.txt"  # OSC 52 (clipboard) and a colour change
SHARED = {  # reproducer: (reason code, words of the reason), or None when it is read
    "glyph_bomb.pdf": ("memory", "mémoire : la limite de 1024 Mio"),
    "huge_page_img.pdf": ("no_text", "pas de couche texte"),
    "count_self_ref.pdf": ("corrupt_pdf", "l'arbre des pages se référence lui-même"),
    "pages_self_ref.pdf": ("corrupt_pdf", "l'arbre des pages se référence lui-même"),
    "fuzz_arrowinvalid_int32.txt": None,
    "fuzz_overflow_int64.txt": None,
}
MADE = {
    "a_copy.pdf": ("not_pdf", "pas un PDF"),  # the same bytes as good-copy.txt, which is read
    "big.txt": ("too_large", "fichier trop volumineux (30 720 Mio"),
    "broken-link.txt": ("missing", "fichier introuvable"),
    "pages.txt": ("too_many_pages", "trop de pages (3001 > 2000"),
    ESCAPES: ("empty", "fichier vide"),
}
GOOD = ("good.txt", NON_UTF8, "good-copy.txt")


def cli(*args: str, **env) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *args], {**os.environ, "PYTHONPATH": str(ROOT), **env}


def run_sampled(args: list[str], env: dict, timeout: float = 300) -> tuple[subprocess.CompletedProcess, int]:
    """Run a command; (its result, the peak resident memory of its whole process tree)."""
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()  # benchmarks/faults.py measures with this too

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], limits.tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate(timeout=timeout)
    done.set()
    sampler.join()
    return subprocess.CompletedProcess(args, proc.returncode, out.decode(), err.decode()), peak[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    if not FAULTS.is_dir():
        pytest.skip("../shared/faults is absent")
    root = tmp_path_factory.mktemp("hostile")
    src = root / "src"
    src.mkdir()
    for name in SHARED:
        shutil.copy(FAULTS / name, src / name)
    text = DELIB.read_bytes()
    (src / "good.txt").write_bytes(text)
    (src / NON_UTF8).write_bytes(text + b"\n")
    (src / "a_copy.pdf").write_bytes(text + b"\n\n")
    (src / "good-copy.txt").write_bytes(text + b"\n\n")
    subprocess.run(["truncate", "-s", "30G", str(src / "big.txt")], check=True)
    (src / "broken-link.txt").symlink_to(src / "gone.txt")
    (src / "pages.txt").write_bytes(b"Page.\f" * 3000)
    (src / ESCAPES).write_bytes(b"")
    args, env = cli("ingest", str(src), "--out", str(root / "out"), "--workers", str(WORKERS),
                    "--timeout", "60", "--max-memory", str(CAP_MB))
    start = time.monotonic()
    result, peak = run_sampled(args, env)
    seconds = time.monotonic() - start
    docs = pd.read_parquet(root / "out" / "documents")
    names = docs.source_path.map(lambda p: p.rsplit("/", 1)[-1])
    return result, peak, seconds, docs.assign(name=names).set_index("name"), root


def test_hostile_run_exits_1_and_writes_the_good_files(hostile):
    result, _, seconds, docs, _ = hostile
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len(docs) == len(SHARED) + len(MADE) + len(GOOD)
    assert docs.loc["good.txt", "status"] == "ok" and docs.loc["good-copy.txt", "status"] == "ok"
    assert seconds < 150  # the 30 GB file is refused from its size, not hashed or read


@pytest.mark.parametrize("name", sorted({**SHARED, **MADE}))
def test_each_hostile_file_is_its_own_row(hostile, name):
    _, _, _, docs, _ = hostile
    label = name.replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    row = docs.loc[name]
    expected = {**SHARED, **MADE}[name]
    if expected is None:
        assert row.status == "ok" and pd.isna(row.error_code)
        return
    assert row.status == "failed" and row.error_code == expected[0]
    assert row.error.startswith(f"{label} : ") and expected[1] in row.error, row.error
    assert "\n" not in row.error and len(row.error) < 400 and len(row.doc_id) == 16


def test_every_file_keeps_its_own_identity(hostile):
    """doc_id never empty nor shared by two files; a name that is not UTF-8 shown and kept exactly."""
    _, _, _, docs, _ = hostile
    assert docs.doc_id.str.len().eq(16).all() and docs.doc_id.is_unique
    row = docs.loc["caf\\xe9.txt"]
    assert row.status == "ok" and row.source_path_bytes.endswith(b"caf\xe9.txt")
    assert docs.source_path_bytes.notna().sum() == 1


def test_same_bytes_as_pdf_and_txt_are_two_documents(hostile):
    _, _, _, docs, root = hostile
    assert docs.loc["a_copy.pdf", "source_sha256"] == docs.loc["good-copy.txt", "source_sha256"]
    delib = pd.read_parquet(root / "out" / "deliberations")
    assert docs.loc["good-copy.txt", "doc_id"] in set(delib.doc_id)


def test_counts_too_large_for_their_column_are_never_read(hostile):
    """`votants : 99999999999` and `en exercice : 12345678901234567890-1`: the reader takes a
    count of at most four digits within its plausible range (extractors/counts.py), so
    nothing reaches Arrow to be refused; the document is read, the count left unstated."""
    _, _, _, docs, root = hostile
    delib = pd.read_parquet(root / "out" / "deliberations", dtype_backend="pyarrow")
    findings = pd.read_parquet(root / "out" / "findings")
    for name, column in (("fuzz_arrowinvalid_int32.txt", "votants"),
                         ("fuzz_overflow_int64.txt", "membres_en_exercice")):
        doc_id = docs.loc[name, "doc_id"]
        assert docs.loc[name, "status"] == "ok"
        assert delib[delib.doc_id == doc_id][column].isna().all()
        assert not ((findings.doc_id == doc_id) & (findings.check_id == "value.out_of_range")).any()


def _out_of_range_rows(doc_id: str = "d1") -> dict[str, list[dict]]:
    """A deliberation row holding a count its int32 column cannot hold, as a reader that
    took any number of digits would write it, with the provenance of that value."""
    return {"deliberations": [{"doc_id": doc_id, "seq": 1, "votants": 99_999_999_999, "presents": 8}],
            "provenance": [{"doc_id": doc_id, "table": "deliberations", "record_key": "seq=1", "field": "votants",
                            "page": 1, "line": 21, "text": "Présents : 8 – Pouvoirs : 3 – Votants : 99999999999"}],
            "findings": []}


def test_a_value_its_column_cannot_hold_is_left_empty_with_a_finding():
    """The guard behind the reader (pipeline/store.py `conform`): Arrow would refuse the
    whole document; the value is left empty, one `value.out_of_range` finding points at it."""
    rows = _out_of_range_rows()
    (f,) = store.conform(rows)
    assert rows["deliberations"][0]["votants"] is None and rows["deliberations"][0]["presents"] == 8
    assert (f["check_id"], f["severity"], f["actual"], f["fields"]) == \
        ("value.out_of_range", "warning", "99999999999", ["deliberations.votants"])
    assert (f["page"], f["line"], f["quote"]) == (1, 21, "Présents : 8 – Pouvoirs : 3 – Votants : 99999999999")
    assert store.conform(_out_of_range_rows()) != [] and store.conform({"deliberations": [
        {"doc_id": "d1", "seq": 1, "votants": 41}]}) == []  # a count that fits trips nothing


def _with_stage_raising(path: Path, name: str, monkeypatch):
    from pipeline import stages as pipeline_stages

    real = pipeline_stages.stages()

    def boom(doc):
        raise ValueError("missing ), unterminated subpattern at position 12")
    monkeypatch.setattr(pipeline_stages, "stages", lambda: [(n, boom if n == name else f) for n, f in real])
    return pipeline_stages.process(path)


def test_a_stage_that_raises_is_named_by_a_warning(monkeypatch):
    """A stage's bug (a pattern that does not compile) leaves the document a partial
    success: the other stages' rows are kept, `documents.error` says why, and one
    `extraction.stage_error` warning names the stage where the report shows findings."""
    from pipeline.stages import process

    path = ROOT / "tests" / "data" / "checks" / "consistent.txt"
    result = _with_stage_raising(path, "objectives", monkeypatch)
    (doc,) = result.rows["documents"]
    assert doc["status"] == "ok" and doc["error"].startswith(
        "objectives: ValueError: missing ), unterminated subpattern at position 12 (test_faults.py:")
    assert [d["presents"] for d in result.rows["deliberations"]] == [8]  # the deliberation stage still ran
    (f,) = [f for f in result.rows["findings"] if f["check_id"] == "extraction.stage_error"]
    assert (f["severity"], f["subject"]) == ("warning", "document stage objectives")
    assert f["message"].startswith("Étape « objectives » interrompue (ValueError: missing ), unterminated")
    (cov,) = [c for c in result.rows["coverage"] if c["scope"] == "document"]
    assert cov["status"] == "partial" and "objectives: étape interrompue" in cov["checks_skipped"]
    monkeypatch.undo()
    clean = process(path)
    assert clean.rows["documents"][0]["error"] is None
    assert not [f for f in clean.rows["findings"] if f["check_id"] == "extraction.stage_error"]


def test_a_loaders_remark_is_no_stage_error():
    """`documents.error` also keeps what a stage noted without raising ("load: pages 2-3 sans couche
    texte", "objectives: row not understood"), and a raised message may hold " | Pour: 12": only a
    stage that raised, named with its exception and where, is an `extraction.stage_error`."""
    import checks

    doc = {"doc_id": "d1", "path": "a.pdf", "status": "ok", "error": "load: pages 2-3 sans couche texte | "
           "objectives: row not understood | tables: ValueError: row 'Budget | Pour: 12 | Contre: 3' (tables.py:40)"}
    findings, _ = checks.review({"documents": [doc]})
    assert [f["subject"] for f in findings if f["check_id"] == "extraction.stage_error"] == ["document stage tables"]


def test_check_keeps_the_findings_of_values_left_empty():
    """`registre check` runs the checks again on the written tables, where the value is
    gone: the finding written with the rows is carried over, not lost."""
    import checks

    rows = _out_of_range_rows()
    rows["findings"] = store.conform(rows)
    again = [f for f in checks.evaluate(rows) if f["check_id"] == "value.out_of_range"]
    assert [(f["actual"], f["fields"], f["quote"]) for f in again] == \
        [("99999999999", ["deliberations.votants"], "Présents : 8 – Pouvoirs : 3 – Votants : 99999999999")]


def test_no_terminal_escape_reaches_the_terminal(hostile):
    result, *_ = hostile
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream
        assert "\\x1b]52;c;SGVsbG8=\\x07evil\\x1b[31m.txt : fichier vide" in stream


def test_peak_memory_of_the_run_stays_within_the_caps(hostile):
    result, peak, *_ = hostile
    main_mb = 400  # the main process: ~170 MiB measured (README), with room for the report
    assert peak <= (CAP_MB * WORKERS + main_mb) * 2**20, f"{peak / 2**20:.0f} MiB"
    assert "glyph_bomb.pdf : mémoire" in result.stdout


def test_a_page_tree_whose_parent_loops_is_a_damaged_pdf(tmp_path):
    """A /Pages node whose /Parent is its own page: pdfplumber fails inside itself with
    "TypeError: 'NoneType' object is not iterable"; that is the file's damage, not our bug."""
    from pipeline.stages import process
    from tests.test_batch import pdf_bytes

    path = tmp_path / "parent.pdf"
    path.write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>",
                                b"<< /Type /Page /Parent 2 0 R /Kids [2 0 R] >>"]))
    result = process(path, Settings())
    assert (result.ok, result.rows["documents"][0]["error_code"]) == (False, "corrupt_pdf")
    assert result.error == "parent.pdf : PDF endommagé (TypeError: 'NoneType' object is not iterable)"


def test_a_giant_page_is_rendered_within_the_pixel_budget():
    import pdfplumber

    from pipeline.loaders.ocr import OcrSettings, render_plan

    if not FAULTS.is_dir():
        pytest.skip("../shared/faults is absent")
    with pdfplumber.open(FAULTS / "huge_page_img.pdf") as pdf:
        dpi, (x0, top, x1, bottom) = render_plan(pdf.pages[0], OcrSettings())
    assert (x0, top, x1, bottom) == (10, 14290, 110, 14390)  # only where its image is
    assert (x1 - x0) * (bottom - top) * (dpi / 72) ** 2 < 1e6  # not 20,000 x 20,000


# -- vanishing files ---------------------------------------------------------------

def test_files_gone_before_reading_fail_each_on_its_own_and_are_read_once_back(tmp_path, monkeypatch):
    src, out = corpus(tmp_path / "src", 1, 0), tmp_path / "out"
    gone = [src / f"gone-{i}.txt" for i in range(3)]
    listed = api.discover([src]) + gone
    monkeypatch.setattr(api, "find_documents", lambda paths: (listed, {}))
    summary = api.ingest([src], out, workers=1)
    docs = pd.read_parquet(out / "documents")
    assert len(docs) == 4 and docs.doc_id.is_unique and (docs.doc_id.str.len() == 16).all()
    assert sorted(docs.error_code.dropna()) == ["missing"] * 3 and len(summary.failed) == 3
    for i, path in enumerate(gone):
        path.write_bytes(DELIB.read_bytes() + b"\n" * (5 + i))
    summary = api.ingest([src], out, workers=1)
    docs = pd.read_parquet(out / "documents")
    assert (summary.read, len(docs), set(docs.status)) == (3, 4, {"ok"}) and docs.doc_id.is_unique


# -- the manifest ------------------------------------------------------------------

def test_a_flipped_byte_in_the_manifest_stops_everything_until_repaired(tmp_path, capsys):
    src, out = corpus(tmp_path / "src", 3, 1), tmp_path / "out"
    api.ingest([src], out, workers=1, batch_size=1)
    before, files = snapshot(out), sorted((out / ".registre" / "snapshots").rglob("*.parquet"))
    log = out / ".registre" / "manifest.jsonl"
    data = bytearray(log.read_bytes())
    second = data.index(b"\n") + 40  # inside line 2 of 4
    data[second] ^= 0x04
    log.write_bytes(bytes(data))
    for command in (["check"], ["ingest", str(src)], ["compact"]):
        assert main([*command, "--out", str(out)]) == 3
        err = capsys.readouterr().err
        assert "ligne 2 sur 4 endommagée (somme de contrôle fausse)" in err and "registre repair --out" in err
        assert err.count("\n") == 1
    assert sorted((out / ".registre" / "snapshots").rglob("*.parquet")) == files  # nothing deleted
    assert snapshot(out) == before
    assert main(["repair", "--out", str(out)]) == 0
    assert "manifeste reconstruit" in capsys.readouterr().err
    assert list((out / ".registre").glob("manifest.jsonl.before-repair-*"))
    assert main(["check", "--out", str(out)]) == 0 and snapshot(out) == before
    summary = api.ingest([src], out, workers=1)  # hashed once, found unchanged: nothing read again
    assert (summary.read, summary.unchanged) == (0, 4) and snapshot(out) == before


def test_a_manifest_written_before_checksums_is_read_and_rewritten(tmp_path):
    src, out = corpus(tmp_path / "src", 1, 0), tmp_path / "out"
    api.ingest([src], out, workers=1)
    log = out / ".registre" / "manifest.jsonl"
    log.write_bytes(b"".join(line.partition(b" ")[2] for line in log.read_bytes().splitlines(keepends=True)))
    Manifest.open(out)
    assert all(line[8:9] == b" " for line in log.read_bytes().splitlines())
    assert api.ingest([src], out, workers=1).read == 0


def test_readers_always_see_one_committed_state(tmp_path):
    """pandas and DuckDB polling the tables while batches are committed, documents re-read
    and parts compacted: never a row twice nor one missing. A plain path is listed and its
    files opened one by one, so a listing made just before a commit that removes a file
    can still meet FileNotFoundError when it opens it, or no file at all when every file it
    listed was replaced (pyarrow passes over the files it cannot stat: an empty frame without
    columns; documented); the snapshot folder resolved once (`store.current`, what `api.frames`
    reads) never does. Whatever else the reader thread raises fails the test."""
    duckdb = pytest.importorskip("duckdb")
    src, out = corpus(tmp_path / "src", 6, 2), tmp_path / "out"
    api.ingest([src], out, workers=1, batch_size=2)
    seen, errors, crashed, done = [], [], [], threading.Event()

    def poll():
        base = store.current(out)
        ids = pd.read_parquet(base / "documents").doc_id
        dups = duckdb.sql(f"select count(*) - count(distinct doc_id) from "
                          f"read_parquet('{base}/documents/*.parquet')").fetchall()[0][0]
        seen.append((len(ids), ids.is_unique and dups == 0))
        try:
            frame = pd.read_parquet(out / "documents")
        except FileNotFoundError as exc:
            errors.append(exc)
            return
        if frame.columns.empty:  # every file listed replaced before it was stat'ed
            errors.append(frame)
        else:
            seen.append((len(frame), frame.doc_id.is_unique))

    def read():
        try:
            while not done.is_set():
                poll()
        except Exception as exc:  # noqa: BLE001 — a reader's failure is the test's
            crashed.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(2):
            api.ingest([src], out, workers=1, batch_size=1, force=True, compact_after=3)
    finally:
        done.set()
        reader.join()
    assert not crashed, crashed
    assert len(seen) > 20 and len(errors) < len(seen) / 10
    assert all(unique and n == 8 for n, unique in seen), {s for s in seen if s != (8, True)}


# -- disk full, change detection ---------------------------------------------------

def test_a_full_disk_stops_with_one_line_its_own_code_and_no_temporaries(tmp_path, monkeypatch, capsys):
    src, out = corpus(tmp_path / "src", 3, 0), tmp_path / "out"
    write, calls = store.pq.write_table, []

    def full(table, where, *a, **k):
        calls.append(where)
        if len(calls) > len(TABLE_NAMES):  # the second batch: one file a table a part
            Path(where).write_bytes(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(table, where, *a, **k)

    monkeypatch.setattr(store.pq, "write_table", full)
    assert main(["ingest", str(src), "--out", str(out), "--workers", "1", "--batch-size", "1"]) == 4
    captured = capsys.readouterr()
    assert captured.err.count("registre : erreur :") == 1 and "disque plein" in captured.err
    assert "Traceback" not in captured.err and captured.out.startswith("documents: 3")
    assert not list((out / ".registre" / "tmp").glob("*")) and not (out / ".registre" / "work").exists()
    assert len(pd.read_parquet(out / "documents")) == 1  # the first batch stays
    monkeypatch.undo()
    assert api.ingest([src], out, workers=1).read == 2
    assert len(pd.read_parquet(out / "deliberations")) == 3


def test_a_same_size_edit_with_its_mtime_put_back_is_read_again(tmp_path):
    src, out = corpus(tmp_path / "src", 1, 0), tmp_path / "out"
    api.ingest([src], out, workers=1)
    assert len(pd.read_parquet(out / "findings").query("check_id == 'attendance.votants'")) == 0
    path = src / "delib-0.txt"
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"Votants : 41", b"Votants : 40"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    summary = api.ingest([src], out, workers=1)
    assert summary.read == 1
    assert len(pd.read_parquet(out / "findings").query("check_id == 'attendance.votants'")) == 1


def test_verify_hashes_files_whose_dates_and_inode_look_unchanged(tmp_path, monkeypatch):
    from pipeline import plan as planning

    src, out = corpus(tmp_path / "src", 2, 0), tmp_path / "out"
    api.ingest([src], out, workers=1)
    hashed = []
    monkeypatch.setattr(planning, "sha256", lambda p: hashed.append(p) or planning.hashlib.sha256(
        p.read_bytes()).hexdigest())
    assert api.ingest([src], out, workers=1).unchanged == 2 and hashed == []
    assert api.ingest([src], out, workers=1, verify=True).unchanged == 2 and len(hashed) == 2


# -- Ctrl-C ------------------------------------------------------------------------

def _interrupt(tmp_path: Path, times: int) -> tuple[subprocess.CompletedProcess, Path, Path]:
    src, out = corpus(tmp_path / "src", 3, 0), tmp_path / "out"
    marker = tmp_path / "sleeping"
    args, env = cli("ingest", str(src), "--out", str(out), "--workers", "1",
                    REGISTRE_TEST_SLEEP="delib-1.txt:120", REGISTRE_TEST_SLEEPING=str(marker))
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own group, as a terminal's foreground job
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # delib-0's rows are back in the main process
    for _ in range(times):
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        time.sleep(0.01)
    out_text, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(args, proc.returncode, out_text, err), src, out


def test_ctrl_c_commits_what_was_read_and_exits_130(tmp_path):
    result, src, out = _interrupt(tmp_path, 1)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr and "interrompu : 1 documents lus et validés, 2 restent" in result.stderr
    assert result.stdout.startswith("documents: 3 (1 read, 0 unchanged)")
    assert list(pd.read_parquet(out / "documents").source_path.map(lambda p: Path(p).name)) == ["delib-0.txt"]
    again = api.ingest([src], out, workers=1)
    assert (again.read, again.unchanged) == (2, 1)


def test_a_second_ctrl_c_aborts_at_once_leaving_the_last_commit(tmp_path):
    result, src, out = _interrupt(tmp_path, 2)
    assert result.returncode == 130 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 3
    committed = Manifest.open(out).doc_ids()  # none, or delib-0 if its commit came first
    assert len(committed) <= 1
    if committed:
        assert set(pd.read_parquet(out / "documents").doc_id) == committed
    assert api.ingest([src], out, workers=1).tables["documents"] == 3


# -- OCR temporaries, options ------------------------------------------------------

def test_a_worker_killed_during_ocr_leaves_no_temporary_anywhere(tmp_path):
    """Killed (timeout) in the middle of the scan's OCR: Tesseract's page image and TSV
    were in the worker's private folder, which is gone with the run; none in TMPDIR."""
    from pipeline.loaders.ocr import available

    if available():
        pytest.skip(available())
    # a short TMPDIR: multiprocessing's forkserver binds a socket under it, and a socket's path
    # is limited to 107 bytes (pytest's tmp_path under xdist can pass it: "AF_UNIX path too long")
    tmp = Path(tempfile.mkdtemp(prefix="rg-", dir="/tmp"))
    scan = ROOT / "samples" / "hautes-terres-deliberation-2024-scan.pdf"
    args, env = cli("ingest", str(scan), "--out", str(tmp_path / "out"), "--workers", "1", "--timeout", "4",
                    TMPDIR=str(tmp))
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "délai dépassé après 4 s" in result.stdout
    assert not (tmp_path / "out" / ".registre" / "work").exists()
    assert not list(tmp.glob("tess_*"))
    shutil.rmtree(tmp, ignore_errors=True)


def test_worker_temporaries_are_private(tmp_path):
    path = limits.private_tmp(str(limits.make_work_dir(tmp_path / "work")))
    try:
        assert (os.stat(path).st_mode & 0o777, os.stat(tmp_path / "work").st_mode & 0o777) == (0o700, 0o700)
        import tempfile

        assert tempfile.gettempdir() == path
    finally:
        import tempfile

        tempfile.tempdir = None
        os.environ.pop("TMPDIR", None)


@pytest.mark.parametrize("option", [["--timeout", "nan"], ["--timeout", "inf"], ["--timeout", "-1"],
                                    ["--timeout", "0"], ["--workers", "0"], ["--batch-size", "-3"],
                                    ["--max-pages", "0"], ["--max-memory", "100"], ["--max-memory", "2G"],
                                    ["--compact-after", "-1"]])
def test_numeric_options_are_validated(option, capsys):
    assert main(["ingest", str(DELIB), "--out", "/nonexistent/never", *option]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"registre : erreur : argument {option[0]} : ") and err.count("\n") == 1


def test_settings_reject_nan_and_a_memory_cap_too_small():
    for bad in ({"timeout_s": float("nan")}, {"timeout_s": float("inf")}, {"max_memory_mb": 100},
                {"max_pages": 0}, {"max_memory_mb": 2048.5}):
        with pytest.raises(ValueError):
            Settings(**bad)


def test_out_naming_a_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert main(["ingest", str(DELIB), "--out", str(tmp_path / "file")]) == 2
    err = capsys.readouterr().err
    assert "--out doit être un dossier" in err and err.count("\n") == 1


def test_a_file_rewritten_with_another_files_bytes_leaves_no_orphan_rows(tmp_path):
    src, out = corpus(tmp_path / "src", 2, 0), tmp_path / "out"
    api.ingest([src], out, workers=1)
    shutil.copy(src / "delib-1.txt", src / "delib-0.txt")  # now an alias of delib-1
    summary = api.ingest([src], out, workers=1)
    assert (summary.read, summary.unchanged) == (0, 2)
    assert len(pd.read_parquet(out / "documents")) == 1 and len(pd.read_parquet(out / "deliberations")) == 1
