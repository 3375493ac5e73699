"""The WIPO IPC–technology concordance (35 fields in 5 sectors) that `stats_wipo_fields` joins.

The project's concordance is `warehouse.themes.wipo` (patterns in the theme syntax: a subclass `H01M` or
a main group `H04N 3`). A concordance can also be passed to `compute_statistics` or kept in the theme
file (`tables.WIPO`), in WIPO's own form: SQL LIKE patterns over the fixed-width IPC (`H01M%`,
`H04N   3/%`). Either way each pattern becomes a match on one column: the subclass or the main group.
"""

from __future__ import annotations

import importlib
import re

import duckdb
import pyarrow as pa

SCHEMA = pa.schema([
    ("field_number", pa.int32()), ("sector", pa.string()), ("sector_zh", pa.string()), ("field", pa.string()),
    ("field_zh", pa.string()), ("level", pa.string()), ("key", pa.string()),
])
_FIXED = re.compile(r"(?P<subclass>[A-H]\d\d[A-Z])(?:\s*(?P<group>\d{1,4})\s*/)?%?")
_THEME = re.compile(r"(?P<subclass>[A-H]\d\d[A-Z])(?:\s+(?P<group>\d{1,4}))?")


def _project():
    try:
        return importlib.import_module("warehouse.themes.wipo")
    except ImportError:
        return None


def match_key(pattern: str) -> tuple[str, str]:
    """("subclass", "H01M") or ("main_group", "H04N 3") from either pattern form."""
    text = pattern.strip().upper()
    m = _FIXED.fullmatch(text) if "%" in text or "/" in text else _THEME.fullmatch(text)
    if m is None:
        raise ValueError(f"not a WIPO concordance pattern at subclass or main-group level: {pattern!r}")
    if m["group"] is None:
        return "subclass", m["subclass"]
    return "main_group", f"{m['subclass']} {int(m['group'])}"


def project_concordance() -> pa.Table | None:
    """The project's concordance, when `warehouse.themes.wipo` provides one."""
    module = _project()
    if module is None or not hasattr(module, "concordance"):
        return None
    return pa.Table.from_pylist([
        {"field_number": p.field_no, "sector": p.sector, "sector_zh": p.sector_zh, "field": p.field_en,
         "field_zh": p.field_zh, "ipc_pattern": p.ipc_pattern} for p in module.concordance()])


def _chinese_names() -> dict[int, tuple[str, str]]:
    project = project_concordance()
    if project is None:
        return {}
    return {r["field_number"]: (r["sector_zh"], r["field_zh"]) for r in project.to_pylist()}


def match_table(table: pa.Table) -> pa.Table:
    """One row per pattern as (field, sector, Chinese names, level, key); the Chinese names come from
    the project's concordance when the given table has none."""
    names = _chinese_names() if "field_zh" not in table.column_names else {}
    rows = []
    for r in table.to_pylist():
        number = int(r["field_number"])
        sector_zh, field_zh = names.get(number, (r.get("sector_zh") or r["sector"], r.get("field_zh") or r["field"]))
        level, key = match_key(r["ipc_pattern"])
        rows.append({"field_number": number, "sector": r["sector"], "sector_zh": sector_zh, "field": r["field"],
                     "field_zh": field_zh, "level": level, "key": key})
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def bind_concordance(con: duckdb.DuckDBPyConnection, given: pa.Table | None) -> str | None:
    """Create the temp table `report_wipo`; returns where the concordance came from (None: nowhere)."""
    origin, table = "compute_statistics 参数", given
    if table is None and con.execute("select count(*) from src_wipo").fetchall()[0][0]:
        origin, table = "专题文件", con.sql("select * from src_wipo").to_arrow_table()
    if table is None:
        origin, table = "warehouse/themes/data/wipo_technology_fields.csv", project_concordance()
    rows = match_table(table) if table is not None else SCHEMA.empty_table()
    con.register("report_wipo_rows", rows)
    try:
        con.execute("create or replace temp table report_wipo as select * from report_wipo_rows")
    finally:
        con.unregister("report_wipo_rows")
    return origin if table is not None else None
