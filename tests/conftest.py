"""Shared fixtures: real samples from ../shared (skipped when absent) and constructed fixtures."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

# Prefect, quiet and isolated: a throw-away home, no telemetry, no server unless a test starts one.
if "PREFECT_HOME" not in os.environ:
    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="zhuanti-prefect-")
    atexit.register(shutil.rmtree, os.environ["PREFECT_HOME"], ignore_errors=True)
os.environ.pop("PREFECT_API_URL", None)
for key, value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
}.items():
    os.environ.setdefault(key, value)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(os.environ.get("ZHUANTI_SHARED", ROOT.parent / "shared"))


def shared_samples(kind: str) -> Path:
    """`../shared/samples/<kind>`; the calling test is skipped when it is not there."""
    path = SHARED / "samples" / kind
    if not path.is_dir():
        pytest.skip(f"real samples not available: {path} is absent (set ZHUANTI_SHARED to point at shared/)")
    return path


@pytest.fixture
def cnipa_samples() -> Path:
    return shared_samples("cnipa")


@pytest.fixture
def cnipa_fixtures() -> Path:
    return FIXTURES / "cnipa"


@contextmanager
def _lock_held_elsewhere(warehouse: Path):
    """Another process holds the warehouse's writer lock until the block ends (then it is killed)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; sys.path.insert(0, '.');"
         "from warehouse.lock import warehouse_lock;"
         f"cm = warehouse_lock(r'{warehouse}', 'refresh'); cm.__enter__(); print('locked', flush=True);"
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def lock_held_elsewhere():
    return _lock_held_elsewhere


@pytest.fixture(scope="session")
def prefect_backend():
    """A temporary Prefect API for the few tests that run real flow runs (~10 s once per session)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with (temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
          prefect_test_harness(server_startup_timeout=90)):
        yield
