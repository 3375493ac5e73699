"""The theme-file tables the reports read, named once.

The report SQL never names a theme table directly: it reads `src_*` temporary views that `bind_sources`
creates over the theme file (tables as `warehouse/themes/tables.py` declares them). When the theme
builder renames a table or a column, the change is one entry here. An optional table that a theme file
lacks becomes an empty view, so every statistic still has its table (empty) and `stats_notes` says what
was missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Source:
    view: str
    table: str
    # (column the report SQL reads, DuckDB type, expression over the theme table; None: same name)
    columns: tuple[tuple[str, str, str | None], ...]
    required: bool = False
    # what follows `from` when more than `table` is read (a join), and the other tables it reads
    relation: str | None = None
    joins: tuple[str, ...] = ()


def _cols(*specs: str) -> tuple[tuple[str, str, str | None], ...]:
    out = []
    for spec in specs:
        name, _, rest = spec.partition(":")
        kind, _, expr = rest.partition("=")
        out.append((name, kind, expr or None))
    return tuple(out)


PATENTS = Source("src_patents", "patents", _cols(
    "pub_number:varchar", "country:varchar", "kind:varchar", "pub_date:date", "pub_year:bigint",
    "app_number:varchar", "filing_date:date", "filing_year:bigint", "app_type:varchar", "title:varchar",
    "first_applicant:varchar", "applicant_country:varchar", "applicant_province_code:varchar",
    "applicant_province:varchar", "applicant_city_code:varchar", "applicant_city:varchar",
    "applicant_type:varchar", "ipc_main:varchar", "is_republication:boolean",
), required=True)
APPLICANTS = Source("src_applicants", "patent_applicants", _cols(
    "pub_number:varchar", "seq:integer", "name:varchar", "applicant_type:varchar", "country:varchar",
    "province_code:varchar", "province:varchar", "city_code:varchar", "city:varchar",
), required=True)
CLASSIFICATIONS = Source("src_classifications", "patent_classifications", _cols(
    "pub_number:varchar", "scheme:varchar", "symbol:varchar", "subclass:varchar", "main_group:varchar",
    "is_main:boolean",
), required=True)
BRANCHES = Source("src_branches", "member_branches", _cols(
    "pub_number:varchar", "branch_id:varchar", "branch_name:varchar=coalesce(b.name, t.branch_id)",
), relation="member_branches as t left join branches as b using (branch_id)", joins=("branches",))
# A build is known by its time: the changes of the newest build are "new this week".
CHANGES = Source("src_changes", "changes", _cols(
    "pub_number:varchar", "change:varchar", "reason:varchar", "build_id:varchar=built_at",
    "changed_at:timestamp=built_at",
))
THEME = Source("src_theme", "build_info", _cols(
    "theme_id:varchar", "name:varchar=t.theme_name", "province_code:varchar=t.variant_province",
    "definition:varchar=d.text", "definition_sha256:varchar=t.definition_digest", "built_at:timestamp",
    "build_id:varchar=t.built_at",
), relation="build_info as t left join definition as d using (theme_id)", joins=("definition",))
# Publications a theme build kept although the quality run quarantined them (--include-quarantined).
QUARANTINE = Source("src_quarantine", "quarantined", _cols("pub_number:varchar"),
                    relation="quarantined as t where t.is_member")
# A WIPO IPC–technology concordance kept in the theme file (WIPO's LIKE-pattern form), see wipo.py.
WIPO = Source("src_wipo", "wipo_ipc_technology", _cols(
    "field_number:integer", "sector:varchar", "field:varchar", "ipc_pattern:varchar",
))

SOURCES: tuple[Source, ...] = (PATENTS, APPLICANTS, CLASSIFICATIONS, BRANCHES, CHANGES, THEME, QUARANTINE, WIPO)


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'"
    ).fetchall()
    return {name for (name,) in rows}


def bind_sources(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create the `src_*` views over the theme file; returns the optional tables that were absent."""
    present = existing_tables(con)
    missing = []
    for source in SOURCES:
        if {source.table, *source.joins} <= present:
            select = ", ".join(f"({expr or 't.' + _quote(name)})::{kind} as {name}"
                               for name, kind, expr in source.columns)
            body = f"select {select} from {source.relation or 'main.' + _quote(source.table) + ' as t'}"
        elif source.required:
            raise LookupError(f"not a theme file: table {source.table!r} is missing")
        else:
            missing.extend(sorted({source.table, *source.joins} - present))
            select = ", ".join(f"null::{kind} as {name}" for name, kind, _ in source.columns)
            body = f"select {select} where false"
        con.execute(f"create or replace temp view {source.view} as {body}")
    return missing


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
