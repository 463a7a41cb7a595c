"""The command line: progress lines off a terminal, the final summary, flags and exit codes."""
from __future__ import annotations

import io
from pathlib import Path

from pipeline.cli import main, parser
from pipeline.progress import Progress
from tests.test_batch import corpus


class Done:
    def __init__(self, ok=True, pages=3):
        self.ok, self.pages, self.error = ok, pages, "" if ok else "x.pdf : fichier vide"


def test_ingest_logs_plain_lines_off_a_terminal_and_a_summary(tmp_path, capsys):
    src = corpus(tmp_path / "src", 1, 0)
    (src / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(src), "--out", str(tmp_path / "out"), "--workers", "1", "--batch-size", "1"]) == 1
    captured = capsys.readouterr()
    assert "registre: FAILED empty.txt : fichier vide" in captured.err
    assert "registre: batch 000002 committed: 2/2 documents, 1 failed" in captured.err
    assert captured.out.startswith("documents: 2 (2 read, 0 unchanged), 1 failed")
    assert "rows: documents 2, deliberations 1" in captured.out
    # a second run: nothing new, still exit 1 for the file that failed
    assert main(["ingest", str(src), "--out", str(tmp_path / "out")]) == 1
    assert "(0 read, 2 unchanged)" in capsys.readouterr().out


def test_progress_bar_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    progress = Progress(2, stream)
    progress.document(Done())
    progress.document(Done(ok=False))
    progress.close()
    text = stream.getvalue()
    assert "2/2" in text and "failed=1" in text and "pages/s=" in text


def test_flags_have_defaults():
    args = parser().parse_args(["ingest", "x"])
    assert (args.engine, args.batch_size, args.prune, args.workers) == ("local", 64, False, None)
    assert parser().parse_args(["compact"]).target_mb == 128
