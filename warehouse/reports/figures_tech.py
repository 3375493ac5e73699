"""The technology and co-operation charts of a theme page: IPC, WIPO fields, branches, co-application and
grant rate."""

from __future__ import annotations

import plotly.graph_objects as go

from warehouse.reports.charts import COLORS, Chart, finish, hbar
from warehouse.reports.read import ThemeReport

TOP = 20


def ipc(r: ThemeReport, level: str) -> Chart | None:
    rows = r.rows("stats_ipc", level=level)[:TOP]
    title = {"subclass": "IPC 小类分布", "main_group": "IPC 大组分布"}[level]
    return hbar(f"chart-ipc-{level.replace('_', '-')}", title, [x["code"] for x in rows],
                [x["publications"] for x in rows], name="公开量", color=COLORS[3]) if rows else None


def wipo(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_wipo_fields"]
    if not rows:
        return None
    sectors = list(dict.fromkeys(x["sector_zh"] for x in rows))
    sector_sizes = {s: sum(x["publications"] for x in rows if x["sector_zh"] == s) for s in sectors}
    fig = go.Figure(go.Treemap(
        ids=[f"s:{s}" for s in sectors] + [f"f:{x['field_number']}" for x in rows],
        labels=sectors + [x["field_zh"] for x in rows],
        parents=[""] * len(sectors) + [f"s:{x['sector_zh']}" for x in rows],
        values=[sector_sizes[s] for s in sectors] + [x["publications"] for x in rows],
        branchvalues="total", textinfo="label+value",
        hovertemplate="%{label}：%{value:,} 件<extra></extra>",
    ))
    return finish(fig, "chart-wipo", "WIPO 技术领域", height=420,
                  note="一件专利按其全部 IPC 计入所属领域，各领域之和可大于专利总数")


def branches(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_branches"]
    return hbar("chart-branches", "技术分支", [x["branch_name"] for x in rows], [x["publications"] for x in rows],
                name="公开量", color=COLORS[5]) if rows else None


def co_applicants(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_co_applicants"][:TOP]
    return hbar("chart-co-applicants", "共同申请（申请人对）", [f"{x['applicant_a']} × {x['applicant_b']}" for x in rows],
                [x["publications"] for x in rows], name="共同申请公开量", color=COLORS[4]) if rows else None


def grant_rate(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_grant_rate"]
    if not rows:
        return None
    years = [x["year"] for x in rows]
    fig = go.Figure()
    fig.add_bar(x=years, y=[x["applications"] for x in rows], name="发明申请", marker_color=COLORS[7])
    fig.add_bar(x=years, y=[x["granted"] for x in rows], name="已授权", marker_color=COLORS[2])
    fig.add_scatter(x=years, y=[x["grant_rate"] for x in rows], name="授权率", yaxis="y2", mode="lines+markers",
                    marker_color=COLORS[1], hovertemplate="%{x}年：%{y:.1%}<extra>授权率</extra>")
    fig.update_layout(barmode="group", yaxis2={"overlaying": "y", "side": "right", "tickformat": ".0%",
                                               "range": [0, 1.05], "showgrid": False})
    fig.update_xaxes(dtick=1, tickformat="d")
    return finish(fig, "chart-grant-rate", "发明授权率（按申请年）",
                  note="近年申请多在审查中，授权率为下限")
