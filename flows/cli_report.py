"""`zhuanti report`: statistics and HTML reports of thematic databases (产业态势分析).

Exit code 0 when the pages were written, 2 when they cannot be (no such theme, not a theme file, no
themes at all with --all, bad usage).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def report(
    theme: Annotated[str | None, typer.Argument(help="Theme id (nev), province variant (nev-32) or a theme "
                                                      ".duckdb file.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the pages "
                                             "[default: $ZHUANTI_HOME/reports].")] = None,
    all_themes: Annotated[bool, typer.Option("--all", help="Every theme and variant under $ZHUANTI_HOME/themes, "
                                             "plus index.html comparing them.")] = False,
    inline: Annotated[bool, typer.Option("--inline/--no-inline", help="Put plotly.js inside each page (one file "
                                         "to send) instead of one plotly.min.js beside the pages.")] = False,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="Warehouse for quarantine and "
                         "data-quality notes [default: $ZHUANTI_HOME/warehouse.duckdb, else its snapshot].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
) -> None:
    """Compute the statistics of thematic databases and write their HTML reports (offline, in Chinese).

    The statistics are stored in each theme file as stats_* tables; pages open from disk without network.
    """
    import duckdb
    from rich.console import Console
    from rich.table import Table

    from flows.cli import _print_json, console
    from flows.orchestration import run_flow
    from flows.report import report as report_flow

    if (theme is None) == (not all_themes):
        console.print("[red]error:[/red] give one THEME or --all")
        raise typer.Exit(2)
    params = dict(themes=[theme] if theme else None, all_themes=all_themes, out=str(out) if out else None,
                  warehouse=str(warehouse) if warehouse else None, inline_js=inline)
    try:
        summary = run_flow(report_flow, **params)
    except (FileNotFoundError, LookupError, duckdb.Error) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if all_themes and not summary["reports"]:
        console.print("[red]error:[/red] no theme files under $ZHUANTI_HOME/themes (build a theme first)")
        raise typer.Exit(2)
    if as_json:
        _print_json(summary)
        return
    table = Table(title=f"reports in {summary['out']}")
    for column in ("theme", "publications", "applications", "grants", "data up to", "page"):
        table.add_column(column)
    for r in summary["reports"]:
        name = r["theme_name"] or r["theme_id"] or Path(r["theme_db"]).stem
        table.add_row(name + (f" ({r['province_code']})" if r["province_code"] else ""), f"{r['publications']:,}",
                      f"{r['applications']:,}", f"{r['grants']:,}", str(r["newest_pub_date"] or ""), r["page"])
    out_console = Console()
    out_console.print(table)
    if summary["landscape"]:
        out_console.print(f"landscape of all themes: {summary['landscape']}")
