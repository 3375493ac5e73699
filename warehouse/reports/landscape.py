"""One page comparing the node's themes and their province variants: size, growth, leading regions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from warehouse.reports.charts import Chart, finish, hbar
from warehouse.reports.read import ThemeReport, read_report

LEADING_REGIONS = 3


@dataclass(frozen=True)
class ThemeRow:
    report: ThemeReport
    page: str | None  # the theme's page, relative to the landscape page

    @property
    def regions(self) -> list[dict]:
        """Provinces for a national theme, prefectures for a province variant."""
        level = "city" if self.report.summary.get("province_code") else "province"
        rows = [x for x in self.report.rows("stats_regions", level=level) if x["code"] is not None]
        return rows[:LEADING_REGIONS]


def sizes(rows: Sequence[ThemeRow]) -> Chart:
    return hbar("chart-landscape-size", "专题规模（申请量）", [r.report.title for r in rows],
                [r.report.summary.get("applications") or 0 for r in rows], name="申请量")


def trends(rows: Sequence[ThemeRow]) -> Chart:
    fig = go.Figure()
    for r in rows:
        series = r.report.stats["stats_yearly"]
        fig.add_scatter(x=[y["year"] for y in series], y=[y["applications"] for y in series], mode="lines+markers",
                        name=r.report.title, hovertemplate="%{x}年：%{y:,}<extra>%{fullData.name}</extra>")
    fig.update_xaxes(dtick=1, tickformat="d")
    return finish(fig, "chart-landscape-trend", "各专题申请量（按申请年）", height=420,
                  note="最近两个申请年的数据受 18 个月公开滞后影响，尚不完整")


def region_heatmap(rows: Sequence[ThemeRow]) -> Chart | None:
    national = [r for r in rows if not r.report.summary.get("province_code")]
    shares = {r.report.title: {x["name"]: x["applications_share"] for x in r.report.rows("stats_regions", level="province")
                               if x["code"] is not None} for r in national}
    leading: dict[str, float] = {}
    for theme in shares.values():
        for name, share in theme.items():
            leading[name] = leading.get(name, 0) + (share or 0)
    columns = sorted(leading, key=leading.get, reverse=True)[:12]
    if not columns:
        return None
    fig = go.Figure(go.Heatmap(
        z=[[shares[t].get(c, 0) for c in columns] for t in shares], x=columns, y=list(shares),
        colorscale="Blues", zmin=0, texttemplate="%{z:.0%}", colorbar={"tickformat": ".0%"},
        hovertemplate="%{y} · %{x}：%{z:.1%}<extra></extra>",
    ))
    return finish(fig, "chart-landscape-regions", "各专题申请的省份构成（占国内申请）", height=120 + 40 * len(shares))


def landscape_rows(theme_files: Sequence[Path], pages: dict[Path, Path], out_dir: Path) -> list[ThemeRow]:
    rows = []
    for path in theme_files:
        page = pages.get(path)
        rows.append(ThemeRow(read_report(path), page.relative_to(out_dir).as_posix() if page else None))
    return rows


def render_landscape(theme_files: Sequence[Path], out_dir: str | Path, *, pages: dict[Path, Path] | None = None,
                     inline_js: bool = False) -> Path:
    """`<out_dir>/index.html` over theme files whose statistics are computed; links to their pages."""
    from warehouse.reports.render import write_page

    out = Path(out_dir)
    rows = landscape_rows(theme_files, pages or {}, out)
    charts = [c for c in (sizes(rows), trends(rows), region_heatmap(rows)) if c is not None] if rows else []
    return write_page("landscape.html", out / "index.html", inline_js=inline_js, rows=rows,
                      charts={c.id: c for c in charts})
