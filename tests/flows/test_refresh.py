"""The weekly refresh: idempotent, resumable after kill -9, one at a time, alarmed when stale."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from bench.generate import generate

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("publications", "parties", "classifications", "texts", "rejects", "load_manifest")


def weekly_inbox(inbox: Path, weeks: int, docs: int = 150) -> list[Path]:
    """`weeks` weekly packages, the newest published yesterday."""
    newest = date.today() - timedelta(days=1)
    for w in range(weeks):
        batch = newest - timedelta(weeks=weeks - 1 - w)
        generate(out=inbox / f"week{w:02d}", documents=docs, seed=w, package="weekly", docs_per_subzip=50,
                 batch_date=batch, malformed=1)
    return sorted(inbox.rglob("*.zip"))


def zhuanti(*args: str, home: Path) -> subprocess.Popen:
    env = {**os.environ, "ZHUANTI_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(*args: str, home: Path) -> tuple[int, dict | str]:
    proc = zhuanti(*args, home=home)
    out, err = proc.communicate(timeout=300)
    try:
        return proc.returncode, json.loads(out)
    except ValueError:
        return proc.returncode, out + err


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
        out["patents"] = con.execute("select count(*) from patents").fetchone()[0]
        return out
    finally:
        con.close()


def loaded_files(db: Path) -> int:
    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from load_manifest where status = 'loaded'").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_refresh_is_idempotent_resumable_and_alarmed(tmp_path):
    inbox = tmp_path / "inbox"
    files = weekly_inbox(inbox, weeks=8)
    clean_home = tmp_path / "clean"
    code, first = run("refresh", "--inbox", str(inbox), "--no-themes", "--json", "-j", "1", home=clean_home)
    assert code == 0, first
    assert first["files"]["new"] == len(files) and first["documents"]["rejected"] == len(files)
    assert first["check"]["passed"] is True and first["freshness"]["stale"] is False
    assert Path(first["snapshot"]).exists() and Path(first["summary_path"]).exists()
    clean = counts(clean_home / "warehouse.duckdb")

    # a second run with nothing new does nothing, and says so
    code, second = run("refresh", "--inbox", str(inbox), "--no-themes", "--json", home=clean_home)
    assert code == 0 and second["nothing_new"] is True and second["files"]["already_loaded"] == len(files)
    assert counts(clean_home / "warehouse.duckdb") == clean
    con = duckdb.connect(str(clean_home / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from refresh_runs").fetchone()[0] == 2
    con.close()

    # kill -9 in the middle of the ingest, then run again: the same counts as the clean run
    home = tmp_path / "killed"
    db = home / "warehouse.duckdb"
    for delay in (3.0, 4.0, 5.0, 2.5, 6.0):
        proc = zhuanti("refresh", "--inbox", str(inbox), "--no-themes", "--json", "-j", "1", home=home)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if 0 < loaded_files(db) < len(files):
            break
        import shutil

        shutil.rmtree(home, ignore_errors=True)
    else:
        pytest.fail("could not kill the refresh in the middle of its ingest")
    code, resumed = run("refresh", "--inbox", str(inbox), "--no-themes", "--json", home=home)
    assert code == 0, resumed
    assert 0 < resumed["files"]["new"] < len(files)
    assert counts(db) == clean


def test_a_second_refresh_is_refused_while_one_runs(tmp_path, cnipa_fixtures, lock_held_elsewhere):
    home = tmp_path / "home"
    with lock_held_elsewhere(home / "warehouse.duckdb"):
        code, out = run("refresh", "--inbox", str(cnipa_fixtures), "--no-themes", home=home)
    assert code == 2 and "being written by another process" in out


def test_stale_data_raises_the_alarm(tmp_path, cnipa_fixtures):
    home = tmp_path / "home"
    code, summary = run("refresh", "--inbox", str(cnipa_fixtures), "--no-themes", "--json", home=home)
    assert code == 3  # the fixtures were published in 2023
    assert summary["freshness"]["stale"] is True and summary["documents"]["loaded"] == 3


def test_stale_data_fails_the_flow_run(tmp_path, cnipa_fixtures, monkeypatch):
    from flows.refresh import StaleData, refresh
    from warehouse.settings import get_settings

    monkeypatch.setenv("ZHUANTI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    try:
        with pytest.raises(StaleData, match="newest CNIPA publication"):
            refresh.fn(inbox=str(cnipa_fixtures), build_themes=False, workers=1)
    finally:
        get_settings.cache_clear()
