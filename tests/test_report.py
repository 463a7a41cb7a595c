"""The HTML and Markdown reports rendered from findings and documents."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import checks
from pipeline.report import group_findings, render_html, render_markdown, write_reports

DOCUMENTS = pd.DataFrame([
    dict(doc_id="aaaa", source_path="samples/000_947d8fbb682aad0d.txt", source_kind="text",
         page_count=6, status="ok", error=None),
    dict(doc_id="bbbb", source_path="samples/003_323ff29db9cff2b0.txt", source_kind="text",
         page_count=40, status="ok", error="fiches: E.4 cost ambiguous"),
    dict(doc_id="cccc", source_path="samples/broken.pdf", source_kind="pdf", page_count=0,
         status="failed", error="not a PDF: the file does not start with %PDF-"),
])


def finding(doc_id, check_id, severity, subject, **kw):
    row = dict(doc_id=doc_id, check_id=check_id, severity=severity, seq=kw.pop("seq", None),
               subject=subject, fields=["x"], expected="1", actual="2", message="msg",
               page=1, line=None, quote=None)
    row.update(kw)
    return row


@pytest.fixture(scope="module")
def findings():
    rows = [
        finding("bbbb", "fiche.cost_matches_table", "warning", "fiche E.10", expected="157500",
                actual="150000", page=30, line=916, quote="Coût estimatif : … 150000 € TTC"),
        finding("aaaa", "objectives.summary_percent", "error", 'objectives table 1 statement "52 %"',
                page=6, line=200, quote="52 % des actions prévues n'ont pas encore été réalisées"),
        finding("aaaa", "attendance.members_total", "warning", "deliberation 1", seq=1),
        finding("aaaa", "objectives.summary_percent", "error", 'objectives table 1 statement "48 %"',
                page=6, line=196, quote="48 % <script>alert('x')</script> & co | pipe"),
        finding("aaaa", "attendance.votants", "error", "deliberation 1", seq=1, page=1, line=23),
    ]
    return pd.DataFrame(rows, columns=list(checks.empty_findings().columns))


def test_grouping_order(findings):
    groups = group_findings(findings, DOCUMENTS)
    assert [doc for doc, _ in groups] == ["aaaa", "bbbb", "cccc"]
    assert [c for c, _ in groups[0][1]] == ["attendance.votants", "objectives.summary_percent",
                                          "attendance.members_total"]  # errors first, rule order
    objectives = dict(groups[0][1])["objectives.summary_percent"]
    assert [f["line"] for f in objectives] == [196, 200]
    assert groups[2][1] == []


def test_html_escapes_document_text(findings):
    page = render_html(findings, DOCUMENTS)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page


def test_html_is_self_contained_with_summary(findings):
    page = render_html(findings, DOCUMENTS)
    assert not re.search(r"(src|href)\s*=|@import|url\(", page)
    summary = page[:page.index('class="document"')]
    assert "<b>3</b>" in summary and "1</span> en échec" in summary
    assert "4 erreur(s)" not in summary and "3 erreur(s)" in summary and "2 avertissement(s)" in summary
    assert "not a PDF: the file does not start with %PDF-" in summary
    # documents in order, rules in order inside a document
    assert page.index("000_947d8fbb682aad0d.txt") < page.index("003_323ff29db9cff2b0.txt")
    assert page.index("<code>attendance.votants</code>") < page.index("<code>objectives.summary_percent</code>") \
        < page.index("<code>attendance.members_total</code>") < page.index("<code>fiche.cost_matches_table</code>")
    assert "<td>157500</td><td>150000</td>" in page
    assert page.count("Aucune anomalie.") == 0  # the failed document is only in the summary
    assert "broken.pdf</h2>" not in page


def test_markdown_has_a_table_per_document(findings):
    text = render_markdown(findings, DOCUMENTS)
    sections = text.split("\n## ")[1:]
    assert [s.splitlines()[0] for s in sections] == [
        "000_947d8fbb682aad0d.txt (`aaaa`)", "003_323ff29db9cff2b0.txt (`bbbb`)"]
    assert "Échec : samples/broken.pdf — not a PDF" in text
    for section in sections[:2]:
        assert "| Règle | Gravité | Sujet | Attendu | Constaté | Page | Ligne | Message | Source |" in section
    assert "| fiche.cost_matches_table | avertissement | fiche E.10 | 157500 | 150000 | 30 | 916 |" in sections[1]
    assert "&lt;script&gt;" in text and "\\| pipe" in text
    assert len([l for l in sections[0].splitlines() if l.startswith("| attendance.votants")]) == 1


def test_empty_findings_and_write(tmp_path):
    paths = write_reports(tmp_path / "out", checks.empty_findings(), DOCUMENTS)
    assert paths["html"].read_text(encoding="utf-8").count("Aucune anomalie.") == 2  # the ok documents
    assert "Anomalies : 0" in paths["md"].read_text(encoding="utf-8")
