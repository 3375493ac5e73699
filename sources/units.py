"""Parse one work unit into Arrow tables: the function worker processes run.

It is Prefect-free and picklable so a `ProcessPoolExecutor` or a Dask worker can run it. It returns
Arrow tables plus the counts the manifest needs. Rows carry `file_index` (the position of their bulk
file in `unit.paths`) instead of `file_id`, which the loader fills in. Every document seen ends up
either in the tables or in the rejects, never nowhere.
"""

from __future__ import annotations

import io
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
from lxml import etree

from schemas.model import RECORD_TABLES, rejects
from sources import collector, registry
from sources.base import ELEMENTS, DocumentError, ParseOptions, RawDocument
from sources.packaging import DocumentBytes, Limits, PackagingError, WorkUnit, iter_unit, unreadable_reason
from sources.xml import count_tags, local_counts

HEAD_BYTES = 4096
FLUSH_DOCUMENTS = 250  # rows are turned into Arrow this often: bounded Python memory per unit
FILE_INDEX = "file_index"
LOAD_TABLES = (*RECORD_TABLES, rejects)


def unit_schema(table) -> pa.Schema:
    """The Arrow schema of a table as workers produce it: `file_index` in place of `file_id`."""
    schema = table.arrow_schema()
    schema = schema.remove(schema.get_field_index("file_id"))
    return schema.insert(0, pa.field(FILE_INDEX, pa.int32(), nullable=False))


_SCHEMAS = {t.name: unit_schema(t) for t in LOAD_TABLES}
_STRUCTS = {name: pa.struct(schema.remove(schema.get_field_index(FILE_INDEX))) for name, schema in _SCHEMAS.items()}


@dataclass
class FileCounts:
    seen: int = 0
    loaded: int = 0
    rejected: int = 0
    # documents of the file that are not patents (USPTO sequence listings): counted, never loaded, and
    # not part of `seen`, which always equals loaded + rejected
    documents_skipped: int = 0
    formats: Counter = field(default_factory=Counter)
    versions: Counter = field(default_factory=Counter)
    newest_pub_date: date | None = None
    batch_date: date | None = None
    elements: Counter = field(default_factory=Counter)  # (source_format, element) -> occurrences

    def merge(self, other: FileCounts) -> None:
        self.elements.update(other.elements)
        self.seen += other.seen
        self.loaded += other.loaded
        self.rejected += other.rejected
        self.documents_skipped += other.documents_skipped
        self.formats.update(other.formats)
        self.versions.update(other.versions)
        self.newest_pub_date = _max(self.newest_pub_date, other.newest_pub_date)
        self.batch_date = _max(self.batch_date, other.batch_date)


def _max(a, b):
    return b if a is None else a if b is None else max(a, b)


@dataclass
class UnitResult:
    unit: WorkUnit
    tables: dict[str, pa.Table] = field(default_factory=dict)
    files: list[FileCounts] = field(default_factory=list)  # parallel to unit.paths
    error: str | None = None  # the unit as a whole could not be read
    seconds: float = 0.0
    spooled: dict[str, str] = field(default_factory=dict)  # table -> Arrow IPC file, when spooled

    @property
    def seen(self) -> int:
        return sum(f.seen for f in self.files)


class _Columns:
    """Rows per table; rows from many documents become one Arrow table each.

    Rows are converted to Arrow every `FLUSH_DOCUMENTS` documents, so a unit never holds more than that
    many documents as Python objects. They do not carry their file index: a unit is nearly always one
    bulk file, so each table keeps runs of (file index, row count) and the column is built once.
    """

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in _SCHEMAS}
        self.chunks: dict[str, list[pa.StructArray]] = {name: [] for name in _SCHEMAS}
        self.runs: dict[str, list[list[int]]] = {name: [] for name in _SCHEMAS}

    def add_rows(self, table: str, rows: list[dict], file_index: int) -> None:
        self.rows[table] += rows
        runs = self.runs[table]
        if runs and runs[-1][0] == file_index:
            runs[-1][1] += len(rows)
        else:
            runs.append([file_index, len(rows)])

    def flush(self) -> None:
        for name, rows in self.rows.items():
            if rows:
                # a list of dicts converts to a struct array in C++ (missing keys become nulls)
                self.chunks[name].append(pa.array(rows, type=_STRUCTS[name]))
                self.rows[name] = []

    def to_arrow(self) -> dict[str, pa.Table]:
        self.flush()
        out = {}
        for name, chunks in self.chunks.items():
            # kept in chunks: one unit's text may exceed what a single string array can hold
            table = pa.Table.from_struct_array(pa.chunked_array(chunks, type=_STRUCTS[name]))
            index = [pa.repeat(pa.scalar(fi, pa.int32()), n) for fi, n in self.runs[name]]
            column = pa.chunked_array(index, pa.int32())
            out[name] = table.add_column(0, _SCHEMAS[name].field(FILE_INDEX), column)
        return out


def decode(data: bytes) -> str:
    """Text of a raw document for the rejects table, whatever its encoding."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def start_worker() -> None:
    """Initializer of a parser process: build the tables every unit needs before the first unit arrives,
    then keep the garbage collector away from them (`sources.collector`)."""
    from sources.normalise.region import resolve_region

    resolve_region(address="北京市海淀区")  # builds the region index
    collector.apply()


def parse_unit(unit: WorkUnit, options: ParseOptions = ParseOptions(), limits: Limits = Limits()) -> UnitResult:
    started = time.perf_counter()
    result = UnitResult(unit, files=[FileCounts() for _ in unit.paths])
    cols = _Columns()
    tags: dict[tuple[int, str], Counter] = defaultdict(Counter)  # (file index, format) -> Clark tag counts
    documents = 0
    try:
        for file_index, item in iter_unit(unit, limits):
            counts = result.files[file_index]

            def reject(index, member, stage, reason, data, key=None, *, _fi=file_index, _c=counts):
                _c.seen += 1
                _c.rejected += 1
                cols.add_rows("rejects", [{
                    "path": unit.paths[_fi], "member": member, "doc_index": index,
                    "doc_key": key or member or unit.paths[_fi], "stage": stage, "reason": reason,
                    "raw_xml": decode(data) if data else None,
                }], _fi)

            if isinstance(item, DocumentBytes):
                member = item.member
                problem = unreadable_reason(item.data)
                if problem is not None:
                    reject(1, member, "read", problem, b"")
                    continue
                stream = io.BytesIO(item.data)
            else:
                member, stream = None, item
            head = stream.read(HEAD_BYTES)
            stream.seek(0)
            adapter = registry.detect(head)
            if adapter is None:
                reject(1, member, "parse", "not a recognised patent document (unknown root element)", stream.read())
                continue
            for raw in adapter.iter_documents(stream, member):
                if getattr(raw, "skip_reason", None):
                    counts.documents_skipped += 1
                    continue
                _parse_one(adapter, raw, options, counts, cols, tags, file_index, reject)
                documents += 1
                if documents % FLUSH_DOCUMENTS == 0:
                    cols.flush()
    except PackagingError as exc:
        result.error = str(exc)
    for (file_index, fmt), counted in tags.items():
        result.files[file_index].elements.update({(fmt, name): n for name, n in local_counts(counted).items()})
    result.tables = cols.to_arrow()
    result.seconds = time.perf_counter() - started
    return result


def _parse_one(adapter, raw: RawDocument, options, counts: FileCounts, cols: _Columns, tags, file_index,
               reject) -> None:
    try:
        record = adapter.parse(raw, options)
    except etree.XMLSyntaxError as exc:
        reject(raw.index, raw.member, "parse", f"XML syntax error: {exc}", raw.data)
        return
    except DocumentError as exc:
        reject(raw.index, raw.member, exc.stage, exc.reason, raw.data, exc.doc_key)
        return
    except Exception as exc:  # a surprise in one document must not stop the file
        reject(raw.index, raw.member, "extract", f"{type(exc).__name__}: {exc}", raw.data)
        return
    root = record.pop(ELEMENTS, None)
    pub = record["publications"][0]
    if root is not None:
        count_tags(tags[file_index, pub["source_format"]], root)
    pub["doc_index"] = raw.index
    pub["member"] = raw.member
    counts.seen += 1
    counts.loaded += 1
    counts.formats[pub["source_format"]] += 1
    if pub.get("format_version"):
        counts.versions[pub["format_version"]] += 1
    counts.newest_pub_date = _max(counts.newest_pub_date, pub.get("pub_date"))
    counts.batch_date = _max(counts.batch_date, pub.get("date_produced") or pub.get("pub_date"))
    for table, rows in record.items():
        if rows:
            cols.add_rows(table, rows, file_index)


def spool_result(result: UnitResult, spool_dir: str) -> UnitResult:
    """Write a unit's tables to Arrow IPC files and keep only their paths (for remote workers).

    A Dask worker on another machine hands back files on the shared spool folder, not large Python
    objects through the scheduler; `load_spooled` reads them back (memory-mapped).
    """
    import os
    import uuid

    os.makedirs(spool_dir, exist_ok=True)
    paths = {}
    for name, table in result.tables.items():
        path = os.path.join(spool_dir, f"{uuid.uuid4().hex}-{name}.arrow")
        with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        paths[name] = path
    result.tables = {}
    result.spooled = paths
    return result


def parse_unit_spooled(unit: WorkUnit, options: ParseOptions, limits: Limits, spool_dir: str) -> UnitResult:
    return spool_result(parse_unit(unit, options, limits), spool_dir)


def load_spooled(result: UnitResult) -> UnitResult:
    """Read back the tables of a spooled result and delete its files."""
    import os

    paths = getattr(result, "spooled", None) or {}
    for name, path in paths.items():
        with pa.memory_map(path) as source:
            result.tables[name] = pa.ipc.open_file(source).read_all()
        os.unlink(path)
    result.spooled = {}
    return result
