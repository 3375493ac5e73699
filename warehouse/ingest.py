"""Ingest bulk files: plan work units, parse them in worker processes, load them file by file.

Parsing runs in a `ProcessPoolExecutor` over Prefect-free functions (`sources.units.parse_unit`); the
main process is the one DuckDB writer. Units are submitted in order with a bounded window, so memory
stays bounded whatever the size of the input; results of one bulk file go into one transaction.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from sources.base import ParseOptions
from sources.collector import batch_gc
from sources.packaging import Limits, PackagingError, WorkUnit, find_bulk_files, is_zip_name, plan_zip_units
from sources.units import FileCounts, UnitResult, load_spooled, parse_unit, parse_unit_spooled, start_worker
from warehouse.db import connect, refresh_current
from warehouse.load import BulkFile, FileOutcome, Loader
from warehouse.lock import warehouse_lock

PLAIN_FILES_PER_UNIT = 200


@dataclass
class Job:
    """One transaction: a zip (all its units) or a group of plain XML files (one unit)."""

    paths: list[str]
    units: list[WorkUnit] = field(default_factory=list)
    error: str | None = None  # the job could not even be planned


@dataclass
class IngestSummary:
    files: int = 0
    documents_seen: int = 0
    documents_loaded: int = 0
    documents_rejected: int = 0
    documents_skipped: int = 0
    files_failed: int = 0
    seconds: float = 0.0
    warehouse: str = ""
    failures: list[dict] = field(default_factory=list)
    file_results: list[dict] = field(default_factory=list)
    superseded: int = 0
    recovered: list[str] = field(default_factory=list)  # files an interrupted load had left half-written

    @property
    def documents_per_second(self) -> float:
        return self.documents_seen / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "files_failed": self.files_failed,
            "documents_seen": self.documents_seen,
            "documents_loaded": self.documents_loaded,
            "documents_rejected": self.documents_rejected,
            "documents_skipped": self.documents_skipped,
            "superseded_publications": self.superseded,
            "recovered_interrupted_loads": self.recovered,
            "seconds": round(self.seconds, 3),
            "documents_per_second": round(self.documents_per_second, 1),
            "warehouse": self.warehouse,
            "failures": self.failures,
            "file_results": self.file_results,
        }


def plan_jobs(paths: list[str | os.PathLike], limits: Limits) -> list[Job]:
    files = find_bulk_files(list(paths))
    jobs: list[Job] = []
    plain: list[str] = []
    for f in files:
        if is_zip_name(f.name):
            job = Job([str(f)])
            try:
                job.units = plan_zip_units(f, limits)
            except PackagingError as exc:
                job.error = str(exc)
            jobs.append(job)
        else:
            plain.append(str(f))
    for i in range(0, len(plain), PLAIN_FILES_PER_UNIT):
        group = plain[i : i + PLAIN_FILES_PER_UNIT]
        jobs.append(Job(group, [WorkUnit(tuple(group))]))
    return jobs


def sha256_file(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def bulk_file(path: str) -> BulkFile:
    return BulkFile(path=str(Path(path).resolve()), file_id=sha256_file(path), size=os.path.getsize(path))


class _Inline(Executor):
    """Runs work in the calling process (one worker, or tests)."""

    def submit(self, fn, /, *args, **kwargs):
        fut: Future = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed back to the caller like a pool would
            fut.set_exception(exc)
        return fut


@dataclass
class Runner:
    """Where units are parsed: in this process, a local process pool, or an existing Dask cluster."""

    executor: Executor
    submit: Callable  # (unit, options, limits) -> Future of UnitResult
    close: Callable[[], None]
    window: int


_started: dict[int, ProcessPoolExecutor] = {}  # parser pools started ahead of `ingest`, by size


def _process_pool(workers: int) -> ProcessPoolExecutor:
    # spawn: the parent holds DuckDB threads; forking a threaded process is unsafe
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=start_worker)


def start_parsers(workers: int) -> None:
    """Start `workers` parser processes now; the next `ingest` with as many workers uses them.

    A command calls this before its slower imports, so that the processes start and load their tables
    meanwhile instead of after.
    """
    if workers > 1 and workers not in _started:
        pool = _started[workers] = _process_pool(workers)
        for _ in range(workers):  # a spawn pool starts one process per task waiting for one
            pool.submit(int)


def make_runner(workers: int, dask_address: str | None = None, spool_dir: str | None = None) -> Runner:
    if dask_address:
        from distributed import Client

        client = Client(dask_address)
        executor = client.get_executor()
        spool = spool_dir or os.path.join(os.getcwd(), ".zhuanti-spool")
        slots = max(2, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))

        def close() -> None:
            executor.shutdown(wait=True)
            client.close()

        return Runner(executor, lambda u, o, lim: executor.submit(parse_unit_spooled, u, o, lim, spool), close,
                      window=slots * 2)
    if workers <= 1:
        executor: Executor = _Inline()
    else:
        executor = _started.pop(workers, None) or _process_pool(workers)
    return Runner(executor, lambda u, o, lim: executor.submit(parse_unit, u, o, lim),
                  lambda: executor.shutdown(wait=True, cancel_futures=True), window=max(2, workers * 2))


def _results_in_job_order(
    jobs: list[Job], runner: Runner, options: ParseOptions, limits: Limits
) -> Iterator[tuple[int, UnitResult | None]]:
    """(job index, result) for every unit, job after job; (job index, None) closes a job."""
    pending = deque((j, u) for j, job in enumerate(jobs) for u in job.units)
    remaining = [len(job.units) for job in jobs]
    inflight: dict[Future, tuple[int, WorkUnit]] = {}
    done: dict[int, list[UnitResult]] = defaultdict(list)
    current = 0
    while current < len(jobs):
        while pending and len(inflight) < runner.window:
            j, unit = pending.popleft()
            inflight[runner.submit(unit, options, limits)] = (j, unit)
        if done[current]:
            remaining[current] -= 1
            yield current, done[current].pop()
            continue
        if remaining[current] == 0:
            done.pop(current, None)
            yield current, None
            current += 1
            continue
        finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
        for fut in finished:
            j, unit = inflight.pop(fut)
            try:
                done[j].append(load_spooled(fut.result()))
            except Exception as exc:  # a crashed worker fails its bulk file loudly, not the run
                done[j].append(UnitResult(unit, error=f"parser process failed: {type(exc).__name__}: {exc}"))


def ingest(
    paths: list[str | os.PathLike],
    *,
    warehouse: str | Path,
    workers: int = 1,
    options: ParseOptions = ParseOptions(),
    limits: Limits = Limits(),
    memory_limit: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    dask_address: str | None = None,
    spool_dir: str | None = None,
) -> IngestSummary:
    """Load bulk files into the warehouse. `progress(event, documents, units)` is called as work ends."""
    started = time.perf_counter()
    summary = IngestSummary(warehouse=str(warehouse))
    jobs = plan_jobs(paths, limits)
    if progress:
        progress("planned", 0, sum(len(j.units) for j in jobs))
    with ExitStack() as stack:
        stack.enter_context(warehouse_lock(warehouse, "ingest"))
        stack.enter_context(batch_gc())
        runner = make_runner(workers, dask_address, spool_dir)
        stack.callback(runner.close)
        # one DuckDB thread: the cores belong to the parsers; inserting from Arrow gains nothing from a second
        con = connect(warehouse, memory_limit=memory_limit, threads=1)
        stack.callback(con.close)
        # units commit one by one: checkpoint every few hundred megabytes of WAL, not every few megabytes,
        # and not all at the end, where the parsers would sit idle while it runs
        con.execute("set checkpoint_threshold = '256MB'")
        loader = Loader(con)
        summary.recovered = loader.recover()
        _run_jobs(jobs, runner, loader, summary, options, limits, progress)
        con.execute("reset threads")  # the parsers are done: writing out the data uses every core
        refresh_current(con)
        summary.superseded = con.execute("select count(*) from superseded_publications").fetchone()[0]
        con.execute("checkpoint")
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class _JobState:
    files: list[BulkFile]
    counts: list[FileCounts]
    started: float = field(default_factory=time.perf_counter)
    error: str | None = None
    open: bool = False  # a transaction is open for this job


def _start(job: Job) -> _JobState:
    files = [bulk_file(p) for p in job.paths]
    return _JobState(files, [FileCounts() for _ in files])


def _run_jobs(jobs: list[Job], runner: Runner, loader: Loader, summary: IngestSummary, options: ParseOptions,
              limits: Limits, progress) -> None:
    for job in jobs:
        if job.error:
            _fail(loader, summary, [bulk_file(p) for p in job.paths], job.error)
    states: dict[int, _JobState] = {}
    for j, result in _results_in_job_order(jobs, runner, options, limits):
        job = jobs[j]
        if job.error:
            continue
        if result is None:
            _close_job(loader, summary, states.pop(j, None) or _start(job))
            continue
        if progress:
            progress("unit", result.seen, 1)
        st = states.get(j)
        if st is None:
            st = states[j] = _start(job)
        if st.error:
            continue
        if result.error:
            st.error = result.error
            continue
        if not st.open:
            loader.begin(st.files)
            st.open = True
        loader.insert(result, st.files)
        for total, part in zip(st.counts, result.files, strict=True):
            total.merge(part)


def _close_job(loader: Loader, summary: IngestSummary, st: _JobState) -> None:
    if st.error:
        _fail(loader, summary, st.files, st.error)
        return
    if not st.open:  # a zip with no XML in it still gets its manifest row
        loader.begin(st.files)
    seconds = time.perf_counter() - st.started
    outcomes = [FileOutcome(f, c, "loaded", seconds=seconds / len(st.files))
                for f, c in zip(st.files, st.counts, strict=True)]
    loader.finish(outcomes)
    for o in outcomes:
        summary.files += 1
        summary.documents_seen += o.counts.seen
        summary.documents_loaded += o.counts.loaded
        summary.documents_rejected += o.counts.rejected
        summary.documents_skipped += o.counts.documents_skipped
        summary.file_results.append({
            "path": o.file.path, "file_id": o.file.file_id, "status": "loaded",
            "documents_seen": o.counts.seen, "documents_loaded": o.counts.loaded,
            "documents_rejected": o.counts.rejected, "documents_skipped": o.counts.documents_skipped,
        })


def _fail(loader: Loader, summary: IngestSummary, files: list[BulkFile], error: str) -> None:
    for f in files:
        loader.discard(FileOutcome(f, FileCounts(), "failed", error=error))
        summary.files += 1
        summary.files_failed += 1
        summary.failures.append({"path": f.path, "error": error})
        summary.file_results.append({"path": f.path, "file_id": f.file_id, "status": "failed", "error": error,
                                     "documents_seen": 0, "documents_loaded": 0, "documents_rejected": 0})
