"""Which files a run reads: new ones, changed ones, renamed ones, and those asked for again.

    plan(discover(["archive/"]), manifest) -> Plan(todo={path: Todo}, aliases=…, renamed=…, …)

A file is unchanged when its size, modification time, change time and inode are
those the manifest recorded (the change time cannot be set back: `touch -d` and a
same-size edit both move it); otherwise it is hashed, and it is unchanged still if
its bytes are. `verify` hashes every file. A file larger than the worker's memory
allows is not hashed here (that took ~50 s for a 30 GB sparse file): it goes to a
worker, which refuses it from its size alone, as its own document.

Two files with the same bytes *and* the same kind (pipeline/manifest.py `kind_of`:
a `.pdf` must be a PDF, `.txt` is sniffed) share one set of rows: the second is an
alias of the first. An alias is only ever made of a file that was read: the same
bytes saved as `a_copy.pdf` (not a PDF: fails) and `good.txt` are two documents. A new
path with the bytes of a file whose old path is gone is that file renamed or moved: its
manifest entry moves, its rows stay (neither pruned nor read again).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.display import path_text, printable
from pipeline.loaders import SUFFIXES as _FORMAT_SUFFIXES
from pipeline.loaders import kind_of_suffix
from pipeline.manifest import Manifest, file_key, kind_of, stat_key
from pipeline.stages import VERSION

SUFFIXES = set(_FORMAT_SUFFIXES)  # what a folder is searched for: pipeline/loaders FORMATS


class UsageError(Exception):
    """Bad arguments: the CLI exits with 2."""


class NothingToRead(Exception):
    """No document among the paths given (an empty folder, only files of other formats):
    the CLI exits with 1."""


@dataclass
class Todo:
    key: str  # the manifest's key: the absolute path, symlinks resolved
    stat: os.stat_result | None  # None: gone between listing and planning
    sha: str = ""  # "" when not hashed (too large, unreadable)


@dataclass
class Plan:
    todo: dict[str, Todo] = field(default_factory=dict)  # path -> what is known of it
    unchanged: int = 0
    failed_before: list[str] = field(default_factory=list)
    # key -> (sha, path, stat, path of the file read this run whose rows it shares, or None:
    # the twin is an earlier run's)
    aliases: dict[str, tuple[str, str, os.stat_result, str | None]] = field(default_factory=dict)
    touched: dict[str, dict] = field(default_factory=dict)  # key -> entry with a fresh stat
    renamed: dict[str, tuple[str, str, os.stat_result]] = field(default_factory=dict)  # key -> (old key, path, stat)

    @property
    def shas(self) -> dict[str, str]:
        return {path: t.sha for path, t in self.todo.items() if t.sha}


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files of a format we read under folders named (recursively)."""
    return find_documents(paths)[0]


def find_documents(paths: Iterable[str | Path]) -> tuple[list[Path], dict[str, int]]:
    """(files to read, sorted and unique; {reason: count} of the files of folders not read).

    A file named on the command line is always read (its bytes say its format); in a
    folder, files whose suffix is no format of pipeline/loaders FORMATS are counted as
    skipped, with the reason, and so are hidden files. A broken symbolic link in a folder
    is kept: it fails as its own document, saying so, rather than being skipped without
    a word."""
    found: dict[Path, None] = {}
    skipped: dict[str, int] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not (f.is_file() or _broken(f)):
                    continue
                reason = _skip_reason(f.relative_to(p))
                if reason:
                    skipped[reason] = skipped.get(reason, 0) + 1
                else:
                    found[f] = None
        elif p.is_file() or _broken(p):
            found[p] = None
        elif p.exists():
            raise UsageError(f"{printable(path_text(p))} : ni un fichier ni un dossier")
        else:
            raise UsageError(f"{printable(path_text(p))} : fichier ou dossier introuvable")
    return list(found), skipped


def _skip_reason(relative: Path) -> str | None:
    if any(part.startswith(".") for part in relative.parts):
        return "caché"
    if kind_of_suffix(relative) is None:
        return f"{printable(path_text(relative.suffix.lower())) or 'sans extension'} : format que registre ne lit pas"
    return None


def skipped_text(skipped: dict[str, int]) -> str:
    """`2 .xlsx : format que registre ne lit pas, 1 caché`."""
    return ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))


def nothing_to_read(paths: list, skipped: dict[str, int]) -> NothingToRead:
    """`in/ : aucun document à lire (1 fichier ignoré : 1 .md : format que registre ne lit pas) ; …`"""
    n = sum(skipped.values())
    detail = f" ({n} fichier{'s' * (n > 1)} ignoré{'s' * (n > 1)} : {skipped_text(skipped)})" if skipped else ""
    names = ", ".join(printable(path_text(p)) for p in paths)
    return NothingToRead(f"{names} : aucun document à lire{detail} ; registre lit {', '.join(sorted(SUFFIXES))}")


def _broken(p: Path) -> bool:
    return p.is_symlink() and not p.exists()


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan(files: list[Path], m: Manifest, force: bool = False, retry_failed: bool = False,
         verify: bool = False, max_bytes: int | None = None) -> Plan:
    """Which files to read: new, changed, or asked for again; the rest is left as is."""
    p, by_sha, first = Plan(), m.by_sha(), {}
    for f in files:
        key, st = file_key(f), _stat(f)
        old = m.docs.get(key)
        if old and old["status"] == "failed" and m.refs[old["doc_id"]] > 1:
            old = None  # an alias of another file's failure (earlier registre shared it): read it
        sha = None
        if st is not None and old and not force and _current(old, retry_failed):
            if not verify and all(old.get(k) == v for k, v in stat_key(st).items()):
                _keep(p, old)
                continue
            sha = _hash(f, st, max_bytes)
            if sha and sha == old["sha256"]:  # touched, same bytes
                _keep(p, old)
                p.touched[key] = {**old, **stat_key(st)}
                continue
        sha = sha if sha is not None else _hash(f, st, max_bytes)
        same = (sha, kind_of(key))
        twin = by_sha.get(same)
        if sha and not force and old is None and _moved(m, p, key, twin, retry_failed):
            p.renamed[key] = (twin, str(f), st)  # the same bytes under a new name, the old one gone
            p.unchanged += 1
            continue
        if sha and not force and ((twin and twin != key and _current(m.docs[twin], retry_failed))
                                  or same in first):
            p.aliases[key] = (sha, str(f), st, first.get(same))  # same bytes as another file: its rows serve both
            p.unchanged += 1
            continue
        if sha:
            first[same] = str(f)
        p.todo[str(f)] = Todo(key, st, sha or "")
    return p


def _moved(m: Manifest, p: Plan, key: str, twin: str | None, retry_failed: bool) -> bool:
    """`twin` (a file read before, with these bytes) is gone from its path: `key` is that
    file renamed or moved. A second copy of it is an alias of this one, not another rename."""
    return (bool(twin) and twin != key and not os.path.exists(twin) and _current(m.docs[twin], retry_failed)
            and all(old != twin for old, _, _ in p.renamed.values()))


def _stat(f: Path) -> os.stat_result | None:
    try:
        return f.stat()
    except OSError:  # gone since it was listed, or a broken link: the worker says so
        return None


def _hash(f: Path, st: os.stat_result | None, max_bytes: int | None) -> str | None:
    if st is None or (max_bytes and st.st_size > max_bytes):
        return None
    try:
        return sha256(f)
    except OSError:
        return None


def _current(e: dict, retry_failed: bool) -> bool:
    return e.get("version") == VERSION and not (retry_failed and e["status"] == "failed")


def _keep(p: Plan, e: dict) -> None:
    p.unchanged += 1
    if e["status"] == "failed":
        p.failed_before.append(e.get("error") or printable(path_text(e["source_path"])))
