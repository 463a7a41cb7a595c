"""The consistency report: report.html (self-contained) and report.md.

Both are rendered from DataFrames: `documents` (one row per input file, with its
status and error) and `findings` (checks.evaluate, committed with each document).
Findings are grouped by document, then by rule (errors first, then in the order rules are declared), each
with expected vs actual, page, line and the source line quoted. Every piece of
document text is escaped: a quote containing "<script>" is shown, never run.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from checks.rules import RULES

TITLE = "registre — rapport de cohérence"
SEVERITY_ORDER = {"error": 0, "warning": 1}
SEVERITY_LABEL = {"error": "erreur", "warning": "avertissement"}
RULE_ORDER = {rule_id: i for i, rule_id in enumerate(RULES)}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
 padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a40000}.warning{color:#8a5a00}.ok{color:#1b6e1b}.failed{color:#a40000;font-weight:600}
.badge{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.8rem;color:#fff}
.badge.error{background:#b00020}.badge.warning{background:#b8860b}
blockquote{margin:.2rem 0;padding:.2rem .6rem;border-left:3px solid #bbb;background:#fafafa;
 font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;white-space:pre-wrap}
.rule{color:#555;font-size:.88rem;margin:.1rem 0 .4rem}code{font-size:.88rem}
"""


# --- data preparation -----------------------------------------------------------

def _null(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists (the `fields` column)
        return False


def _text(value: Any) -> str:
    if _null(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _records(frame: pd.DataFrame | None) -> list[dict]:
    return [] if frame is None or frame.empty else frame.to_dict("records")


def _finding_sort_key(f: dict) -> tuple:
    def num(v: Any) -> int:
        return -1 if _null(v) else int(v)
    return (num(f.get("seq")), num(f.get("page")), num(f.get("line")), _text(f.get("subject")))


def group_findings(findings: pd.DataFrame,
                   documents: pd.DataFrame | None = None) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """[(doc_id, [(check_id, [finding, …]), …]), …] in report order.

    Documents in the order of `documents` (then any other document with findings);
    rules by severity (errors first) then declaration order; findings by
    deliberation, page, line.
    """
    rows = _records(findings)
    order = list(dict.fromkeys(d["doc_id"] for d in _records(documents)))
    order += sorted({f["doc_id"] for f in rows} - set(order))
    out = []
    for doc_id in order:
        mine = [f for f in rows if f["doc_id"] == doc_id]
        checks = sorted({f["check_id"] for f in mine}, key=lambda c: (
            SEVERITY_ORDER.get(_severity(c, mine), 9), RULE_ORDER.get(c, len(RULE_ORDER)), c))
        out.append((doc_id, [(c, sorted((f for f in mine if f["check_id"] == c), key=_finding_sort_key))
                             for c in checks]))
    return out


def _severity(check_id: str, findings: Iterable[dict]) -> str:
    rule = RULES.get(check_id)
    if rule:
        return rule.severity
    return next((f.get("severity") for f in findings if f["check_id"] == check_id), "")


def summary(findings: pd.DataFrame, documents: pd.DataFrame | None) -> dict[str, Any]:
    docs = _records(documents)
    failed = [d for d in docs if d.get("status") == "failed"]
    by_severity = {s: int((findings["severity"] == s).sum()) if not findings.empty else 0
                   for s in ("error", "warning")}
    return {"documents": len(docs), "failed": failed, "findings": len(findings),
            "by_severity": by_severity}


def _doc_info(documents: pd.DataFrame | None) -> dict[str, dict]:
    return {d["doc_id"]: d for d in _records(documents)}


def _failed(doc_id: str, info: dict[str, dict]) -> bool:
    return info.get(doc_id, {}).get("status") == "failed"


def _doc_name(doc_id: str, info: dict[str, dict]) -> str:
    path = _text(info.get(doc_id, {}).get("source_path"))
    return Path(path).name if path else doc_id


# --- HTML -----------------------------------------------------------------------

def _e(value: Any) -> str:
    return html.escape(_text(value), quote=True)


def render_html(findings: pd.DataFrame, documents: pd.DataFrame | None = None, title: str = TITLE) -> str:
    info, stats = _doc_info(documents), summary(findings, documents)
    parts = [f"<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
             f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{_e(title)}</h1>", _html_summary(stats, findings, documents)]
    for doc_id, groups in group_findings(findings, documents):
        if groups or not _failed(doc_id, info):  # failed files are listed in the summary
            parts.append(_html_document(doc_id, groups, info))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _html_summary(stats: dict, findings: pd.DataFrame, documents: pd.DataFrame | None) -> str:
    sev = stats["by_severity"]
    out = ["<section id=\"resume\"><h2>Résumé</h2><ul>",
           f"<li>Documents : <b>{stats['documents']}</b> (dont <span class=\"failed\">"
           f"{len(stats['failed'])}</span> en échec)</li>",
           f"<li>Anomalies : <b>{stats['findings']}</b> — <span class=\"error\">{sev['error']} "
           f"erreur(s)</span>, <span class=\"warning\">{sev['warning']} avertissement(s)</span></li></ul>"]
    docs = _records(documents)
    if docs:
        out.append("<table><tr><th>Document</th><th>Identifiant</th><th>Type</th><th class=\"num\">Pages</th>"
                   "<th>État</th><th class=\"num\">Erreurs</th><th class=\"num\">Avertissements</th>"
                   "<th>Problèmes de lecture</th></tr>")
        for d in docs:
            mine = findings[findings["doc_id"] == d["doc_id"]] if not findings.empty else findings
            counts = [int((mine["severity"] == s).sum()) if not mine.empty else 0 for s in ("error", "warning")]
            status = _text(d.get("status"))
            out.append(f"<tr><td>{_e(d.get('source_path'))}</td><td><code>{_e(d['doc_id'])}</code></td>"
                       f"<td>{_e(d.get('source_kind'))}</td><td class=\"num\">{_e(d.get('page_count'))}</td>"
                       f"<td class=\"{'failed' if status == 'failed' else 'ok'}\">{_e(status)}</td>"
                       f"<td class=\"num\">{counts[0]}</td><td class=\"num\">{counts[1]}</td>"
                       f"<td>{_e(d.get('error'))}</td></tr>")
        out.append("</table>")
    if stats["failed"]:
        out.append("<h3>Documents en échec</h3><ul>")
        out += [f"<li>{_e(d.get('source_path'))} : {_e(d.get('error'))}</li>" for d in stats["failed"]]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _html_document(doc_id: str, groups: list, info: dict) -> str:
    out = [f"<section class=\"document\" id=\"doc-{_e(doc_id)}\">"
           f"<h2>{_e(_doc_name(doc_id, info))}{f' <code>{_e(doc_id)}</code>' if doc_id else ''}</h2>"]
    if not groups:
        out.append("<p class=\"ok\">Aucune anomalie.</p>")
    for check_id, items in groups:
        severity = _text(items[0].get("severity"))
        rule = RULES.get(check_id)
        out.append(f"<h3 class=\"check\"><span class=\"badge {_e(severity)}\">"
                   f"{_e(SEVERITY_LABEL.get(severity, severity))}</span> <code>{_e(check_id)}</code> "
                   f"({len(items)})</h3>")
        if rule:
            out.append(f"<p class=\"rule\">{_e(rule.description)}</p>")
        out.append("<table><tr><th>Sujet</th><th>Attendu</th><th>Constaté</th><th class=\"num\">Page</th>"
                   "<th class=\"num\">Ligne</th><th>Message et source</th></tr>")
        for f in items:
            quote = f"<blockquote>{_e(f.get('quote'))}</blockquote>" if not _null(f.get("quote")) else ""
            out.append(f"<tr class=\"finding\"><td>{_e(f.get('subject'))}</td><td>{_e(f.get('expected'))}</td>"
                       f"<td>{_e(f.get('actual'))}</td><td class=\"num\">{_e(f.get('page'))}</td>"
                       f"<td class=\"num\">{_e(f.get('line'))}</td><td>{_e(f.get('message'))}{quote}</td></tr>")
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out)


# --- Markdown -------------------------------------------------------------------

def _md(value: Any) -> str:
    """A table cell: one line, pipes escaped, HTML neutralised (renderers pass it through)."""
    text = html.escape(_text(value), quote=False).replace("|", "\\|")
    return " ".join(text.split())


def render_markdown(findings: pd.DataFrame, documents: pd.DataFrame | None = None, title: str = TITLE) -> str:
    info, stats = _doc_info(documents), summary(findings, documents)
    sev = stats["by_severity"]
    out = [f"# {_md(title)}", "", f"- Documents : {stats['documents']} (dont {len(stats['failed'])} en échec)",
           f"- Anomalies : {stats['findings']} — {sev['error']} erreur(s), {sev['warning']} avertissement(s)"]
    for d in stats["failed"]:
        out.append(f"- Échec : {_md(d.get('source_path'))} — {_md(d.get('error'))}")
    for doc_id, groups in group_findings(findings, documents):
        if not groups and _failed(doc_id, info):
            continue  # listed in the summary with its error
        ident = f" (`{_md(doc_id)}`)" if doc_id else ""
        out += ["", f"## {_md(_doc_name(doc_id, info))}{ident}", ""]
        if not groups:
            out.append("Aucune anomalie.")
            continue
        out += ["| Règle | Gravité | Sujet | Attendu | Constaté | Page | Ligne | Message | Source |",
                "|---|---|---|---|---|---:|---:|---|---|"]
        for check_id, items in groups:
            for f in items:
                out.append("| " + " | ".join(_md(v) for v in (
                    check_id, SEVERITY_LABEL.get(_text(f.get("severity")), f.get("severity")),
                    f.get("subject"), f.get("expected"), f.get("actual"), f.get("page"),
                    f.get("line"), f.get("message"), f.get("quote"))) + " |")
    return "\n".join(out) + "\n"


def write_reports(out_dir: Path | str, findings_df: pd.DataFrame,
                  documents_df: pd.DataFrame | None) -> dict[str, Path]:
    """Write report.html and report.md under `out_dir` (each replaced whole: written
    beside, then renamed, so a reader never sees half a report); return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"html": out / "report.html", "md": out / "report.md"}
    texts = {"html": render_html(findings_df, documents_df), "md": render_markdown(findings_df, documents_df)}
    for kind, path in paths.items():
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(texts[kind], encoding="utf-8")
        os.replace(tmp, path)
    return paths
