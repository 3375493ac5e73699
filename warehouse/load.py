"""Writing parsed bulk files into the warehouse: idempotent, atomic per file, bounded in memory.

A bulk file becomes visible in one transaction: its manifest row turns from `loading` to `loaded`.
Before that, `begin` deletes every row the file carried (a reload replaces exactly its rows) and
marks it `loading`; each work unit's rows are then inserted from Arrow tables (no per-row INSERT) and
committed on their own. That keeps memory flat whatever the size of the file: DuckDB holds an
uncommitted append, and the Arrow buffers it was scanned from, until commit, so one transaction over
a 100,000-document package grew the writer to a gigabyte.

Readers never see a half-loaded file: the views take only files whose status is `loaded`. A load that
fails, or a process killed mid-file, leaves rows of a `loading` file behind; they are removed by
`discard` at once or by `recover` at the start of the next ingest, and the file is recorded as failed
so that the next refresh loads it again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from schemas.model import file_elements, manifest
from sources.units import FILE_INDEX, LOAD_TABLES, FileCounts, UnitResult

FILE_TABLES = (*LOAD_TABLES, file_elements)


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
    """The one write connection of an ingest: begin → insert (per unit) → finish, or discard."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._seq = itertools.count(_next_load_seq(con))
        self._file_seq: dict[str, int] = {}  # one load_seq per file, from begin to finish

    def recover(self) -> list[str]:
        """Remove what an interrupted load left behind; return the paths it concerned."""
        rows = self.con.execute("select file_id, path from load_manifest where status = 'loading'").fetchall()
        if not rows:
            return []
        self.con.begin()
        for file_id, _ in rows:
            self._delete_rows([file_id])
            self.con.execute(
                "update load_manifest set status = 'failed', documents_seen = 0, documents_loaded = 0, "
                "documents_rejected = 0, error = ? where file_id = ?",
                ["interrupted while loading (the process ended); load the file again", file_id],
            )
        self.con.commit()
        return [path for _, path in rows]

    def begin(self, files: list[BulkFile]) -> None:
        self.con.begin()
        self._delete_rows([f.file_id for f in files])
        for f in files:
            self._write_manifest(FileOutcome(f, FileCounts(), "loading"))
        self.con.commit()

    def insert(self, result: UnitResult, files: list[BulkFile]) -> None:
        """Insert and commit a unit's tables; `files` is parallel to `result.unit.paths`."""
        ids = pa.table({FILE_INDEX: pa.array(range(len(files)), pa.int32()),
                        "file_id": pa.array([f.file_id for f in files], pa.string())})
        self.con.begin()
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
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        finally:
            self.con.unregister("unit_files")

    def finish(self, outcomes: list[FileOutcome]) -> None:
        """Make the files visible: one transaction writes their manifest rows as loaded."""
        self.con.begin()
        for o in outcomes:
            self._write_manifest(o)
            self._write_elements(o)
        self.con.commit()

    def discard(self, outcome: FileOutcome) -> None:
        """A file that could not be loaded: its rows go, and it is recorded as failed.

        A file that failed before anything of it was written (it could not even be opened) keeps an
        earlier good load, if there is one.
        """
        row = self.con.execute("select status from load_manifest where file_id = ?",
                               [outcome.file.file_id]).fetchall()
        if row and row[0][0] == "loaded":
            return
        self.con.begin()
        self._delete_rows([outcome.file.file_id])
        self._write_manifest(outcome)
        self.con.commit()

    def _delete_rows(self, ids: list[str]) -> None:
        for table in FILE_TABLES:
            self.con.execute(f"delete from {table.name} where file_id in (select unnest(?::varchar[]))", [ids])

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

    def _write_manifest(self, o: FileOutcome) -> None:
        c = o.counts
        if c.seen != c.loaded + c.rejected:
            raise AssertionError(f"{o.file.path}: counts do not reconcile: {c}")
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
            "documents_skipped": c.documents_skipped,
            "newest_pub_date": c.newest_pub_date,
            "batch_date": c.batch_date,
            "load_seq": self._file_seq.setdefault(o.file.file_id, next(self._seq)),
            "status": o.status,
            "error": o.error,
            "started_at": o.started_at,
            "seconds": o.seconds,
        }
        self.con.execute("delete from load_manifest where file_id = ?", [o.file.file_id])
        cols = manifest.column_names
        self.con.execute(
            f"insert into load_manifest ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
