"""Finding definitions by id, and the registered themes a weekly refresh rebuilds."""

from __future__ import annotations

import pytest

from tests.warehouse.themes.conftest import NEV_EXAMPLE
from warehouse.themes.registry import PACKAGED, build_all, find_theme


@pytest.fixture
def home(tmp_path, monkeypatch):
    from warehouse.settings import get_settings

    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    (tmp_path / "home" / "themes").mkdir(parents=True)
    yield tmp_path / "home"
    get_settings.cache_clear()


def test_find_by_path_file_name_or_declared_id(home):
    assert find_theme("nev") == PACKAGED / "nev.yaml"
    (home / "themes" / "my-file.yaml").write_text(NEV_EXAMPLE.replace("id: nev", "id: ev2"), encoding="utf-8")
    assert find_theme("ev2") == home / "themes" / "my-file.yaml"
    assert find_theme(str(home / "themes" / "my-file.yaml")) == home / "themes" / "my-file.yaml"
    with pytest.raises(FileNotFoundError, match="no theme 'nothing'"):
        find_theme("nothing")


def test_build_all_builds_registered_themes_and_their_variants(home, theme_warehouse):
    (home / "themes" / "nev.yaml").write_text(NEV_EXAMPLE + "variants:\n  provinces: [广东]\n", encoding="utf-8")
    (home / "themes" / "broken.yaml").write_text("id: broken\nname: x\ninclude: []\n", encoding="utf-8")
    results = build_all(str(theme_warehouse))
    assert [r.get("error", "")[:10] for r in results] == ["broken.yam", "", ""]
    assert [(r["output"].rsplit("/", 1)[1], r["members"]) for r in results[1:]] == [
        ("nev.duckdb", 1), ("nev-44.duckdb", 1)]
