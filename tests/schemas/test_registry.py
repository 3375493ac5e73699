"""Walk the schema registry: every table derives, every field is used, keys name real columns."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from schemas.model import ALL_TABLES, RECORD_TABLES, TABLES
from schemas.registry import Field, Table
from schemas.views import VIEWS
from warehouse.db import connect
from warehouse.dictionary import data_dictionary

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.name)
def test_every_table_derives_ddl_and_arrow(table):
    con = duckdb.connect()
    con.execute(table.ddl())
    cols = [r[0] for r in con.execute(f"describe {table.name}").fetchall()]
    assert cols == table.column_names
    schema = table.arrow_schema()
    assert isinstance(schema, pa.Schema) and schema.names == table.column_names
    con.register("empty", schema.empty_table())
    con.execute(f"insert into {table.name} select * from empty")


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.name)
def test_keys_name_real_columns(table):
    for key in (*table.key, *table.parent_key):
        assert key in table.column_names
    if table.parent:
        parent = TABLES[table.parent]
        for key in table.parent_key:
            assert key in parent.column_names
    assert "file_id" in table.column_names, "every table must be replaceable per bulk file"


def _code_text() -> str:
    parts = []
    for folder in ("sources", "warehouse"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".sql"):
                parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_every_field_is_used_by_code_or_sql():
    text = _code_text()
    unused = [
        f"{t.name}.{f.name}"
        for t in RECORD_TABLES
        for f in t.fields
        if not re.search(rf"\b{re.escape(f.name)}\b", text)
    ]
    assert unused == []


def test_views_match_their_declarations():
    con = connect(":memory:")
    for view in VIEWS:
        cols = [r[0] for r in con.execute(f"describe {view.name}").fetchall()]
        assert cols == [c for c, _ in view.columns], view.name


def test_declarations_reject_mistakes():
    with pytest.raises(ValueError):
        Field("x", "varchar", "not a logical type")
    with pytest.raises(ValueError):
        Table("t", "d", (Field("a", "text", "a"),), key=("b",))
    with pytest.raises(ValueError):
        Table("t", "d", (Field("a", "text", "a"), Field("a", "int", "again")), key=())


def test_data_dictionary_lists_every_table_and_view():
    text = data_dictionary()
    for t in ALL_TABLES:
        assert f"### `{t.name}`" in text
        for f in t.fields:
            assert f"`{f.name}`" in text
    for v in VIEWS:
        assert f"### `{v.name}`" in text


def test_docs_dictionary_is_current():
    doc = ROOT / "docs" / "data-dictionary.md"
    assert doc.read_text(encoding="utf-8") == data_dictionary() + "\n", (
        "docs/data-dictionary.md is stale: run `zhuanti dictionary > docs/data-dictionary.md`"
    )
