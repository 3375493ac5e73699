"""Tables of the node's operations (as opposed to patent data): the history of refresh runs."""

from __future__ import annotations

from schemas.registry import Field, Table

refresh_runs = Table(
    "refresh_runs",
    "One row per refresh run: what it found, loaded, checked and built.",
    (
        Field("run_id", "text", "run identifier (UTC start time)", required=True),
        Field("started_at", "timestamp", "start (UTC)", required=True),
        Field("seconds", "double", "duration", required=True),
        Field("inbox", "text", "inbox folder", required=True),
        Field("files_new", "int", "new bulk files found", required=True),
        Field("documents_loaded", "int", "documents loaded", required=True),
        Field("documents_rejected", "int", "documents rejected", required=True),
        Field("check_passed", "bool", "no error-level quality rule failed (NULL: not checked)"),
        Field("themes_built", "int", "theme databases rebuilt", required=True),
        Field("stale", "bool", "the freshness alarm fired", required=True),
        Field("summary", "text", "the full run summary (JSON)", required=True),
    ),
    key=("run_id",),
    produced_by_parser=False,
)
