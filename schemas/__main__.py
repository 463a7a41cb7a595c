"""`python -m schemas` regenerates schemas/TABLES.md from schemas/tables.py."""
from pathlib import Path

from schemas.tables import markdown

Path(__file__).with_name("TABLES.md").write_text(markdown(), encoding="utf-8")
