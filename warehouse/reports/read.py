"""Everything a report page shows, read from a theme file whose statistics are computed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse.db import sql
from warehouse.reports.stats import STATS
from warehouse.reports.tables import THEME, bind_sources, existing_tables

CHANGES_SHOWN = 200


@dataclass
class ThemeReport:
    path: Path
    stats: dict[str, list[dict]]
    summary: dict
    notes: list[dict]
    definition: str | None
    changes: list[dict]
    changes_total: int
    quality: dict = field(default_factory=dict)

    @property
    def report_id(self) -> str:
        return self.path.stem

    @property
    def title(self) -> str:
        name = self.summary.get("theme_name") or self.summary.get("theme_id") or self.report_id
        province = self.summary.get("province_code")
        return f"{name}（{self.province_name or province}）" if province else name

    @property
    def province_name(self) -> str | None:
        code = self.summary.get("province_code")
        rows = [r for r in self.stats["stats_regions"] if r["level"] == "province" and r["code"] == code]
        return rows[0]["name"] if rows else None

    def rows(self, table: str, **where: object) -> list[dict]:
        return [r for r in self.stats[table] if all(r.get(k) == v for k, v in where.items())]


def dicts(con: duckdb.DuckDBPyConnection, query: str, params: list | dict | None = None) -> list[dict]:
    cur = con.execute(query, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def read_report(theme_db: str | Path) -> ThemeReport:
    """Read the stats tables, the definition and the newest changes; compute_statistics must have run."""
    path = Path(theme_db)
    con = duckdb.connect(str(path), read_only=True)
    try:
        present = existing_tables(con)
        absent = [t for t in (*STATS, "stats_notes") if t not in present]
        if absent:
            raise LookupError(f"{path}: statistics not computed (missing {', '.join(absent)})")
        stats = {name: dicts(con, f"select * from {name}") for name in STATS}
        bind_sources(con)
        con.execute(sql("reports/latest_changes"))
        definition = dicts(con, sql("reports/theme_definition"))
        changes = dicts(con, sql("reports/changes_list"), {"shown": CHANGES_SHOWN})
        return ThemeReport(
            path=path,
            stats=stats,
            summary=stats["stats_summary"][0] if stats["stats_summary"] else {},
            notes=dicts(con, "select * from stats_notes"),
            definition=definition[0]["definition"] if definition and THEME.table in present else None,
            changes=changes,
            changes_total=int(changes[0]["total"]) if changes else 0,
        )
    finally:
        con.close()



def read_members(theme_db: str | Path) -> list[str]:
    """The theme's publication numbers, to find which quality failures concern it."""
    con = duckdb.connect(str(theme_db), read_only=True)
    try:
        bind_sources(con)
        return [n for (n,) in con.execute("select pub_number from src_patents").fetchall()]
    finally:
        con.close()
