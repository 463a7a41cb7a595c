"""The manifest: which files were ingested, and which part files hold their rows.

It lives in `out/.registre/manifest.jsonl`, an append-only log of commits, one line
each: a checksum (CRC-32 of the JSON that follows, 8 hex digits), a space, the JSON:

    3f1c09aa {"commit":12,"docs":{"/abs/a.pdf":{"sha256":"…","doc_id":"…",…}},
              "add":{"000012":{"docs":["ab12…"],"files":{"documents":["part-000012.parquet"]}}},
              "remove":["000003"],"snap":"000012"}

A line is the commit point of a batch: the part files it names were written, and
linked into snapshot `snap` (pipeline/snapshots.py), before it was appended; readers
are switched to that snapshot after. Recovery (`Manifest.open`) therefore needs few
rules: cut a torn last line (no newline: killed mid-append); point `current` at the
last committed snapshot; remove the snapshots no committed line names.

A line whose checksum does not match (a flipped byte, a bad sector) is not torn: it
is damage, and nothing is guessed from it. `open` raises `ManifestError` before
touching anything; `registre repair` (`rebuild`) writes a new manifest from the part
files of the snapshot readers see, keeping the damaged one beside it.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import snapshots
from schemas.tables import TABLE_NAMES

STATE_DIR = ".registre"
LOG = "manifest.jsonl"


class ManifestError(Exception):
    """The manifest is damaged or does not match the files: nothing was changed."""


@dataclass
class Manifest:
    """The replayed log: documents by absolute path, parts by id."""

    out: Path
    docs: dict[str, dict] = field(default_factory=dict)
    parts: dict[str, dict] = field(default_factory=dict)
    next_id: int = 1
    refs: Counter = field(default_factory=Counter)  # doc_id -> paths holding that content
    doc_part: dict[str, str] = field(default_factory=dict)  # doc_id -> part holding its rows
    snap: str | None = None  # the snapshot holding the committed part files
    last_commit: int = 0
    unsummed: bool = False  # lines written before checksums: the log is rewritten once

    # -- reading ---------------------------------------------------------------

    @classmethod
    def open(cls, out: Path) -> "Manifest":
        """Replay the log and bring the folder back to its last commit (call under the lock)."""
        out = Path(out)
        manifest = cls(out)
        log = manifest.log_path
        if log.exists():
            records, manifest.unsummed = _read_log(log, out)
            for record in records:
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

    @property
    def work_dir(self) -> Path:
        """The workers' private temporaries (OCR), emptied at every start."""
        return self.state_dir / "work"

    def part_file(self, table: str, name: str) -> Path:
        """Where a committed part file is: in the snapshot readers see."""
        return snapshots.folder(self.state_dir, self.snap) / table / name

    def _apply(self, record: dict) -> None:
        if record.get("snapshot") or record.get("checkpoint"):
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
        self.snap = record.get("snap", self.snap)
        self.last_commit = max(self.last_commit, int(record.get("commit", 0)))
        ids = [self.last_commit] + [int(p) for p in record.get("add", {}) if p.isdigit()]
        self.next_id = max(self.next_id, max(ids) + 1)

    def listed_files(self, parts: dict[str, dict] | None = None) -> set[tuple[str, str]]:
        """(table, file name) of every committed part file (of `parts`, if given)."""
        return {(table, name) for part in (self.parts if parts is None else parts).values()
                for table, names in part["files"].items() for name in names}

    def doc_ids(self) -> set[str]:
        """Documents whose rows are in the tables."""
        return set(self.doc_part)

    def by_sha(self) -> dict[tuple[str, str], str]:
        """(sha256, kind) -> one path holding that content, read without failure."""
        return {(e["sha256"], kind_of(path)): path for path, e in self.docs.items()
                if e["status"] == "ok" and e.get("sha256")}

    # -- recovery --------------------------------------------------------------

    def recover(self) -> None:
        """Back to the last commit: temporaries and uncommitted snapshots removed, readers
        pointed at the committed snapshot, table folders made links to it."""
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        shutil.rmtree(self.work_dir, ignore_errors=True)
        snapshots.collect(self.state_dir, self.snap, self.last_commit)
        listed = self.listed_files()
        if self.snap is None or not snapshots.folder(self.state_dir, self.snap).is_dir():
            if not listed:
                return  # nothing committed yet: the first commit makes the first snapshot
            self._snapshot_found_files(listed)
        present = snapshots.files_of(self.state_dir, self.snap) if self.snap else set()
        if missing := listed - present:
            raise ManifestError(f"{self.log_path} : {len(missing)} fichiers Parquet validés manquent "
                                f"(dont {'/'.join(sorted(missing)[0])}) ; rien n'a été modifié. "
                                f"Reconstruire le manifeste : registre repair --out {self.out}")
        for table, name in present - listed:  # put there by hand: not committed, not shown
            (snapshots.folder(self.state_dir, self.snap) / table / name).unlink()
        if snapshots.current(self.state_dir) != self.snap:
            snapshots.switch(self.state_dir, self.snap)
        snapshots.link_tables(self.out, self.state_dir)
        if self.unsummed:
            self.checkpoint()

    def _snapshot_found_files(self, listed: set[tuple[str, str]]) -> None:
        """A folder written before snapshots existed (or copied without its links): the
        committed files are in the table folders themselves; link them into a snapshot."""
        found = {}
        for table, name in listed:
            for place in (self.out / table / name, snapshots.folder(self.state_dir, self.snap or "-") / table / name):
                if place.is_file():
                    found[(table, name)] = place
                    break
        if listed - found.keys():
            return  # reported as missing by the caller
        number = self.new_id_int()
        snapshots.build(self.state_dir, f"{number:06d}", found)
        self.commit({"commit": number, "snap": f"{number:06d}"})

    def _adopt_legacy(self) -> None:
        """An out/ written before the manifest existed: its files become part `legacy`."""
        files = {t: sorted(f.name for f in (self.out / t).glob("*.parquet"))
                 for t in TABLE_NAMES if (self.out / t).is_dir()}
        docs = pq.read_table(self.out / "documents").to_pylist()
        entries = {file_key(d["source_path"]): _entry(d) for d in docs}
        self.commit({"docs": entries, "add": {"legacy": {"docs": sorted({d["doc_id"] for d in docs}),
                                                         "files": files}}})

    # -- writing ---------------------------------------------------------------

    def new_id(self) -> str:
        pid = f"{self.next_id:06d}"
        self.next_id += 1
        return pid

    def number(self, record: dict) -> int:
        """The commit number of `record` (assigned once): its last new part, else a new id."""
        if "commit" not in record:
            numbered = [int(p) for p in record.get("add", {}) if p.isdigit()]
            record["commit"] = max(numbered) if numbered else self.new_id_int()
        return record["commit"]

    def commit(self, record: dict) -> None:
        """Append one commit line (checksummed, fsynced): from now on the batch exists."""
        self.number(record)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            log.write(_line(record))
            log.flush()
            os.fsync(log.fileno())
        self._apply(record)

    def new_id_int(self) -> int:
        n = self.next_id
        self.next_id += 1
        return n

    def checkpoint(self) -> None:
        """Rewrite the log as one line (tmp + rename), e.g. after compaction."""
        record = {"checkpoint": True, "commit": self.next_id - 1, "docs": self.docs, "add": self.parts,
                  "snap": self.snap}
        tmp = self.state_dir / (LOG + ".tmp")
        with open(tmp, "wb") as f:
            f.write(_line(record))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.log_path)
        self.unsummed = False


def file_key(path: str | os.PathLike) -> str:
    """A file's key in the manifest: its absolute path, symbolic links resolved (a loop of
    links, which cannot be resolved, keeps its absolute path)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def kind_of(path: str) -> str:
    """What the loader makes of a file by its name (pipeline/loaders `kind_of_suffix`): a
    `.pdf` must be a PDF, a `.docx` a DOCX, a `.html` is read as HTML where the same bytes
    named `.txt` may be read as text. Two files share rows only when their bytes and their
    kind agree."""
    from pipeline.loaders import kind_of_suffix

    return kind_of_suffix(Path(path)) or "text"


def _entry(doc_row: dict) -> dict:
    return {"sha256": doc_row["source_sha256"], "doc_id": doc_row["doc_id"], "status": doc_row["status"],
            "source_path": doc_row["source_path"], "version": doc_row.get("pipeline_version"),
            "error": doc_row.get("error") if doc_row["status"] == "failed" else None,
            "code": doc_row.get("error_code")}


def entry(doc_row: dict, stat: os.stat_result | None, path: str | None = None) -> dict:
    """The manifest entry of one document, from its `documents` row; `stat` gives what
    tells a changed file from an unchanged one (pipeline/api.py `unchanged`)."""
    e = _entry(doc_row)
    if path is not None:
        e["source_path"] = path  # exact (surrogate-escaped) name; JSON keeps it as \\udcXX
    if stat is not None:
        e.update(stat_key(stat))
    return e


def stat_key(st: os.stat_result) -> dict:
    """Size, mtime, ctime and inode: a same-size edit whose mtime was put back still moves
    the ctime (the kernel sets it on every write, and nothing can set it back)."""
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns, "ino": st.st_ino}


def _line(record: dict) -> bytes:
    # ensure_ascii: a file name that is not UTF-8 (surrogate escapes) is written \udce9, read back exactly
    body = json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return f"{zlib.crc32(body):08x} ".encode() + body + b"\n"


def _read_log(log: Path, out: Path) -> tuple[list[dict], bool]:
    """The committed records, and whether some were written before checksums. A torn
    last line (killed mid-append) is cut off; a damaged line raises ManifestError."""
    records, good, unsummed = [], 0, False
    with open(log, "rb") as f:
        data = f.read()
    lines = data.splitlines(keepends=True)
    for n, raw in enumerate(lines, 1):
        if not raw.endswith(b"\n"):  # the last line only (a line without newline cannot be followed)
            try:  # whole but for its newline (a flipped last byte): kept; else torn, cut
                records.append(_parse(raw + b"\n")[0])
                with open(log, "ab") as f:
                    f.write(b"\n")
                return records, unsummed
            except ValueError:
                break
        try:
            record, summed = _parse(raw)
        except ValueError as exc:
            raise ManifestError(f"{log} : ligne {n} sur {len(lines)} endommagée ({exc}) ; rien n'a été modifié. "
                                f"Reconstruire le manifeste à partir des fichiers Parquet : "
                                f"registre repair --out {out}") from None
        records.append(record)
        unsummed |= not summed
        good += len(raw)
    if good < len(data):
        with open(log, "r+b") as f:
            f.truncate(good)
    return records, unsummed


def _parse(raw: bytes) -> tuple[dict, bool]:
    if raw.startswith(b"{"):  # written before checksums
        try:
            return json.loads(raw), False
        except ValueError:
            raise ValueError("JSON illisible") from None
    crc, _, body = raw.rstrip(b"\n").partition(b" ")
    try:
        if int(crc, 16) != zlib.crc32(body) or len(crc) != 8:
            raise ValueError
    except ValueError:
        raise ValueError("somme de contrôle fausse") from None
    try:
        return json.loads(body), True
    except ValueError:
        raise ValueError("JSON illisible") from None


# -- repair ----------------------------------------------------------------------

def rebuild(out: Path) -> tuple[Manifest, Path | None]:
    """A new manifest from the part files readers see (`registre repair`; under the lock).

    The damaged log is kept beside it (`manifest.jsonl.before-repair-<time>`). Documents are
    keyed by their path resolved from here; sizes and times are unknown, so the next
    ingest hashes each file once and reads again only those whose bytes changed (a file
    sharing another's bytes is recognised again by its hash)."""
    out = Path(out)
    state = out / STATE_DIR
    sid = snapshots.current(state) or _latest_snapshot(state)
    base = snapshots.folder(state, sid) if sid else out
    files = {t: sorted((base / t).glob("*.parquet")) for t in TABLE_NAMES if (base / t).is_dir()}
    parts, docs = _parts_of(files)
    kept = None
    log = state / LOG
    if log.exists():
        kept = log.with_name(f"{LOG}.before-repair-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(log, kept)
    m = Manifest(out)
    names = [f.stem.removeprefix("part-") for found in files.values() for f in found]
    numbers = [int(p) for p in [*parts, *names] if p.isdigit()] + [int(sid or 0)]
    m.next_id = max(numbers, default=0) + 1
    m.snap = sid
    m.docs = docs
    m.parts = parts
    state.mkdir(parents=True, exist_ok=True)
    m.checkpoint()
    return Manifest.open(out), kept


def _latest_snapshot(state: Path) -> str | None:
    base = state / snapshots.ROOT
    built = sorted((p for p in base.iterdir() if p.name.isdigit()), key=lambda p: int(p.name)) if base.is_dir() else []
    return built[-1].name if built else None


def _parts_of(files: dict[str, list[Path]]) -> tuple[dict[str, dict], dict[str, dict]]:
    """Parts rebuilt from the files: one per `documents` file (its part id is in its
    name); every other file joins the part holding its documents."""
    parts, docs, owner = {}, {}, {}
    for f in files.get("documents", []):
        rows = pq.read_table(f).to_pylist()
        pid = f.stem.removeprefix("part-")
        parts[pid] = {"docs": sorted({r["doc_id"] for r in rows}), "files": {"documents": [f.name]}}
        owner.update(dict.fromkeys(parts[pid]["docs"], pid))
        for r in rows:
            raw = r.get("source_path_bytes")
            path = os.fsdecode(raw) if raw else r["source_path"]
            docs[file_key(path)] = {**_entry(r), "source_path": path}
    for table, found in files.items():
        for f in found if table != "documents" else []:
            ids = set(pq.read_table(f, columns=["doc_id"]).column("doc_id").to_pylist())
            pid = next(iter({owner.get(d) for d in ids}), None) or f.stem.removeprefix("part-")
            parts.setdefault(pid, {"docs": [], "files": {}})["files"].setdefault(table, []).append(f.name)
    return parts, docs
