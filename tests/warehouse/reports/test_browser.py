"""The example theme's report in a real browser: headless Chromium loads it from disk with the network
off, logs no error, draws every chart with the numbers of the statistics tables; a screenshot is kept.

Needs Debian's chromium (`apt-get install -y chromium fonts-noto-cjk`) and the playwright package, whose
driver ships in its wheel; the browser is the system one, never a downloaded build."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.reports.test_render import THEME_CHARTS
from warehouse.reports.landscape import render_landscape
from warehouse.reports.render import render_theme

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: apt-get install -y chromium"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def load(browser, page_path: Path):
    """The page opened offline; returns it with the console errors, page errors and non-file requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("request", lambda r: None if r.url.startswith("file://") else problems.append(f"network: {r.url}"))
    page.goto(page_path.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
    return page, problems


def stats(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def trace(page, chart_id: str, index: int = 0) -> dict:
    return page.evaluate("([id, i]) => { const t = document.getElementById(id).data[i]; "
                         "return {name: t.name, x: Array.from(t.x), y: Array.from(t.y)}; }", [chart_id, index])


def test_theme_report_in_chromium(browser, nev_theme, generated_warehouse, tmp_path, capsys, record_property):
    out = tmp_path / "report"
    page_path = render_theme(nev_theme, out, warehouse=generated_warehouse, compute=False)
    page, problems = load(browser, page_path)
    try:
        drawn = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot'))"
                              ".filter(e => e.querySelector('.main-svg')).map(e => e.id)")
        assert sorted(drawn) == sorted(THEME_CHARTS)
        yearly = stats(nev_theme, "select year, applications, publications, grants from stats_yearly order by year")
        for index, column in enumerate((1, 2, 3)):
            t = trace(page, "chart-trend", index)
            assert t["x"] == [r[0] for r in yearly] and t["y"] == [r[column] for r in yearly], t["name"]
        top = stats(nev_theme, "select name, applications from stats_applicants order by rank limit 20")
        shown = {}
        for i in range(page.evaluate("document.getElementById('chart-applicants').data.length")):
            t = trace(page, "chart-applicants", i)
            shown.update(zip(t["y"], t["x"], strict=True))
        assert shown == dict(top)
        provinces = stats(nev_theme, "select name, applications from stats_regions where level = 'province' "
                                     "and code is not null order by applications desc, code limit 20")
        t = trace(page, "chart-province")
        assert list(zip(t["y"], t["x"], strict=True)) == provinces
        (publications, entered), = stats(nev_theme, "select publications, changes_entered from stats_summary")
        assert page.inner_text('[data-stat="publications"]') == f"{publications:,}"
        assert page.inner_text('[data-stat="changes_entered"]') == f"{entered:,}"
        rows = page.locator('table[data-table="stats_yearly"] tbody tr').count()
        assert rows == len(yearly)
        shot = out / "nev-report.png"
        page.screenshot(path=str(shot), full_page=True)
        record_property("screenshot", str(shot))
        with capsys.disabled():
            print(f"\nscreenshot of the theme report: {shot}")
        assert shot.stat().st_size > 50_000
        assert problems == []
    finally:
        page.context.close()


def test_landscape_in_chromium(browser, nev_theme, tmp_path):
    second = tmp_path / "nev2" / "nev2.duckdb"
    second.parent.mkdir()
    shutil.copy(nev_theme, second)
    pages = {t: render_theme(t, tmp_path / "out", compute=False) for t in (nev_theme, second)}
    index = render_landscape([nev_theme, second], tmp_path / "out", pages=pages)
    page, problems = load(browser, index)
    try:
        drawn = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot .main-svg'))"
                              ".map(e => e.closest('.js-plotly-plot').id)")
        assert {"chart-landscape-size", "chart-landscape-trend", "chart-landscape-regions"} <= set(drawn)
        page.click("text=新能源汽车 >> nth=0")
        page.wait_for_load_state("load")
        assert page.url.endswith("/nev.html")
        assert problems == []
    finally:
        page.context.close()
