"""prefect.yaml is valid, every parameter binds to its flow, and `zhuanti serve` registers schedules."""

from __future__ import annotations

import inspect
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.serve import deployment_specs, load_flow, runner_deployments
from flows.server import ServerUnavailable, find_or_start

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("spec", deployment_specs(), ids=lambda s: s["name"])
def test_every_deployment_binds_to_its_flow(spec):
    flow = load_flow(spec["entrypoint"])
    # a misspelled parameter passes `prefect deploy` and crashes at run time: catch it here
    inspect.signature(flow.fn).bind_partial(**(spec.get("parameters") or {}))
    for schedule in spec.get("schedules") or []:
        assert schedule["timezone"] == "Asia/Shanghai"


def test_the_weekly_refresh_is_scheduled_on_saturday_night_beijing_time():
    (refresh,) = [s for s in deployment_specs() if s["name"] == "weekly-refresh"]
    assert refresh["schedules"] == [{"cron": "0 3 * * 6", "timezone": "Asia/Shanghai", "active": True}]
    deployments = runner_deployments([refresh])
    assert deployments[0].schedules[0].schedule.cron == "0 3 * * 6"


def test_serve_refuses_without_a_reachable_server(monkeypatch, tmp_path):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    with pytest.raises(ServerUnavailable, match="does not answer"):
        find_or_start(tmp_path)
    monkeypatch.delenv("PREFECT_API_URL")
    with pytest.raises(ServerUnavailable, match="PREFECT_API_URL is not set"):
        find_or_start(tmp_path, start=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_starts_a_server_and_registers_the_schedule(tmp_path):
    port = _free_port()
    env = {**os.environ, "ZHUANTI_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 150
        names: set[str] = set()
        while time.monotonic() < deadline and "weekly-refresh" not in names:
            time.sleep(1)
            assert proc.poll() is None, proc.stdout.read().decode()[-3000:]
            try:
                req = urllib.request.Request(f"{api}/deployments/filter", data=b"{}", method="POST",
                                             headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(req, timeout=5) as resp:
                    deployments = json.load(resp)
                names = {d["name"] for d in deployments}
            except OSError:
                continue
        assert "weekly-refresh" in names
        (refresh,) = [d for d in deployments if d["name"] == "weekly-refresh"]
        assert refresh["schedules"][0]["schedule"]["cron"] == "0 3 * * 6"
        assert refresh["schedules"][0]["schedule"]["timezone"] == "Asia/Shanghai"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    # the server zhuanti started is stopped with it
    time.sleep(1)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{api}/health", timeout=2)
