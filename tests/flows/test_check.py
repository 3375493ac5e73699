"""`zhuanti check` as a user runs it, and the `check` flow's task, without a Prefect server."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from flows.check import run_checks_task
from flows.cli_check import check
from tests.conftest import FIXTURES, shared_samples
from warehouse.ingest import ingest
from warehouse.settings import get_settings

app = typer.Typer()
app.command()(check)


@app.callback()
def _group() -> None:
    """Keep `check` a subcommand, as in the real CLI."""


runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("check") / "samples.duckdb"
    ingest([shared_samples("cnipa"), FIXTURES / "cnipa"], warehouse=path, workers=1)
    return path


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield tmp_path / "home"
    get_settings.cache_clear()


def test_check_json_passes_on_the_samples_and_lists_warnings(built, home, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built, db)
    result = runner.invoke(app, ["check", "--warehouse", str(db), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["passed"] is True
    rules = {r["rule"]: r for r in report["rules"]}
    assert {"rule", "severity", "checked", "failed"} <= set(rules["app_number_check_digit"])
    assert rules["app_year_matches_filing_year"]["failed"] == 1
    assert (home / "quality" / "data-docs" / "index.html").is_file()


def test_check_table_output_and_exit_1_on_error_rules(built, home, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built, db)
    con = duckdb.connect(str(db))
    con.execute("update publications set filing_date = date '1984-01-01' where pub_number = 'CN104223590A'")
    con.close()
    result = runner.invoke(app, ["check", "--warehouse", str(db)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "filing_after_1985" in result.stdout and "FAILED" in result.stdout
    assert "1 publications quarantined" in result.stdout


def test_check_exit_2_without_a_warehouse(home, tmp_path):
    result = runner.invoke(app, ["check", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2


def test_check_exit_2_when_another_process_writes(built, home, tmp_path, lock_held_elsewhere):
    db = tmp_path / "w.duckdb"
    shutil.copy(built, db)
    with lock_held_elsewhere(db):
        result = runner.invoke(app, ["check", "--warehouse", str(db)])
    assert result.exit_code == 2


def test_the_flow_task_runs_the_checks(built, home, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(built, db)
    report = run_checks_task.fn(str(db), None)
    assert report["passed"] and report["docs"] is None
