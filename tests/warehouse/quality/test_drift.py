"""Per-file reconciliation and format drift: the real samples pass; a changed format is noticed."""

from __future__ import annotations

import csv

import duckdb

from tests.conftest import shared_samples
from warehouse.ingest import ingest
from warehouse.quality.reference import KNOWN_ELEMENTS
from warehouse.quality.rules import drift_checks

CHECKS = {c.name: c for c in drift_checks()}
NEW_SAMPLE = "new_CN113783949A_invention_pub_tables.xml"


def test_real_samples_reconcile_and_show_no_drift(con, failures):
    for check in CHECKS.values():
        assert failures(con, check) == [], check.name


def test_every_element_of_the_samples_is_known_and_the_list_is_well_formed():
    with KNOWN_ELEMENTS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keys = [(r["source_format"], r["element"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert {r["source_format"] for r in rows} == {"cnipa-new", "cnipa-old", "uspto-grant", "uspto-application", "docdb"}
    assert all(r["expected"] in ("true", "false") and r["evidence"] for r in rows)


def test_documents_that_do_not_add_up_fail_reconciliation(con, failures):
    con.execute("update load_manifest set documents_seen = documents_seen + 1 "
                "where file_name like 'new_CN113781974A%'")
    (row,) = failures(con, CHECKS["documents_reconcile"])
    assert row[0] is None and "seen 2, loaded 1, rejected 0" in row[1]


def test_unknown_element_is_counted_and_reported(con, failures):
    con.execute("insert into file_elements select file_id, 'cnipa-new', 'InventionTitleV3', 7 from load_manifest "
                "where file_name like 'new_CN113781974A%'")
    (row,) = failures(con, CHECKS["unknown_elements"])
    assert "cnipa-new InventionTitleV3 x7 in new_CN113781974A" in row[1]


def test_a_file_without_element_counts_is_reported(con, failures):
    con.execute("delete from file_elements where file_id = "
                "(select file_id from load_manifest where file_name like 'old_CN104223352A%')")
    (row,) = failures(con, CHECKS["expected_elements_missing"])
    assert row[1].endswith("no element counts recorded")


def test_a_renamed_element_in_the_xml_is_noticed(tmp_path):
    """Mutate the XML bytes of a real sample before loading: CNIPA renames the title element."""
    source = shared_samples("cnipa") / NEW_SAMPLE
    renamed = tmp_path / NEW_SAMPLE
    renamed.write_bytes(source.read_bytes().replace(b"business:InventionTitle", b"business:InventionName"))
    db = tmp_path / "w.duckdb"
    ingest([renamed], warehouse=db, workers=1)

    from warehouse.db import connect
    from warehouse.quality import store
    from warehouse.quality.reference import write_reference
    from warehouse.quality.rules import cnipa_checks

    con = connect(db)
    store.ensure_schema(con)
    write_reference(con)
    unknown = _failing(con, CHECKS["unknown_elements"])
    mandatory = _failing(con, next(c for c in cnipa_checks() if c.name == "mandatory_fields"))
    con.close()
    assert any("InventionName" in value for value in unknown)
    assert mandatory == ["missing: title"]


def _failing(con: duckdb.DuckDBPyConnection, check) -> list[str]:
    return [r[0] for r in con.execute(f"select value from ({check.sql()}) where failed").fetchall()]
