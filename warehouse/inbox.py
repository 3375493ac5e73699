"""What in an inbox is new: bulk files whose content (sha256) the manifest has not loaded.

A renamed or moved file is not new. Hashes are cached by (path, size, mtime) so that a weekly refresh
does not re-read gigabytes of packages it has already seen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from sources.packaging import find_bulk_files


@dataclass(frozen=True)
class InboxFile:
    path: Path
    file_id: str
    size: int


def hash_with_cache(con: duckdb.DuckDBPyConnection, path: Path) -> InboxFile:
    from warehouse.ingest import sha256_file

    st = path.stat()
    key = str(path.resolve())
    row = con.execute(
        "select file_id from file_hashes where path = ? and size_bytes = ? and mtime_ns = ?",
        [key, st.st_size, st.st_mtime_ns],
    ).fetchone()
    if row:
        return InboxFile(path, row[0], st.st_size)
    file_id = sha256_file(str(path))
    con.execute("delete from file_hashes where path = ?", [key])
    con.execute("insert into file_hashes values (?, ?, ?, ?)", [file_id, key, st.st_size, st.st_mtime_ns])
    return InboxFile(path, file_id, st.st_size)


def pending_files(con: duckdb.DuckDBPyConnection, inbox: str | os.PathLike) -> tuple[list[InboxFile], list[InboxFile]]:
    """(new, already loaded) bulk files under `inbox`; a file that failed before counts as new."""
    loaded = {r[0] for r in con.execute("select file_id from load_manifest where status = 'loaded'").fetchall()}
    new: list[InboxFile] = []
    old: list[InboxFile] = []
    seen: set[str] = set()
    for path in find_bulk_files([inbox]):
        f = hash_with_cache(con, path)
        if f.file_id in loaded or f.file_id in seen:
            old.append(f)
        else:
            seen.add(f.file_id)
            new.append(f)
    return new, old
