"""HTML pages from templates: one per theme file, plotly.min.js written once beside them (or inlined)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from warehouse.reports import labels as L
from warehouse.reports.warehouse_info import Warehouses

TEMPLATES = Path(__file__).with_name("templates")
PLOTLY_JS = "plotly.min.js"


def _num(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def _pct(value: float | None, digits: int = 1, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value * 100:{'+' if signed else ''}.{digits}f}%"


def _dt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if isinstance(value, date) else str(value)


def _label(code: object, table: str) -> str:
    return L.label(getattr(L, table.upper()), code)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=_num, pct=_pct, dt=_dt, label=_label)
    return env


def plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def write_plotly_js(out_dir: Path) -> Path:
    """plotly.min.js beside the pages; rewritten only when the installed plotly differs."""
    target = out_dir / PLOTLY_JS
    text = plotly_js()
    if not target.exists() or target.stat().st_size != len(text.encode("utf-8")):
        target.write_text(text, encoding="utf-8")
    return target


def write_page(template: str, target: Path, *, inline_js: bool = False, **context: object) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not inline_js:
        write_plotly_js(target.parent)
    html = environment().get_template(template).render(
        plotly_inline=plotly_js() if inline_js else None, plotly_src=PLOTLY_JS,
        generated_at=datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"), **context)
    target.write_text(html, encoding="utf-8")
    return target


def render_theme(theme_db: str | Path, out_dir: str | Path, *, warehouse: Warehouses = None,
                 compute: bool = True, concordance: pa.Table | None = None, inline_js: bool = False) -> Path:
    """Compute the theme's statistics (unless `compute` is False) and write `<out_dir>/<file stem>.html`."""
    from warehouse.reports.figures import theme_charts
    from warehouse.reports.read import read_members, read_report
    from warehouse.reports.stats import compute_statistics
    from warehouse.reports.warehouse_info import quality_notes

    if compute:
        compute_statistics(theme_db, warehouse=warehouse, concordance=concordance)
    report = read_report(theme_db)
    report.quality = quality_notes(warehouse, read_members(theme_db))
    target = Path(out_dir) / f"{report.report_id}.html"
    return write_page("theme.html", target, inline_js=inline_js, r=report, charts=theme_charts(report))
