"""The declaration machinery: a field is declared once, everything else is derived from it.

A `Table` lists `Field`s with a logical type, a description and constraints. From that we derive the
DuckDB DDL (`ddl`), the Arrow schema the parsers fill (`arrow_schema`), the data dictionary in the docs
and, later, the quality suites. Nothing else in the project spells a column type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

# logical type -> (DuckDB type, Arrow type)
TYPES: dict[str, tuple[str, pa.DataType]] = {
    "text": ("VARCHAR", pa.string()),
    "int": ("INTEGER", pa.int32()),
    "bigint": ("BIGINT", pa.int64()),
    "bool": ("BOOLEAN", pa.bool_()),
    "date": ("DATE", pa.date32()),
    "timestamp": ("TIMESTAMP", pa.timestamp("us")),
    "double": ("DOUBLE", pa.float64()),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False
    values: tuple[str, ...] | None = None  # closed value set, if any
    example: str | None = None
    # DuckDB storage compression, where its own choice is poor: long free text compresses to a fraction
    # of its dictionary/FSST size with zstd, and writes several times faster
    compression: str | None = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"field {self.name}: unknown logical type {self.type!r}")

    @property
    def duckdb_type(self) -> str:
        return TYPES[self.type][0]

    @property
    def arrow_type(self) -> pa.DataType:
        return TYPES[self.type][1]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # unique within one bulk file (`file_id` is always part of the load key)
    parent: str | None = None  # table whose key these rows hang from
    parent_key: tuple[str, ...] = ()
    produced_by_parser: bool = True  # False: written by the loader, not by source adapters
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"table {self.name}: duplicate fields {sorted(dupes)}")
        for k in (*self.key, *self.parent_key):
            if k not in names:
                raise ValueError(f"table {self.name}: key column {k!r} is not a field")

    @property
    def column_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name}.{name}")

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(f.name, f.arrow_type, nullable=not f.required) for f in self.fields]
        )

    def ddl(self) -> str:
        cols = ",\n  ".join(
            f"{f.name} {f.duckdb_type}"
            f"{f' USING COMPRESSION {f.compression}' if f.compression else ''}{' NOT NULL' if f.required else ''}"
            for f in self.fields
        )
        return f"create table if not exists {self.name} (\n  {cols}\n);"
