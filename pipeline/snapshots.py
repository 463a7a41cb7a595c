"""What readers see: every table folder always shows one committed state, whole.

    out/documents -> .registre/current/documents
    out/.registre/current -> snapshots/000012
    out/.registre/snapshots/000012/documents/part-000003.parquet   (hard links)

A commit writes its new part files, then a new snapshot folder holding a hard link to
every part file of the tables as they will be (cheap: no data is copied), appends its
manifest line (the commit point), and only then switches `current` to the new folder
with one atomic rename. `pd.read_parquet("out/documents")` or DuckDB's
`read_parquet('out/findings/*.parquet')` therefore lists one snapshot folder, never a
half-changed one: no row twice (the old part and the part replacing it), no file gone
between listing and reading. A superseded snapshot stays `GRACE_S` seconds for the
readers still in it, then is removed (its files live on in the newer snapshots that
link them). Reading several tables of one same state: resolve `out/.registre/current`
once (`os.path.realpath`) and read `<that>/<table>`.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from schemas.tables import TABLE_NAMES

GRACE_S = 600  # a snapshot superseded longer ago than this is removed at the next commit
STATE = ".registre"  # pipeline/manifest.py STATE_DIR
ROOT = "snapshots"
CURRENT = "current"


def folder(state: Path, sid: str) -> Path:
    return state / ROOT / sid


def build(state: Path, sid: str, files: dict[tuple[str, str], Path]) -> Path:
    """Snapshot `sid`: a folder per table holding a hard link to each of `files`
    ((table, name) -> where the file is now); written aside, then renamed into place."""
    final = folder(state, sid)
    tmp = final.with_name(sid + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for table in TABLE_NAMES:
        (tmp / table).mkdir(parents=True)
    for (table, name), source in files.items():
        os.link(source, tmp / table / name)
    if final.exists():  # left by a run killed after building it, before its commit line
        shutil.rmtree(final)
    os.rename(tmp, final)
    return final


def switch(state: Path, sid: str) -> None:
    """Point `current` at snapshot `sid`, atomically (a new link renamed over the old)."""
    link = state / CURRENT
    tmp = state / (CURRENT + ".tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(f"{ROOT}/{sid}", tmp)
    if link.is_dir() and not link.is_symlink():  # a copy made without keeping links (cp -r)
        shutil.rmtree(link)
    os.replace(tmp, link)


def current(state: Path) -> str | None:
    """The snapshot `current` points at, if it is a link to one."""
    link = state / CURRENT
    if not link.is_symlink():
        return None
    return Path(os.readlink(link)).name


def link_tables(out: Path, state: Path) -> None:
    """Make each `out/<table>` the link `.registre/current/<table>` (once per folder;
    a table folder left by an older registre or by a copy is replaced, its files being
    in the snapshot already)."""
    for table in TABLE_NAMES:
        path, target = out / table, f"{state.name}/{CURRENT}/{table}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        tmp = out / f".{table}.link"
        if tmp.is_symlink():
            tmp.unlink()
        os.symlink(target, tmp)
        os.replace(tmp, path)


def files_of(state: Path, sid: str) -> set[tuple[str, str]]:
    base = folder(state, sid)
    return {(t, f.name) for t in TABLE_NAMES if (base / t).is_dir() for f in (base / t).glob("*.parquet")}


def collect(state: Path, keep: str | None, newest: int | None, now: float | None = None) -> None:
    """Remove snapshots newer than commit `newest` (never committed), unfinished ones, and
    those superseded more than GRACE_S ago; `keep` (the current one) always stays."""
    base, now = state / ROOT, now or time.time()
    if not base.is_dir():
        return
    built = sorted((int(p.name), p) for p in base.iterdir() if p.name.isdigit())
    for p in base.iterdir():
        if not p.name.isdigit():  # a snapshot killed while being built
            shutil.rmtree(p, ignore_errors=True)
    for i, (sid, path) in enumerate(built):
        if path.name == keep:
            continue
        uncommitted = newest is not None and sid > newest
        superseded = i + 1 < len(built) and now - built[i + 1][1].stat().st_mtime > GRACE_S
        if uncommitted or (superseded and keep is not None and sid < int(keep)):
            shutil.rmtree(path, ignore_errors=True)
