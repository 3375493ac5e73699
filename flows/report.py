"""Flow `report`: statistics into each theme file, an HTML page per theme, the landscape of all themes."""

from __future__ import annotations

from prefect import flow, task

from flows.orchestration import step


@task(name="compute-statistics")
def compute_statistics_task(theme_db: str, warehouses: list[str]) -> dict:
    from warehouse.reports.stats import compute_statistics

    return compute_statistics(theme_db, warehouse=warehouses).as_dict()


@task(name="render-report")
def render_report_task(theme_db: str, out_dir: str, warehouses: list[str], inline_js: bool) -> str:
    from warehouse.reports.render import render_theme

    return str(render_theme(theme_db, out_dir, warehouse=warehouses, compute=False, inline_js=inline_js))


@task(name="render-landscape")
def render_landscape_task(theme_dbs: list[str], pages: dict[str, str], out_dir: str, inline_js: bool) -> str:
    from pathlib import Path

    from warehouse.reports.landscape import render_landscape

    return str(render_landscape([Path(t) for t in theme_dbs], out_dir, inline_js=inline_js,
                                pages={Path(k): Path(v) for k, v in pages.items()}))


@flow(name="report")
def report(
    themes: list[str] | None = None,
    all_themes: bool = False,
    out: str | None = None,
    warehouse: str | None = None,
    inline_js: bool = False,
) -> dict:
    """Statistics and HTML reports for the given themes (ids or theme files); with `all_themes`, for every
    theme file under $ZHUANTI_HOME/themes plus one landscape page comparing them."""
    from pathlib import Path

    from warehouse.reports.locate import all_theme_files, reader_warehouses, reports_dir, theme_file

    files = [str(p) for p in all_theme_files()] if all_themes else [str(theme_file(t)) for t in themes or []]
    out_dir = str(Path(out) if out else reports_dir())
    warehouses = [str(p) for p in reader_warehouses(Path(warehouse) if warehouse else None)]
    reports = []
    for theme_db in files:
        stats = step(compute_statistics_task, theme_db, warehouses)
        page = step(render_report_task, theme_db, out_dir, warehouses, inline_js)
        reports.append({"theme_db": theme_db, "page": page, **stats["summary"], "rows": stats["rows"]})
    landscape = None
    if all_themes:
        landscape = step(render_landscape_task, files, {r["theme_db"]: r["page"] for r in reports}, out_dir, inline_js)
    return {"out": out_dir, "reports": reports, "landscape": landscape, "warehouse": warehouses}
