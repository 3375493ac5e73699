"""The steps of a refresh as plain functions, and the run summary that lasts.

Each refresh writes a JSON summary to `$ZHUANTI_HOME/runs/<run_id>.json` and a row to `refresh_runs`
in the warehouse, so the history of weekly runs can be queried.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from schemas.operations import refresh_runs
from warehouse.db import connect
from warehouse.settings import get_settings


def find_new(inbox: str, warehouse: str) -> dict:
    from warehouse.inbox import pending_files

    con = connect(warehouse)
    try:
        new, known = pending_files(con, inbox)
    finally:
        con.close()
    return {"new": [str(f.path) for f in new], "known": len(known)}


def run_quality(warehouse: str, docs_dir: str) -> dict:
    from warehouse.quality.run import run_checks

    report = run_checks(warehouse, docs_dir=Path(docs_dir), memory_limit=get_settings().memory_limit)
    return report.as_dict()


def build_registered_themes(warehouse: str) -> list[dict]:
    from warehouse.themes.registry import build_all

    return build_all(warehouse)


def render_reports(warehouse: str) -> dict:
    """Statistics and HTML reports for every theme file, plus the landscape page comparing them."""
    from flows.report import report

    return report.fn(all_themes=True, warehouse=warehouse)


def publish(warehouse: str) -> str:
    from warehouse.snapshot import publish_snapshot, snapshot_path

    con = connect(warehouse)
    try:
        return str(publish_snapshot(con, snapshot_path(get_settings().home_dir)))
    finally:
        con.close()


def freshness_of(warehouse: str) -> dict:
    from warehouse.freshness import freshness

    con = connect(warehouse, read_only=True)
    try:
        return freshness(con, max_age_days=get_settings().freshness_days)
    finally:
        con.close()


@dataclass
class RefreshRun:
    inbox: str
    warehouse: str
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    clock: float = field(default_factory=time.perf_counter)
    files_new: list[str] = field(default_factory=list)
    files_known: int = 0
    ingest: dict | None = None
    check: dict | None = None
    themes: list[dict] = field(default_factory=list)
    reports: dict | None = None
    snapshot: str | None = None
    freshness: dict | None = None

    @property
    def run_id(self) -> str:
        return self.started_at.strftime("%Y%m%dT%H%M%SZ")

    def finish(self) -> dict:
        seconds = time.perf_counter() - self.clock
        ingest = self.ingest or {}
        summary = {
            "run_id": self.run_id,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "seconds": round(seconds, 3),
            "inbox": self.inbox,
            "warehouse": self.warehouse,
            "nothing_new": not self.files_new,
            "files": {"new": len(self.files_new), "already_loaded": self.files_known, "paths": self.files_new},
            "documents": {k: ingest.get(f"documents_{k}", 0) for k in ("seen", "loaded", "rejected")},
            "files_failed": ingest.get("failures", []),
            "ingest_seconds": ingest.get("seconds"),
            "check": _check_summary(self.check),
            "themes": self.themes,
            "reports": None if self.reports is None else {
                "out": self.reports.get("out"), "landscape": self.reports.get("landscape"),
                "pages": [r.get("page") for r in self.reports.get("reports", [])]},
            "snapshot": self.snapshot,
            "freshness": self.freshness,
        }
        home = get_settings().home_dir
        path = home / "runs" / f"{self.run_id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        summary["summary_path"] = str(path)
        text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
        path.write_text(text, encoding="utf-8")
        self._record(summary, text, seconds)
        return summary

    def _record(self, summary: dict, text: str, seconds: float) -> None:
        con = connect(self.warehouse)
        try:
            con.execute(refresh_runs.ddl())
            check = summary["check"]
            con.execute(
                "insert into refresh_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [summary["run_id"], self.started_at.replace(tzinfo=None), seconds, self.inbox,
                 summary["files"]["new"], summary["documents"]["loaded"], summary["documents"]["rejected"],
                 None if check is None else check["passed"], len(self.themes),
                 bool(self.freshness and self.freshness["stale"]), text],
            )
        finally:
            con.close()


def _check_summary(report: dict | None) -> dict | None:
    if report is None:
        return None
    rules = report.get("rules", [])
    return {
        "passed": report.get("passed"),
        "run_id": report.get("run_id"),
        "errors_failed": [r["rule"] for r in rules if r["severity"] == "error" and r["failed"]],
        "warnings": [r["rule"] for r in rules if r["severity"] == "warning" and r["failed"]],
        "quarantined": report.get("quarantined"),
        "seconds": report.get("seconds"),
    }
