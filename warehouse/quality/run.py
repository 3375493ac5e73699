"""One quality run: reference data, Great Expectations, stored results, quarantine, offline Data Docs.

The warehouse is opened three times, never twice at once: to write the reference tables, by GX to
evaluate the expectations, and to count, keep and store the results in one transaction. The writer
lock is held throughout, so no load changes the data between the phases.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.db import connect
from warehouse.lock import warehouse_lock
from warehouse.quality import store
from warehouse.quality.checks import Check, SqlCheck
from warehouse.quality.reference import write_reference
from warehouse.quality.report import CheckReport, RuleResult
from warehouse.quality.rules import cnipa_checks, drift_checks
from warehouse.quality.schema_checks import schema_checks
from warehouse.settings import get_settings


def all_checks() -> tuple[Check, ...]:
    return (*schema_checks(), *cnipa_checks(), *drift_checks())


def default_docs_dir() -> Path:
    return get_settings().home_dir / "quality" / "data-docs"


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(2)}"


def _prepare(warehouse: Path, memory_limit: str | None) -> None:
    con = connect(warehouse, memory_limit=memory_limit)
    try:
        store.ensure_schema(con)
        write_reference(con)
    finally:
        con.close()


def _result(check: Check, gx: object | None, checked: int | None, failed: int | None,
            error: str | None) -> RuleResult:
    gx_error = getattr(gx, "error", None)
    return RuleResult(
        rule=check.name,
        suite=check.suite,
        severity=check.severity,
        expectation=getattr(gx, "expectation", "not evaluated"),
        table_name=check.batch,
        column_name=None if isinstance(check, SqlCheck) else ", ".join(check.columns),
        checked=checked,
        failed=failed,
        success=bool(getattr(gx, "success", False)) and error is None,
        description=check.description,
        error=error or gx_error or (None if gx is not None else "not evaluated by Great Expectations"),
    )


def _results(con: duckdb.DuckDBPyConnection, checks: Sequence[Check], gx_results: dict,
             run_id: str) -> list[RuleResult]:
    results = []
    for check in checks:
        gx = gx_results.get(check.name)
        checked, failed, error = getattr(gx, "checked", None), getattr(gx, "failed", None), None
        if isinstance(check, SqlCheck):
            try:
                checked, failed = store.evaluate(con, check, run_id)
            except duckdb.Error as exc:
                checked, failed, error = None, None, f"{type(exc).__name__}: {exc}"
        results.append(_result(check, gx, checked, failed, error))
    return results


def run_checks(
    warehouse: str | Path,
    *,
    docs_dir: Path | None = None,
    checks: Sequence[Check] | None = None,
    memory_limit: str | None = None,
) -> CheckReport:
    """Check the warehouse, store the results and the quarantine, write Data Docs to `docs_dir`."""
    import great_expectations as gx

    from warehouse.quality.data_docs import make_offline
    from warehouse.quality.validate import validate

    path = Path(warehouse)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}")
    clock = time.perf_counter()
    started = datetime.now(UTC)
    report = CheckReport(run_id=new_run_id(started), started_at=started, warehouse=str(path),
                         gx_version=gx.__version__)
    checks = tuple(checks or all_checks())
    with warehouse_lock(path, purpose="check"):
        _prepare(path, memory_limit)
        gx_results = validate(path, checks, run_id=report.run_id, run_time=started, docs_dir=docs_dir)
        if docs_dir is not None:
            make_offline(docs_dir)
            report.docs_path = str(docs_dir / "index.html")
        con = connect(path, memory_limit=memory_limit)
        try:
            con.execute("begin")
            report.results = _results(con, checks, gx_results, report.run_id)
            quarantining = [c.name for c in checks if isinstance(c, SqlCheck) and c.quarantine]
            report.quarantined = store.refresh_quarantine(con, report.run_id, quarantining, started)
            (report.publications, report.files, report.last_load_seq,
             report.newest_batch_date) = store.run_context(con)
            report.seconds = time.perf_counter() - clock
            store.save(con, report)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        finally:
            con.close()
    return report
