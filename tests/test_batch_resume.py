"""A run killed with SIGKILL at any moment leaves the last committed batch; the next run finishes.

The runs are real `registre ingest` subprocesses (workers included) killed with
kill -9; the final tables are compared, sorted, with those of an uninterrupted run.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.manifest import Manifest
from tests.test_batch import corpus, snapshot
from schemas.tables import TABLE_NAMES

ROOT = Path(__file__).resolve().parents[1]
N_DELIB, N_STRAT = 6, 4


def ingest_cmd(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "ingest", str(src), "--out", str(out),
            "--workers", "1", "--batch-size", "2"]


def run(src: Path, out: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(ingest_cmd(src, out), cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("resume") / "src", N_DELIB, N_STRAT)


@pytest.fixture(scope="module")
def reference(src, tmp_path_factory):
    out = tmp_path_factory.mktemp("uninterrupted") / "out"
    assert run(src, out).returncode == 0
    return snapshot(out), out


def committed_state_is_whole(out: Path, reference) -> set[str]:
    """After recovery, the tables hold exactly the committed documents, each with all its rows."""
    manifest = Manifest.open(out)
    committed = manifest.doc_ids()
    assert set(pd.read_parquet(out / "documents").doc_id) == committed
    for table in TABLE_NAMES:  # findings included: they are committed with their documents
        got, ref = (rows(pd.read_parquet(o / table), committed) for o in (out, reference[1]))
        assert got == ref, table
    return committed


def rows(df: pd.DataFrame, doc_ids: set[str]) -> list[tuple]:
    df = df[df.doc_id.isin(doc_ids)].drop(columns=["ingested_at"], errors="ignore")
    return sorted(df.astype(str).apply(tuple, axis=1))


def test_kill_9_mid_batch_then_resume(src, reference, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(ingest_cmd(src, out), cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    log = out / ".registre" / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if log.exists() and len(log.read_text().splitlines()) >= 2:
            break
        time.sleep(0.02)
    time.sleep(0.15)  # into the next batch
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = committed_state_is_whole(out, reference)
    assert 4 <= len(committed) < N_DELIB + N_STRAT
    again = run(src, out)
    assert again.returncode == 0, again.stderr
    assert f"{N_DELIB + N_STRAT - len(committed)} read" in again.stdout
    assert snapshot(out) == reference[0]


def test_killed_between_rename_and_commit_rolls_back(src, reference, tmp_path):
    out = tmp_path / "out"
    crashed = run(src, out, REGISTRE_TEST_KILL_AT="3")  # SIGKILL after batch 3's files are linked in
    assert crashed.returncode == -signal.SIGKILL
    assert (out / ".registre" / "snapshots" / "000003" / "documents").is_dir()  # written, uncommitted
    # a reader, before any recovery, sees the two committed batches: 4 documents, each once
    assert sorted(pd.read_parquet(out / "documents").doc_id.value_counts()) == [1, 1, 1, 1]
    assert len(list((out / "documents").glob("*.parquet"))) == 2
    assert len(committed_state_is_whole(out, reference)) == 4  # recovery: back to two batches
    assert not (out / ".registre" / "snapshots" / "000003").exists()
    again = run(src, out)
    assert again.returncode == 0, again.stderr
    assert snapshot(out) == reference[0]
