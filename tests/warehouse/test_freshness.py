"""The freshness alarm fires on stale data and on missed weekly packages."""

from __future__ import annotations

from datetime import date

import duckdb

from warehouse.db import init_schema
from warehouse.freshness import freshness


def warehouse_with(pub_dates: list[date]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    init_schema(con)
    for n, d in enumerate(pub_dates):
        con.execute(
            "insert into publications (file_id, doc_index, pub_number, country, doc_number, kind, pub_date, "
            "is_republication, source_format) values ('f', ?, ?, 'CN', ?, 'A', ?, false, 'cnipa-new')",
            [n + 1, f"CN{n}A", str(n), d],
        )
    return con


def test_fresh_weekly_data_raises_no_alarm():
    con = warehouse_with([date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17), date(2026, 11, 24)])
    f = freshness(con, today=date(2026, 11, 25))
    assert f["stale"] is False and f["age_days"] == 1 and f["missing_weeks"] == []


def test_old_data_is_stale():
    con = warehouse_with([date(2026, 10, 20)])
    f = freshness(con, today=date(2026, 11, 25), max_age_days=14)
    assert f["stale"] is True and f["age_days"] == 36
    assert "30 days" in f["problems"][0]


def test_a_missed_week_is_reported():
    con = warehouse_with([date(2026, 11, 3), date(2026, 11, 17), date(2026, 11, 24)])
    f = freshness(con, today=date(2026, 11, 25))
    assert f["stale"] is True and f["missing_weeks"] == ["2026-11-09"]


def test_empty_warehouse_is_stale():
    f = freshness(warehouse_with([]), today=date(2026, 11, 25))
    assert f["stale"] is True and f["newest_cn_pub_date"] is None
