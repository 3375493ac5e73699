"""The guarantees every registered adapter gives, checked through the real ingest path: each adapter runs
over its constructed fixtures (tests/fixtures/<NAME>/) and, when present, the real samples
(../shared/samples/<NAME>/), into a temporary warehouse."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from schemas.model import RECORD_TABLES
from sources.base import ParseOptions
from sources.docdb import load_entity_table
from sources.packaging import WorkUnit
from sources.registry import ADAPTERS
from sources.units import parse_unit
from tests.conftest import FIXTURES, SHARED
from warehouse.ingest import ingest

COUNTED = tuple(t.name for t in RECORD_TABLES) + ("rejects", "load_manifest")


def entity_table() -> dict[str, str]:
    real = SHARED / "data" / "docdb-entities.dtd"
    return load_entity_table(real if real.is_file() else FIXTURES / "docdb" / "constructed_docdb-entities.dtd")


OPTIONS = ParseOptions(entities=entity_table())


def inputs(adapter: ModuleType) -> list[Path]:
    fixtures = FIXTURES / adapter.NAME
    assert fixtures.is_dir(), f"every adapter ships constructed fixtures: {fixtures} is missing"
    files = sorted(fixtures.glob("*.xml"))
    samples = SHARED / "samples" / adapter.NAME
    if samples.is_dir():
        files += sorted(samples.glob("*.xml"))
    return files


def query(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def table_counts(db: Path) -> dict[str, int]:
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in COUNTED} | {
        "patents": query(db, "select count(*) from patents")[0][0]}


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda a: a.NAME)
def test_adapter_guarantees(adapter, tmp_path):
    files = inputs(adapter)
    db = tmp_path / "w.duckdb"
    summary = ingest(files, warehouse=db, options=OPTIONS)
    assert summary.files == len(files) and summary.files_failed == 0
    assert summary.documents_loaded >= len(files) and summary.documents_rejected == 0

    # every document found is loaded or rejected, per file, and the manifest says so
    manifest = query(db, "select path, file_id, documents_seen, documents_loaded, documents_rejected "
                         "from load_manifest")
    assert len(manifest) == len(files)
    for path, file_id, seen, loaded, rejected in manifest:
        assert seen == loaded + rejected, path
        assert query(db, f"select count(*) from publications where file_id = '{file_id}'") == [(loaded,)]
        assert query(db, f"select count(*) from rejects where file_id = '{file_id}'") == [(rejected,)]
        counts = parse_unit(WorkUnit((path,)), OPTIONS).files[0]
        assert (counts.seen, counts.loaded, counts.rejected) == (seen, loaded, rejected), path
        assert counts.documents_skipped >= 0

    # one row per publication in a file; the adapter's own name on every row
    assert query(db, "select file_id, pub_number from publications group by all having count(*) > 1") == []
    formats = {f for (f,) in query(db, "select distinct source_format from publications")}
    assert formats and all(f.startswith(adapter.NAME) for f in formats)

    # required fields are filled in every table the adapter writes
    for table in RECORD_TABLES:
        for field in table.fields:
            if field.required:
                nulls = query(db, f"select count(*) from {table.name} where {field.name} is null")
                assert nulls == [(0,)], f"{table.name}.{field.name}"
        for field in table.fields:
            if field.values:
                allowed = ", ".join(f"'{v}'" for v in field.values)
                bad = query(db, f"select distinct {field.name} from {table.name} "
                                f"where {field.name} not in ({allowed})")
                assert bad == [], f"{table.name}.{field.name}: {bad}"

    # loading the same files again changes nothing
    first = table_counts(db)
    ingest(files, warehouse=db, options=OPTIONS)
    assert table_counts(db) == first


def test_one_warehouse_answers_for_every_office(tmp_path):
    db = tmp_path / "w.duckdb"
    files = [path for adapter in ADAPTERS for path in inputs(adapter)]
    ingest(files, warehouse=db, options=OPTIONS, workers=2)
    by_country = dict(query(db, "select country, count(*) from patents group by 1"))
    assert {"CN", "US", "EP", "WO", "AP"} <= set(by_country)
    formats = {f for (f,) in query(db, "select distinct source_format from patents")}
    assert {"cnipa-new", "uspto-grant", "uspto-application", "docdb"} <= formats
    # the analyst's columns mean the same thing whatever the office
    assert query(db, "select count(*) from patents where pub_number <> country || doc_number || kind") == [(0,)]
    assert query(db, "select count(*) from patents where ipc_main is not null")[0][0] > len(by_country)
