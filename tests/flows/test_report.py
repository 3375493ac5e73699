"""`zhuanti report` and the `report` flow, as a user runs them (no Prefect server)."""

from __future__ import annotations

import json
import shutil

import pytest
import typer
from typer.testing import CliRunner

from flows.cli_report import report
from tests.conftest import FIXTURES
from tests.warehouse.reports.themefile import build_theme_file
from warehouse.ingest import ingest

# flows.cli registers the command; the test registers it the same way on an app of its own.
app = typer.Typer()
app.command(name="report")(report)
app.command(name="noop")(lambda: None)  # a second command keeps `report` a sub-command
runner = CliRunner()


@pytest.fixture(scope="module")
def fixture_warehouse(tmp_path_factory):
    """The constructed B, U and S documents: enough for a theme and its Guangdong variant."""
    path = tmp_path_factory.mktemp("report-cli") / "w.duckdb"
    ingest([FIXTURES / "cnipa"], warehouse=path, workers=1)
    return path


@pytest.fixture
def home(tmp_path, monkeypatch, fixture_warehouse):
    """$ZHUANTI_HOME with the warehouse, theme nev and its Guangdong variant."""
    from warehouse.settings import get_settings

    root = tmp_path / "home"
    root.mkdir()
    shutil.copy(fixture_warehouse, root / "warehouse.duckdb")
    branches = {"battery": ("动力电池", ["H01M"])}
    for name, province in (("nev", None), ("nev-44", "44")):
        build_theme_file(root / "warehouse.duckdb", root / "themes" / "nev" / f"{name}.duckdb", theme_id="nev",
                         name="新能源汽车", subclasses=None, branches=branches, province_code=province)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("ZHUANTI_HOME", str(root))
    get_settings.cache_clear()
    yield root
    get_settings.cache_clear()


def run(*args):
    return runner.invoke(app, ["report", *map(str, args)], catch_exceptions=False)


def test_one_theme_by_id(home, tmp_path):
    result = run("nev-44", "--out", tmp_path / "out", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    (r,) = summary["reports"]
    assert r["page"] == str(tmp_path / "out" / "nev-44.html") and r["province_code"] == "44"
    assert r["rows"]["stats_yearly"] > 0 and summary["landscape"] is None
    assert summary["warehouse"][0] == str(home / "warehouse.duckdb")
    assert (tmp_path / "out" / "plotly.min.js").exists()


def test_all_themes_and_the_landscape(home):
    result = run("--all")
    assert result.exit_code == 0, result.output
    out = home / "reports"
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "nev-44.html", "nev.html", "plotly.min.js"]
    assert "landscape of all themes" in result.output


def test_a_theme_file_path_and_an_inline_page(home, tmp_path):
    result = run(home / "themes" / "nev" / "nev.duckdb", "--out", tmp_path, "--inline")
    assert result.exit_code == 0, result.output
    assert "新能源汽车" in result.output
    assert not (tmp_path / "plotly.min.js").exists() and (tmp_path / "nev.html").stat().st_size > 4_000_000


@pytest.mark.parametrize("args", [(), ("nev", "--all"), ("nope",), ("/tmp/absent-theme.duckdb",)])
def test_usage_errors_exit_2(home, args):
    result = run(*args)
    assert result.exit_code == 2


def test_all_without_themes_exits_2(tmp_path, monkeypatch):
    from warehouse.settings import get_settings

    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert run("--all").exit_code == 2
    finally:
        get_settings.cache_clear()


def test_the_flow_body_wires_the_steps(home, tmp_path):
    from flows.report import report as report_flow

    summary = report_flow.fn(themes=["nev"], out=str(tmp_path), warehouse=str(home / "warehouse.duckdb"))
    assert [r["theme_id"] for r in summary["reports"]] == ["nev"]
    assert (tmp_path / "nev.html").exists()
