"""A node registers themes (with province variants); a refresh rebuilds them and their reports."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def test_add_list_remove_and_refresh_builds_registered_themes(tmp_path, cnipa_fixtures, monkeypatch):
    from warehouse.settings import get_settings

    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    get_settings.cache_clear()
    try:
        assert runner.invoke(app, ["theme", "add", "nev", "--province", "44"]).exit_code == 0
        listed = json.loads(runner.invoke(app, ["theme", "registered", "--json"]).stdout)["themes"]
        assert [(t["id"], t["provinces"]) for t in listed] == [("nev", ["44"])]
        text = (tmp_path / "home" / "themes" / "nev.yaml").read_text(encoding="utf-8")
        assert "示例定义" in text  # the definition's comments are kept

        result = runner.invoke(app, ["refresh", "--inbox", str(cnipa_fixtures), "--json", "-j", "1"])
        assert result.exit_code == 3, result.output  # the fixtures are from 2023: stale, but built
        summary = json.loads(result.stdout)
        built = {(t["theme"], t["variant"]["province"]): t["members"] for t in summary["themes"]}
        assert built[("nev", None)] == 1 and built[("nev", "44")] == 1  # the BYD grant, in Guangdong
        assert summary["reports"]["landscape"] and len(summary["reports"]["pages"]) == 2

        assert runner.invoke(app, ["theme", "remove", "nev"]).exit_code == 0
        assert json.loads(runner.invoke(app, ["theme", "registered", "--json"]).stdout)["themes"] == []
        assert runner.invoke(app, ["theme", "remove", "nev"]).exit_code == 2
    finally:
        get_settings.cache_clear()
