"""Flow `check`: the quality suites (schema, CNIPA norms, per-file drift) over the warehouse."""

from __future__ import annotations

from prefect import flow, task

from flows.orchestration import step


@task(name="run-checks")
def run_checks_task(warehouse: str, docs_dir: str | None) -> dict:
    from pathlib import Path

    from warehouse.quality.run import run_checks
    from warehouse.settings import get_settings

    report = run_checks(
        warehouse,
        docs_dir=Path(docs_dir) if docs_dir else None,
        memory_limit=get_settings().memory_limit,
    )
    return report.as_dict()


@flow(name="check")
def check(warehouse: str | None = None, docs_dir: str | None = None) -> dict:
    """Check the warehouse against the schema declarations and CNIPA's norms; store the results per
    run, quarantine publications failing error-level rules, write Data Docs under the data root."""
    from warehouse.quality.run import default_docs_dir
    from warehouse.settings import get_settings

    return step(
        run_checks_task,
        str(warehouse or get_settings().warehouse_path),
        str(docs_dir or default_docs_dir()),
    )
