"""Read-only snapshots: readers never wait for a writer.

DuckDB allows one writer process per file and locks readers out meanwhile. After each refresh the
writer copies the warehouse to `<home>/snapshot/warehouse.duckdb` (written beside it, then renamed into
place). Analysts and theme builds open the snapshot; a reader that has it open keeps its version, new
readers see the new one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def snapshot_path(home: str | Path) -> Path:
    return Path(home) / "snapshot" / "warehouse.duckdb"


def publish_snapshot(con: duckdb.DuckDBPyConnection, target: str | Path) -> Path:
    """Copy the database behind `con` to `target` atomically.

    The caller holds the writer lock and `con` is idle: after a checkpoint the file holds everything,
    and a byte copy of it (a fraction of a second, against re-encoding every table) is the snapshot.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    path = con.execute(
        "select path from duckdb_databases() where database_name = current_database()"
    ).fetchone()[0]
    if not path:
        raise ValueError("a snapshot is a copy of a warehouse file; this connection has none")
    try:
        con.execute("checkpoint")
        shutil.copyfile(path, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
