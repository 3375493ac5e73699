"""`zhuanti check`: run the quality checks and print a summary per rule.

Exit code 0 when no error-level rule failed, 1 when one did, 2 when the checks cannot run (no
warehouse, another process writing it, a broken Great Expectations install).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

# The same options as flows.cli declares; repeated so that flows.cli can import this module at any point.
WarehouseOpt = Annotated[
    Path | None,
    typer.Option("--warehouse", "-w", help="Warehouse file [default: $ZHUANTI_HOME/warehouse.duckdb]."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]
console = Console(stderr=True, soft_wrap=True)


def _print_json(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str, indent=2) + "\n")


def check(warehouse: WarehouseOpt = None, as_json: JsonOpt = False) -> None:
    """Check the warehouse against the schema declarations and CNIPA's norms.

    Results are stored per run (check_runs, check_results, check_failures); publications failing an
    error-level rule go to the quarantine table, which the patents_clean view leaves out; Data Docs
    are written under $ZHUANTI_HOME/quality/data-docs.
    """
    from flows.check import check as check_flow
    from flows.orchestration import run_flow
    from warehouse.settings import get_settings

    cannot_run = _cannot_run_errors()

    path = Path(warehouse or get_settings().warehouse_path)
    if not path.exists():
        console.print(f"[red]error:[/red] no warehouse at {path} (run `zhuanti ingest` first)")
        raise typer.Exit(2)
    try:
        report = run_flow(check_flow, warehouse=str(path))
    except cannot_run as exc:
        console.print(f"[red]error:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from None
    if as_json:
        _print_json(report)
    else:
        _print_check(report)
    raise typer.Exit(0 if report["passed"] else 1)


def _cannot_run_errors() -> tuple[type[BaseException], ...]:
    """Errors that mean the checks could not run at all (exit 2), as opposed to rules failing."""
    import duckdb

    from warehouse.lock import WarehouseBusy
    from warehouse.quality.data_docs import OfflineDocsError

    errors: list[type[BaseException]] = [WarehouseBusy, OSError, duckdb.Error, OfflineDocsError, ImportError]
    try:
        from warehouse.quality.gx_duckdb import GxAdapterError
    except ImportError:  # GX itself missing or broken: reported when the run imports it
        pass
    else:
        errors.append(GxAdapterError)
    return tuple(errors)


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
