"""`zhuanti serve`: run the schedules of prefect.yaml on one machine.

The deployments are declared once, in prefect.yaml; this module reads them and serves them with
`prefect.serve`, against a real Prefect server (see flows.server: the temporary API never fires
schedules).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
PREFECT_YAML = PROJECT_DIR / "prefect.yaml"


def deployment_specs(path: Path = PREFECT_YAML) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["deployments"]


def load_flow(entrypoint: str):
    """`flows/refresh.py:refresh` → the flow object."""
    file, name = entrypoint.split(":")
    module = file.removesuffix(".py").replace("/", ".")
    return getattr(importlib.import_module(module), name)


def runner_deployments(specs: list[dict]) -> list:
    from prefect.schedules import Cron

    out = []
    for spec in specs:
        flow = load_flow(spec["entrypoint"])
        schedules = [Cron(s["cron"], timezone=s.get("timezone", "UTC"), active=s.get("active", True))
                     for s in spec.get("schedules") or []]
        out.append(flow.to_deployment(
            name=spec["name"],
            description=spec.get("description"),
            tags=spec.get("tags"),
            parameters=spec.get("parameters") or {},
            schedules=schedules or None,
            concurrency_limit=spec.get("concurrency_limit"),
        ))
    return out


def serve(*, home: Path, start_server: bool = True, port: int = 4200) -> None:
    import signal

    from prefect import serve as prefect_serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.server import find_or_start

    server, api_url = find_or_start(home / "prefect", start=start_server, port=port)

    def stop(signum, frame):  # SIGTERM from a service manager: stop like Ctrl-C, server included
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            prefect_serve(*runner_deployments(deployment_specs()), limit=1)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
