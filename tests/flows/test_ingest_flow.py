"""The `ingest` flow as Prefect runs it (deployments, schedules, the UI) and as the CLI runs it."""

from __future__ import annotations

import time

import pytest

from flows.ingest import ingest
from flows.orchestration import run_flow


def test_flow_body_runs_without_any_prefect_server(tmp_path, cnipa_fixtures, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    started = time.perf_counter()
    summary = run_flow(ingest, paths=[str(cnipa_fixtures)], warehouse=str(tmp_path / "w.duckdb"), workers=1)
    assert summary["documents_loaded"] == 3
    # no temporary server was started: that alone would take seconds
    assert time.perf_counter() - started < 5


@pytest.mark.slow
def test_tracked_flow_run_is_recorded_by_the_api(tmp_path, cnipa_fixtures, prefect_backend):
    import asyncio

    from prefect import get_client

    state = ingest(paths=[str(cnipa_fixtures)], warehouse=str(tmp_path / "w.duckdb"), workers=1,
                   return_state=True)
    assert state.is_completed()
    assert state.result()["documents_loaded"] == 3

    async def recorded():
        async with get_client() as client:
            run = await client.read_flow_run(state.state_details.flow_run_id)
            flow = await client.read_flow(run.flow_id)
            return flow.name, run.state.type.value, run.parameters["workers"]

    assert asyncio.run(recorded()) == ("ingest", "COMPLETED", 1)
