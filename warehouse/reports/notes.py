"""The rows of `stats_notes`: what the statistics count, what they leave out and how many records."""

from __future__ import annotations

import duckdb

from warehouse.reports.tables import QUARANTINE, WIPO

Note = tuple[str, str, int | None]


def _count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    return int(con.execute(query).fetchall()[0][0])


def collect(con: duckdb.DuckDBPyConnection, *, missing: list[str], wipo_origin: str | None,
            quarantine_origin: str) -> list[Note]:
    republications = _count(con, "select republications_excluded from stats_summary")
    quarantined = _count(con, "select quarantined_excluded from stats_summary")
    out: list[Note] = [
        ("scope", "全部统计不含再版公告（A8、A9、B8、B9、C9、U8、U9、S9 等扉页再版和全文再版）"
                  "和未通过质量检查而被隔离的记录", None),
        ("republications_excluded", "排除的再版公告（条）", republications),
        ("quarantined_excluded", "排除的质量检查隔离记录（条）", quarantined),
        ("quarantine_source", f"隔离名单来源：{quarantine_origin}", None),
        ("applications_lag", "申请量按申请年统计。发明专利申请一般自申请日起 18 个月公布，最近的申请年份尚不完整"
                             "（stats_yearly.applications_complete 为 false）", None),
        ("grants", "授权量按公告年统计：发明授权（B、C）、实用新型（U、Y）、外观设计（S、D）公告", None),
        ("first_applicant", "申请人类型、地域和国内外分布按第一申请人统计；申请人排名中共同申请人各计一次", None),
    ]
    if _count(con, "select count(*) from stats_grant_rate"):
        out.append(("grant_rate", "授权率 = 当年提交且已载入发明授权文献（B、C）的申请数 ÷ 当年提交的发明申请数；"
                                  "近年的申请多在审查中，比率为下限", None))
    else:
        out.append(("grant_rate", "专题中没有发明授权文献（B、C），未计算授权率", None))
    if wipo_origin:
        out.append(("wipo", f"技术领域按 WIPO IPC–技术对照表（35 个领域）划分；对照表来源：{wipo_origin}", None))
    else:
        out.append(("wipo", "未提供 WIPO IPC–技术对照表，stats_wipo_fields 为空", None))
    out += [(f"missing_{table}", f"专题文件中没有 {table} 表，相关统计为空", None) for table in missing
            if table not in (QUARANTINE.table, WIPO.table)]
    return out
