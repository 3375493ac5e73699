"""Writing parsed bulk files into the warehouse: one transaction per bulk file, idempotent.

Loading a file deletes every row that carries its `file_id` and inserts the new rows from Arrow
tables (no per-row INSERT), then writes its manifest row, all in one transaction. A file that fails
as a whole is rolled back and recorded as failed, unless an earlier load of it is still good.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from schemas.model import file_elements, manifest
from sources.units import FILE_INDEX, LOAD_TABLES, FileCounts, UnitResult


@dataclass
class BulkFile:
    path: str
    file_id: str  # sha256
    size: int


@dataclass
class FileOutcome:
    file: BulkFile
    counts: FileCounts
    status: str  # loaded | failed
    error: str | None = None
    seconds: float = 0.0
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))


def _next_load_seq(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select coalesce(max(load_seq), 0) + 1 from load_manifest").fetchone()[0]


class Loader:
    """Holds the one write connection; used as `with loader.transaction(files): loader.insert(...)`."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._seq = itertools.count(_next_load_seq(con))

    def begin(self, files: list[BulkFile]) -> None:
        self.con.begin()
        ids = [f.file_id for f in files]
        for table in (*LOAD_TABLES, file_elements):
            self.con.execute(f"delete from {table.name} where file_id in (select unnest(?::varchar[]))", [ids])

    def insert(self, result: UnitResult, files: list[BulkFile]) -> None:
        """Insert a unit's tables; `files` is parallel to `result.unit.paths`."""
        ids = pa.table({FILE_INDEX: pa.array(range(len(files)), pa.int32()),
                        "file_id": pa.array([f.file_id for f in files], pa.string())})
        self.con.register("unit_files", ids)
        try:
            for table in LOAD_TABLES:
                batch = result.tables[table.name]
                if batch.num_rows == 0:
                    continue
                self.con.register("unit_batch", batch)
                cols = ", ".join(table.column_names)
                self.con.execute(
                    f"insert into {table.name} ({cols}) "
                    f"select {cols} from unit_batch join unit_files using ({FILE_INDEX})"
                )
                self.con.unregister("unit_batch")
        finally:
            self.con.unregister("unit_files")

    def commit(self, outcomes: list[FileOutcome]) -> None:
        for o in outcomes:
            self._write_manifest(o)
            self._write_elements(o)
        self.con.commit()

    def _write_elements(self, o: FileOutcome) -> None:
        items = sorted(o.counts.elements.items())
        if not items:
            return
        batch = pa.table({
            "file_id": pa.array([o.file.file_id] * len(items), pa.string()),
            "source_format": pa.array([fmt for (fmt, _), _ in items], pa.string()),
            "element": pa.array([name for (_, name), _ in items], pa.string()),
            "occurrences": pa.array([n for _, n in items], pa.int64()),
        })
        self.con.register("element_batch", batch)
        self.con.execute("insert into file_elements select * from element_batch")
        self.con.unregister("element_batch")

    def rollback(self) -> None:
        self.con.rollback()

    def record_failure(self, outcome: FileOutcome) -> None:
        """A file that could not be loaded: recorded, unless an earlier good load of it stands."""
        good = self.con.execute(
            "select count(*) from load_manifest where file_id = ? and status = 'loaded'", [outcome.file.file_id]
        ).fetchone()[0]
        if not good:
            self.con.begin()
            self._write_manifest(outcome)
            self.con.commit()

    def _write_manifest(self, o: FileOutcome) -> None:
        c = o.counts
        row = {
            "file_id": o.file.file_id,
            "path": o.file.path,
            "file_name": o.file.path.replace("\\", "/").rsplit("/", 1)[-1],
            "size_bytes": o.file.size,
            "source_format": ",".join(sorted(c.formats)) or None,
            "format_version": ",".join(sorted(c.versions)) or None,
            "documents_seen": c.seen,
            "documents_loaded": c.loaded,
            "documents_rejected": c.rejected,
            "newest_pub_date": c.newest_pub_date,
            "batch_date": c.batch_date,
            "load_seq": next(self._seq),
            "status": o.status,
            "error": o.error,
            "started_at": o.started_at,
            "seconds": o.seconds,
        }
        if c.seen != c.loaded + c.rejected:
            raise AssertionError(f"{o.file.path}: counts do not reconcile: {c}")
        self.con.execute("delete from load_manifest where file_id = ?", [o.file.file_id])
        cols = manifest.column_names
        self.con.execute(
            f"insert into load_manifest ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
