"""What changed since the previous report: new, fixed and changed findings.

`findings.finding_id` names one problem across runs (a hash of document, rule and
subject), so comparing two runs is a join on it. The report keeps what it needs of
the findings it last rendered in `out/.registre/report-findings.parquet` (written
beside, fsynced, renamed: a run killed while writing keeps the previous one):

- new: an id not there before;
- fixed: an id gone while its document is still in the tables (the document was
  corrected, or a rule changed); `removed` when the whole document went (`--prune`);
- changed: same id, other expected/actual/severity (the values moved, the problem stays).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.manifest import STATE_DIR
from pipeline.report import fmt

REGISTRY = "report-findings.parquet"
KEPT = ["finding_id", "doc_id", "check_id", "severity", "seq", "subject", "expected", "actual", "page"]
COMPARED = ["severity", "expected", "actual"]
SCHEMA = pa.schema([(c, pa.int32() if c in ("seq", "page") else pa.string()) for c in KEPT])


@dataclass
class Changes:
    first_run: bool = True
    since: str = ""  # when the previous report was rendered (ISO, UTC)
    new: list[dict] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict]] = field(default_factory=list)  # (before, now)

    @property
    def by_id(self) -> dict[str, str]:
        """finding_id → 'new' | 'changed', for the badges beside each finding."""
        out = {fmt.text(r["finding_id"]): "new" for r in self.new}
        out.update({fmt.text(now["finding_id"]): "changed" for _, now in self.changed})
        return out

    @property
    def before(self) -> dict[str, dict]:
        return {fmt.text(b["finding_id"]): b for b, _ in self.changed}

    @property
    def empty(self) -> bool:
        return not (self.new or self.fixed or self.removed or self.changed)


def registry_path(out: Path) -> Path:
    return Path(out) / STATE_DIR / REGISTRY


def previous(out: Path) -> pd.DataFrame | None:
    """The findings of the last rendered report, or None on a first run (or unreadable)."""
    path = registry_path(out)
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid):
        return None
    frame = table.to_pandas()
    frame.attrs["rendered_at"] = (table.schema.metadata or {}).get(b"rendered_at", b"").decode()
    return frame


def compare(before: pd.DataFrame | None, now: pd.DataFrame, doc_ids: set[str]) -> Changes:
    """New, fixed, removed and changed findings of `now` against `before`."""
    if before is None:
        return Changes()
    old = {fmt.text(r["finding_id"]): r for r in before.to_dict("records")}
    new = {fmt.text(r["finding_id"]): r for r in now.to_dict("records")}
    since = before.attrs.get("rendered_at", "")
    gone = [old[i] for i in old.keys() - new.keys()]
    return Changes(
        first_run=False, since=since,
        new=[new[i] for i in new.keys() - old.keys()],
        fixed=[r for r in gone if fmt.text(r.get("doc_id")) in doc_ids],
        removed=[r for r in gone if fmt.text(r.get("doc_id")) not in doc_ids],
        changed=[(old[i], new[i]) for i in new.keys() & old.keys()
                 if any(fmt.text(old[i].get(c)) != fmt.text(new[i].get(c)) for c in COMPARED)])


def save(out: Path, findings: pd.DataFrame, rendered_at: str) -> None:
    """Keep this run's findings for the next comparison (atomically)."""
    path = registry_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = {c: [_cell(v, c) for v in findings[c]] if c in findings else [None] * len(findings) for c in KEPT}
    table = pa.table(rows, schema=SCHEMA).replace_schema_metadata({"rendered_at": rendered_at})
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _cell(value: object, column: str) -> object:
    if fmt.is_null(value):
        return None
    return int(value) if column in ("seq", "page") else str(value)
