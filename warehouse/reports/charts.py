"""Plotly figures as <div>s. Pages load plotly.min.js once (from beside the page, or inlined), so a
chart carries only its data and a small layout; nothing is fetched from the network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

FONT = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
        '"WenQuanYi Micro Hei", sans-serif')
COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#b7791f", "#718096",
          "#c53030", "#2c5282")
CONFIG = {"displaylogo": False, "responsive": True, "locale": "zh-CN",
          "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]}

# A small explicit template: plotly's default one would be repeated inside every chart.
_TEMPLATE = go.layout.Template(layout={
    "font": {"family": FONT, "size": 13, "color": "#1a202c"},
    "colorway": list(COLORS),
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "xaxis": {"gridcolor": "#edf2f7", "zerolinecolor": "#cbd5e0", "automargin": True},
    "yaxis": {"gridcolor": "#edf2f7", "zerolinecolor": "#cbd5e0", "automargin": True},
    "hoverlabel": {"font": {"family": FONT}},
    "separators": ".,",
})


# One colour per category on every chart of every page.
APP_TYPE_COLORS = {"invention": COLORS[0], "utility_model": COLORS[1], "design": COLORS[2], "unknown": COLORS[7]}
APPLICANT_TYPE_COLORS = {"enterprise": COLORS[0], "university": COLORS[1], "research_institute": COLORS[3],
                         "hospital": COLORS[4], "government": COLORS[5], "individual": COLORS[2],
                         "other": COLORS[6], None: COLORS[7], "unknown": COLORS[7]}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    html: str
    note: str | None = None


def finish(fig: go.Figure, chart_id: str, title: str, *, height: int = 380, note: str | None = None) -> Chart:
    fig.update_layout(template=_TEMPLATE, height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      legend={"orientation": "h", "y": -0.15, "x": 0})
    html = fig.to_html(full_html=False, include_plotlyjs=False, div_id=chart_id, config=CONFIG,
                       default_width="100%", default_height=f"{height}px")
    return Chart(chart_id, title, html, note)


def count_axis(values: Sequence[float]) -> dict:
    """Axis settings for counts: no fractional ticks when the counts are small."""
    return {"dtick": 1} if values and max(values) <= 8 else {}


def hbar(chart_id: str, title: str, labels: Sequence[str], values: Sequence[float], *, name: str,
         hover: Sequence[str] | None = None, color: str = COLORS[0], note: str | None = None) -> Chart:
    """Horizontal bars, largest on top."""
    fig = go.Figure(go.Bar(
        x=list(values), y=list(labels), orientation="h", name=name, marker_color=color,
        text=list(values), textposition="auto", textangle=0, customdata=list(hover or labels),
        hovertemplate="%{customdata}<br>" + name + "：%{x:,}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(**count_axis(values))
    return finish(fig, chart_id, title, height=max(260, 26 * len(labels) + 80), note=note)


def stacked(chart_id: str, title: str, rows: Sequence[dict], *, x: str, series: str, y: str,
            labels: dict, colors: dict, order: Sequence | None = None, note: str | None = None) -> Chart:
    """Stacked bars of `y` per `x`, one trace per value of `series` (named through `labels`)."""
    xs = sorted({r[x] for r in rows})
    keys = list(order or sorted({r[series] for r in rows}, key=str))
    keys = [k for k in keys if any(r[series] == k for r in rows)]
    fig = go.Figure()
    for key in keys:
        by_x = {r[x]: r[y] for r in rows if r[series] == key}
        fig.add_bar(x=xs, y=[by_x.get(v, 0) for v in xs], name=labels.get(key, str(key)), marker_color=colors.get(key),
                    hovertemplate="%{x}：%{y:,}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_xaxes(type="category")
    return finish(fig, chart_id, title, note=note)


def donut(chart_id: str, title: str, labels: Sequence[str], values: Sequence[float], *,
          colors: Sequence[str] | None = None, note: str | None = None) -> Chart:
    fig = go.Figure(go.Pie(labels=list(labels), values=list(values), hole=0.45, sort=False,
                           marker={"colors": list(colors) if colors else None},
                           textinfo="label+percent", hovertemplate="%{label}：%{value:,}（%{percent}）<extra></extra>"))
    fig.update_layout(showlegend=False)
    return finish(fig, chart_id, title, height=320, note=note)
