"""A stand-in for the theme builder's output, in the shapes warehouse/themes/tables.py declares: the
warehouse views restricted to the members, members, branches and member_branches, quarantined and
changes, definition and build_info (the columns the reports read)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import duckdb

DEFINITION = """id: {theme_id}
name: {name}
version: 1
rules:
  - id: ipc
    field: ipc
    any_of: [{subclasses}]
branches:
{branches}
"""


def build_theme_file(warehouse: Path, target: Path, *, theme_id: str, name: str, subclasses: list[str] | None,
                     branches: dict[str, tuple[str, list[str]]], province_code: str | None = None,
                     quarantine: list[str] = (), left: list[str] = ()) -> Path:
    """Members: publications with an IPC in `subclasses` (every publication when None) and, for a variant,
    a first applicant in `province_code`. Branches: id -> (name, subclasses). The theme's newest
    publication date is "this week": those publications entered; `left` lists publications that left."""
    text = DEFINITION.format(
        theme_id=theme_id, name=name, subclasses=", ".join(subclasses or ["*"]),
        branches="\n".join(f"  - id: {b}\n    name: {n}\n    any_of: [{', '.join(s)}]"
                           for b, (n, s) in branches.items()))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    try:
        con.execute("attach ? as wh (read_only)", [str(warehouse)])
        con.execute("""
            create table members as
            select p.pub_number, any_value(p.file_id) as file_id, ['ipc'] as rules, ['IPC'] as fields,
                [coalesce(min(c.subclass), '*')] as terms, []::varchar[] as branches
            from wh.patents as p left join wh.patent_classifications as c
                on c.pub_number = p.pub_number and c.scheme = 'IPC'
            where (?::varchar[] is null or c.subclass in (select unnest(?::varchar[])))
                and (?::varchar is null or p.applicant_province_code = ?)
            group by p.pub_number""",
                    [subclasses, subclasses, province_code, province_code])
        for view in ("patents", "patent_applicants", "patent_classifications"):
            con.execute(f"create table {view} as select * from wh.{view} "
                        "where pub_number in (select pub_number from members)")
        con.execute("create table member_branches (pub_number varchar, branch_id varchar, terms varchar[])")
        con.execute("create table branches (branch_id varchar, name varchar, parent_id varchar, level integer, "
                    "members bigint)")
        for branch_id, (branch_name, prefixes) in branches.items():
            con.execute("""insert into member_branches select pub_number, ?, list(distinct subclass)
                           from patent_classifications where subclass in (select unnest(?::varchar[]))
                           group by pub_number""", [branch_id, prefixes])
            con.execute("insert into branches select ?, ?, null, 1, count(*) from member_branches "
                        "where branch_id = ?", [branch_id, branch_name, branch_id])
        con.execute("create table quarantined as select unnest(?::varchar[]) as pub_number, 'f' as file_id, "
                    "true as is_member", [list(quarantine)])
        built = datetime(2026, 11, 25, 3, 0)
        digest = hashlib.sha256(text.encode()).hexdigest()
        con.execute("create table definition as select ? as theme_id, ? as name, '1' as version, ? as digest, "
                    "null as path, ? as text", [theme_id, name, digest, text])
        con.execute("create table build_info as select ? as theme_id, ? as theme_name, ? as definition_digest, "
                    "? as variant_province, ?::timestamp as built_at, (select count(*) from members) as members",
                    [theme_id, name, digest, province_code, built])
        con.execute("""create table changes as
            select 'entered' as change, 'new_file' as reason, pub_number, file_id, source_file,
                   ?::timestamp as built_at
            from patents where pub_date = (select max(pub_date) from patents)""", [built])
        con.execute("insert into changes select 'entered', 'first_build', pub_number, file_id, source_file, ? "
                    "from patents", [datetime(2026, 11, 18, 3, 0)])  # the previous build's list: not this week
        con.execute("insert into changes select 'left', 'rule_change', unnest(?::varchar[]), null, null, ?",
                    [list(left), built])
        con.execute("detach wh")
    finally:
        con.close()
    return target
