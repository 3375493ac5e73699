"""The charts of a theme page, from its statistics tables: trends, types, applicants, regions (the rest
in figures_tech.py). A chart whose data is empty is left out and the page says so in its place."""

from __future__ import annotations

import plotly.graph_objects as go

from warehouse.reports import labels as L
from warehouse.reports.charts import (
    APP_TYPE_COLORS,
    APPLICANT_TYPE_COLORS,
    COLORS,
    Chart,
    count_axis,
    donut,
    finish,
    hbar,
    stacked,
)
from warehouse.reports.read import ThemeReport

TOP = 20
TYPE_ORDER = ("invention", "utility_model", "design", "unknown")


def trend(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_yearly"]
    if not rows:
        return None
    years = [x["year"] for x in rows]
    fig = go.Figure()
    for key, name in (("applications", "申请量（申请年）"), ("publications", "公开量（公开年）"),
                      ("grants", "授权量（公告年）")):
        fig.add_scatter(x=years, y=[x[key] for x in rows], name=name, mode="lines+markers",
                        hovertemplate="%{x}年：%{y:,}<extra>%{fullData.name}</extra>")
    pending = [x["year"] for x in rows if not x["applications_complete"]]
    if pending:
        fig.add_vrect(x0=min(pending) - 0.5, x1=max(pending) + 0.5, fillcolor="#a0aec0", opacity=0.15,
                      line_width=0, annotation_text="申请量尚未公开完整", annotation_position="top left")
    fig.update_xaxes(dtick=1, tickformat="d")
    return finish(fig, "chart-trend", "申请量、公开量和授权量", height=400,
                  note="发明专利申请一般自申请日起 18 个月公布，阴影内年份的申请量仍会增加")


def types_by_year(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_types_by_year"]
    return stacked("chart-types", "专利类型（按申请年）", rows, x="year", series="app_type", y="applications",
                   labels=L.APP_TYPES, colors=APP_TYPE_COLORS, order=TYPE_ORDER) if rows else None


def type_share(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_types"]
    return donut("chart-type-share", "三种专利申请构成", [L.label(L.APP_TYPES, x["app_type"]) for x in rows],
                 [x["applications"] for x in rows],
                 colors=[APP_TYPE_COLORS.get(x["app_type"], COLORS[7]) for x in rows]) if rows else None


def applicants(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_applicants"][:TOP]
    if not rows:
        return None
    fig = go.Figure()
    kinds = list(dict.fromkeys(x["applicant_type"] for x in rows))
    for kind in kinds:
        mine = [x for x in rows if x["applicant_type"] == kind]
        fig.add_bar(x=[x["applications"] for x in mine], y=[x["name"] for x in mine], orientation="h",
                    name=L.label(L.APPLICANT_TYPES, kind), marker_color=APPLICANT_TYPE_COLORS.get(kind, COLORS[6]),
                    text=[x["applications"] for x in mine], textposition="auto", textangle=0,
                    hovertemplate="%{y}<br>申请量：%{x:,}<extra>%{fullData.name}</extra>")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=[x["name"] for x in rows],
                     autorange="reversed")
    fig.update_xaxes(**count_axis([x["applications"] for x in rows]))
    fig.update_layout(barmode="relative", legend={"title": {"text": "申请人类型"}})
    return finish(fig, "chart-applicants", f"主要申请人（前 {len(rows)} 名）", height=26 * len(rows) + 120)


def applicant_types(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_applicant_types"]
    return stacked("chart-applicant-types", "第一申请人类型（按申请年）", rows, x="year", series="applicant_type",
                   y="applications", labels={**L.APPLICANT_TYPES, "unknown": "未识别"}, colors=APPLICANT_TYPE_COLORS,
                   order=[*L.APPLICANT_TYPES, "unknown"]) if rows else None


def regions(r: ThemeReport, level: str) -> Chart | None:
    rows = [x for x in r.rows("stats_regions", level=level) if x["code"] is not None][:TOP]
    if not rows:
        return None
    title = {"province": "省份分布（国内申请，第一申请人）", "city": "地市分布（国内申请，第一申请人）"}[level]
    return hbar(f"chart-{level}", title, [x["name"] or x["code"] for x in rows], [x["applications"] for x in rows],
                name="申请量", color=COLORS[2] if level == "city" else COLORS[0])


def origin(r: ThemeReport) -> Chart | None:
    rows = r.stats["stats_origin"]
    if not rows:
        return None
    names = [L.label(L.COUNTRIES, x["country"]) if x["country"] else L.ORIGINS["unknown"] for x in rows]
    return donut("chart-origin", "国内外申请（第一申请人国别）", names, [x["applications"] for x in rows])


def theme_charts(r: ThemeReport) -> dict[str, Chart]:
    from warehouse.reports.figures_tech import branches, co_applicants, grant_rate, ipc, wipo

    built = [trend(r), types_by_year(r), type_share(r), applicants(r), applicant_types(r), regions(r, "province"),
             regions(r, "city"), origin(r), ipc(r, "subclass"), ipc(r, "main_group"), wipo(r), branches(r),
             co_applicants(r), grant_rate(r)]
    return {c.id: c for c in built if c is not None}
