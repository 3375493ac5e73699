"""A warehouse built once per session from the real CNIPA samples (+ the constructed B/U/S fixtures),
with the quality tables and reference data in place; tests copy it or roll their changes back."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, shared_samples
from warehouse.db import connect
from warehouse.ingest import ingest
from warehouse.quality import store
from warehouse.quality.checks import SqlCheck
from warehouse.quality.reference import write_reference


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    samples = shared_samples("cnipa")
    path = tmp_path_factory.mktemp("quality") / "samples.duckdb"
    ingest([samples, FIXTURES / "cnipa"], warehouse=path, workers=1)
    con = connect(path)
    try:
        store.ensure_schema(con)
        write_reference(con)
    finally:
        con.close()
    return path


@pytest.fixture
def warehouse_copy(sample_warehouse, tmp_path) -> Path:
    """A private copy to mutate and check end to end."""
    path = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, path)
    return path


@pytest.fixture(scope="session")
def shared_con(sample_warehouse) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(sample_warehouse))
    yield con
    con.close()


@pytest.fixture
def con(shared_con) -> Iterator[duckdb.DuckDBPyConnection]:
    """The sample warehouse inside a transaction that is rolled back: mutate freely."""
    shared_con.execute("begin")
    try:
        yield shared_con
    finally:
        shared_con.execute("rollback")


def _failures(con: duckdb.DuckDBPyConnection, check: SqlCheck) -> list[tuple[str | None, str | None]]:
    rows = con.execute(f"select pub_number, value from ({check.sql()}) as checked where failed").fetchall()
    return sorted(rows, key=lambda r: (r[0] or "", r[1] or ""))


@pytest.fixture
def failures():
    """failures(con, check) -> sorted (pub_number, value) of the rows the rule fails."""
    return _failures
