"""Building a theme: membership with provenance into a standalone DuckDB file, then its exports.

The warehouse is opened read-only and the new theme file attached to it, so every table is one
CREATE TABLE … AS inside DuckDB. The new file is written under a temporary name and compared with the
previous build of the same theme and variant (still in place) before it replaces it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb

from warehouse.db import connect
from warehouse.themes import regions
from warehouse.themes.compile import Options
from warehouse.themes.diff import carry_history, record_changes
from warehouse.themes.export import export_all
from warehouse.themes.loader import Definition
from warehouse.themes.membership import THEME_ALIAS, prepare_quarantine, run, write_membership
from warehouse.themes.paths import Outputs, outputs_for, publish, remove
from warehouse.themes.sqltemplate import template
from warehouse.themes.tables import dictionary_rows


@dataclass(frozen=True)
class BuildOptions:
    province: str | None = None  # code or name; restricts to the first applicant's province
    any_applicant: bool = False  # the province may be any applicant's
    include_quarantined: bool = False
    exports: bool = True


def build_theme(definition: Definition, warehouse: str | Path, out_dir: str | Path | None = None,
                options: BuildOptions = BuildOptions(), memory_limit: str | None = None) -> dict:
    clock = time.perf_counter()
    if not Path(warehouse).exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    province = regions.province_code(options.province) if options.province else None
    variant = Options(province, options.any_applicant and province is not None)
    out = outputs_for(definition.theme.id, out_dir, variant.province, variant.any_applicant)
    tmp = out.temporary(out.database)
    try:
        summary, problems = _write_database(tmp, definition, Path(warehouse), out, variant, options, memory_limit)
        matched = time.perf_counter() - clock
        written = export_all(tmp, out) if options.exports else {}
    except BaseException:
        remove(tmp)
        raise
    for temporary, target in written.items():
        publish(temporary, target)
    publish(tmp, out.database)
    summary.update(
        output=str(out.database),
        files={target.name: str(target) for target in written.values()},
        problems=problems,
        seconds={"membership": round(matched, 3), "exports": round(time.perf_counter() - clock - matched, 3),
                 "total": round(time.perf_counter() - clock, 3)},
    )
    return summary


def _write_database(tmp: Path, definition: Definition, warehouse: Path, out: Outputs, variant: Options,
                    options: BuildOptions, memory_limit: str | None) -> tuple[dict, list[str]]:
    """The theme database under its temporary name; returns the build summary and any problems."""
    clock = time.perf_counter()
    built_at = datetime.now(UTC).replace(tzinfo=None)
    theme, digest = definition.theme, definition.digest
    con = connect(warehouse, read_only=True, memory_limit=memory_limit)
    try:
        prepare_quarantine(con)
        con.execute(f"attach ? as {THEME_ALIAS} (read_write)", [str(tmp)])
        write_membership(con, theme, variant, options.include_quarantined)
        previous = record_changes(con, out.database, digest, built_at)
        run(con, "out_definition", theme_id=theme.id, name=theme.name, version=str(theme.version), digest=digest,
            path=str(definition.path or ""), text=definition.text)
        tables, columns, labels, descriptions = map(list, zip(*dictionary_rows(), strict=True))
        run(con, "out_dictionary", table_names=tables, column_names=columns, labels=labels, descriptions=descriptions)
        run(con, "out_build_info", theme_id=theme.id, theme_name=theme.name, definition_version=str(theme.version),
            definition_digest=digest, definition_path=str(definition.path or ""), variant_province=variant.province,
            any_applicant=variant.any_applicant, include_quarantined=options.include_quarantined, built_at=built_at,
            seconds=round(time.perf_counter() - clock, 3), warehouse=str(warehouse.resolve()),
            previous_digest=previous.digest, previous_built_at=previous.built_at, zhuanti_version=_version())
        carry_history(con, out.database, previous)
        summary = _summary(con)
        con.execute(f"detach {THEME_ALIAS}")
        return summary, previous.problems
    finally:
        con.close()


def _summary(con: duckdb.DuckDBPyConnection) -> dict:
    info_table = con.table(f"{THEME_ALIAS}.build_info")
    info = dict(zip(info_table.columns, info_table.fetchall()[0], strict=True))
    changes = con.execute(template("summary_changes").render().sql).fetchall()
    branches = con.table(f"{THEME_ALIAS}.branches").select("branch_id, members").fetchall()
    return {
        "theme": info["theme_id"],
        "name": info["theme_name"],
        "variant": {"province": info["variant_province"], "any_applicant": info["any_applicant"]},
        "members": info["members"],
        "matched": info["matched"],
        "excluded": info["excluded"],
        "quarantined": info["quarantined"],
        "branches": dict(branches),
        "changes": {"entered": info["entered"], "left": info["left_members"],
                    "by_reason": [{"change": c, "reason": r, "publications": n} for c, r, n in changes]},
        "definition_digest": info["definition_digest"],
        "previous_digest": info["previous_digest"],
        "snapshot": {"files": info["snapshot_files"], "max_load_seq": info["snapshot_max_load_seq"]},
        "built_at": info["built_at"].isoformat(timespec="seconds") + "Z",
        "warehouse": info["warehouse"],
    }


def _version() -> str | None:
    try:
        return version("zhuanti")
    except PackageNotFoundError:
        return None
