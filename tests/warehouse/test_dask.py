"""Scale-out on an existing Dask cluster gives the same warehouse as local processes."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from warehouse.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("publications", "applications", "parties", "classifications", "priorities", "related_documents",
          "texts", "load_findings", "rejects", "file_elements")


def snapshot(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            cols = [r[0] for r in con.execute(f"describe {t}").fetchall()]
            out[t] = con.execute(f"select {', '.join(cols)} from {t} order by all").fetchall()
        out["manifest"] = con.execute(
            "select file_id, documents_seen, documents_loaded, documents_rejected from load_manifest order by 1"
        ).fetchall()
        return out
    finally:
        con.close()


@pytest.mark.slow
def test_dask_cluster_gives_the_same_warehouse(tmp_path, cnipa_fixtures, monkeypatch):
    distributed = pytest.importorskip("distributed")
    from bench.generate import generate

    inbox = tmp_path / "inbox"
    generate(out=inbox, documents=300, seed=3, package="weekly", docs_per_subzip=50, malformed=2)

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    local = tmp_path / "local.duckdb"
    ingest([inbox, cnipa_fixtures], warehouse=local, workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = tmp_path / "dask.duckdb"
        s = ingest([inbox, cnipa_fixtures], warehouse=remote, dask_address=cluster.scheduler_address,
                   spool_dir=str(tmp_path / "spool"))
    assert s.documents_seen == 303 and s.documents_rejected == 2
    assert snapshot(remote) == snapshot(local)
    assert list((tmp_path / "spool").iterdir()) == []  # spooled parts are cleaned up
