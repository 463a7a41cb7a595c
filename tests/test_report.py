"""The consistency report: index, document pages, evidence, changes, report.md.

`report_folder` builds a small world by hand: the Hautes Terres PDF (its "48 %"
statement on page 10, located here with pdfplumber, independently of registre's
readers), the text extraction of the same deliberation, a document whose objet and
file name carry markup, a failed file, and documents checked, not checked and of
unknown coverage. tests/test_report_browser.py opens the same folder in Chromium.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest
from PIL import Image

from pipeline.report import fmt, write_reports
from pipeline.report.changes import registry_path
from pipeline.report.load import Frames, manifest_files

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PDF, TEXT = "hautes-terres-deliberation-2024.pdf", "000_947d8fbb682aad0d.txt"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> ![x](javascript:alert(1)) \x1b[31m'
HOSTILE_NAME = 'evil <img src=x onerror="window.__pwned=3">.pdf'
STATEMENT = "48 % des actions prévues ont été réalisées ou sont en cours de réalisation au 31-12-2023"


def statement_box() -> dict:
    """The line and the "48" of the statement on page 10, found by pdfplumber."""
    with pdfplumber.open(SAMPLES / PDF) as pdf:
        words = pdf.pages[9].extract_words()
    i = next(i for i, w in enumerate(words) if w["text"] == "48" and words[i + 2]["text"] == "des")
    line = [w for w in words if abs(w["top"] - words[i]["top"]) < 2]
    return {"line": (min(w["x0"] for w in line), min(w["top"] for w in line), max(w["x1"] for w in line),
                     max(w["bottom"] for w in line)),
            "value": (words[i]["x0"], words[i]["top"], words[i]["x1"], words[i]["bottom"])}


def finding(doc_id, check_id, severity, subject, expected, actual, **kw):
    row = dict(doc_id=doc_id, check_id=check_id, severity=severity, seq=None, subject=subject, fields=["x"],
               expected=expected, actual=actual, message=kw.pop("message", "msg"), page=None, line=None,
               quote=None, finding_id=f"{doc_id}-{check_id}-{subject}".replace(" ", "_"), seqs=[], difference=None)
    row.update(kw)
    return row


def frames_for(root: Path, findings: list[dict] | None = None) -> Frames:
    box = statement_box()["line"]
    documents = pd.DataFrame([
        dict(doc_id="a1", source_path="src/" + PDF, source_kind="pdf", page_count=10, status="ok"),
        dict(doc_id="b2", source_path="src/" + TEXT, source_kind="text", page_count=1, status="ok"),
        dict(doc_id="c3", source_path="src/" + HOSTILE_NAME, source_kind="pdf", page_count=2, status="ok"),
        dict(doc_id="d4", source_path="src/broken.pdf", source_kind="pdf", page_count=0, status="failed",
             error="src/broken.pdf: not a PDF (the file does not start with %PDF-)"),
        dict(doc_id="e5", source_path="src/checked.pdf", source_kind="pdf", page_count=2, status="ok"),
        dict(doc_id="f6", source_path="src/unchecked.pdf", source_kind="pdf", page_count=2, status="ok"),
        dict(doc_id="g7", source_path="src/unknown.pdf", source_kind="pdf", page_count=2, status="ok"),
    ])
    deliberations = pd.DataFrame([
        dict(doc_id="a1", seq=1, collectivite="Hautes Terres Communauté", numero="2024CC052",
             session_date=pd.Timestamp("2024-04-11").date(), objet="Contrat de destination", page_start=1),
        dict(doc_id="b2", seq=1, collectivite="Hautes Terres Communauté", numero="2024CC052",
             session_date=pd.Timestamp("2024-04-11").date(), objet="Contrat de destination", page_start=1),
        *[dict(doc_id="c3", seq=s, collectivite="Commune de Chéméré", numero=f"2013/{100 + s}",
               session_date=pd.Timestamp("2013-11-19").date(), objet=HOSTILE if s == 1 else f"Objet {s}",
               page_start=s) for s in (1, 2, 3)],
    ])
    if findings is None:
        findings = [
            finding("a1", "objectives.summary_percent", "error", 'objectives table 1 statement "48 %"', "48", "47",
                    page=10, line=3, quote=STATEMENT, difference=-1.0,
                    message=f"« {STATEMENT} » : 47/100 objectifs = 47 %, pas 48 %"),
            finding("b2", "objectives.summary_percent", "error", 'objectives table 1 statement "48 %"', "48", "47",
                    page=1, line=197, quote=STATEMENT, difference=-1.0),
            finding("b2", "fiche.cost_matches_table", "warning", "fiche E.10", "157500", "1007.33", page=1,
                    line=30, difference=-156492.67),
            finding("c3", "attendance.votants", "error", "deliberation 1", "42", "41", seq=1, seqs=[1], page=1,
                    line=4, quote=HOSTILE, difference=-1.0),
            *[finding("c3", "attendance.proxy_count", "error", f"deliberation {s}", "2", "1", seq=s, seqs=[s],
                      page=1, line=10, quote="Procuration : 2", difference=-1.0) for s in (1, 2, 3)],
        ]
    coverage = pd.DataFrame([
        dict(doc_id="e5", scope="document", status="checked", checks_run=["attendance.votants"], checks_skipped=[]),
        dict(doc_id="f6", scope="document", status="not_checked", fields_missing=["pour", "votants"],
             checks_skipped=["votes.breakdown: pour non indiqué"]),
        dict(doc_id="c3", scope="deliberation", seq=2, status="partial", checks_skipped=["quorum.reached: membres non indiqués"]),
    ])
    provenance = pd.DataFrame([dict(doc_id="a1", table="summaries", record_key="table_seq=1|line=3", field="percent",
                                    page=10, line=3, x0=box[0], top=box[1], x1=box[2], bottom=box[3])])
    return Frames(findings=pd.DataFrame(findings), documents=documents, deliberations=deliberations,
                  coverage=coverage, provenance=provenance, files=manifest_files(root / "out"))


def make_world(root: Path) -> Path:
    """src/ with the two sample files, out/ with a manifest naming the PDF by absolute path."""
    src = root / "src"
    src.mkdir(parents=True)
    for name in (PDF, TEXT):
        shutil.copy(SAMPLES / name, src / name)
    stat = (src / PDF).stat()
    entry = {"doc_id": "a1", "sha256": "x", "source_path": "src/" + PDF, "size": stat.st_size,
             "mtime_ns": stat.st_mtime_ns}
    (root / "out" / ".registre").mkdir(parents=True)
    (root / "out" / ".registre" / "manifest.jsonl").write_text(
        json.dumps({"commit": 1, "docs": {str(src / PDF): entry}}) + "\n" + '{"torn', encoding="utf-8")
    return root / "out"


def report_folder(root: Path) -> Path:
    out = make_world(root)
    write_reports(out, frames=frames_for(root))
    return out


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    return report_folder(tmp_path_factory.mktemp("report"))


def page(out: Path, doc_id: str) -> str:
    return (out / "report" / f"{doc_id}.html").read_text(encoding="utf-8")


def test_french_numbers_and_dates():
    assert fmt.number(1007.33) == "1\u202f007,33" and fmt.number(157500) == "157\u202f500"
    assert fmt.number(-7500, signed=True) == "\u22127\u202f500" and fmt.number(24, signed=True) == "+24"
    assert fmt.value("2761.47") == "2\u202f761,47" and fmt.value("2024-04-11") == "11/04/2024"
    assert fmt.value("adopte") == "adoptée" and fmt.value("NC") == "NC"
    assert fmt.text("Co\uf020t") == "Co t"  # a Symbol-font space, not a box


def test_index_orders_documents_by_errors_then_warnings(world):
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', (world / "report.html").read_text()).group(1))
    names = [d[0] for d in data["docs"]]
    assert names[:3] == [HOSTILE_NAME, TEXT, PDF]  # 4 errors; 1 error and 1 warning; 1 error
    assert [d[2] for d in data["docs"][3:]] == ["failed", "unchecked", "unknown", "ok"]
    assert len(data["findings"]) == 5  # the three identical proxy_count rows are one root cause


def test_overview_counts_by_severity_rule_and_coverage(world):
    index = (world / "report.html").read_text(encoding="utf-8")
    assert re.search(r"<b>6</b> erreurs", index) and re.search(r"<b>1</b> avertissements", index)
    assert '<a href="#rule=attendance.proxy_count"><code>attendance.proxy_count</code></a>' in index
    rule_row = index[index.index("#rule=attendance.proxy_count"):].split("</tr>")[0]
    assert re.findall(r'<td class="num">(\d+)</td>', rule_row) == ["3", "1"]  # 3 rows, 1 document
    coverage = index[index.index('id="couverture"'):index.index('id="regles"')]
    assert "<th>Documents</th>" in coverage and "<th>Délibérations</th>" in coverage
    assert "src/broken.pdf: not a PDF" in coverage


def test_empty_coverage_is_said_not_hidden(tmp_path):
    out = make_world(tmp_path)
    frames = frames_for(tmp_path)
    frames.coverage = frames.coverage.iloc[0:0]
    write_reports(out, frames=frames)
    assert "La couverture n'a pas été enregistrée" in (out / "report.html").read_text(encoding="utf-8")
    assert "couverture inconnue" in page(out, "e5") and "Aucune anomalie :" not in page(out, "e5")


def test_no_green_ok_for_what_was_not_verified(world):
    assert 'class="status state-ok"' in page(world, "e5") and "Aucune anomalie : toutes les règles" in page(world, "e5")
    unchecked = page(world, "f6")
    assert 'state-unchecked' in unchecked and "Aucune anomalie :" not in unchecked
    assert "votes.breakdown: pour non indiqué" in unchecked and "champs absents : voix pour, votants" in unchecked
    assert "couverture de ce document n&#39;est pas enregistrée" in page(world, "g7")
    failed = page(world, "d4")
    assert "state-failed" in failed and "Rien n&#39;a pu y être vérifié" in failed
    assert 'class="status state-error"' in page(world, "a1")  # a document with errors is never "ok"


def test_finding_shows_deliberation_values_and_whole_line(world):
    html = page(world, "c3")
    assert "<h2>n° 2013/101 du 19/11/2013 — " in html
    card = html[html.index('id="f-c3-attendance.proxy_count-deliberation_1"'):]
    card = card[:card.index("</article>")]
    assert "Même constat pour 3 délibérations" in card and "n° 2013/103 du 19/11/2013" in card
    assert "<dt>Attendu</dt><dd class=\"num\">2</dd>" in card and "<dt>Écart</dt><dd class=\"num\">−1</dd>" in card
    assert "Le nombre de pouvoirs listés est égal au nombre de pouvoirs indiqué ;" in card
    text = page(world, "b2")
    assert "<dt>Constaté</dt><dd class=\"num\">1\u202f007,33</dd>" in text


def test_text_source_shows_the_lines_around(world):
    html = page(world, "b2")
    context = re.search(r'<pre class="context">(.*?)</pre>', html, re.S).group(1)
    numbers = re.findall(r'<span class="ln">(\d+)</span>', context)
    assert numbers == [str(n) for n in range(194, 201)]
    target = re.search(r'<span class="target"><span class="ln">197</span>([^\n]*)', context).group(1)
    assert target.startswith("48 % des actions prévues ont été **réalisées**")


def is_red(rgb: tuple) -> bool:
    """The outline of a compared value (crops.HIT), after the palette's quantisation."""
    r, g, b = rgb[:3]
    return r > 140 and g < 80 and b < 80


def test_pdf_evidence_is_the_region_with_the_value_outlined(world):
    html = page(world, "a1")
    fig = re.search(r'<figure class="evidence" data-page="10" data-region="([^"]+)" data-scale="([^"]+)">', html)
    region, scale = [float(v) for v in fig.group(1).split(",")], float(fig.group(2))
    boxes = statement_box()
    line, value = boxes["line"], boxes["value"]
    assert region[0] <= line[0] and region[1] <= line[1] and region[2] >= line[2] and region[3] >= line[3]
    src = re.search(r'<img src="(img/[0-9a-f]+\.png)"', html).group(1)
    image = Image.open(world / "report" / src).convert("RGB")
    red = [(x, y) for x in range(image.width) for y in range(image.height) if is_red(image.getpixel((x, y)))]
    xs, ys = [x for x, _ in red], [y for _, y in red]
    outlined = (region[0] + min(xs) / scale, region[1] + min(ys) / scale,
                region[0] + max(xs) / scale, region[1] + max(ys) / scale)
    # the red outline surrounds pdfplumber's box of "48", within a few points
    assert all(abs(a - b) < 6 for a, b in zip(outlined, value)), (outlined, value)
    assert outlined[0] <= value[0] and outlined[2] >= value[2]


def test_pdf_link_is_relative_and_survives_a_move(world, tmp_path):
    assert 'href="../../src/hautes-terres-deliberation-2024.pdf#page=10"' in page(world, "a1")
    report_folder(tmp_path / "before")
    shutil.move(tmp_path / "before", tmp_path / "after")  # out/ moved with its sources
    os.utime(tmp_path / "after" / "src" / PDF)  # a copy need not keep mtimes
    shutil.rmtree(tmp_path / "after" / "out" / "report")
    write_reports(tmp_path / "after" / "out", frames=frames_for(tmp_path / "after"))
    html = page(tmp_path / "after" / "out", "a1")
    assert 'href="../../src/hautes-terres-deliberation-2024.pdf#page=10"' in html and "<img src=\"img/" in html


def test_table_finding_quotes_the_whole_row(tmp_path):
    out = make_world(tmp_path)
    frames = frames_for(tmp_path, [finding("b2", "table.row_total", "error", "table t7 row Maire", "2761.47",
                                           "3866.05", page=44, line=3, quote="3866,05", difference=1104.58)])
    cells = [("% de l'IB", "71%"), ("Montant", "2761,47"), ("Majoration", "+ 552,29"), ("Total", "3866,05")]
    frames.table_cells = pd.DataFrame([dict(doc_id="b2", table_id="t7", row=0, row_label="Maire", row_key=None,
                                            column_label=c, text=t, page=44) for c, t in cells])
    write_reports(out, frames=frames)
    html = page(out, "b2")
    excerpt = re.search(r'<table class="excerpt">(.*?)</table>', html, re.S).group(1)
    assert [h for h in re.findall(r"<th>([^<]*)</th>", excerpt)] == ["", "% de l&#39;IB", "Montant", "Majoration", "Total"]
    assert re.findall(r'<td class="mark">([^<]*)</td>', excerpt) == ["71%", "2761,47", "+ 552,29", "3866,05"]
    assert "tableau t7, ligne « Maire »" in html


def test_document_text_never_becomes_markup_in_html(world):
    for path in [world / "report.html", *(world / "report").glob("*.html")]:
        html = path.read_text(encoding="utf-8")
        data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
        if data:  # the explorer's data: JSON with every <, > and & escaped
            assert "<" not in data.group(1) and ">" not in data.group(1)
            assert HOSTILE_NAME in [d[0] for d in json.loads(data.group(1))["docs"]]
            html = html.replace(data.group(0), "")
        assert "onerror=" not in html.replace("onerror=&#34;", ""), path
        assert html.count("<script") == (1 if path.name == "report.html" else 0), path
        assert "<img src=x" not in html and "\x1b" not in html
    html = page(world, "c3")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in html
    assert "\u241b[31m" in html  # the ESC of the quoted line, shown


def test_markdown_is_inert_when_rendered(world):
    from markdown_it import MarkdownIt

    md = (world / "report.md").read_text(encoding="utf-8")
    assert "\x1b" not in md and "\u241b\\[31m" in md
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered and "javascript:" not in rendered.replace(
        "javascript:alert(1))", "")  # the words stay, as text
    links = re.findall(r'<a href="([^"]*)"', rendered)
    assert links and all(l.startswith(("report/", "../src/")) for l in links), links
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in rendered
    assert "../src/evil%20%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D3%22%3E.pdf#page=1" in links
    assert "| Document " in md and "| Gravité " in md  # tables from tabulate


def test_changes_since_previous_run(tmp_path):
    out = make_world(tmp_path)
    first = frames_for(tmp_path)
    write_reports(out, frames=first)
    assert "Premier rapport de ce dossier" in (out / "report.html").read_text(encoding="utf-8")
    assert registry_path(out).exists() and not list(registry_path(out).parent.glob(".*.tmp"))
    rows = first.findings.to_dict("records")
    rows = [r for r in rows if r["doc_id"] != "b2" or r["check_id"] != "fiche.cost_matches_table"]  # fixed
    rows = [r for r in rows if r["doc_id"] != "a1"]  # gone with its document (below)
    rows[0] = {**rows[0], "expected": "49", "actual": "47"}  # changed
    rows.append(finding("e5", "quorum.reached", "error", "deliberation 1", "10", "9", seq=1, seqs=[1]))  # new
    second = frames_for(tmp_path, rows)
    second.documents = second.documents[second.documents.doc_id != "a1"]
    write_reports(out, frames=second)
    index = (out / "report.html").read_text(encoding="utf-8")
    section = index[index.index('id="changements"'):index.index('id="explorer"')]
    assert re.search(r"<b>1</b> nouvelles,\s*<b>1</b> corrigées, <b>1</b> modifiées,\s*<b>1</b> retirées", section)
    assert "e5-quorum.reached-deliberation_1" in section and "était 48 / 47, maintenant 49 / 47" in section
    assert "nouvelle</span>" in page(out, "e5")
    write_reports(out, frames=second)
    assert "Aucun changement depuis le rapport du" in (out / "report.html").read_text(encoding="utf-8")


def test_stale_pages_are_removed_and_pictures_reused(tmp_path):
    out = make_world(tmp_path)
    write_reports(out, frames=frames_for(tmp_path))
    pictures = {p.name: p.stat().st_mtime_ns for p in (out / "report" / "img").glob("*.png")}
    assert len(pictures) == 1
    frames = frames_for(tmp_path)
    frames.documents = frames.documents[frames.documents.doc_id != "g7"]
    write_reports(out, frames=frames)
    assert not (out / "report" / "g7.html").exists() and (out / "report" / "f6.html").exists()
    assert {p.name: p.stat().st_mtime_ns for p in (out / "report" / "img").glob("*.png")} == pictures


def test_many_documents_render_as_an_index_and_pages(tmp_path):
    docs = pd.DataFrame([dict(doc_id=f"d{i:04d}", source_path=f"x/{i}.txt", source_kind="text", status="ok")
                         for i in range(400)])
    rows = [finding(f"d{i % 400:04d}", "attendance.votants", "error", f"deliberation {i}", "42", "41", seq=i, seqs=[i])
            for i in range(800)]
    out = tmp_path / "out"
    write_reports(out, frames=Frames(findings=pd.DataFrame(rows), documents=docs))
    assert len(list((out / "report").glob("*.html"))) == 400
    index = (out / "report.html").read_text(encoding="utf-8")
    assert index.count("<tr><td><a href=\"report/d") == 100  # the first rows, the rest from the script
    assert len(index) < 400_000
