"""The two shapes a quality rule takes, independent of Great Expectations.

* `ColumnCheck`: a property of one table's columns (not null, in a closed set, unique) that a built-in
  GX expectation evaluates.
* `SqlCheck`: a rule written as one SQL query over the items it checks. The query returns one row per
  checked item with the columns `pub_number, file_id, value, failed`; GX evaluates its failing rows with
  an UnexpectedRowsExpectation, and the results store counts and keeps them. `{batch}` in the query is
  the table GX validates (the batch); literal braces are doubled, as GX formats the text.

Severity "error" fails a run; "warning" is reported only. A `SqlCheck` with `quarantine` set marks the
publications it fails as quarantined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Suite = Literal["schema", "cnipa", "drift"]
ColumnKind = Literal["not_null", "in_set", "unique"]

CHECKED_COLUMNS = ("pub_number", "file_id", "value", "failed")


@dataclass(frozen=True)
class ColumnCheck:
    name: str
    suite: Suite
    severity: Severity
    description: str
    table: str
    kind: ColumnKind
    columns: tuple[str, ...]
    values: tuple[str, ...] = ()

    @property
    def batch(self) -> str:
        return self.table


@dataclass(frozen=True)
class SqlCheck:
    name: str
    suite: Suite
    severity: Severity
    description: str
    batch: str
    query: str
    quarantine: bool = False

    def sql(self) -> str:
        """The query with its batch filled in, ready to run on a DuckDB connection."""
        return self.query.format(batch=self.batch)

    def unexpected_rows_query(self) -> str:
        """The failing rows only, still with `{batch}` for GX to fill."""
        body = self.query.strip().rstrip(";")
        return f"select pub_number, file_id, value from (\n{body}\n) as checked where failed"


Check = ColumnCheck | SqlCheck
