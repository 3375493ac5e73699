"""A tiny run of the benchmark, so that `make bench` keeps working (timings are not asserted)."""

from __future__ import annotations

import json

import pytest

from bench.run import main


@pytest.mark.slow
def test_benchmark_smoke(tmp_path):
    markdown = tmp_path / "BENCHMARKS.md"
    assert main(["--documents", "300", "--small", "100", "--workers", "2", "--work", str(tmp_path / "out"),
                 "--markdown", str(markdown), "--repeat", "2"]) == 0
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    metrics = [r["metric"] for r in results["rows"]]
    for needle in ("ceiling", "ingest end to end", "parser, one process: bare parse", "peak RSS growth",
                   "zhuanti check", "one week"):
        assert any(needle in m for m in metrics), needle
    assert results["meta"]["ingest"]["documents"] == 300
    assert len(results["meta"]["ingest"]["runs_seconds"]) == len(results["meta"]["ceiling"]["runs_seconds"]) == 2
    stages = results["meta"]["parser_stages"]
    assert stages["documents"] > 0 and stages["total_us"] > 0
    text = markdown.read_text()
    assert text.startswith("# Benchmarks") and "| metric | value | ratio |" in text
