"""Opening the warehouse and creating its tables and views (DDL derived from `schemas`)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas.model import ALL_TABLES
from schemas.views import VIEWS as _VIEW_DECLS

SQL_DIR = Path(__file__).parent / "sql"
VIEWS = tuple(v.name for v in _VIEW_DECLS)


def sql(name: str) -> str:
    """The text of `warehouse/sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def connect(path: str | Path = ":memory:", *, read_only: bool = False, memory_limit: str | None = None,
            threads: int | None = None) -> duckdb.DuckDBPyConnection:
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    config = {}
    if memory_limit:
        config["memory_limit"] = memory_limit
    if threads:
        config["threads"] = threads
    con = duckdb.connect(str(path), read_only=read_only, config=config)
    if not read_only:
        init_schema(con)
    return con


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    for table in ALL_TABLES:
        con.execute(table.ddl())
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'publication_current'"
    ).fetchone()[0]
    if not exists:
        refresh_current(con)
    for view in VIEWS:
        con.execute(sql(f"views/{view}"))


def refresh_current(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(sql("derived/publication_current"))
