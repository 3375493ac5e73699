"""Everything that adapts Great Expectations 1.24 to DuckDB, in one place.

GX has no DuckDB dialect; through duckdb-engine it connects, but its `execute_query` closes the
SQLAlchemy connection before the caller fetches, and duckdb-engine then returns no rows, so every
expectation fails with "list index out of range" (GX issues #10738, #11579). GX already keeps one
persistent connection for SQLite and a few others; `install()` makes it do the same for DuckDB.

What this relies on is asserted, so a GX upgrade that moves it fails here, loudly, instead of
silently failing every expectation: `SqlAlchemyExecutionEngine.get_connection(self)` is a generator
that `execute_query` enters, and the engine keeps a persistent connection in `_connection`, which its
`close()` closes.

A persistent connection is never closed by GX on its own, and DuckDB refuses a second connection to
the same file with another configuration in the same process, so `close_datasource()` must run before
the warehouse is opened again.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import great_expectations as gx
from great_expectations.execution_engine import SqlAlchemyExecutionEngine

SUPPORTED_GX = "1.24."
_MARK = "_zhuanti_duckdb_persistent_connection"


class GxAdapterError(RuntimeError):
    """The installed Great Expectations no longer has what the DuckDB adapter relies on."""


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise GxAdapterError(
            f"great_expectations {gx.__version__}: {what}; the DuckDB adapter in {__name__} was written "
            f"for {SUPPORTED_GX}x and must be re-checked"
        )


def check_compatible() -> None:
    """Raise `GxAdapterError` unless GX still has what the patch relies on."""
    _require(gx.__version__.startswith(SUPPORTED_GX), f"version is not {SUPPORTED_GX}x")
    original = getattr(SqlAlchemyExecutionEngine, "get_connection", None)
    _require(callable(original), "SqlAlchemyExecutionEngine.get_connection is gone")
    target = getattr(original, "__wrapped__", original)
    _require(list(inspect.signature(target).parameters) == ["self"],
             "get_connection no longer takes only self")
    _require("get_connection" in inspect.getsource(SqlAlchemyExecutionEngine.execute_query),
             "execute_query no longer goes through get_connection")
    _require("_connection" in inspect.getsource(SqlAlchemyExecutionEngine.close),
             "close() no longer closes the persistent _connection")


def install() -> None:
    """Patch `SqlAlchemyExecutionEngine.get_connection` once per process (idempotent)."""
    if getattr(SqlAlchemyExecutionEngine.get_connection, _MARK, False):
        return
    check_compatible()
    original = SqlAlchemyExecutionEngine.get_connection

    @contextmanager
    def get_connection(self: SqlAlchemyExecutionEngine) -> Iterator[Any]:
        if self.engine.dialect.name != "duckdb":
            with original(self) as connection:
                yield connection
            return
        if not getattr(self, "_connection", None):
            self._connection = self.engine.connect()
        try:
            yield self._connection
        except Exception:
            # DuckDB aborts the transaction on any error, and on a persistent connection every
            # later expectation would then fail with "Current transaction is aborted".
            self._connection.rollback()
            raise

    setattr(get_connection, _MARK, True)
    get_connection.__wrapped__ = original  # type: ignore[attr-defined]
    SqlAlchemyExecutionEngine.get_connection = get_connection  # type: ignore[method-assign]


def installed() -> bool:
    return bool(getattr(SqlAlchemyExecutionEngine.get_connection, _MARK, False))


def close_datasource(datasource: Any) -> None:
    """Close every DuckDB connection a SQL datasource holds, so the file can be opened again: the
    execution engine's persistent connection and pool, and the pool of the engine the datasource
    itself made to test the connection."""
    execution_engine = datasource.get_execution_engine()
    connection = getattr(execution_engine, "_connection", None)
    if connection is not None:
        connection.close()
        execution_engine._connection = None
    execution_engine.engine.dispose()
    datasource.get_engine().dispose()


def connection_string(path: str) -> str:
    return f"duckdb:///{path}"
