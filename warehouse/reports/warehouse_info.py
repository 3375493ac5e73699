"""What the reports take from the warehouse: the latest quarantine and the data-quality notes.

The warehouse is opened read-only and only when it can be: a writer holding it (a load in progress)
makes the report say so instead of failing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.db import sql

Warehouses = str | Path | Sequence[str | Path] | None


def _open(warehouse: Warehouses) -> tuple[duckdb.DuckDBPyConnection | None, str]:
    """The first of the candidate files that opens read-only, and its path (or why none did)."""
    if warehouse is None:
        return None, "未指定数据仓库"
    candidates = [warehouse] if isinstance(warehouse, str | Path) else list(warehouse)
    problems = []
    for path in map(Path, candidates):
        if not path.exists():
            problems.append(f"{path} 不存在")
            continue
        try:
            return duckdb.connect(str(path), read_only=True), str(path)
        except duckdb.Error as exc:
            problems.append(f"{path} 暂不可读（{type(exc).__name__}）")
    return None, "数据仓库" + "；".join(problems)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {n for (n,) in con.execute("select table_name from information_schema.tables").fetchall()}


def quarantined_publications(warehouse: Warehouses) -> tuple[list[str], str]:
    """Publications in the warehouse's quarantine, and where the list came from (for stats_notes)."""
    con, origin = _open(warehouse)
    if con is None:
        return [], f"专题文件（构建时已读取 patents_clean）；{origin}"
    try:
        if "quarantine" not in _tables(con):
            return [], f"数据仓库 {origin} 尚未运行质量检查，无隔离记录"
        rows = con.execute("select distinct pub_number from quarantine").fetchall()
        return [r[0] for r in rows], f"数据仓库 {origin} 的 quarantine 表（最新一次质量检查）"
    finally:
        con.close()


def quality_notes(warehouse: Warehouses, members: list[str]) -> dict:
    """Load totals, rejects by reason, the latest check run and the failed rules touching `members`."""
    con, origin = _open(warehouse)
    info: dict = {"warehouse": origin, "available": con is not None, "load": None, "rejects": [], "check": None,
                  "rules": []}
    if con is None:
        return info
    try:
        tables = _tables(con)
        if "load_manifest" in tables:
            info["load"] = _dicts(con, sql("reports/quality_load"))[0]
            info["rejects"] = _dicts(con, sql("reports/quality_rejects"))
        if "check_runs" in tables:
            runs = _dicts(con, sql("reports/quality_last_run"))
            info["check"] = runs[0] if runs else None
            if runs:
                con.register("report_members", pa.table({"pub_number": pa.array(members, pa.string())}))
                info["rules"] = _dicts(con, sql("reports/quality_rules"), [runs[0]["run_id"]])
    finally:
        con.close()
    return info


def _dicts(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None) -> list[dict]:
    cur = con.execute(query, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
