"""`zhuanti check`: run the quality checks and print a summary per rule.

Exit code 0 when no error-level rule failed, 1 when one did, 2 when the checks cannot run (no
warehouse, another process writing it, a broken Great Expectations install).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from flows.cli import JsonOpt, WarehouseOpt, _print_json, console


def check(warehouse: WarehouseOpt = None, as_json: JsonOpt = False) -> None:
    """Check the warehouse against the schema declarations and CNIPA's norms.

    Results are stored per run (check_runs, check_results, check_failures); publications failing an
    error-level rule go to the quarantine table, which the patents_clean view leaves out; Data Docs
    are written under $ZHUANTI_HOME/quality/data-docs.
    """
    from flows.check import check as check_flow
    from flows.orchestration import run_flow
    from warehouse.settings import get_settings

    path = Path(warehouse or get_settings().warehouse_path)
    if not path.exists():
        console.print(f"[red]error:[/red] no warehouse at {path} (run `zhuanti ingest` first)")
        raise typer.Exit(2)
    try:
        report = run_flow(check_flow, warehouse=str(path))
    except Exception as exc:  # cannot run at all: locked warehouse, GX changed under the adapter
        console.print(f"[red]error:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from None
    if as_json:
        _print_json(report)
    else:
        _print_check(report)
    raise typer.Exit(0 if report["passed"] else 1)


def _print_check(report: dict) -> None:
    out = Console()
    rules = Table(title=f"check {report['run_id']}")
    for column in ("rule", "severity", "checked", "failed", ""):
        rules.add_column(column)
    schema = [r for r in report["rules"] if r["suite"] == "schema"]
    for r in report["rules"]:
        if r["suite"] == "schema" and r["success"]:
            continue
        mark = "ok" if r["success"] else ("[red]FAILED[/red]" if r["severity"] == "error" else "[yellow]warn[/yellow]")
        rules.add_row(r["rule"], r["severity"], _count(r["checked"]), _count(r["failed"]), mark)
    out.print(rules)
    passed_schema = sum(r["success"] for r in schema)
    out.print(f"schema checks derived from schemas/: {passed_schema} of {len(schema)} passed")
    for r in report["rules"]:
        if r["error"]:
            console.print(f"[red]{r['rule']}:[/red] {r['error']}")
    verdict = "[green]passed[/green]" if report["passed"] else "[red]failed[/red]"
    out.print(f"{verdict}: {report['errors_failed']} error rules failed, {report['warnings_failed']} warnings; "
              f"{report['quarantined']} publications quarantined; {report['publications']:,} publications "
              f"in {report['seconds']:.1f} s")
    out.print("failing rows: [bold]select * from check_failures where run_id = "
              f"'{report['run_id']}'[/bold]; Data Docs: {report['docs']}")


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"
