"""Checks derived from schemas/: nothing declared twice, every declaration covered."""

from __future__ import annotations

from schemas.model import ALL_TABLES
from warehouse.quality.checks import ColumnCheck, SqlCheck
from warehouse.quality.schema_checks import schema_checks, types_check

CHECKS = schema_checks()
NAMES = {c.name for c in CHECKS}


def test_every_declaration_has_its_check():
    for table in ALL_TABLES:
        for f in table.fields:
            assert (f"schema.{table.name}.{f.name}.not_null" in NAMES) == f.required
            assert (f"schema.{table.name}.{f.name}.in_set" in NAMES) == bool(f.values)
        assert (f"schema.{table.name}.key_unique" in NAMES) == bool(table.key)
        assert (f"schema.{table.name}.has_parent" in NAMES) == bool(table.parent)
    unique = {c.table: c.columns for c in CHECKS if isinstance(c, ColumnCheck) and c.kind == "unique"}
    assert unique["parties"] == ("file_id", "pub_number", "role", "seq")
    assert unique["load_manifest"] == ("file_id",)
    assert all(c.severity == "error" and c.suite == "schema" for c in CHECKS)


def test_the_samples_satisfy_every_sql_schema_check(con, failures):
    for check in CHECKS:
        if isinstance(check, SqlCheck):
            assert failures(con, check) == [], check.name


def test_an_orphan_row_fails_referential_integrity(con, failures):
    con.execute("delete from publications where pub_number = 'CN104223590A'")
    parents = {c.name: c for c in CHECKS if c.name.endswith("has_parent")}
    assert {pub for pub, _ in failures(con, parents["schema.parties.has_parent"])} == {"CN104223590A"}
    assert {pub for pub, _ in failures(con, parents["schema.priorities.has_parent"])} == {"CN104223590A"}


def test_a_column_with_another_type_fails_the_type_check(con, failures):
    con.execute("alter table citations alter column date_text type integer")
    con.execute("alter table load_manifest drop column error")
    values = [value for _, value in failures(con, types_check())]
    assert values == ["citations.date_text: declared VARCHAR, found INTEGER",
                      "load_manifest.error: declared VARCHAR, found nothing"]
