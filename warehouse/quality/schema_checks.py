"""Checks derived from the declarations in `schemas/`, never written out a second time.

For every warehouse table: each required field is not null, each field with a closed value set stays
in it, the key (with `file_id`, which is part of every load key) is unique, and a child table's rows
hang from their parent row in the same bulk file. One more check compares every declared column's
type and nullability with what DuckDB reports. All are error-level: the loader guarantees them, so a
failure means the warehouse and the declarations have drifted apart.
"""

from __future__ import annotations

from schemas.model import ALL_TABLES
from schemas.quality import ref_columns
from schemas.registry import Table
from warehouse.db import sql
from warehouse.quality.checks import Check, ColumnCheck, SqlCheck


def _load_key(table: Table) -> tuple[str, ...]:
    return table.key if "file_id" in table.key else ("file_id", *table.key)


def _column_checks(table: Table) -> list[ColumnCheck]:
    checks: list[ColumnCheck] = []
    for f in table.fields:
        if f.required:
            checks.append(ColumnCheck(
                name=f"schema.{table.name}.{f.name}.not_null", suite="schema", severity="error",
                description=f"{table.name}.{f.name} is required", table=table.name, kind="not_null",
                columns=(f.name,),
            ))
        if f.values:
            checks.append(ColumnCheck(
                name=f"schema.{table.name}.{f.name}.in_set", suite="schema", severity="error",
                description=f"{table.name}.{f.name} is one of {', '.join(f.values)}", table=table.name,
                kind="in_set", columns=(f.name,), values=f.values,
            ))
    if table.key:
        key = _load_key(table)
        checks.append(ColumnCheck(
            name=f"schema.{table.name}.key_unique", suite="schema", severity="error",
            description=f"({', '.join(key)}) is unique in {table.name}", table=table.name, kind="unique",
            columns=key,
        ))
    return checks


def _parent_check(table: Table) -> SqlCheck | None:
    if table.parent is None:
        return None
    keys = (*table.parent_key, "file_id")
    match = " and ".join(f"parent.{k} = child.{k}" for k in keys)
    return SqlCheck(
        name=f"schema.{table.name}.has_parent",
        suite="schema",
        severity="error",
        description=f"every {table.name} row has its {table.parent} row in the same bulk file",
        batch=table.name,
        query=sql("quality/schema/has_parent").format(parent=table.parent, keys=", ".join(keys), match=match),
    )


def types_check() -> SqlCheck:
    return SqlCheck(
        name="schema.columns_and_types",
        suite="schema",
        severity="error",
        description="every declared column exists with its declared DuckDB type and nullability",
        batch=ref_columns.name,
        query=sql("quality/schema/columns_and_types"),
    )


def schema_checks(tables: tuple[Table, ...] = ALL_TABLES) -> tuple[Check, ...]:
    checks: list[Check] = [types_check()]
    for table in tables:
        checks.extend(_column_checks(table))
        parent = _parent_check(table)
        if parent is not None:
            checks.append(parent)
    return tuple(checks)
