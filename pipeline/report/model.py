"""From the tables to what the pages show: documents in the order a controller works
in, each with its findings grouped by deliberation, its coverage and its state.

Ordering: documents with the most errors first, then warnings, then notices; then
the documents nobody could check (failed, unread, not checked), then the others.
Inside a document, findings follow the deliberations (seq), then the document-wide
ones (tables, summaries, fiches), errors first. Findings that repeat one root cause
(same rule, same line, same values: a session header's count stated once for 18
items) are shown once, listing every deliberation they cover.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

import pandas as pd

from checks.rules import RULES
from pipeline.report import fmt
from pipeline.report.load import Frames

SEVERITY_RANK = {s: i for i, s in enumerate(fmt.SEVERITIES)}
RULE_ORDER = {rule_id: i for i, rule_id in enumerate(RULES)}


@dataclass
class Delib:
    seq: int
    numero: str = ""
    date: str = ""  # dd/mm/yyyy
    iso_date: str = ""
    objet: str = ""
    collectivite: str = ""
    page: int | None = None

    @property
    def label(self) -> str:
        head = f"n° {self.numero}" if self.numero else f"délibération {self.seq}"
        return head + (f" du {self.date}" if self.date else "")


@dataclass
class Finding:
    row: dict
    delibs: list[Delib]
    seqs: list[int]
    others: list[dict] = field(default_factory=list)  # same root cause, other rows
    evidence: list = field(default_factory=list)  # evidence.Crop
    context: list = field(default_factory=list)  # evidence.Line (text sources)
    table_row: Any = None  # evidence.TableExcerpt
    change: str = ""  # "new" | "changed" | ""
    before: dict | None = None  # previous expected/actual when changed
    pdf_href: str = ""  # from out/: "../samples/x.pdf#page=10"

    @property
    def subject(self) -> str:
        if len(self.seqs) > 1:
            return f"{len(self.seqs)} délibérations"
        return fmt.subject(self.row.get("subject"))

    @property
    def quote(self) -> str:
        return fmt.visible_controls(self.text("quote"))

    @property
    def id(self) -> str:
        return fmt.text(self.row.get("finding_id")) or f"x{id(self):x}"

    @property
    def check_id(self) -> str:
        return fmt.text(self.row.get("check_id"))

    @property
    def severity(self) -> str:
        return fmt.text(self.row.get("severity"))

    @property
    def severity_label(self) -> str:
        return fmt.SEVERITY_LABEL.get(self.severity, self.severity)

    @property
    def description(self) -> str:
        rule = RULES.get(self.check_id)
        return rule.description if rule else ""

    @property
    def compared(self) -> str:
        rule = RULES.get(self.check_id)
        return fmt.fields(rule.fields if rule else self.row.get("fields"))

    def show(self, name: str) -> str:
        """expected/actual in French; difference signed."""
        if name == "difference":
            return fmt.number(self.row.get("difference"), signed=True)
        return fmt.value(self.row.get(name))

    def text(self, name: str) -> str:
        return fmt.text(self.row.get(name))


@dataclass
class Doc:
    row: dict
    name: str
    counts: Counter
    delibs: dict[int, Delib]
    coverage: list[dict]
    sections: list[tuple[Delib | None, list[Finding]]] = field(default_factory=list)
    pdf_href: str = ""  # from out/ (the index); pages under report/ prefix "../"
    page_href: str = ""  # from out/: "report/<doc_id>.html"
    source_found: bool = False

    @property
    def doc_id(self) -> str:
        return fmt.text(self.row.get("doc_id"))

    @property
    def status(self) -> str:
        return fmt.text(self.row.get("status"))

    @cached_property
    def findings(self) -> list[Finding]:
        return [f for _, items in self.sections for f in items]

    @cached_property
    def coverage_status(self) -> str:
        """The document's coverage: its own row's status, else derived from its
        deliberations' rows; '' when the pipeline recorded none."""
        own = [c for c in self.coverage if c.get("scope") == "document"]
        if own:
            return fmt.text(own[0].get("status"))
        states = {fmt.text(c.get("status")) for c in self.coverage}
        if not states:
            return ""
        if states == {"checked"}:
            return "checked"
        return "partial" if "checked" in states or "partial" in states else sorted(states)[0]

    @cached_property
    def state(self) -> str:
        """failed | error | warning | notice | unchecked | partial | unknown | ok."""
        if self.status == "failed":
            return "failed"
        for severity in fmt.SEVERITIES:
            if self.counts[severity]:
                return severity
        return {"checked": "ok", "partial": "partial", "not_checked": "unchecked",
                "unread": "unchecked", "": "unknown"}.get(self.coverage_status, "unknown")

    @cached_property
    def collectivites(self) -> list[str]:
        return sorted({d.collectivite for d in self.delibs.values() if d.collectivite})

    @cached_property
    def dates(self) -> list[str]:
        return sorted({d.iso_date for d in self.delibs.values() if d.iso_date})

    @cached_property
    def skipped(self) -> list[str]:
        """What could not be verified: `rule: reason` of the skipped checks, and the
        fields a reader expects but the document did not give, without repeats."""
        out: dict[str, None] = {}
        for c in self.coverage:
            for item in _items(c.get("checks_skipped")):
                out[item] = None
            missing = _items(c.get("fields_missing"))
            if missing:
                out["champs absents : " + fmt.fields(missing)] = None
        return list(out)

    def sort_key(self) -> tuple:
        waiting = {"failed": 0, "unchecked": 1, "partial": 2, "unknown": 3}.get(self.state, 4)
        return (-self.counts["error"], -self.counts["warning"], -self.counts["notice"], waiting,
                self.name.lower(), self.doc_id)


def _items(values: Any) -> list[str]:
    if values is None or isinstance(values, str) or fmt.is_null_list(values):
        return [values] if isinstance(values, str) and values else []
    return [fmt.text(v) for v in values if fmt.text(v)]


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts, nulls (NaN, NA, NaT) as None: templates test `is none`, and NaN is true."""
    if frame is None or frame.empty:
        return []
    return [{k: None if fmt.is_null(v) else v for k, v in row.items()} for row in frame.to_dict("records")]


def by_doc(frame: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in records(frame):
        out[fmt.text(row.get("doc_id"))].append(row)
    return out


def doc_name(row: dict) -> str:
    path = fmt.text(row.get("source_path"))
    return PurePath(path.replace("\\", "/")).name if path else fmt.text(row.get("doc_id"))


def delib_of(row: dict) -> Delib:
    return Delib(seq=int(row["seq"]), numero=fmt.text(row.get("numero")), date=fmt.date(row.get("session_date")),
                 iso_date=fmt.iso_date(row.get("session_date")), objet=fmt.text(row.get("objet")),
                 collectivite=fmt.text(row.get("collectivite")),
                 page=None if fmt.is_null(row.get("page_start")) else int(row["page_start"]))


def build_docs(frames: Frames) -> list[Doc]:
    """Every document of `documents` (and any other that has findings), sorted."""
    findings, delibs, coverage = by_doc(frames.findings), by_doc(frames.deliberations), by_doc(frames.coverage)
    rows = {fmt.text(r.get("doc_id")): r for r in records(frames.documents)}
    for doc_id in findings:
        rows.setdefault(doc_id, {"doc_id": doc_id, "status": "ok"})
    docs = []
    for doc_id, row in rows.items():
        mine = findings.get(doc_id, [])
        doc = Doc(row=row, name=doc_name(row), counts=Counter(fmt.text(f.get("severity")) for f in mine),
                  delibs={int(d["seq"]): delib_of(d) for d in delibs.get(doc_id, []) if not fmt.is_null(d.get("seq"))},
                  coverage=coverage.get(doc_id, []))
        doc.sections = sections(mine, doc.delibs)
        docs.append(doc)
    return sorted(docs, key=Doc.sort_key)


def sections(rows: list[dict], delibs: dict[int, Delib]) -> list[tuple[Delib | None, list[Finding]]]:
    """[(deliberation, findings), …, (None, document-wide findings)]; a root-cause finding
    covering several deliberations sits under the first."""
    grouped: dict[int | None, list[Finding]] = defaultdict(list)
    for f in merge_repeats(rows, delibs):
        grouped[f.seqs[0] if f.seqs else None].append(f)
    order = sorted((s for s in grouped if s is not None)) + ([None] if None in grouped else [])
    out = []
    for seq in order:
        items = sorted(grouped[seq], key=_finding_key)
        out.append((delibs.get(seq) or (Delib(seq=seq) if seq is not None else None), items))
    return out


def _finding_key(f: Finding) -> tuple:
    def num(v: Any) -> int:
        return -1 if fmt.is_null(v) else int(v)
    return (SEVERITY_RANK.get(f.severity, 9), RULE_ORDER.get(f.check_id, len(RULE_ORDER)),
            num(f.row.get("page")), num(f.row.get("line")), f.text("subject"))


def merge_repeats(rows: list[dict], delibs: dict[int, Delib]) -> list[Finding]:
    """One Finding per root cause: rows of one rule quoting the same line with the same
    values are one problem however many deliberations repeat it."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        key = (fmt.text(row.get("check_id")), fmt.text(row.get("page")), fmt.text(row.get("line")),
               fmt.text(row.get("quote")), fmt.text(row.get("expected")), fmt.text(row.get("actual")))
        if not (fmt.ints(row.get("seqs")) or _seq(row)):
            key += (fmt.text(row.get("finding_id")), id(row))  # no deliberation: never merged
        groups.setdefault(key, []).append(row)
    out = []
    for same in groups.values():
        seqs = sorted({s for r in same for s in (fmt.ints(r.get("seqs")) or _seq(r))})
        out.append(Finding(row=same[0], others=same[1:], seqs=seqs,
                           delibs=[delibs.get(s) or Delib(seq=s) for s in seqs]))
    return out


def _seq(row: dict) -> list[int]:
    return [] if fmt.is_null(row.get("seq")) else [int(row["seq"])]


# --- the overview -----------------------------------------------------------------

@dataclass
class Overview:
    documents: int
    by_state: Counter
    by_severity: Counter
    by_rule: list[dict]
    coverage: dict[str, Counter]  # scope -> status -> count
    deliberations: int
    failed: list[Doc]
    findings: int

    @property
    def coverage_known(self) -> bool:
        return any(self.coverage.values())


def overview(docs: list[Doc], frames: Frames) -> Overview:
    severity = Counter(fmt.text(s) for s in frames.findings["severity"]) if len(frames.findings) else Counter()
    rules = Counter(fmt.text(c) for c in frames.findings["check_id"]) if len(frames.findings) else Counter()
    docs_per_rule: dict[str, set] = defaultdict(set)
    for doc_id, check_id in frames.findings[["doc_id", "check_id"]].itertuples(index=False):
        docs_per_rule[fmt.text(check_id)].add(doc_id)
    by_rule = [{"id": r, "severity": RULES[r].severity if r in RULES else "", "count": rules[r],
                "documents": len(docs_per_rule[r]), "description": RULES[r].description if r in RULES else ""}
               for r in sorted(rules, key=lambda r: (SEVERITY_RANK.get(RULES[r].severity if r in RULES else "", 9),
                                                    -rules[r], r))]
    coverage: dict[str, Counter] = defaultdict(Counter)
    for scope, status in frames.coverage[["scope", "status"]].itertuples(index=False):
        coverage[fmt.text(scope)][fmt.text(status)] += 1
    return Overview(documents=len(docs), by_state=Counter(d.state for d in docs), by_severity=severity,
                    by_rule=by_rule, coverage=dict(coverage), deliberations=len(frames.deliberations),
                    failed=[d for d in docs if d.state == "failed"], findings=len(frames.findings))
