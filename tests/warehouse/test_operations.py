"""Operational pieces of a refresh: the writer lock, read-only snapshots and new-file detection."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

from warehouse.db import connect
from warehouse.inbox import pending_files
from warehouse.ingest import ingest
from warehouse.lock import WarehouseBusy, lock_path, warehouse_lock
from warehouse.snapshot import publish_snapshot


def test_second_writer_is_refused_with_a_clear_message(tmp_path, lock_held_elsewhere):
    db = tmp_path / "w.duckdb"
    with lock_held_elsewhere(db) as holder:  # noqa: SIM117 - the inner block needs holder.pid
        with pytest.raises(WarehouseBusy, match=rf"another process \(refresh pid {holder.pid}"), warehouse_lock(db):
            pass
    # the holder died by SIGKILL: its lock file is still there, and is taken over
    assert lock_path(db).exists()
    with warehouse_lock(db) as info:
        assert info["pid"] == os.getpid()


def test_the_lock_is_reentrant_within_one_process(tmp_path):
    db = tmp_path / "w.duckdb"
    with warehouse_lock(db, "refresh") as outer, warehouse_lock(db, "check") as inner:
        assert inner is outer and outer["purpose"] == "refresh"
    with warehouse_lock(db, "check") as again:
        assert again["purpose"] == "check"


def test_snapshot_is_readable_while_the_writer_holds_the_warehouse(tmp_path, cnipa_fixtures):
    db = tmp_path / "w.duckdb"
    ingest([cnipa_fixtures], warehouse=db)
    con = connect(db)
    snap = publish_snapshot(con, tmp_path / "snapshot" / "warehouse.duckdb")
    reader = subprocess.run(
        [sys.executable, "-c", f"import duckdb; c = duckdb.connect(r'{snap}', read_only=True);"
         "print(c.execute('select count(*) from patents').fetchone()[0])"],
        capture_output=True, text=True,
    )
    con.close()
    assert reader.returncode == 0, reader.stderr
    assert reader.stdout.strip() == "3"


def test_new_files_are_found_by_content_not_name(tmp_path, cnipa_fixtures):
    inbox = tmp_path / "inbox"
    shutil.copytree(cnipa_fixtures, inbox)
    db = tmp_path / "w.duckdb"
    con = connect(db)
    new, old = pending_files(con, inbox)
    assert (len(new), len(old)) == (3, 0)
    con.close()
    ingest([f.path for f in new], warehouse=db)
    con = connect(db)
    first = sorted(inbox.iterdir())[0]
    first.rename(inbox / "renamed.xml")  # same content, new name: not new
    (inbox / "copy.xml").write_bytes((inbox / "renamed.xml").read_bytes())  # a duplicate: not new
    new, old = pending_files(con, inbox)
    assert (len(new), len(old)) == (0, 4)
    data = (inbox / "renamed.xml").read_bytes().replace(b"</business:PatentDocumentAndRelated>",
                                                         b"<!-- re-issued --></business:PatentDocumentAndRelated>")
    time.sleep(0.01)
    (inbox / "renamed.xml").write_bytes(data)  # changed content: new
    new, old = pending_files(con, inbox)
    assert [f.path.name for f in new] == ["renamed.xml"]
    con.close()


def test_hashes_are_cached(tmp_path, cnipa_fixtures, monkeypatch):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    pending_files(con, cnipa_fixtures)
    import warehouse.ingest

    monkeypatch.setattr(warehouse.ingest, "sha256_file", lambda p: pytest.fail(f"re-hashed {p}"))
    new, _ = pending_files(con, cnipa_fixtures)
    assert len(new) == 3
    con.close()
    assert duckdb.connect(str(db)).execute("select count(*) from file_hashes").fetchone()[0] == 3
