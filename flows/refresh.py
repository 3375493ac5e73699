"""Flow `refresh`: the weekly job of a provincial node.

new bulk files in the inbox (by content hash) → ingest in parallel → quality checks → rebuild every
registered theme and its province variants (diffs and "new this week" lists included) → statistics and
HTML reports → publish the read-only snapshot → run summary. One refresh at a time per warehouse (a lock). Idempotent: nothing
new, nothing done. Resumable: every bulk file is one transaction, so after a crash the next run loads
exactly what is missing. Ends failed when the data is stale, so Prefect's notifications fire.
"""

from __future__ import annotations

from prefect import flow, task

from flows.ingest import ingest_files
from flows.orchestration import step


class StaleData(RuntimeError):
    """The freshness alarm: raised at the end of a refresh so the run ends failed."""


@task(name="find-new-files")
def find_new_files(inbox: str, warehouse: str) -> dict:
    from warehouse.refresh import find_new

    return find_new(inbox, warehouse)


@task(name="run-checks")
def check_task(warehouse: str, docs_dir: str) -> dict:
    from warehouse.refresh import run_quality

    return run_quality(warehouse, docs_dir)


@task(name="build-themes")
def themes_task(warehouse: str) -> list[dict]:
    from warehouse.refresh import build_registered_themes

    return build_registered_themes(warehouse)


@task(name="render-reports")
def reports_task(warehouse: str) -> dict:
    from warehouse.refresh import render_reports

    return render_reports(warehouse)


@task(name="publish-snapshot")
def snapshot_task(warehouse: str) -> str:
    from warehouse.refresh import publish

    return publish(warehouse)


@task(name="freshness")
def freshness_task(warehouse: str) -> dict:
    from warehouse.refresh import freshness_of

    return freshness_of(warehouse)


@flow(name="refresh")
def refresh(inbox: str | None = None, warehouse: str | None = None, workers: int | None = None,
            build_themes: bool = True, fail_when_stale: bool = True) -> dict:
    """Load what is new in the inbox, check it, rebuild the registered themes, publish the snapshot."""
    from warehouse.lock import warehouse_lock
    from warehouse.refresh import RefreshRun
    from warehouse.settings import get_settings

    s = get_settings()
    inbox = str(inbox or s.inbox_path)
    warehouse = str(warehouse or s.warehouse_path)
    run = RefreshRun(inbox=inbox, warehouse=warehouse)
    with warehouse_lock(warehouse, "refresh"):
        new = step(find_new_files, inbox, warehouse)
        run.files_new, run.files_known = new["new"], new["known"]
        if new["new"]:
            run.ingest = step(ingest_files, new["new"], warehouse, workers or s.workers, s.full_text, s.dask_address)
            run.check = step(check_task, warehouse, str(s.home_dir / "quality" / "data-docs"))
            if build_themes:
                run.themes = step(themes_task, warehouse)
                if any("error" not in t for t in run.themes):
                    run.reports = step(reports_task, warehouse)
            run.snapshot = step(snapshot_task, warehouse)
        run.freshness = step(freshness_task, warehouse)
        summary = run.finish()
    if fail_when_stale and summary["freshness"]["stale"]:
        raise StaleData("; ".join(summary["freshness"]["problems"]) + f" (run summary: {summary['summary_path']})")
    return summary
