"""The manifest: which files were ingested, and which part files hold their rows.

It lives in `out/.registre/manifest.jsonl`, an append-only log of commits, one
JSON line each:

    {"commit": 12, "docs": {"/abs/a.pdf": {"sha256": "…", "doc_id": "…", …}},
     "add": {"000012": {"docs": ["ab12…"], "files": {"documents": ["part-000012.parquet"]}}},
     "remove": ["000003"]}

A line is the commit point of a batch: the part files it names were renamed into
the table folders before it was appended, and the files of the parts it removes
are deleted after. Recovery (`Manifest.open`) therefore needs one rule: cut a
torn last line, then delete every part file that no committed line lists (files
of a batch killed before its line, or of parts removed by a committed line). The
tables are then exactly as after the last committed batch.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from schemas.tables import TABLE_NAMES

STATE_DIR = ".registre"
LOG = "manifest.jsonl"
@dataclass
class Manifest:
    """The replayed log: documents by absolute path, parts by id."""

    out: Path
    docs: dict[str, dict] = field(default_factory=dict)
    parts: dict[str, dict] = field(default_factory=dict)
    next_id: int = 1
    refs: Counter = field(default_factory=Counter)  # doc_id -> paths holding that content
    doc_part: dict[str, str] = field(default_factory=dict)  # doc_id -> part holding its rows

    # -- reading ---------------------------------------------------------------

    @classmethod
    def open(cls, out: Path) -> "Manifest":
        """Replay the log and bring the folder back to its last commit (call under the lock)."""
        out = Path(out)
        manifest = cls(out)
        log = manifest.log_path
        if log.exists():
            for record in _read_log(log):
                manifest._apply(record)
        elif (out / "documents").is_dir() and not manifest.state_dir.exists():
            manifest._adopt_legacy()
        manifest.state_dir.mkdir(parents=True, exist_ok=True)
        log.touch()  # from now on this folder is ours: no file is adopted unless committed
        manifest.recover()
        return manifest

    @property
    def state_dir(self) -> Path:
        return self.out / STATE_DIR

    @property
    def log_path(self) -> Path:
        return self.state_dir / LOG

    @property
    def tmp_dir(self) -> Path:
        return self.state_dir / "tmp"

    def _apply(self, record: dict) -> None:
        if record.get("snapshot"):
            self.docs, self.parts, self.refs, self.doc_part = {}, {}, Counter(), {}
        for path, entry in record.get("docs", {}).items():
            old = self.docs.pop(path, None)
            if old is not None:
                self.refs[old["doc_id"]] -= 1
            if entry is not None:
                self.docs[path] = entry
                self.refs[entry["doc_id"]] += 1
        for pid in record.get("remove", []):
            for d in self.parts.pop(pid, {"docs": ()})["docs"]:
                self.doc_part.pop(d, None)
        for pid, part in record.get("add", {}).items():
            self.parts[pid] = part
            self.doc_part.update(dict.fromkeys(part["docs"], pid))
        ids = [int(record.get("commit", 0))] + [int(p) for p in record.get("add", {}) if p.isdigit()]
        self.next_id = max(self.next_id, max(ids) + 1)

    def listed_files(self) -> set[tuple[str, str]]:
        """(table, file name) of every committed part file."""
        return {(table, name) for part in self.parts.values()
                for table, names in part["files"].items() for name in names}

    def doc_ids(self) -> set[str]:
        """Documents whose rows are in the tables."""
        return set(self.doc_part)

    def by_sha(self) -> dict[str, str]:
        """sha256 -> one path holding that content."""
        return {e["sha256"]: path for path, e in self.docs.items()}

    # -- recovery --------------------------------------------------------------

    def recover(self) -> list[Path]:
        """Delete what no commit names: staged files and part files of unfinished batches."""
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        listed = self.listed_files()
        removed = []
        for table in TABLE_NAMES:
            folder = self.out / table
            for f in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
                if (table, f.name) not in listed:
                    f.unlink()
                    removed.append(f)
        return removed

    def _adopt_legacy(self) -> None:
        """An out/ written before the manifest existed: its files become part `legacy`."""
        files = {t: sorted(f.name for f in (self.out / t).glob("*.parquet"))
                 for t in TABLE_NAMES if (self.out / t).is_dir()}
        docs = pq.read_table(self.out / "documents").to_pylist()
        entries = {str(Path(d["source_path"]).resolve()): _entry(d) for d in docs}
        self.commit({"docs": entries, "add": {"legacy": {"docs": sorted({d["doc_id"] for d in docs}),
                                                         "files": files}}})

    # -- writing ---------------------------------------------------------------

    def new_id(self) -> str:
        pid = f"{self.next_id:06d}"
        self.next_id += 1
        return pid

    def commit(self, record: dict) -> None:
        """Append one commit line (fsynced): from now on the batch exists."""
        numbered = [int(p) for p in record.get("add", {}) if p.isdigit()]
        record = {"commit": max(numbered) if numbered else self.new_id_int(), **record}
        self.state_dir.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(line)
            log.flush()
            os.fsync(log.fileno())
        self._apply(record)
        self._delete_removed(record.get("remove", []))

    def new_id_int(self) -> int:
        n = self.next_id
        self.next_id += 1
        return n

    def _delete_removed(self, removed: list[str]) -> None:
        if not removed:
            return
        listed = self.listed_files()
        for table in TABLE_NAMES:
            folder = self.out / table
            for f in folder.glob("*.parquet") if folder.is_dir() else []:
                if (table, f.name) not in listed:
                    f.unlink()

    def snapshot(self) -> None:
        """Rewrite the log as one line (tmp + rename), e.g. after compaction."""
        record = {"snapshot": True, "commit": self.next_id - 1, "docs": self.docs, "add": self.parts}
        tmp = self.state_dir / (LOG + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.log_path)


def _entry(doc_row: dict) -> dict:
    return {"sha256": doc_row["source_sha256"], "doc_id": doc_row["doc_id"], "status": doc_row["status"],
            "source_path": doc_row["source_path"], "version": doc_row.get("pipeline_version"),
            "error": doc_row.get("error") if doc_row["status"] == "failed" else None}


def entry(doc_row: dict, stat: os.stat_result | None) -> dict:
    """The manifest entry of one document, from its `documents` row."""
    e = _entry(doc_row)
    if stat is not None:
        e.update(size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    return e


def _read_log(log: Path) -> list[dict]:
    """The committed records; a torn last line (killed mid-append) is cut off."""
    records, good = [], 0
    with open(log, "rb") as f:
        data = f.read()
    for raw in data.splitlines(keepends=True):
        try:
            if not raw.endswith(b"\n"):
                raise ValueError("torn line")
            records.append(json.loads(raw))
        except ValueError:
            break
        good += len(raw)
    if good < len(data):
        with open(log, "r+b") as f:
            f.truncate(good)
    return records
