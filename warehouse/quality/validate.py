"""Run the checks through Great Expectations against the warehouse file, and write Data Docs.

Imported only where checks run: importing GX costs about 2 s. The warehouse must not be open in this
process while this runs (DuckDB allows one configuration per file and process); GX's connection is
closed again before returning.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import great_expectations as gx
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig

from warehouse.quality import gx_duckdb
from warehouse.quality.checks import Check
from warehouse.quality.gx_suites import suites

DATASOURCE = "warehouse"
DOCS_SITE = "zhuanti"


@dataclass(frozen=True)
class GxResult:
    rule: str
    expectation: str
    success: bool
    checked: int | None
    failed: int | None
    error: str | None = None


def _exception_message(info: Any) -> str | None:
    """GX reports exceptions either flat or per metric; find the first raised one."""
    if not isinstance(info, Mapping):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "exception while evaluating the expectation")
    for value in info.values():
        message = _exception_message(value)
        if message:
            return message
    return None


def _as_int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _result(validation_result: Any) -> GxResult:
    config = validation_result.expectation_config
    outcome = validation_result.result or {}
    failed = _as_int(outcome.get("unexpected_count"))
    if failed is None:
        failed = _as_int(outcome.get("observed_value"))
    return GxResult(
        rule=config.meta["rule"],
        expectation=config.type,
        success=bool(validation_result.success),
        checked=_as_int(outcome.get("element_count")),
        failed=failed,
        error=_exception_message(validation_result.exception_info),
    )


def _add_docs_site(context: Any, docs_dir: Path) -> None:
    context.add_data_docs_site(
        site_name=DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )


@contextmanager
def _quiet_gx() -> Iterator[None]:
    """GX logs each failed metric with a full traceback; the results carry the message already."""
    logger = logging.getLogger("great_expectations")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def validate(
    warehouse: Path,
    checks: Iterable[Check],
    *,
    run_id: str,
    run_time: datetime | None = None,
    docs_dir: Path | None = None,
) -> dict[str, GxResult]:
    """Evaluate every check; return the results by rule name. Data Docs go to `docs_dir` if given."""
    # An aware UTC time: GX's default goes through the local zone, which a process may have broken.
    run = RunIdentifier(run_name=run_id, run_time=run_time or datetime.now(UTC))
    with _quiet_gx():
        return _validate(Path(warehouse), checks, run, docs_dir)


def _validate(
    warehouse: Path, checks: Iterable[Check], run: RunIdentifier, docs_dir: Path | None
) -> dict[str, GxResult]:
    gx_duckdb.install()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    datasource = context.data_sources.add_sql(
        DATASOURCE, connection_string=gx_duckdb.connection_string(str(warehouse.resolve()))
    )
    try:
        batches: dict[str, Any] = {}
        definitions = []
        for (name, batch), suite in suites(checks).items():
            if batch not in batches:
                asset = datasource.add_table_asset(batch, table_name=batch)
                batches[batch] = asset.add_batch_definition_whole_table("whole table")
            definitions.append(context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batches[batch], suite=context.suites.add(suite))
            ))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name="zhuanti-check", validation_definitions=definitions, result_format="SUMMARY"
        ))
        outcome = checkpoint.run(run_id=run)
        if docs_dir is not None:
            # once for the whole run: GX's UpdateDataDocsAction rebuilds the site once per suite
            docs_dir.mkdir(parents=True, exist_ok=True)
            _add_docs_site(context, docs_dir)
            context.build_data_docs(site_names=[DOCS_SITE])
    finally:
        gx_duckdb.close_datasource(datasource)
    return {
        result.rule: result
        for validation in outcome.run_results.values()
        for result in map(_result, validation.results)
    }
