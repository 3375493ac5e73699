"""Flow `ingest`: bulk files → parsed in parallel processes → one DuckDB transaction per file."""

from __future__ import annotations

from prefect import flow, task

from flows.orchestration import current_progress, step


@task(name="ingest-files")
def ingest_files(paths: list[str], warehouse: str, workers: int, full_text: bool,
                 dask_address: str | None = None, entities: str | None = None) -> dict:
    from sources.base import ParseOptions
    from sources.packaging import Limits
    from warehouse.ingest import ingest as run_ingest
    from warehouse.settings import get_settings

    s = get_settings()
    entity_file = entities or s.docdb_entities
    table = None
    if entity_file:
        from sources.docdb import load_entity_table

        table = load_entity_table(entity_file)
    summary = run_ingest(
        paths,
        warehouse=warehouse,
        workers=workers,
        options=ParseOptions(full_text=full_text, entities=table),
        limits=Limits(max_member_bytes=s.max_member_bytes, max_ratio=s.max_ratio),
        memory_limit=s.ingest_memory_limit,
        progress=current_progress(),
        dask_address=dask_address,
        spool_dir=str(s.spool_dir or s.home_dir / "spool"),
    )
    return summary.as_dict()


@flow(name="ingest")
def ingest(
    paths: list[str],
    warehouse: str | None = None,
    workers: int | None = None,
    full_text: bool | None = None,
    dask_address: str | None = None,
    entities: str | None = None,
) -> dict:
    """Load CNIPA (and other) bulk files into the warehouse; rejects are recorded, not fatal.

    Parsing runs in `workers` local processes, or on the Dask cluster at `dask_address`.
    """
    from warehouse.settings import get_settings

    s = get_settings()
    return step(
        ingest_files,
        [str(p) for p in paths],
        str(warehouse or s.warehouse_path),
        workers or s.workers,
        s.full_text if full_text is None else full_text,
        dask_address or s.dask_address,
        entities,
    )
