"""Progress of a run: a tqdm bar on a terminal, plain log lines otherwise.

    ingest  37%|███▋      | 370/1000 [01:02<01:46, 5.9doc/s, pages/s=41.0, failed=2]

Not on a terminal (CI, cron, a pipe): one line per failed document and one per
committed batch, e.g.

    registre: batch 000006 committed: 384/1000 documents, 2 failed, 41.0 pages/s, ETA 1m45s
"""
from __future__ import annotations

import sys
import time

from pipeline.display import printable


class Progress:
    """Told about each document and each commit; says it on `stream`."""

    def __init__(self, total: int, stream=None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        self.total, self.done, self.failed, self.pages = total, 0, 0, 0
        self.start = time.monotonic()
        tty = bar if bar is not None else getattr(self.stream, "isatty", lambda: False)()
        self.bar = None
        if tty and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", desc="ingest", file=self.stream, dynamic_ncols=True)

    def rate(self) -> float:
        return self.pages / max(time.monotonic() - self.start, 1e-9)

    def document(self, outcome) -> None:
        self.done += 1
        self.pages += outcome.pages
        self.failed += not outcome.ok
        if self.bar is not None:
            self.bar.set_postfix({"pages/s": f"{self.rate():.1f}", "failed": self.failed}, refresh=False)
            self.bar.update(1)
        elif not outcome.ok:
            self.log(f"FAILED {outcome.error}")

    def committed(self, batch: str) -> None:
        if self.bar is None:
            self.log(f"batch {batch} committed: {self.done}/{self.total} documents, {self.failed} failed, "
                     f"{self.rate():.1f} pages/s, ETA {self._eta()}")

    def log(self, message: str) -> None:
        """One line; control characters escaped (a file name may hold terminal escapes)."""
        line = f"registre: {printable(message)}"
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def _eta(self) -> str:
        if not self.done:
            return "?"
        left = (time.monotonic() - self.start) / self.done * (self.total - self.done)
        return f"{int(left // 60)}m{int(left % 60):02d}s"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Silent(Progress):
    def __init__(self, total: int = 0):
        super().__init__(total, bar=False)

    def log(self, message: str) -> None:
        pass
