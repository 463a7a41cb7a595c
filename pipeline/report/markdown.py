"""report.md: the same overview and findings as the HTML, for a terminal, a diff or a wiki.

Tables are made by `tabulate` (GitHub pipe tables). Every value from a document goes
through `escape` (the template's `finalize`, so nothing can skip it): control and
bidi characters become visible symbols (an ESC in a quoted line is '␛', not a
terminal command), line breaks become spaces, and every character that could open
Markdown or HTML (`\\ ` * _ [ ] < > ! | ~ &`) is backslash-escaped — so an
objet `<script>`, an image `![x](http://…)` or a link `[x](javascript:…)` prints as
the text it is. Our own links (document pages, PDF pages) are percent-encoded.
"""
from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from tabulate import tabulate

from pipeline.report import fmt
from pipeline.report.html import STATE_LABEL, status_sentence
from pipeline.report.model import Doc, Overview

_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")


class Safe(str):
    """Markdown we built (a table, a link): not escaped again."""


def escape(value: Any) -> str:
    """Document text as inert Markdown: one line, nothing that can become markup."""
    if isinstance(value, Safe):
        return value
    text = fmt.visible_controls(fmt.text(value).replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(label: str, href: str) -> Safe:
    """[label](href): the label escaped; `href` is one of ours, already percent-encoded
    (writer.href, writer.page_name), so no space, bracket or scheme from a file name."""
    return Safe(f"[{escape(label)}]({href})")


def table(headers: list[str], rows: list[list[Any]], align: list[str] | None = None) -> Safe:
    cells = [[c if isinstance(c, Safe) else escape(c) for c in row] for row in rows]
    return Safe(tabulate(cells, headers=[escape(h) for h in headers], tablefmt="github",
                         disable_numparse=True, colalign=align))


def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.report", "templates"), autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=escape)
    env.globals.update(number=fmt.number, severities=fmt.SEVERITIES, severity_plural=fmt.SEVERITY_PLURAL)
    return env


def render(ov: Overview, docs: list[Doc], changes: Any, rendered_at: str, limit: int = 200) -> str:
    return environment().get_template("report.md").render(
        ov=ov, rendered_at=rendered_at, rules=rules_table(ov), coverage=coverage_table(ov),
        documents=documents_table(docs), changes=changes, change_lines=change_lines(changes, limit),
        sections=[(d, link(d.name, d.page_href), escape(status_sentence(d)), findings_table(d))
                  for d in docs if d.findings])


def rules_table(ov: Overview) -> Safe:
    return table(["Règle", "Gravité", "Anomalies", "Documents", "Ce qui est vérifié"],
                 [[Safe(f"`{r['id']}`"), fmt.SEVERITY_LABEL.get(r["severity"], r["severity"]),
                   fmt.number(r["count"]), fmt.number(r["documents"]), r["description"]] for r in ov.by_rule],
                 ["left", "left", "right", "right", "left"])


def coverage_table(ov: Overview) -> Safe:
    states = ["checked", "partial", "not_checked", "unread"]
    rows = [[scope] + [fmt.number(ov.coverage[scope][s]) for s in states] for scope in ov.coverage]
    return table(["Portée"] + [fmt.COVERAGE_LABEL[s] for s in states], rows) if rows else Safe("")


def documents_table(docs: list[Doc]) -> Safe:
    return table(["Document", "Erreurs", "Avert.", "À vérifier", "État", "Collectivité", "Séance"],
                 [[link(d.name, d.page_href), d.counts["error"], d.counts["warning"], d.counts["notice"],
                   STATE_LABEL.get(d.state, d.state), ", ".join(d.collectivites),
                   ", ".join(fmt.date(x) for x in d.dates)] for d in docs],
                 ["left", "right", "right", "right", "left", "left", "left"])


def findings_table(doc: Doc) -> Safe:
    rows = []
    for delib, items in doc.sections:
        for f in items:
            where = ", ".join(d.label for d in f.delibs) or f.subject
            rows.append([f.severity_label, Safe(f"`{f.check_id}`"), where, f.show("expected"), f.show("actual"),
                         f.show("difference"), _page(f), f.text("message"), f.text("quote")])
    return table(["Gravité", "Règle", "Délibération", "Attendu", "Constaté", "Écart", "Page", "Message", "Source"],
                 rows, ["left", "left", "left", "right", "right", "right", "right", "left", "left"])


def _page(f: Any) -> Any:
    page = f.text("page")
    return link(page, f.pdf_href) if page and f.pdf_href else page


def change_lines(changes: Any, limit: int) -> list[tuple[str, list[str]]]:
    out = []
    for title, items in (("Nouvelles", changes.new), ("Corrigées", changes.fixed),
                         ("Modifiées", [now for _, now in changes.changed]), ("Retirées avec leur document", changes.removed)):
        lines = [Safe(f"`{fmt.text(r.get('check_id'))}` ") + escape(f"{fmt.text(r.get('doc_id'))} {fmt.subject(r.get('subject'))}")
                 for r in items[:limit]]
        if len(items) > limit:
            lines.append(escape(f"… et {fmt.number(len(items) - limit)} autres"))
        if lines:
            out.append((title, [Safe(x) for x in lines]))
    return out
