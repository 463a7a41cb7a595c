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
