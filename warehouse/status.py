"""What is loaded: totals, newest publication date and per-file counts."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from warehouse.db import sql


def _rows(con: duckdb.DuckDBPyConnection, query: str, params=None) -> list[dict]:
    cur = con.execute(query, params or {})
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def status(con: duckdb.DuckDBPyConnection, *, limit: int = 50) -> dict:
    totals = _rows(con, sql("status_totals"))[0]
    files = _rows(con, sql("status_files"), {"limit": limit})
    by_country = _rows(con, "select country, count(*) as publications from patents group by 1 order by 2 desc")
    return {
        **{k: _plain(v) for k, v in totals.items()},
        "by_country": by_country,
        "files": [{k: _plain(v) for k, v in f.items()} for f in files],
    }
