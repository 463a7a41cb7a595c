"""The HTML report: an index (report.html) and one page per document (report/<doc_id>.html).

Jinja2 with autoescape on: a value from a document (an objet holding `<script>`, a
file name with `<img onerror>`) is text wherever a template puts it, and the pages
carry a Content-Security-Policy that lets only our own inline script run (its
sha256 is computed here). The index's tables are built in the browser from a JSON
block (`tojson` escapes `<`, `>`, `&`, `'`) with `textContent` only.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from pipeline.report import fmt
from pipeline.report.model import Doc, Finding

STATE_LABEL = {"failed": "non lu", "error": "erreurs", "warning": "avertissements", "notice": "à vérifier",
               "ok": "vérifié, sans anomalie", "partial": "vérifié en partie", "unchecked": "non vérifié",
               "unknown": "couverture inconnue"}
STATE_CHOICES = [("findings", "avec anomalies"), ("failed", "non lus"),
                 ("unverified", "sans anomalie, non vérifiés entièrement"), ("ok", "vérifiés sans anomalie")]
TEXT_LAYER_LABEL = {"native": "texte du PDF", "ocr": "lu par OCR", "mixed": "texte et OCR"}
COVERAGE_SCOPES = [("document", "Documents"), ("deliberation", "Délibérations"), ("table", "Tableaux")]
COVERAGE_STATES = ["checked", "partial", "not_checked", "unread"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["fr_date"] = fmt.date
    env.filters["up"] = lambda href: f"../{href}" if href else ""  # out/ → out/report/
    env.globals.update(
        number=fmt.number, plural=fmt.plural, fr_value=fmt.value, severities=fmt.SEVERITIES,
        severity_label=fmt.SEVERITY_LABEL, severity_plural=fmt.SEVERITY_PLURAL, state_label=STATE_LABEL,
        coverage_label=fmt.COVERAGE_LABEL, text_layer_label=TEXT_LAYER_LABEL, coverage_scopes=COVERAGE_SCOPES,
        coverage_states=COVERAGE_STATES, state_choices=STATE_CHOICES, scope_label=scope_label,
        count=lambda v: fmt.number(0 if fmt.is_null_list(v) else len(v)), fields_words=fmt.fields,
        join=lambda v: "" if fmt.is_null_list(v) else ", ".join(fmt.text(x) for x in v))
    return env


def script() -> str:
    return environment().loader.get_source(environment(), "filters.js")[0]


def stylesheet() -> str:
    return environment().loader.get_source(environment(), "style.css")[0]


def csp_hash(code: str) -> str:
    """The CSP source naming exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def scope_label(c: dict) -> str:
    scope = fmt.text(c.get("scope"))
    if scope == "deliberation":
        return f"délibération {fmt.text(c.get('seq'))}"
    if scope == "table":
        return f"tableau {fmt.text(c.get('table_id'))}"
    return "document"


def status_sentence(doc: Doc) -> str:
    """What the page says first about a document: never 'no anomaly' for what was not checked."""
    counts = [fmt.plural(doc.counts[s], fmt.SEVERITY_LABEL[s], fmt.SEVERITY_PLURAL[s])
              for s in fmt.SEVERITIES if doc.counts[s]]
    return {
        "failed": f"Non lu : {doc.row.get('error') or 'échec de lecture'}. Rien n'a pu y être vérifié.",
        "ok": "Aucune anomalie : toutes les règles applicables ont été évaluées.",
        "partial": "Aucune anomalie parmi les règles évaluées ; d'autres n'ont pas pu l'être (ci-dessous).",
        "unchecked": "Non vérifié : aucune règle n'a pu être évaluée sur ce document.",
        "unknown": "Aucune anomalie trouvée, mais la couverture de ce document n'est pas enregistrée : "
                   "on ne sait pas ce qui a été vérifié.",
    }.get(doc.state, ", ".join(counts) + ".")


def render_document(doc: Doc, context: dict[str, Any]) -> str:
    return environment().get_template("document.html").render(
        doc=doc, status_sentence=status_sentence(doc), home="../report.html", assets="",
        script_hash="", **context)


def render_index(context: dict[str, Any]) -> str:
    code = script()
    return environment().get_template("index.html").render(
        home="report.html", assets="report/", script=code, script_hash=csp_hash(code), **context)


def index_data(docs: list[Doc], rules: list[str], collectivites: list[str]) -> dict[str, Any]:
    """The explorer's data: compact arrays (a document or finding is one short list)."""
    coll_index = {c: i for i, c in enumerate(collectivites)}
    rule_index = {r: i for i, r in enumerate(rules)}
    sev_index = {s: i for i, s in enumerate(fmt.SEVERITIES)}
    delibs: dict[str, int] = {}
    doc_rows, finding_rows = [], []
    for di, d in enumerate(docs):
        doc_rows.append([d.name, d.page_href, d.state, d.counts["error"], d.counts["warning"], d.counts["notice"],
                         [coll_index[c] for c in d.collectivites], d.dates, d.doc_id])
        for f in d.findings:
            finding_rows.append(_finding_row(di, f, rule_index, sev_index, coll_index, delibs))
    return {"rules": rules, "sev": list(fmt.SEVERITIES), "sevLabels": fmt.SEVERITY_LABEL, "states": STATE_LABEL,
            "colls": collectivites, "docs": doc_rows, "delibs": list(delibs), "findings": finding_rows}


def _finding_row(di: int, f: Finding, rules: dict, sevs: dict, colls: dict, delibs: dict) -> list:
    first = f.delibs[0] if f.delibs else None
    label = ""
    if first:
        label = first.label + (f" — {fmt.shorten(first.objet, 90)}" if first.objet else "")
        label += f" (+{len(f.delibs) - 1})" if len(f.delibs) > 1 else ""
    label = label or f.subject + (f", page {f.text('page')}" if f.text("page") else "")
    delib_index = delibs.setdefault(label, len(delibs)) if label else -1
    return [di, rules.get(f.check_id, 0), sevs.get(f.severity, 0), first.iso_date if first else "",
            colls.get(first.collectivite, -1) if first else -1, delib_index,
            f.show("expected"), f.show("actual"), f.show("difference"), f.id]
