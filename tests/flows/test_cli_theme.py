"""`zhuanti theme …` as a user runs it (registered on a root app as flows.cli registers it)."""

from __future__ import annotations

import json
import shutil

import pytest
import typer
from typer.testing import CliRunner

from flows.cli_theme import theme_app
from tests.conftest import FIXTURES
from warehouse.ingest import ingest

root = typer.Typer()
root.add_typer(theme_app, name="theme")
runner = CliRunner()


def run(*args):
    return runner.invoke(root, ["theme", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def home(tmp_path, monkeypatch):
    from warehouse.settings import get_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield tmp_path / "home"
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def fixtures_warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-theme") / "w.duckdb"
    ingest([FIXTURES / "cnipa"], warehouse=path, workers=1)
    return path


def test_build_json_writes_under_zhuanti_home(home, fixtures_warehouse):
    result = run("build", "nev", "--warehouse", fixtures_warehouse, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["theme"] == "nev" and summary["members"] == 1
    assert summary["output"] == str(home / "themes" / "nev" / "nev.duckdb")
    variant = json.loads(run("build", "nev", "-w", fixtures_warehouse, "--province", "44", "--json").stdout)
    assert variant["output"].endswith("nev-44.duckdb") and variant["members"] == 1


def test_build_refuses_what_it_cannot_do(home, fixtures_warehouse, tmp_path):
    assert run("build", "no-such-theme", "-w", fixtures_warehouse).exit_code == 2
    assert run("build", "nev", "-w", tmp_path / "missing.duckdb").exit_code == 2
    assert run("build", "nev", "-w", fixtures_warehouse, "--province", "99").exit_code == 2


def test_validate_reports_file_and_line(home, tmp_path):
    good = run("validate", "nev", "ai", "ic", "biomed", "--json")
    assert good.exit_code == 0 and json.loads(good.stdout)["valid"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: 坏\ninclude:\n  - keywords: {anyy: [x]}\n", encoding="utf-8")
    result = run("validate", bad, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["themes"][0]["problems"] == [
        "bad.yaml:4: include[0].keywords: unknown field 'anyy' (did you mean 'any'?)"]


def test_explain(home, fixtures_warehouse):
    result = run("explain", "CN116806270B", "nev", "-w", fixtures_warehouse, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["in_theme"] is True
    text = run("explain", "CN219801493U", "nev", "-w", fixtures_warehouse)
    assert "no include rule matched" in text.stdout


def test_list_finds_examples_and_registered_themes(home):
    (home / "themes").mkdir(parents=True)
    shutil.copy(FIXTURES.parent.parent / "themes" / "ic.yaml", home / "themes" / "chips.yaml")
    listed = json.loads(run("list", "--json").stdout)["themes"]
    assert {"nev", "ai", "ic", "biomed"} <= {t["id"] for t in listed if t["origin"] == "examples"}
    assert [t["path"] for t in listed if t["origin"] == "home"] == [str(home / "themes" / "chips.yaml")]


def test_import_concordance(home, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("分类代码,分类名称,国际专利分类,关键词\n5.2,新能源汽车装置,H01M10/0525,动力电池\n", encoding="utf-8")
    result = run("import-concordance", table, "--out", tmp_path / "defs", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["themes"] == 1
    assert run("validate", tmp_path / "defs" / "sei-5-2.yaml").exit_code == 0
