"""The command line, as a user runs it (without a Prefect server: no orchestration start-up)."""

from __future__ import annotations

import json
import zipfile

from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env or {}, catch_exceptions=False)


def test_help_reads_well():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "status", "dictionary"):
        assert command in result.output


def test_ingest_json_then_status_json(tmp_path, cnipa_fixtures, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    db = tmp_path / "w.duckdb"
    result = run("ingest", cnipa_fixtures, "--warehouse", db, "--workers", "1", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    for key in ("files", "documents_seen", "documents_loaded", "documents_rejected", "seconds"):
        assert key in summary
    assert (summary["files"], summary["documents_seen"], summary["documents_loaded"]) == (3, 3, 3)
    result = run("status", "--warehouse", db, "--json")
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info["publications"] == 3 and info["newest_cn_pub_date"] == "2023-10-03"
    assert len(info["files"]) == 3 and all(f["status"] == "loaded" for f in info["files"])
    assert info["by_country"] == [{"country": "CN", "publications": 3}]


def test_warehouse_defaults_to_zhuanti_home(tmp_path, cnipa_fixtures, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from warehouse.settings import get_settings

    get_settings.cache_clear()
    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    try:
        result = run("ingest", cnipa_fixtures, "--json", "-j", "1")
        assert result.exit_code == 0
        assert json.loads(result.stdout)["warehouse"] == str(tmp_path / "home" / "warehouse.duckdb")
        assert (tmp_path / "home" / "warehouse.duckdb").exists()
    finally:
        get_settings.cache_clear()


def test_rejects_are_data_not_failure(tmp_path, cnipa_fixtures):
    bad = tmp_path / "in" / "bad.xml"
    bad.parent.mkdir()
    bad.write_bytes(b"<?xml version='1.0'?><cn-patent-document><unclosed>")
    result = run("ingest", bad.parent, "--warehouse", tmp_path / "w.duckdb", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents_rejected"] == 1


def test_unreadable_package_exits_non_zero(tmp_path):
    z = tmp_path / "in" / "cut.zip"
    z.parent.mkdir()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.XML", b"<x/>" * 1000)
    z.write_bytes(z.read_bytes()[:40])
    result = run("ingest", z, "--warehouse", tmp_path / "w.duckdb", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files_failed"] == 1


def test_missing_path_is_a_usage_error(tmp_path):
    result = run("ingest", tmp_path / "nope", "--warehouse", tmp_path / "w.duckdb")
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_status_without_warehouse(tmp_path):
    result = run("status", "--warehouse", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "zhuanti ingest" in result.output


def test_docdb_entities_come_from_the_delivery_dtd(tmp_path):
    import os
    from pathlib import Path

    import pytest

    shared = Path(os.environ.get("ZHUANTI_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    samples, dtd = shared / "samples" / "docdb", shared / "data" / "docdb-entities.dtd"
    if not dtd.exists():
        pytest.skip(f"real samples not available: {dtd} is absent")
    without = run("ingest", samples, "--warehouse", tmp_path / "a.duckdb", "--json")
    assert json.loads(without.stdout)["documents_rejected"] == 1  # &SACUTE; is not an HTML5 entity
    with_dtd = run("ingest", samples, "--warehouse", tmp_path / "b.duckdb", "--entities", dtd, "--json")
    summary = json.loads(with_dtd.stdout)
    assert (summary["documents_seen"], summary["documents_rejected"]) == (13, 0)
