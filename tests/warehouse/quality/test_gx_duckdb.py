"""The one module that adapts Great Expectations to DuckDB: it works, and it fails loudly if GX moves."""

from __future__ import annotations

from contextlib import contextmanager

import duckdb
import great_expectations as gx
import pytest
from great_expectations.execution_engine import SqlAlchemyExecutionEngine

from warehouse.quality import gx_duckdb


def _tiny(path):
    con = duckdb.connect(str(path))
    con.execute("create table t as select * from (values (1, 'a'), (2, null), (3, 'c')) v(id, name)")
    con.close()


def test_expectations_evaluate_on_duckdb_and_the_file_opens_again(tmp_path):
    db = tmp_path / "t.duckdb"
    _tiny(db)
    gx_duckdb.install()
    gx_duckdb.install()  # idempotent
    assert gx_duckdb.installed()
    context = gx.get_context(mode="ephemeral")
    datasource = context.data_sources.add_sql("d", connection_string=gx_duckdb.connection_string(str(db)))
    batch = datasource.add_table_asset("t", table_name="t").add_batch_definition_whole_table("all").get_batch()
    try:
        not_null = batch.validate(gx.expectations.ExpectColumnValuesToNotBeNull(column="name"))
        unique = batch.validate(gx.expectations.ExpectColumnValuesToBeUnique(column="id"))
        rows = batch.validate(gx.expectations.UnexpectedRowsExpectation(
            unexpected_rows_query="select * from {batch} where regexp_full_match(name, '[a-z]{{1}}')"))
        broken = batch.validate(gx.expectations.UnexpectedRowsExpectation(
            unexpected_rows_query="select * from {batch} where no_such_column"))
        after = batch.validate(gx.expectations.ExpectColumnValuesToBeUnique(column="id"))
    finally:
        gx_duckdb.close_datasource(datasource)
    assert (not_null.success, not_null.result["unexpected_count"], not_null.result["element_count"]) == (False, 1, 3)
    assert unique.success and rows.result["observed_value"] == 2
    assert not broken.success and after.success  # an error does not poison the persistent connection
    duckdb.connect(str(db)).close()  # GX's connections are closed


def test_the_adapter_refuses_a_gx_that_changed(monkeypatch):
    gx_duckdb.check_compatible()
    monkeypatch.setattr(gx, "__version__", "1.25.0")
    with pytest.raises(gx_duckdb.GxAdapterError, match="version"):
        gx_duckdb.check_compatible()


def test_the_adapter_refuses_a_changed_get_connection(monkeypatch):
    @contextmanager
    def get_connection(self, timeout):
        yield None

    monkeypatch.setattr(gx, "__version__", "1.24.9")
    monkeypatch.setattr(SqlAlchemyExecutionEngine, "get_connection", get_connection)
    with pytest.raises(gx_duckdb.GxAdapterError, match="only self"):
        gx_duckdb.check_compatible()
