"""`zhuanti theme add / remove / registered`: which themes this node rebuilds at every refresh."""

from __future__ import annotations

from typing import Annotated

import typer

from flows.cli_theme import theme_app


@theme_app.command()
def add(
    theme: Annotated[str, typer.Argument(help="Theme id (e.g. nev) or definition file.")],
    province: Annotated[list[str] | None, typer.Option("--province", "-p",
                        help="Also build this province variant (GB/T 2260 code or name); repeatable.")] = None,
    any_applicant: Annotated[bool | None, typer.Option("--any-applicant/--first-applicant",
                             help="Variants by any applicant's province, not only the first's.")] = None,
) -> None:
    """Register a theme: every refresh rebuilds it and its province variants."""
    from flows.cli import console
    from warehouse.themes.loader import DefinitionError
    from warehouse.themes.node import add as add_theme

    try:
        path = add_theme(theme, province, any_applicant)
    except (FileNotFoundError, DefinitionError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    console.print(f"registered {path}")


@theme_app.command()
def remove(theme: Annotated[str, typer.Argument(help="Theme id.")]) -> None:
    """Stop rebuilding a theme at every refresh (its built files are kept)."""
    from flows.cli import console
    from warehouse.themes.node import remove as remove_theme

    try:
        path = remove_theme(theme)
    except FileNotFoundError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    console.print(f"removed {path}")


@theme_app.command()
def registered(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The themes this node rebuilds at every refresh, with their province variants."""
    from flows.cli import _print_json
    from warehouse.themes.node import registered as registered_themes

    themes = registered_themes()
    if as_json:
        _print_json({"themes": themes})
        return
    for t in themes:
        variants = ", ".join(t["provinces"]) or "—"
        typer.echo(f"{t['id']}\t{t['name']}\tprovince variants: {variants}\t{t['path']}")
