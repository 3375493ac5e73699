"""The HTML pages: offline (no external URL), in Chinese, numbers from the statistics tables, every chart
or a placeholder saying why it is missing; the landscape page of several themes."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import duckdb
import pytest

from tests.warehouse.reports.conftest import NEV
from tests.warehouse.reports.themefile import build_theme_file
from warehouse.reports.landscape import render_landscape
from warehouse.reports.render import PLOTLY_JS, render_theme
from warehouse.reports.stats import compute_statistics

THEME_CHARTS = ("chart-trend", "chart-types", "chart-type-share", "chart-applicants", "chart-applicant-types",
                "chart-province", "chart-city", "chart-origin", "chart-ipc-subclass", "chart-ipc-main-group",
                "chart-wipo", "chart-branches", "chart-co-applicants", "chart-grant-rate")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.refs += [v for k, v in attrs if k in ("src", "href", "action", "data", "poster") and v]


def external_urls(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    refs = [r for r in parser.refs if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", r, re.I) and not r.startswith("#")]
    return refs + re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[/\w.-]*", html)


def summary(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute("select * from stats_summary")
        return dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
    finally:
        con.close()


@pytest.fixture(scope="module")
def nev_page(nev_theme, generated_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    return render_theme(nev_theme, out, warehouse=generated_warehouse, compute=False)


def test_the_page_references_nothing_outside_its_folder(nev_page):
    html = nev_page.read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert f'<script src="{PLOTLY_JS}"></script>' in html
    assert (nev_page.parent / PLOTLY_JS).stat().st_size > 1_000_000


def test_the_page_shows_every_chart_and_the_numbers_of_the_tables(nev_page, nev_theme):
    html = nev_page.read_text(encoding="utf-8")
    for chart_id in THEME_CHARTS:
        assert f'id="{chart_id}"' in html, chart_id
    assert "data-empty-chart" not in html
    s = summary(nev_theme)
    for key in ("publications", "applications", "grants", "applicants", "changes_entered"):
        assert re.search(rf'data-stat="{key}">{s[key]:,}<', html), key
    assert "新能源汽车 专题数据库" in html and "本周新增与移出" in html and "专题定义" in html
    assert "branches:" in html and "统计口径" in html and "不含再版公告" in html


def test_a_theme_without_branches_or_concordance_says_so(sample_theme, sample_warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr("warehouse.reports.wipo.project_concordance", lambda: None)
    con = duckdb.connect(str(sample_theme))
    con.execute("drop table branches")
    con.execute("drop table member_branches")
    con.close()
    page = render_theme(sample_theme, tmp_path, warehouse=sample_warehouse, inline_js=True)
    html = page.read_text(encoding="utf-8")
    assert 'data-empty-chart="chart-branches"' in html and "专题未定义技术分支" in html
    assert 'data-empty-chart="chart-wipo"' in html and "未提供 WIPO" in html
    assert "<script src=" not in html and "Plotly.newPlot" in html and not (tmp_path / PLOTLY_JS).exists()
    assert "专题文件中没有 member_branches 表" in html


def test_quality_notes_come_from_the_warehouse(sample_theme, sample_warehouse, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute("insert into check_runs values ('run-1', '2026-11-24 03:00', 1.5, 10, 3, 1, '2023-10-03', false, "
                "1, 1, 1, '1.24.1', null)")
    con.execute("insert into check_results values ('run-1', 'cnipa', 'pub_after_filing', 'warning', 'x', "
                "'publications', null, 10, 2, false, '公开日不早于申请日', null)")
    con.execute("insert into check_failures values ('run-1', 'pub_after_filing', 'warning', 'CN113781974A', 'f', 'v'),"
                "('run-1', 'pub_after_filing', 'warning', 'CN000000000A', 'f', 'v')")
    con.close()
    html = render_theme(sample_theme, tmp_path / "out", warehouse=warehouse).read_text(encoding="utf-8")
    assert "最近一次质量检查 run-1" in html and "pub_after_filing" in html
    row = re.search(r"<td>pub_after_filing</td>.*?</tr>", html, re.S)[0]
    assert re.findall(r'class="n">(\d+)</td>', row) == ["2", "1"]  # two in the warehouse, one in this theme
    assert 'data-stat="documents_rejected">0<' in html


def test_a_missing_warehouse_is_reported_not_fatal(sample_theme, tmp_path):
    html = render_theme(sample_theme, tmp_path, warehouse=tmp_path / "absent.duckdb").read_text(encoding="utf-8")
    assert "未能读取入库记录和质量检查结果" in html


def test_landscape_compares_themes_and_links_their_pages(nev_theme, generated_warehouse, tmp_path):
    variant = build_theme_file(generated_warehouse, tmp_path / "nev" / "nev-44.duckdb", theme_id="nev",
                               name="新能源汽车", province_code="44", **NEV)
    compute_statistics(variant)
    pages = {t: render_theme(t, tmp_path / "out", compute=False) for t in (nev_theme, variant)}
    index = render_landscape([nev_theme, variant], tmp_path / "out", pages=pages)
    html = index.read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert '<a href="nev.html">新能源汽车</a>' in html and '<a href="nev-44.html">新能源汽车（广东省）</a>' in html
    for chart_id in ("chart-landscape-size", "chart-landscape-trend", "chart-landscape-regions"):
        assert f'id="{chart_id}"' in html
    for theme in (nev_theme, variant):
        s = summary(theme)
        row = re.search(rf'<tr data-theme="{theme.stem}">.*?</tr>', html, re.S)[0]
        assert f'data-col="applications">{s["applications"]:,}<' in row


def test_landscape_of_nothing(tmp_path):
    html = render_landscape([], tmp_path).read_text(encoding="utf-8")
    assert "还没有已构建的专题数据库" in html
