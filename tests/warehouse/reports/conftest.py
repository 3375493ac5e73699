"""Warehouses and theme files for the report tests: the real samples (hand-counted expectations) and a
generated multi-year corpus; the WIPO concordance read from ../shared/data for the tests only."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pytest

from tests.conftest import FIXTURES, SHARED
from tests.warehouse.reports.themefile import build_theme_file
from warehouse.db import connect
from warehouse.ingest import ingest
from warehouse.quality import store

WIPO_CSV = SHARED / "data" / "wipo_ipc_technology.csv"
BATCHES = (("20210105", 50), ("20220104", 60), ("20230103", 70), ("20240102", 70), ("20251230", 80),
           ("20261124", 90))
NEV = {"subclasses": ["H01M", "B60L", "B60K", "B60W", "H02J", "H01L", "H02M", "H02K", "G01R"],
       "branches": {"battery": ("动力电池", ["H01M"]), "drive": ("电驱动与整车", ["B60L", "B60K", "B60W"]),
                    "charging": ("充电与电网", ["H02J"]), "chips": ("功率半导体", ["H01L"]),
                    "power": ("电机与电控", ["H02M", "H02K"])}}
SAMPLE_BRANCHES = {"energy": ("新能源", ["H01M", "B60L"]), "digital": ("数字技术", ["G06F", "G06Q", "H04L", "G09G"])}
QUARANTINED = "CN104223590A"
REPUBLICATION = "CN116806270B9"


def read_concordance(path: Path) -> pa.Table:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [{"field_number": int(r["Field_number"]), "sector": r["Sector_en"], "field": r["Field_en"],
                 "ipc_pattern": r["IPC_code"]} for r in csv.DictReader(f)]
    return pa.Table.from_pylist(rows)


@pytest.fixture(scope="session")
def concordance() -> pa.Table:
    if not WIPO_CSV.exists():
        pytest.skip(f"WIPO concordance not available: {WIPO_CSV} is absent")
    return read_concordance(WIPO_CSV)


def republication(grant: Path) -> bytes:
    """The constructed B grant re-published as B9 (a corrected reprint): same application, new kind."""
    text = grant.read_text(encoding="utf-8")
    text = text.replace('kind="B"', 'kind="B9"').replace("<base:Kind>B</base:Kind><base:Date>20230908",
                                                         "<base:Kind>B9</base:Kind><base:Date>20230908")
    return text.encode("utf-8")


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    """The 6 real CNIPA samples, the constructed B/U/S fixtures and a B9 reprint; one record quarantined."""
    from tests.conftest import shared_samples

    samples = shared_samples("cnipa")
    root = tmp_path_factory.mktemp("report-samples")
    extra = root / "extra"
    extra.mkdir()
    (extra / "CN116806270B9.xml").write_bytes(republication(FIXTURES / "cnipa" / "constructed_CN116806270B_grant.xml"))
    path = root / "w.duckdb"
    ingest([samples, FIXTURES / "cnipa", extra], warehouse=path, workers=1)
    con = connect(path)
    try:
        store.ensure_schema(con)
        con.execute("insert into quarantine select pub_number, file_id, 'test_rule', 'x', 'run-1', now()::timestamp "
                    "from patents where pub_number = ?", [QUARANTINED])
    finally:
        con.close()
    return path


@pytest.fixture
def sample_theme(sample_warehouse, tmp_path) -> Path:
    return build_theme_file(sample_warehouse, tmp_path / "themes" / "samples" / "samples.duckdb",
                            theme_id="samples", name="样例", subclasses=None, branches=SAMPLE_BRANCHES,
                            left=["CN100000001A"])


@pytest.fixture(scope="session")
def generated_warehouse(tmp_path_factory) -> Path:
    """A few hundred generated documents published over six years (one weekly package a year)."""
    from bench.generate import generate

    root = tmp_path_factory.mktemp("report-generated")
    for seed, (batch, documents) in enumerate(BATCHES, start=1):
        generate(out=root / "inbox" / batch, documents=documents, seed=seed, package="weekly",
                 utility_share=0.3, design_share=0.05, batch_date=batch)
    path = root / "w.duckdb"
    ingest([root / "inbox"], warehouse=path, workers=2)
    return path


@pytest.fixture(scope="session")
def nev_theme(generated_warehouse, tmp_path_factory) -> Path:
    """The new-energy-vehicle example theme with its statistics computed (WIPO fields from the project's
    concordance)."""
    from warehouse.reports.stats import compute_statistics

    path = build_theme_file(generated_warehouse, tmp_path_factory.mktemp("themes") / "nev" / "nev.duckdb",
                            theme_id="nev", name="新能源汽车", **NEV)
    compute_statistics(path)
    return path
