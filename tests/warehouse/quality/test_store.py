"""The quality tables and views: created from their declarations, views list the declared columns."""

from __future__ import annotations

from schemas.quality import QUALITY_TABLES, QUALITY_VIEWS
from warehouse.db import connect
from warehouse.quality import store


def test_tables_and_views_match_their_declarations():
    con = connect(":memory:")
    store.ensure_schema(con)
    store.ensure_schema(con)  # idempotent
    for table in QUALITY_TABLES:
        assert [r[0] for r in con.execute(f"describe {table.name}").fetchall()] == table.column_names
    for view in QUALITY_VIEWS:
        assert [r[0] for r in con.execute(f"describe {view.name}").fetchall()] == [c for c, _ in view.columns]


def test_every_rule_query_formats_and_runs_on_an_empty_warehouse():
    from warehouse.quality.reference import write_reference
    from warehouse.quality.run import all_checks

    con = connect(":memory:")
    store.ensure_schema(con)
    write_reference(con)
    for check in all_checks():
        if hasattr(check, "query"):
            rows = con.execute(f"select * from ({check.sql()}) limit 0").description
            assert [d[0] for d in rows] == ["pub_number", "file_id", "value", "failed"], check.name
