"""Reference tables the rules join, rewritten at the start of every run from what they derive from.

Values live in tables rather than in the rules' SQL text because Great Expectations runs those queries
without bound parameters; the tables are filled here with Arrow or bound parameters.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from schemas.model import ALL_TABLES, APP_TYPES
from schemas.quality import ref_columns, ref_elements, ref_kinds, ref_regions
from schemas.registry import Table
from sources.normalise.numbers import CN_KINDS, kind_matches_app_type
from warehouse.db import sql
from warehouse.quality.region_codes import region_code_table

KNOWN_ELEMENTS = Path(__file__).with_name("known_elements.csv")


def _replace(con: duckdb.DuckDBPyConnection, table: Table, data: pa.Table) -> None:
    con.execute(f"delete from {table.name}")
    con.register("quality_reference_rows", data)
    try:
        con.execute(f"insert into {table.name} select * from quality_reference_rows")
    finally:
        con.unregister("quality_reference_rows")


def column_table(tables: tuple[Table, ...] = ALL_TABLES) -> pa.Table:
    rows = [(t.name, f.name, f.duckdb_type, f.required) for t in tables for f in t.fields]
    return pa.Table.from_pylist(
        [dict(zip(ref_columns.column_names, row, strict=True)) for row in rows],
        schema=ref_columns.arrow_schema(),
    )


def kind_table() -> pa.Table:
    """Every ZC 0008 kind with the application types it fits; a kind that fits none gets one NULL row,
    so that it still counts as known."""
    rows = []
    for kind in CN_KINDS:
        fits = [t for t in APP_TYPES if kind_matches_app_type(kind, t)]
        rows += [{"kind": kind, "app_type": t} for t in fits] or [{"kind": kind, "app_type": None}]
    return pa.Table.from_pylist(rows, schema=ref_kinds.arrow_schema())


def write_reference(con: duckdb.DuckDBPyConnection, known_elements: Path = KNOWN_ELEMENTS) -> None:
    _replace(con, ref_columns, column_table())
    _replace(con, ref_kinds, kind_table())
    _replace(con, ref_regions, region_code_table())
    con.execute(f"delete from {ref_elements.name}")
    con.execute(sql("quality/store/load_known_elements"), [str(known_elements)])
