"""`zhuanti theme …`: define, validate, build and explain thematic databases (专题数据库).

Exit codes: 0 done, 1 a definition is invalid (validate), 2 cannot run (unknown theme, invalid
definition, no warehouse).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table


def _cli() -> ModuleType:
    """flows.cli, whose shared options these commands use. flows.cli imports this module to register
    theme_app, so it is looked up when typer builds the commands (annotations are evaluated then, as
    strings), never while either module is still loading."""
    import flows.cli

    return flows.cli


theme_app = typer.Typer(help="Thematic databases (专题数据库): validate, build and explain theme definitions.",
                        no_args_is_help=True)

ThemeArg = Annotated[str, typer.Argument(help="Definition file (.yaml) or theme id (themes/, $ZHUANTI_HOME/themes).")]
ProvinceOpt = Annotated[str | None, typer.Option("--province", help="Province variant: GB/T 2260 code (32) or name.")]
AnyApplicantOpt = Annotated[bool, typer.Option("--any-applicant", help="Province of any applicant, not only the first.")]


@theme_app.command()
def build(
    theme: ThemeArg,
    warehouse: _cli().WarehouseOpt = None,
    province: ProvinceOpt = None,
    any_applicant: AnyApplicantOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder (default: $ZHUANTI_HOME/themes/ID).")] = None,
    include_quarantined: Annotated[bool, typer.Option("--include-quarantined",
                                                      help="Keep publications the quality checks quarantined.")] = False,
    as_json: _cli().JsonOpt = False,
) -> None:
    """Build a theme database: members with the rules and terms that admitted them, branch tags, what
    changed since the previous build, and Parquet, CSV and XLSX exports."""
    from flows.build_theme import build_theme as build_flow
    from flows.orchestration import run_flow
    from warehouse.settings import get_settings

    _definition(theme)
    path = Path(warehouse or get_settings().warehouse_path)
    if not path.exists():
        _fail(f"no warehouse at {path} (run `zhuanti ingest` first)")
    try:
        summary = run_flow(build_flow, theme=theme, warehouse=str(path), out_dir=str(out) if out else None,
                           province=province, any_applicant=any_applicant, include_quarantined=include_quarantined)
    except _cannot_run() as exc:  # an unknown province, a warehouse another process is writing
        _fail(f"{type(exc).__name__}: {exc}")
    if as_json:
        _cli()._print_json(summary)
        return
    t = Table(title=f"theme {summary['theme']} {summary['name']}", show_header=False)
    t.add_row("members", f"{summary['members']:,}")
    t.add_row("excluded / quarantined", f"{summary['excluded']:,} / {summary['quarantined']:,}")
    t.add_row("branches", ", ".join(f"{k} {v:,}" for k, v in summary["branches"].items()) or "-")
    t.add_row("entered / left", f"{summary['changes']['entered']:,} / {summary['changes']['left']:,}")
    t.add_row("output", summary["output"])
    t.add_row("seconds", str(summary["seconds"]["total"]))
    Console().print(t)


@theme_app.command()
def explain(
    pub_number: Annotated[str, typer.Argument(help="Publication number, e.g. CN116806270B.")],
    theme: ThemeArg,
    warehouse: _cli().WarehouseOpt = None,
    province: ProvinceOpt = None,
    any_applicant: AnyApplicantOpt = False,
    as_json: _cli().JsonOpt = False,
) -> None:
    """Why a publication is in or out of a theme: scope checks, each rule matched or not, branches."""
    from warehouse.settings import get_settings
    from warehouse.themes.explain import explain as run_explain

    definition = _definition(theme)
    path = Path(warehouse or get_settings().warehouse_path)
    if not path.exists():
        _fail(f"no warehouse at {path}")
    try:
        answer = run_explain(definition.theme, pub_number, path, province, any_applicant)
    except _cannot_run() as exc:
        _fail(f"{type(exc).__name__}: {exc}")
    if as_json:
        _cli()._print_json(answer)
        return
    from warehouse.themes.explain_text import explanation_lines

    out = Console(highlight=False)
    for line in explanation_lines(answer):
        out.print(line, markup=False)


@theme_app.command()
def validate(
    themes: Annotated[list[str], typer.Argument(help="Definition files or theme ids.")],
    as_json: _cli().JsonOpt = False,
) -> None:
    """Check definitions; problems are reported as file:line: path: problem. Exit 1 when any is invalid."""
    from warehouse.themes.loader import DefinitionError, load_definition
    from warehouse.themes.registry import find_theme

    results = []
    for ref in themes:
        try:
            definition = load_definition(find_theme(ref))
            results.append({"theme": ref, "valid": True, "id": definition.theme.id, "digest": definition.digest})
        except (DefinitionError, FileNotFoundError) as exc:
            problems = exc.problems if isinstance(exc, DefinitionError) else [str(exc)]
            results.append({"theme": ref, "valid": False, "problems": problems})
    if as_json:
        _cli()._print_json({"valid": all(r["valid"] for r in results), "themes": results})
    else:
        for r in results:
            if r["valid"]:
                Console().print(f"[green]ok[/green] {r['theme']} ({r['id']})")
            for problem in r.get("problems", []):
                _cli().console.print(f"[red]error:[/red] {problem}")
    raise typer.Exit(0 if all(r["valid"] for r in results) else 1)


@theme_app.command("import-concordance")
def import_concordance(
    table: Annotated[Path, typer.Argument(help="Concordance table (.csv or .xlsx): code, name, IPC, keywords.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the definitions.")] = Path("themes"),
    prefix: Annotated[str, typer.Option("--prefix", help="Theme id prefix: <prefix>-<code>.")] = "sei",
    as_json: _cli().JsonOpt = False,
) -> None:
    """One theme definition per category of an official concordance table (战略性新兴产业分类与国际专利
    分类参照关系表 structure), written as YAML to edit and build."""
    from warehouse.themes.concordance import import_concordance as run_import

    if not table.is_file():
        _fail(f"no table at {table}")
    result = run_import(table, out, prefix)
    if as_json:
        _cli()._print_json(result)
        return
    Console().print(f"{result['themes']} theme definitions written to {out}")
    if result["skipped_rows"]:
        _cli().console.print(f"rows without a category or patterns, skipped: {result['skipped_rows']}")


@theme_app.command("list")
def list_themes(as_json: _cli().JsonOpt = False) -> None:
    """The theme definitions found in ./themes, the worked examples and $ZHUANTI_HOME/themes."""
    from warehouse.themes.registry import list_themes as find_all

    found = find_all()
    if as_json:
        _cli()._print_json({"themes": found})
        return
    t = Table(title="themes")
    for column in ("id", "name", "origin", "path"):
        t.add_column(column)
    for theme in found:
        t.add_row(theme["id"], theme["name"] or f"[red]{theme.get('error', '')}[/red]", theme["origin"], theme["path"])
    Console().print(t)


def _definition(ref: str):
    from warehouse.themes.loader import DefinitionError, load_definition
    from warehouse.themes.registry import find_theme

    try:
        return load_definition(find_theme(ref))
    except FileNotFoundError as exc:
        _fail(str(exc))
    except DefinitionError as exc:
        for problem in exc.problems:
            _cli().console.print(f"[red]error:[/red] {problem}")
        raise typer.Exit(2) from None


def _cannot_run() -> tuple[type[BaseException], ...]:
    import duckdb

    return ValueError, OSError, duckdb.IOException, duckdb.CatalogException


def _fail(message: str) -> None:
    _cli().console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)
