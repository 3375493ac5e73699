"""How flows run: tracked by Prefect when a server is configured, as plain calls otherwise.

Flows wire steps with `step(task, ...)`. Inside a Prefect flow run the step is a Prefect task (visible in
the UI, retried, logged); outside one (the CLI without a server) it is a plain function call, so a command
costs no orchestration start-up. The wiring is written once either way.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_progress: ContextVar = ContextVar("zhuanti_progress", default=None)


def orchestrated() -> bool:
    """True when a Prefect API is configured (a server or Prefect Cloud): flows are then tracked."""
    return bool(os.environ.get("PREFECT_API_URL"))


def step(task: Any, *args: Any, **kwargs: Any) -> Any:
    from prefect.context import FlowRunContext

    if FlowRunContext.get() is not None:
        return task(*args, **kwargs)
    return task.fn(*args, **kwargs)


def run_flow(flow: Any, **params: Any) -> Any:
    """Run a flow tracked when orchestrated, else its body directly."""
    if orchestrated():
        return flow(**params)
    return flow.fn(**params)


@contextmanager
def progress_reporter(callback):
    token = _progress.set(callback)
    try:
        yield
    finally:
        _progress.reset(token)


def current_progress():
    return _progress.get()
