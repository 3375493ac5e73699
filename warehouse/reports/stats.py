"""Statistics of a theme file, computed in SQL and stored in it as `stats_*` tables.

Every statistic counts the same publications (`report_counted`: no republications, no quarantined
records); `stats_notes` and each table's comment say so. The tables are replaced in one transaction,
so a failed run leaves the previous statistics in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.db import sql
from warehouse.reports import notes
from warehouse.reports.tables import bind_sources
from warehouse.reports.warehouse_info import Warehouses, quarantined_publications
from warehouse.reports.wipo import bind_concordance

SCOPE = "不含再版公告和质量检查隔离的记录"

# Built in this order: stats_summary reads stats_yearly.
STATS: dict[str, str] = {
    "stats_yearly": "按年的公开量（公开年）、申请量（申请年）和授权量（公告年）及增长率",
    "stats_types": "发明、实用新型、外观设计的申请、公开和授权量",
    "stats_types_by_year": "各专利类型按申请年的申请量",
    "stats_applicants": "主要申请人（共同申请人各计一次）",
    "stats_applicant_types": "第一申请人类型按申请年的申请量",
    "stats_regions": "国内申请按第一申请人所在省份和地市",
    "stats_origin": "国内外申请按第一申请人国别",
    "stats_origin_by_year": "国内外申请按申请年",
    "stats_ipc": "IPC 小类和大组分布",
    "stats_wipo_fields": "WIPO 35 个技术领域分布",
    "stats_branches": "专题技术分支分布",
    "stats_co_applicants": "共同申请的申请人对",
    "stats_grant_rate": "发明专利按申请年的授权率",
    "stats_summary": "专题概况",
}

PARAMETERS = {
    "invention_types": ["invention", "pct_invention"],
    "utility_types": ["utility_model", "pct_utility_model"],
    "design_types": ["design"],
    # ZC 0008 grant publications; C1-C7, Y1-Y7, S1-S7 are invalidation notices, not grants.
    "grant_kinds": ["B", "C", "U", "Y", "S", "D"],
}


@dataclass
class StatsResult:
    theme_db: str
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str, int | None]] = field(default_factory=list)
    summary: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"theme_db": self.theme_db, "rows": self.rows, "summary": self.summary,
                "notes": [{"topic": t, "note": n, "value": v} for t, n, v in self.notes]}


def _params(text: str, values: dict) -> dict:
    """Only the named parameters the statement uses: DuckDB refuses unused ones."""
    return {name: values[name] for name in dict.fromkeys(re.findall(r"\$(\w+)", text))}


def _run(con: duckdb.DuckDBPyConnection, text: str, values: dict) -> None:
    con.execute(text, _params(text, values))


def _bind_exclusions(con: duckdb.DuckDBPyConnection, quarantined: list[str]) -> None:
    con.register("report_quarantined_rows", pa.table({"pub_number": pa.array(quarantined, pa.string())}))
    try:
        con.execute(
            "create or replace temp table report_excluded as "
            "select pub_number from src_quarantine union select pub_number from report_quarantined_rows"
        )
    finally:
        con.unregister("report_quarantined_rows")


def compute_statistics(
    theme_db_path: str | Path,
    *,
    warehouse: Warehouses = None,
    concordance: pa.Table | None = None,
    top: int = 50,
) -> StatsResult:
    """(Re)create the `stats_*` tables and `stats_notes` inside the theme file.

    `warehouse` (or its read-only snapshot) supplies the latest quarantine; without it, the theme build
    is trusted to have read `patents_clean`. `concordance` overrides the WIPO concordance (see wipo.py).
    """
    path = Path(theme_db_path)
    if not path.exists():
        raise FileNotFoundError(f"no theme file at {path}")
    quarantined, quarantine_origin = quarantined_publications(warehouse)
    values = {**PARAMETERS, "top": top}
    result = StatsResult(theme_db=str(path))
    con = duckdb.connect(str(path))
    try:
        con.execute("begin")
        missing = bind_sources(con)
        _bind_exclusions(con, quarantined)
        wipo_origin = bind_concordance(con, concordance)
        _run(con, sql("reports/counted"), values)
        con.execute(sql("reports/latest_changes"))
        for name, description in STATS.items():
            text = sql(f"reports/{name}")
            con.execute(f"create or replace table {name} as\n{text}", _params(text, values))
            con.execute(f"comment on table {name} is '{_literal(description)}（{SCOPE}）'")
            result.rows[name] = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        con.execute(sql("reports/stats_notes"))
        result.notes = notes.collect(con, missing=missing, wipo_origin=wipo_origin,
                                     quarantine_origin=quarantine_origin)
        con.executemany("insert into stats_notes values (?, ?, ?)", [list(n) for n in result.notes])
        con.execute(f"comment on table stats_notes is '{_literal('统计口径与说明')}'")
        result.rows["stats_notes"] = len(result.notes)
        cur = con.execute("select theme_id, theme_name, province_code, publications, applications, grants, "
                          "newest_pub_date from stats_summary")
        result.summary = dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        con.close()
    return result


def _literal(text: str) -> str:
    # COMMENT ON takes no parameters; the descriptions are constants of this module.
    return text.replace("'", "''")
