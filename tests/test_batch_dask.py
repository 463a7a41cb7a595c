"""`--engine dask`: the same stages on a Dask LocalCluster write the same tables as local workers."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli import main
from tests.test_batch import corpus, snapshot

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    folder = corpus(tmp_path_factory.mktemp("dask") / "src", 2, 1)
    (folder / "mislabelled.pdf").write_text("pas un PDF\n")
    return folder


def test_dask_local_cluster_writes_the_same_tables(src, tmp_path):
    api.ingest([src], tmp_path / "local", workers=1, batch_size=2)
    code = main(["ingest", str(src), "--out", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2",
                 "--batch-size", "2"])
    assert code == 1  # the mislabelled file failed, the rest was written
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


def test_scheduler_needs_the_dask_engine(src, tmp_path, capsys):
    assert main(["ingest", str(src), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--engine dask" in capsys.readouterr().err
