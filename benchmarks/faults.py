"""Hostile input against `registre ingest`, one kind at a time: is it handled, what did it cost.

Each kind runs in a `registre ingest` process of its own, with a good text beside the
hostile file(s): handled means the good file was read, the hostile one failed as its
own row with its reason code (or was read with its finding), the exit code is the
documented one, every reason is one line and no terminal escape reached the terminal.
Peak MiB is the resident memory of the whole process tree (main, fork server, workers,
Tesseract), sampled every 20 ms.

    .venv/bin/python benchmarks/faults.py                    # the table
    .venv/bin/python benchmarks/faults.py --kills 30         # and 30 random kill -9, resumed
    .venv/bin/python benchmarks/faults.py --fuzz 300         # and 300 mutated PDFs and texts

Prints "kind | handled | peak MiB | seconds". The reproducers come from ../shared/faults.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.display import path_text  # noqa: E402

FAULTS = ROOT.parent / "shared" / "faults"
GOOD = ROOT / "samples" / "000_947d8fbb682aad0d.txt"
CAP_MB, WORKERS = 1024, 2


def ingest(src: Path, out: Path, *extra: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """(result, peak MiB of the process tree, seconds) of one `registre ingest`."""
    args = [sys.executable, "-m", "pipeline.cli", "ingest", str(src), "--out", str(out), "--workers", str(WORKERS),
            "--max-memory", str(CAP_MB), "--timeout", "60", *extra]
    return sampled(args, env)


def sampled(args: list[str], env: dict | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """(result, peak MiB of the process tree, seconds) of a command."""
    from tests.test_faults import run_sampled

    start = time.monotonic()
    result, peak = run_sampled(args, {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=3600)
    return result, peak / 2**20, time.monotonic() - start


def copies(work: Path, n: int) -> Path:
    """A folder of `n` distinct copies of the good text (d0.txt …)."""
    src = work / "src"
    src.mkdir()
    for i in range(n):
        (src / f"d{i}.txt").write_bytes(GOOD.read_bytes() + b"\n" * i)
    return src


def documents(out: Path):
    import pandas as pd

    docs = pd.read_parquet(out / "documents")
    return docs.assign(name=docs.source_path.map(lambda p: p.rsplit("/", 1)[-1])).set_index("name")


def clean(result: subprocess.CompletedProcess) -> bool:
    text = result.stdout + result.stderr
    return "Traceback" not in text and "\x1b" not in text and "\x07" not in text


def one_file(make, expect: str | None, code: int = 1):
    """A kind that is one hostile file: `make(src)` writes it and returns its name."""
    def run(work: Path):
        src = work / "src"
        src.mkdir()
        shutil.copy(GOOD, src / "good.txt")
        name = make(src)
        result, peak, seconds = ingest(src, work / "out")
        docs = documents(work / "out")
        row = docs.loc[name]
        ok = (result.returncode == code and clean(result) and docs.loc["good.txt", "status"] == "ok"
              and (row.status == "ok" if expect is None else (row.status, row.error_code) == ("failed", expect))
              and "\n" not in str(row.error))
        return ok, peak, seconds, "" if expect is None else str(row.error)[:90]
    return run


def shared(name: str):
    def make(src: Path) -> str:
        shutil.copy(FAULTS / name, src / name)
        return name
    return make


def written(name: str, data: bytes | None = None, link: bool = False, sparse: str = ""):
    def make(src: Path) -> str:
        path = src / name
        if link:
            path.symlink_to(src / "gone.txt")
        elif sparse:
            subprocess.run(["truncate", "-s", sparse, str(path)], check=True)
        else:
            path.write_bytes(data)
        return path_text(name)  # as `documents.source_path` shows it
    return make


def same_bytes(work: Path):
    src = work / "src"
    src.mkdir()
    shutil.copy(GOOD, src / "good.txt")
    text = GOOD.read_bytes() + b"\n"
    (src / "a_copy.pdf").write_bytes(text)
    (src / "z_good.txt").write_bytes(text)
    result, peak, seconds = ingest(src, work / "out")
    docs = documents(work / "out")
    ok = (result.returncode == 1 and docs.loc["a_copy.pdf", "error_code"] == "not_pdf"
          and docs.loc["z_good.txt", "status"] == "ok")
    return ok, peak, seconds, "a_copy.pdf failed, z_good.txt read"


def manifest_flip(work: Path):
    src, out = copies(work, 4), work / "out"
    first, peak, seconds = ingest(src, out, "--batch-size", "1")
    log = out / ".registre" / "manifest.jsonl"
    data = bytearray(log.read_bytes())
    data[data.index(b"\n") + 40] ^= 0x04
    log.write_bytes(bytes(data))
    cli = [sys.executable, "-m", "pipeline.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    check = subprocess.run([*cli, "check", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, env=env)
    repair = subprocess.run([*cli, "repair", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, env=env)
    again = subprocess.run([*cli, "check", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, env=env)
    ok = (check.returncode, repair.returncode, again.returncode) == (3, 0, 0) and len(documents(out)) == 4
    return ok, peak, seconds, check.stderr.strip()[:90]


def timeout_nan(work: Path):
    result, peak, seconds = ingest(GOOD, work / "out", "--timeout", "nan")
    return result.returncode == 2 and result.stderr.count("\n") == 1, peak, seconds, result.stderr.strip()[:90]


def same_size_edit(work: Path):
    src = work / "src"
    src.mkdir()
    path = src / "good.txt"
    shutil.copy(GOOD, path)
    ingest(src, work / "out")
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"Votants : 41", b"Votants : 40"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    result, peak, seconds = ingest(src, work / "out")
    return "(1 read, 0 unchanged)" in result.stdout, peak, seconds, result.stdout.splitlines()[0][:90]


def ctrl_c(work: Path):
    src, marker = copies(work, 3), work / "sleeping"
    args = [sys.executable, "-m", "pipeline.cli", "ingest", str(src), "--out", str(work / "out"), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REGISTRE_TEST_SLEEP": "d1.txt:120",
           "REGISTRE_TEST_SLEEPING": str(marker)}
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    while not marker.exists() and time.monotonic() - start < 120:
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate()
    ok = proc.returncode == 130 and "Traceback" not in err and len(documents(work / "out")) == 1
    return ok, 0.0, time.monotonic() - start, err.strip().splitlines()[-1][:90]


def disk_full(work: Path):
    """A 1 MiB tmpfs as --out (needs root to mount; else skipped)."""
    out = work / "out"
    out.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(out)], capture_output=True).returncode:
        return None, 0.0, 0.0, "skipped (mounting a tmpfs needs root)"
    try:
        src = work / "src"
        src.mkdir()
        for i in range(40):
            (src / f"d{i:02d}.txt").write_bytes((ROOT / "samples" / "003_323ff29db9cff2b0.txt").read_bytes()
                                                 + b"\n" * i)
        result, peak, seconds = ingest(src, out, "--batch-size", "4")
        tmp = out / ".registre" / "tmp"
        ok = (result.returncode == 4 and result.stderr.count("registre : erreur") == 1 and clean(result)
              and not (tmp.exists() and any(tmp.iterdir())))
        return ok, peak, seconds, result.stderr.strip().splitlines()[-1][:90]
    finally:
        subprocess.run(["umount", str(out)], capture_output=True)


KINDS = {
    "glyph bomb (208 MB of glyphs)": one_file(shared("glyph_bomb.pdf"), "memory"),
    "page 14,400 pt wide, 1-px image": one_file(shared("huge_page_img.pdf"), "no_text"),
    "/Count refers to itself": one_file(shared("count_self_ref.pdf"), "corrupt_pdf"),
    "/Pages loop": one_file(shared("pages_self_ref.pdf"), "corrupt_pdf"),
    "votants : 99999999999": one_file(shared("fuzz_arrowinvalid_int32.txt"), None, code=0),
    "a 20-digit count": one_file(shared("fuzz_overflow_int64.txt"), None, code=0),
    "file name not UTF-8": one_file(written(os.fsdecode(b"caf\xe9.txt"), b""), "empty"),
    "ANSI/OSC escapes in the name": one_file(written("\x1b]52;c;SGVsbG8=\x07x\x1b[31m.txt", b""), "empty"),
    "30 GB sparse text": one_file(written("big.txt", sparse="30G"), "too_large"),
    "1,000,000 form feeds": one_file(written("ff.txt", b"\f" * 1_000_000 + b"x"), "too_many_pages"),
    "10 MB of cells (a\\t)": one_file(written("tabs.txt", b"a\t" * 5_000_000), "memory"),
    "broken symbolic link": one_file(written("link.txt", link=True), "missing"),
    "same bytes as .pdf and .txt": same_bytes,
    "flipped byte in the manifest": manifest_flip,
    "--timeout nan": timeout_nan,
    "same-size edit, mtime put back": same_size_edit,
    "Ctrl-C": ctrl_c,
    "disk full": disk_full,
}


def kills(n: int) -> None:
    """`n` runs killed with SIGKILL at a random moment, each resumed; then the tables must
    equal an uninterrupted run's."""
    from tests.test_batch import corpus, snapshot

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        src = corpus(work / "src", 30, 10)
        args = lambda out: [sys.executable, "-m", "pipeline.cli", "ingest", str(src), "--out", str(out),  # noqa: E731
                            "--workers", "2", "--batch-size", "3"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run(args(work / "ref"), cwd=ROOT, env=env, capture_output=True, check=False)
        rng, out = random.Random(16), work / "out"
        for i in range(n):
            proc = subprocess.Popen(args(out), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(rng.uniform(0.5, 12))
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        subprocess.run(args(out), cwd=ROOT, env=env, capture_output=True, check=False)
        same = snapshot(out) == snapshot(work / "ref")
        rows = sum(len(v) for v in snapshot(out).values())
        print(f"kill -9 x {n}, then resumed | {'yes' if same else 'NO'} | {rows} rows identical to an "
              f"uninterrupted run: {same}")


def fuzz(n: int) -> None:
    """`n` mutated copies of the sample PDFs and texts (bytes flipped, cut, repeated) with a
    good file: the run must end (exit 0 or 1), every file a row, every failure a code."""
    rng = random.Random(16)
    sources = [p.read_bytes() for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".pdf", ".txt")]
    with tempfile.TemporaryDirectory() as work:
        src = Path(work) / "src"
        src.mkdir()
        shutil.copy(GOOD, src / "good.txt")
        for i in range(n):
            data = bytearray(rng.choice(sources))
            for _ in range(rng.randint(1, 20)):
                at = rng.randrange(len(data))
                data[at] = rng.randrange(256)
            if rng.random() < 0.3:
                data = data[:rng.randrange(len(data))]
            (src / f"f{i:04d}{'.pdf' if data[:5] == b'%PDF-' else '.txt'}").write_bytes(bytes(data))
        result, peak, seconds = ingest(src, Path(work) / "out", "--timeout", "30")
        docs = documents(Path(work) / "out")
        ok = (result.returncode in (0, 1) and clean(result) and len(docs) == n + 1
              and docs[docs.status == "failed"].error_code.notna().all() and docs.loc["good.txt", "status"] == "ok")
        print(f"fuzz: {n} mutated files | {'yes' if ok else 'NO'} | {peak:.0f} | {seconds:.1f} "
              f"| {(docs.status == 'failed').sum()} failed, codes {docs.error_code.value_counts().to_dict()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="kinds whose name contains this")
    ap.add_argument("--kills", type=int, default=0, help="also N random kill -9, resumed")
    ap.add_argument("--fuzz", type=int, default=0, help="also N mutated files")
    args = ap.parse_args()
    if not FAULTS.is_dir():
        sys.exit(f"{FAULTS} is absent")
    print(f"--workers {WORKERS} --max-memory {CAP_MB}: the run's cap is {WORKERS} x {CAP_MB} MiB + main\n")
    print("kind | handled | peak MiB | seconds | reason")
    print("---|---|---|---|---")
    for kind, run in KINDS.items():
        if args.only and args.only not in kind:
            continue
        with tempfile.TemporaryDirectory() as work:
            ok, peak, seconds, note = run(Path(work))
        handled = "skipped" if ok is None else ("yes" if ok else "NO")
        print(f"{kind} | {handled} | {f'{peak:.0f}' if peak else '-'} | {seconds:.1f} | {note.replace('|', '/')}",
              flush=True)
    if args.fuzz:
        fuzz(args.fuzz)
    if args.kills:
        kills(args.kills)


if __name__ == "__main__":
    main()
