"""What a check run found: one result per rule, and the run's summary (as the CLI and the store see it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class RuleResult:
    rule: str
    suite: str
    severity: str
    expectation: str
    table_name: str | None
    column_name: str | None
    checked: int | None
    failed: int | None
    success: bool
    description: str
    error: str | None = None


@dataclass
class CheckReport:
    run_id: str
    started_at: datetime
    warehouse: str
    seconds: float = 0.0
    publications: int = 0
    files: int = 0
    last_load_seq: int | None = None
    newest_batch_date: date | None = None
    quarantined: int = 0
    gx_version: str | None = None
    docs_path: str | None = None
    results: list[RuleResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not any(r.severity == "error" and not r.success for r in self.results)

    def failing(self, severity: str) -> list[RuleResult]:
        return [r for r in self.results if r.severity == severity and not r.success]

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "passed": self.passed,
            "warehouse": self.warehouse,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "publications": self.publications,
            "files": self.files,
            "last_load_seq": self.last_load_seq,
            "newest_batch_date": self.newest_batch_date.isoformat() if self.newest_batch_date else None,
            "errors_failed": len(self.failing("error")),
            "warnings_failed": len(self.failing("warning")),
            "quarantined": self.quarantined,
            "docs": self.docs_path,
            "gx_version": self.gx_version,
            "rules": [asdict(r) for r in self.results],
        }
