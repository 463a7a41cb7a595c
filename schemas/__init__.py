"""Schemas: the document model and the output tables. Imports nothing of ours."""
from schemas.document import (BBOX_ORIGIN, BBox, Block, Cell, Document, ErrorItem, Item,
                              Line, Row, Span, Table)
from schemas.tables import COLUMNS, KEYS, TABLE_NAMES, columns, schema

__all__ = ["BBOX_ORIGIN", "BBox", "Block", "Cell", "Document", "ErrorItem", "Item", "Line",
           "Row", "Span", "Table", "COLUMNS", "KEYS", "TABLE_NAMES", "columns", "schema"]
