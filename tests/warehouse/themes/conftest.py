"""A warehouse built once per session from the constructed CNIPA fixtures and, when present, the real
samples of ../shared; tests that change it work on a copy. Theme outputs always go to tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SHARED
from warehouse.ingest import ingest
from warehouse.themes.loader import Definition, parse_definition

# The example of issue 4, verbatim.
NEV_EXAMPLE = """\
id: nev
name: 新能源汽车
version: 1
scope:
  countries: [CN]
  app_types: [invention, utility_model, pct_invention, pct_utility_model]
  filing_date: {from: 2010-01-01}
include:
  - id: ipc-core
    ipc: ["B60L", "B60K 6", "B60W 20", "H01M 10/0525"]
  - id: kw
    keywords: {any: [新能源汽车, 电动汽车, 混合动力汽车]}
    fields: [title, abstract, claims]
  - id: battery-in-vehicle
    all:
      - ipc: ["H01M"]
      - keywords: {any: [车辆, 汽车]}
exclude:
  - id: toys
    keywords: {any: [玩具]}
    reason: 玩具车不属于新能源汽车产业
branches:
  - {id: battery, name: 动力电池, ipc: ["H01M"]}
  - {id: motor, name: 驱动电机, ipc: ["H02K"]}
"""

GRANT = FIXTURES / "cnipa" / "constructed_CN116806270B_grant.xml"


def definition(text: str, name: str = "test.yaml") -> Definition:
    return parse_definition(text, Path(name))


def rule_theme(rules: str, extra: str = "") -> Definition:
    """A definition with the given include rules (YAML list items) and no scope."""
    return definition(f"id: t\nname: 测试\ninclude:\n{rules}{extra}")


def another_grant(folder: Path, number: str = "116806271") -> Path:
    """The constructed grant as another publication (CN<number>B) in a file of its own."""
    path = folder / f"constructed_CN{number}B_grant.xml"
    path.write_text(GRANT.read_text(encoding="utf-8").replace("116806270", number), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def theme_warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("themes") / "w.duckdb"
    real = SHARED / "samples" / "cnipa"
    ingest([*([real] if real.is_dir() else []), FIXTURES / "cnipa"], warehouse=path, workers=1)
    return path


@pytest.fixture
def warehouse_copy(theme_warehouse, tmp_path) -> Path:
    path = tmp_path / "w.duckdb"
    shutil.copy(theme_warehouse, path)
    return path


@pytest.fixture
def nev() -> Definition:
    return definition(NEV_EXAMPLE, "nev.yaml")
