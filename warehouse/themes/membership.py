"""The membership of a theme, written into the theme database attached as `theme_out` on a (read-only)
warehouse connection: evidence, members, exclusions, quarantined matches, branches, the analyst views
restricted to the members, their WIPO technology fields and the load manifest the build saw."""

from __future__ import annotations

import duckdb

from schemas.model import RECORD_TABLES
from warehouse.db import sql
from warehouse.themes.compile import Options, compile_theme
from warehouse.themes.definition import Branch, Theme
from warehouse.themes.sqltemplate import quote_identifier, relation, template
from warehouse.themes.wipo import concordance_columns

THEME_ALIAS = "theme_out"
VIEWS = ("patents", "patent_applicants", "patent_classifications")


def run(con: duckdb.DuckDBPyConnection, name: str, relations: dict[str, str] | None = None, /, **values) -> None:
    """Execute a template of warehouse/sql/themes with its values."""
    rendered = template(name).render(relations, **values)
    con.execute(rendered.sql, rendered.params)


def prepare_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    """`theme_quarantine` (pub_number, file_id): the warehouse's quarantined current versions; empty
    when the warehouse has no quarantine table."""
    columns = {c for (c,) in con.execute(template("quarantine_columns").render().sql).fetchall()}
    name = "quarantine_none" if "pub_number" not in columns else (
        "quarantine_versions" if "file_id" in columns else "quarantine_pubs")
    con.execute(f"create or replace temp view theme_quarantine as\n{template(name).render().sql}")


def write_membership(con: duckdb.DuckDBPyConnection, theme: Theme, options: Options,
                     include_quarantined: bool) -> None:
    evidence = compile_theme(theme, options)
    con.execute(f"create table {THEME_ALIAS}.evidence as\n{evidence.sql}\norder by all", evidence.params)
    run(con, "out_members", include_quarantined=include_quarantined)
    run(con, "out_exclusions", rule_ids=[r.id for r in theme.exclude], reasons=[r.reason for r in theme.exclude])
    run(con, "out_quarantined")
    ids, names, parents, levels = _branch_table(theme.branches)
    run(con, "out_branches", branch_ids=ids, names=names, parent_ids=parents, levels=levels)
    run(con, "out_member_branches")
    write_views(con)
    run(con, "out_wipo_fields", **concordance_columns())
    run(con, "out_snapshot")


def write_views(con: duckdb.DuckDBPyConnection) -> None:
    """patents, patent_applicants and patent_classifications of the members, from the warehouse's own view
    definitions evaluated over the members' rows only (temporary views shadow the tables meanwhile)."""
    catalog = con.execute("select current_database()").fetchone()[0]
    tables = [*(t.name for t in RECORD_TABLES), "publication_current"]
    try:
        for table in tables:
            source = ".".join(quote_identifier(part) for part in (catalog, "main", table))
            run(con, "member_rows", {"table": relation(table), "source": source})
        for view in VIEWS:
            con.execute(_as_temporary(sql(f"views/{view}")))
        for view in VIEWS:
            run(con, "out_view", {"view": relation(view)})
    finally:
        for name in [*VIEWS, *tables]:
            con.execute(f"drop view if exists temp.main.{relation(name)}")


def _as_temporary(view_sql: str) -> str:
    head = "create or replace view "
    if head not in view_sql:
        raise ValueError(f"not a view definition: {view_sql[:80]!r}")
    return view_sql.replace(head, "create or replace temp view ", 1)


def _branch_table(branches: list[Branch], parent: str | None = None, level: int = 1,
                  acc: tuple[list, list, list, list] | None = None) -> tuple[list, list, list, list]:
    acc = acc or ([], [], [], [])
    for branch in branches:
        for column, value in zip(acc, (branch.id, branch.name, parent, level), strict=True):
            column.append(value)
        _branch_table(branch.branches, branch.id, level + 1, acc)
    return acc
