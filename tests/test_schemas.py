"""The documented contract: TABLES.md is generated from schemas/tables.py and in step with it."""
from pathlib import Path

import pyarrow as pa

from schemas.tables import COLUMNS, KEYS, markdown, schema


def test_tables_md_is_up_to_date():
    written = (Path(__file__).resolve().parents[1] / "schemas" / "TABLES.md").read_text(encoding="utf-8")
    assert written == markdown(), "run `python -m schemas` to regenerate schemas/TABLES.md"


def test_every_table_has_doc_id_first_and_its_key_columns():
    for table, cols in COLUMNS.items():
        names = [c[0] for c in cols]
        assert names[0] == "doc_id"
        assert set(KEYS[table]) <= set(names), table
        assert len(names) == len(set(names)), table


def test_schema_carries_descriptions():
    field = schema("deliberations").field("votants")
    assert field.type == pa.int32()
    assert b"Voters" in field.metadata[b"description"]


def _our_imports(path: Path) -> set[str]:
    """The top-level packages of ours a module imports (at any depth in the module)."""
    import ast

    ours = {"schemas", "extractors", "pipeline", "checks"}
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
        found |= {n.split(".")[0] for n in names if n.split(".")[0] in ours}
    return found


def test_layers_import_only_downwards():
    """schemas/ imports nothing of ours but itself; extractors/ only schemas/; the loaders
    (pipeline/loaders/) never an extractor: OCR repairs and cell joining live beside them
    or in schemas/ (schemas/cells.py)."""
    root = Path(__file__).resolve().parents[1]
    allowed = {"schemas": {"schemas"}, "extractors": {"schemas", "extractors"},
               "pipeline/loaders": {"schemas", "pipeline"}}
    for folder, ok in allowed.items():
        for path in (root / folder).rglob("*.py"):
            assert _our_imports(path) <= ok, (path.relative_to(root), _our_imports(path) - ok)
