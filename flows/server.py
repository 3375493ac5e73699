"""Finding or starting the Prefect server that schedules need.

Schedules fire only with a running Prefect server (its scheduler creates the runs) plus a process that
executes them. `serve()` against Prefect's temporary API registers deployments and then never runs them,
without a warning — so `zhuanti serve` insists on a real server: the one `PREFECT_API_URL` names, or one
it starts itself on 127.0.0.1 with its database under the data root.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


class ServerUnavailable(RuntimeError):
    pass


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _die_with_parent() -> None:
    """In the child: ask Linux to stop the server when the `zhuanti serve` that started it dies."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_local_server(home: Path, port: int = 4200, timeout: float = 120.0) -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` on 127.0.0.1:port, its state under `home`; return it and its API URL."""
    api_url = f"http://127.0.0.1:{port}/api"
    if healthy(api_url):
        raise ServerUnavailable(
            f"something already answers on {api_url}; set PREFECT_API_URL={api_url} to use it"
        )
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "ab")  # noqa: SIM115 - kept open for the server's lifetime
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerUnavailable(f"the Prefect server exited with code {proc.returncode}; see {home / 'server.log'}")
        if healthy(api_url):
            return proc, api_url
        time.sleep(0.5)
    proc.terminate()
    raise ServerUnavailable(f"the Prefect server did not answer within {timeout:.0f} s; see {home / 'server.log'}")


def find_or_start(home: Path, *, start: bool = True, port: int = 4200) -> tuple[subprocess.Popen | None, str]:
    """The API to serve against: PREFECT_API_URL if it answers, else a server started here."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        if healthy(configured):
            return None, configured
        raise ServerUnavailable(
            f"PREFECT_API_URL={configured} does not answer; start that server (`prefect server start`) or unset "
            "PREFECT_API_URL to let zhuanti start one"
        )
    if not start:
        raise ServerUnavailable(
            "schedules need a running Prefect server, and PREFECT_API_URL is not set. Start one with "
            "`prefect server start --host 127.0.0.1` and set PREFECT_API_URL=http://127.0.0.1:4200/api, "
            "or run `zhuanti serve --start-server`"
        )
    return start_local_server(home, port)
