"""Results that last: the quality tables and views, the failing rows of SQL rules, runs and quarantine.

Everything is computed inside DuckDB: a rule's rows are materialised once into a temporary table, its
counts and failing rows are read from there, and quarantine is rebuilt from the run's failures.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import duckdb
import pyarrow as pa

from schemas.quality import QUALITY_TABLES, QUALITY_VIEWS, check_results, check_runs, quarantine
from schemas.registry import Table
from warehouse.db import sql
from warehouse.quality.checks import SqlCheck
from warehouse.quality.report import CheckReport

# Created before the views that read them (patents_clean reads quarantine).
VIEW_FILES = ("quality_text_values", *(v.name for v in QUALITY_VIEWS))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the quality tables and views; theme builds call it too before reading `patents_clean`."""
    for table in QUALITY_TABLES:
        con.execute(table.ddl())
    for view in VIEW_FILES:
        con.execute(sql(f"quality/views/{view}"))


def evaluate(con: duckdb.DuckDBPyConnection, check: SqlCheck, run_id: str) -> tuple[int, int]:
    """Count what a rule checked and failed, and keep its failing rows; returns (checked, failed)."""
    # a view, not a table: counting needs no `value` column, and only failing rules are read twice
    con.execute(f"create or replace temp view quality_checked as\n{check.sql()}")
    try:
        checked, failed = con.execute(sql("quality/store/count_checked")).fetchall()[0]
        if failed:
            con.execute(sql("quality/store/insert_failures"), [run_id, check.name, check.severity])
    finally:
        con.execute("drop view if exists quality_checked")
    return int(checked), int(failed)


def refresh_quarantine(
    con: duckdb.DuckDBPyConnection, run_id: str, rules: Iterable[str], at: datetime
) -> int:
    """Replace the quarantine with this run's failures of quarantining rules; returns publications."""
    con.execute(f"delete from {quarantine.name}")
    con.execute(sql("quality/store/refresh_quarantine"), [run_id, at, run_id, list(rules)])
    return int(con.execute("select count(distinct (pub_number, file_id)) from quarantine").fetchall()[0][0])


def run_context(con: duckdb.DuckDBPyConnection) -> tuple:
    return con.execute(sql("quality/store/run_context")).fetchall()[0]


def _insert(con: duckdb.DuckDBPyConnection, table: Table, rows: list[dict]) -> None:
    data = pa.Table.from_pylist(rows, schema=table.arrow_schema())
    con.register("quality_rows", data)
    try:
        con.execute(f"insert into {table.name} select * from quality_rows")
    finally:
        con.unregister("quality_rows")


def save(con: duckdb.DuckDBPyConnection, report: CheckReport) -> None:
    """Store one run and its per-rule results."""
    _insert(con, check_runs, [{
        "run_id": report.run_id,
        "started_at": report.started_at.replace(tzinfo=None),
        "seconds": report.seconds,
        "publications": report.publications,
        "files": report.files,
        "last_load_seq": report.last_load_seq,
        "newest_batch_date": report.newest_batch_date,
        "passed": report.passed,
        "errors_failed": len(report.failing("error")),
        "warnings_failed": len(report.failing("warning")),
        "quarantined": report.quarantined,
        "gx_version": report.gx_version,
        "docs_path": report.docs_path,
    }])
    _insert(con, check_results, [
        {
            "run_id": report.run_id,
            "suite": r.suite,
            "rule": r.rule,
            "severity": r.severity,
            "expectation": r.expectation,
            "table_name": r.table_name,
            "column_name": r.column_name,
            "checked": r.checked,
            "failed": r.failed,
            "success": r.success,
            "description": r.description,
            "error": r.error,
        }
        for r in report.results
    ])
