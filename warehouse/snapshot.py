"""Read-only snapshots: readers never wait for a writer.

DuckDB allows one writer process per file and locks readers out meanwhile. After each refresh the
writer copies the warehouse to `<home>/snapshot/warehouse.duckdb` (written beside it, then renamed into
place). Analysts and theme builds open the snapshot; a reader that has it open keeps its version, new
readers see the new one.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb


def snapshot_path(home: str | Path) -> Path:
    return Path(home) / "snapshot" / "warehouse.duckdb"


def publish_snapshot(con: duckdb.DuckDBPyConnection, target: str | Path) -> Path:
    """Copy the database behind `con` to `target` atomically."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    source = con.execute("select current_database()").fetchone()[0]
    con.execute("attach ? as zhuanti_snapshot", [str(tmp)])
    quoted = source.replace('"', '""')
    try:
        con.execute(f'copy from database "{quoted}" to zhuanti_snapshot')
    finally:
        con.execute("detach zhuanti_snapshot")
    os.replace(tmp, target)
    return target
