"""The `zhuanti` command line: a thin shell over the flows.

Without a Prefect server (`PREFECT_API_URL` unset) commands run the flow bodies directly, so nobody waits
for orchestration; with a server configured every command is a tracked flow run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(
    name="zhuanti",
    help="Patent bulk data (CNIPA, USPTO, EPO DOCDB) into a DuckDB warehouse and thematic databases.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console(stderr=True, soft_wrap=True)

WarehouseOpt = Annotated[
    Path | None,
    typer.Option("--warehouse", "-w", help="Warehouse file [default: $ZHUANTI_HOME/warehouse.duckdb]."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]


def _print_json(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str, indent=2) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Bulk files or folders: zip (nested zips too) or XML.")],
    warehouse: WarehouseOpt = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="Parser processes [default: cores].")] = None,
    full_text: Annotated[
        bool | None, typer.Option("--full-text/--no-full-text", help="Also keep descriptions.")
    ] = None,
    dask_address: Annotated[
        str | None, typer.Option("--dask-address", help="Parse on an existing Dask cluster (tcp://host:8786).")
    ] = None,
    entities: Annotated[
        Path | None, typer.Option("--entities", help="DOCDB entity DTD of the delivery (Root/DTDS/docdb-entities.dtd).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Load bulk files into the warehouse. Rejected documents are recorded, not fatal.

    Exit code 0 when the run completed, 1 when a bulk file could not be read at all (it is recorded
    as failed), 2 on bad usage.
    """
    from warehouse.settings import get_settings

    settings = get_settings()
    if not (dask_address or settings.dask_address):  # the parsers start while the flow imports load
        from warehouse.ingest import start_parsers

        start_parsers(workers or settings.workers)
    from flows.ingest import ingest as ingest_flow
    from flows.orchestration import progress_reporter, run_flow

    params = dict(paths=[str(p) for p in paths], warehouse=str(warehouse) if warehouse else None,
                  workers=workers, full_text=full_text, dask_address=dask_address,
                  entities=str(entities) if entities else None)
    try:
        if as_json or not console.is_terminal:
            summary = run_flow(ingest_flow, **params)
        else:
            with _progress() as (bar, callback), progress_reporter(callback):
                summary = run_flow(ingest_flow, **params)
    except Exception as exc:  # cannot run at all: a missing path, a locked warehouse
        from sources.packaging import PackagingError

        if isinstance(exc, PackagingError | FileNotFoundError | OSError) or "lock" in str(exc).lower():
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        raise
    if as_json:
        _print_json(summary)
    else:
        _print_ingest(summary)
    raise typer.Exit(1 if summary["files_failed"] else 0)


class _progress:
    def __enter__(self):
        self.bar = Progress(
            TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("units"),
            TextColumn("{task.fields[docs]:,} documents"), TimeElapsedColumn(), console=console, transient=True,
        )
        self.bar.__enter__()
        self.task = self.bar.add_task("parse", total=None, docs=0)

        def callback(event: str, documents: int, units: int) -> None:
            if event == "planned":
                self.bar.update(self.task, total=units)
            else:
                t = self.bar.tasks[0]
                self.bar.update(self.task, advance=units, docs=t.fields["docs"] + documents)

        return self.bar, callback

    def __exit__(self, *exc):
        return self.bar.__exit__(*exc)


def _print_ingest(s: dict) -> None:
    t = Table(title="ingest", show_header=False)
    t.add_row("files", f"{s['files']:,}" + (f" ({s['files_failed']} failed)" if s["files_failed"] else ""))
    t.add_row("documents seen", f"{s['documents_seen']:,}")
    t.add_row("loaded", f"{s['documents_loaded']:,}")
    t.add_row("rejected", f"{s['documents_rejected']:,}")
    t.add_row("superseded publications", f"{s['superseded_publications']:,}")
    t.add_row("seconds", f"{s['seconds']:.2f}")
    t.add_row("documents / second", f"{s['documents_per_second']:,.0f}")
    t.add_row("warehouse", s["warehouse"])
    Console().print(t)
    for f in s["failures"]:
        console.print(f"[red]failed:[/red] {f['path']}: {f['error']}")
    if s["documents_rejected"]:
        console.print("rejected documents: [bold]select * from rejects[/bold] in the warehouse")


@app.command()
def status(
    warehouse: WarehouseOpt = None,
    as_json: JsonOpt = False,
    limit: Annotated[int, typer.Option(help="How many files to list.")] = 20,
) -> None:
    """What is loaded: totals, the newest publication date and counts per file."""
    from warehouse.settings import get_settings

    path = warehouse or get_settings().warehouse_path
    if not Path(path).exists():
        console.print(f"[red]error:[/red] no warehouse at {path} (run `zhuanti ingest` first)")
        raise typer.Exit(2)
    from warehouse.db import connect
    from warehouse.freshness import freshness
    from warehouse.status import status as warehouse_status

    con = connect(path, read_only=True)
    try:
        info = warehouse_status(con, limit=limit)
        info["freshness"] = freshness(con, max_age_days=get_settings().freshness_days)
    finally:
        con.close()
    info["warehouse"] = str(path)
    if as_json:
        _print_json(info)
        return
    out = Console()
    t = Table(title=f"warehouse {path}", show_header=False)
    for key in ("files_loaded", "files_failed", "documents_seen", "documents_loaded", "documents_rejected",
                "publications", "new_publications", "superseded_publications", "newest_cn_pub_date",
                "newest_pub_date"):
        t.add_row(key.replace("_", " "), str(info[key]))
    out.print(t)
    ft = Table(title="files (newest load first)")
    for col in ("file_name", "status", "documents_seen", "documents_loaded", "documents_rejected",
                "newest_pub_date", "seconds"):
        ft.add_column(col.replace("_", " "))
    for f in info["files"]:
        ft.add_row(*(str(f[c]) if f[c] is not None else "" for c in
                     ("file_name", "status", "documents_seen", "documents_loaded", "documents_rejected",
                      "newest_pub_date", "seconds")))
    out.print(ft)
    for problem in info["freshness"]["problems"]:
        console.print(f"[bold red]warning:[/bold red] {problem}")


@app.command()
def refresh(
    inbox: Annotated[Path | None, typer.Option("--inbox", help="Folder of new packages [default: $ZHUANTI_HOME/inbox].")] = None,
    warehouse: WarehouseOpt = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="Parser processes [default: cores].")] = None,
    themes: Annotated[bool, typer.Option("--themes/--no-themes", help="Rebuild the registered themes.")] = True,
    as_json: JsonOpt = False,
) -> None:
    """The weekly job: load new packages, check them, rebuild registered themes, publish the snapshot.

    Exit code 0 when done, 1 when a package could not be read, 3 when the freshness alarm fires
    (the newest CNIPA data is too old or a weekly package is missing), 2 when it cannot run.
    """
    from flows.orchestration import run_flow
    from flows.refresh import refresh as refresh_flow
    from warehouse.lock import WarehouseBusy

    params = dict(inbox=str(inbox) if inbox else None, warehouse=str(warehouse) if warehouse else None,
                  workers=workers, build_themes=themes, fail_when_stale=False)
    try:
        summary = run_flow(refresh_flow, **params)
    except (WarehouseBusy, FileNotFoundError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if as_json:
        _print_json(summary)
    else:
        _print_refresh(summary)
    if summary["freshness"]["stale"]:
        raise typer.Exit(3)
    raise typer.Exit(1 if summary["files_failed"] else 0)


def _print_refresh(s: dict) -> None:
    if s["nothing_new"]:
        Console().print(f"nothing new in {s['inbox']} ({s['files']['already_loaded']} files already loaded)")
    else:
        d = s["documents"]
        Console().print(f"loaded {s['files']['new']} new files: {d['loaded']:,} documents, {d['rejected']:,} rejected")
        if s["check"]:
            c = s["check"]
            state = "passed" if c["passed"] else f"FAILED: {', '.join(c['errors_failed'])}"
            Console().print(f"quality checks {state}; warnings: {', '.join(c['warnings']) or 'none'}")
        for t in s["themes"]:
            Console().print(f"theme {t.get('theme')}: {t.get('members')} members → {t.get('output')}")
        Console().print(f"snapshot for readers: {s['snapshot']}")
    for problem in s["freshness"]["problems"]:
        console.print(f"[bold red]warning:[/bold red] {problem}")
    Console().print(f"run summary: {s['summary_path']}")


@app.command()
def serve(
    start_server: Annotated[bool, typer.Option("--start-server/--no-start-server",
                            help="Start a Prefect server when PREFECT_API_URL is not set.")] = True,
    port: Annotated[int, typer.Option(help="Port of the Prefect server started here.")] = 4200,
) -> None:
    """Run the schedules of prefect.yaml (weekly refresh, Saturday 03:00 Beijing time) on this machine.

    Uses the Prefect server at PREFECT_API_URL, or starts one on 127.0.0.1 with its state under
    $ZHUANTI_HOME/prefect. Stop with Ctrl-C (or SIGTERM).
    """
    from flows.serve import serve as serve_schedules
    from flows.server import ServerUnavailable
    from warehouse.settings import get_settings

    try:
        serve_schedules(home=get_settings().home_dir, start_server=start_server, port=port)
    except ServerUnavailable as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


from flows import cli_theme_registry  # noqa: E402, F401  (adds theme add / remove / registered)
from flows.cli_check import check as _check  # noqa: E402
from flows.cli_report import report as _report  # noqa: E402
from flows.cli_theme import theme_app as _theme_app  # noqa: E402

app.command(name="check")(_check)
app.command(name="report")(_report)
app.add_typer(_theme_app, name="theme")


@app.command()
def dictionary() -> None:
    """Print the data dictionary (Markdown), generated from the schema declarations."""
    from warehouse.dictionary import data_dictionary

    sys.stdout.write(data_dictionary() + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
