"""The consistency report: out/report.html (an index), a page per document, report.md.

    from pipeline.report import write_reports
    write_reports("out/")   # reads the tables in out/, writes the report beside them

- `load`: what is read from the output folder (provenance only for documents with findings)
- `model`: documents in working order, findings grouped by deliberation, coverage, overview
- `evidence`, `crops`: where the compared values are, the page region as a picture
- `changes`: new, fixed and changed findings since the previous report
- `html`, `markdown`: Jinja2 templates (templates/), autoescaped; Markdown tables by tabulate
- `writer`: the files, each written atomically, the index last
"""
from pipeline.report.writer import write_reports

__all__ = ["write_reports"]
