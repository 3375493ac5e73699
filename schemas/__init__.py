"""Every field and table of the warehouse, declared once (see `schemas.model`)."""

from schemas.model import ALL_TABLES, RECORD_TABLES, TABLES
from schemas.registry import Field, Table

__all__ = ["ALL_TABLES", "RECORD_TABLES", "TABLES", "Field", "Table"]
