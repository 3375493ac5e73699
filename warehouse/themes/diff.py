"""What changed since the previous build of the same theme and variant: the previous theme file (still in
place: the new one replaces it only when finished) is attached read-only as `theme_prev`, compared with the
new membership, and its history of builds and changes is carried over."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse.themes.membership import run
from warehouse.themes.sqltemplate import template

_NEEDED = {"members", "snapshot", "quarantined", "definition", "build_info"}


@dataclass
class Previous:
    digest: str | None = None
    built_at: datetime | None = None
    history: bool = False
    problems: list[str] = field(default_factory=list)


def record_changes(con: duckdb.DuckDBPyConnection, previous_file: Path, digest: str, built_at: datetime) -> Previous:
    """Write `changes` into theme_out; returns what the previous build was (nothing on a first build)."""
    if not _attach(con, previous_file):
        run(con, "diff_first", built_at=built_at)
        return Previous()
    try:
        digest_before, built_before = con.execute(template("previous_build").render().sql).fetchone()
        run(con, "diff", rule_changed=digest_before != digest, built_at=built_at)
        return Previous(digest_before, built_before)
    finally:
        con.execute("detach theme_prev")


def carry_history(con: duckdb.DuckDBPyConnection, previous_file: Path, summary: Previous) -> None:
    """Start `builds` and `change_history` from this build, then append the previous file's."""
    run(con, "history")
    if not _attach(con, previous_file):
        return
    try:
        run(con, "history_previous")
        summary.history = True
    except duckdb.Error as exc:  # written by an older layout: the history restarts here
        summary.problems.append(f"history of {previous_file.name} not carried over: {exc}")
    finally:
        con.execute("detach theme_prev")


def _attach(con: duckdb.DuckDBPyConnection, path: Path) -> bool:
    """Attach the previous theme file as theme_prev; False when there is none usable (then this build
    counts as the first)."""
    if not path.exists():
        return False
    try:
        con.execute("attach ? as theme_prev (read_only)", [str(path)])
    except duckdb.Error:
        return False
    tables = {t for (t,) in con.execute(template("previous_tables").render().sql).fetchall()}
    if not tables >= _NEEDED:
        con.execute("detach theme_prev")
        return False
    return True
