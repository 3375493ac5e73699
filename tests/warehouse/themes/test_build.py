"""Building theme databases: membership with provenance, a standalone file, identical rebuilds, diffs
that say why, province variants and the quarantine."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import duckdb
from openpyxl import load_workbook

from tests.warehouse.themes.conftest import NEV_EXAMPLE, another_grant, definition
from warehouse.ingest import ingest
from warehouse.themes.build import BuildOptions, build_theme

GRANT = "CN116806270B"


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_nev_membership_provenance_and_branches(theme_warehouse, nev, tmp_path):
    summary = build_theme(nev, theme_warehouse, tmp_path)
    db = tmp_path / "nev.duckdb"
    assert summary["output"] == str(db) and summary["theme"] == "nev" and summary["members"] == 1
    (pub, rules, fields, terms, branches), = rows(db, "select pub_number, rules, fields, terms, branches from members")
    assert pub == GRANT and branches == ["battery"]
    assert {"ipc-core", "kw"} <= set(rules) and {"title", "abstract", "claims", "IPC"} <= set(fields)
    assert {"H01M 10/0525", "B60L", "电动汽车"} <= set(terms)
    assert rows(db, "select branch_id, name, members from branches") == [("battery", "动力电池", 1), ("motor", "驱动电机", 0)]
    assert ("kw", "title", "电动汽车", "一种电动汽车动力电池的热管理方法") in rows(
        db, "select rule_id, field, term, value from evidence where side = 'include'")
    assert rows(db, "select change, reason, pub_number from changes") == [("entered", "first_build", GRANT)]
    assert summary["branches"] == {"battery": 1, "motor": 0}


def test_theme_file_answers_in_a_plain_duckdb_session(theme_warehouse, nev, tmp_path):
    build_theme(nev, theme_warehouse, tmp_path)
    script = (
        "import duckdb, json, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "q = lambda s: con.execute(s).fetchall()\n"
        "print(json.dumps({'patents': q('select pub_number, title, first_applicant from patents'),"
        " 'applicants': q('select name, province from patent_applicants'),"
        " 'classes': q('select symbol from patent_classifications order by seq'),"
        " 'definition': q('select theme_id, length(digest), text like \\'%ipc-core%\\' from definition'),"
        " 'snapshot': q('select snapshot_files, snapshot_max_load_seq, len(snapshot_file_ids) from build_info'),"
        " 'dictionary': q(\"select label from data_dictionary where table_name = 'patents' and column_name = 'title'\"),"
        " 'wipo': q('select field_no from wipo_fields order by 1')}, ensure_ascii=False))\n"
    )
    out = subprocess.run([sys.executable, "-I", "-c", script, str(tmp_path / "nev.duckdb")], cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout)
    assert answer["patents"] == [[GRANT, "一种电动汽车动力电池的热管理方法", "比亚迪股份有限公司"]]
    assert answer["applicants"] == [["比亚迪股份有限公司", "广东省"]]
    assert answer["classes"] == [["H01M 10/0525"], ["B60L 58/12"]]
    assert answer["definition"] == [["nev", 64, True]]
    files, max_seq, listed = answer["snapshot"][0]
    assert files == listed == max_seq and files >= 3
    assert answer["dictionary"] == [["名称"]] and answer["wipo"] == [[1], [32]]


def test_rebuild_is_identical_and_a_new_file_is_the_whole_diff(warehouse_copy, nev, tmp_path):
    out = tmp_path / "out"
    db = out / "nev.duckdb"
    first = build_theme(nev, warehouse_copy, out)
    membership = rows(db, "select * from members"), rows(db, "select * from evidence"), rows(db, "select * from patents")
    again = build_theme(nev, warehouse_copy, out)
    assert again["definition_digest"] == first["definition_digest"] == again["previous_digest"]
    assert again["changes"] == {"entered": 0, "left": 0, "by_reason": []}
    assert (rows(db, "select * from members"), rows(db, "select * from evidence"),
            rows(db, "select * from patents")) == membership
    assert rows(db, "select count(*) from builds") == [(2,)]

    new_file = another_grant(tmp_path)
    ingest([new_file], warehouse=warehouse_copy)
    third = build_theme(nev, warehouse_copy, out)
    assert third["changes"]["entered"] == 1 and third["changes"]["left"] == 0
    assert rows(db, "select change, reason, pub_number, source_file from changes") == [
        ("entered", "new_file", "CN116806271B", str(new_file))]
    with (out / "new_this_week.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:2] == ["原因", "公开（公告）号"] and [r[:2] for r in table[1:]] == [["新到数据", "CN116806271B"]]
    assert rows(db, "select count(*), count(distinct built_at) from change_history") == [(2, 2)]


def test_rule_change_reason(theme_warehouse, nev, tmp_path):
    quick = BuildOptions(exports=False)
    build_theme(nev, theme_warehouse, tmp_path, quick)
    changed = definition(NEV_EXAMPLE.replace('"H01M 10/0525"]', '"H01M 10/0525", "F16K"]'), "nev.yaml")
    build_theme(changed, theme_warehouse, tmp_path, quick)
    assert rows(tmp_path / "nev.duckdb", "select change, reason, pub_number from changes") == [
        ("entered", "rule_change", "CN219801493U")]
    build_theme(nev, theme_warehouse, tmp_path, quick)
    assert rows(tmp_path / "nev.duckdb", "select change, reason, pub_number from changes") == [
        ("left", "rule_change", "CN219801493U")]


def test_quarantine_holds_back_unless_included(warehouse_copy, nev, tmp_path):
    quick = BuildOptions(exports=False)
    build_theme(nev, warehouse_copy, tmp_path, quick)
    con = duckdb.connect(str(warehouse_copy))
    con.execute("create table quarantine as select pub_number, file_id, 'rule' as rule from publication_current "
                "where pub_number = ?", [GRANT])
    con.close()
    held = build_theme(nev, warehouse_copy, tmp_path, quick)
    assert held["members"] == 0 and held["quarantined"] == 1
    assert rows(tmp_path / "nev.duckdb", "select change, reason, pub_number from changes") == [
        ("left", "quarantined", GRANT)]
    kept = build_theme(nev, warehouse_copy, tmp_path, BuildOptions(include_quarantined=True, exports=False))
    assert kept["members"] == 1
    assert rows(tmp_path / "nev.duckdb", "select change, reason from changes") == [("entered", "quarantine_lifted")]


def test_province_variants_have_their_own_files(theme_warehouse, nev, tmp_path):
    guangdong = build_theme(nev, theme_warehouse, tmp_path, BuildOptions(province="广东"))
    jiangsu = build_theme(nev, theme_warehouse, tmp_path, BuildOptions(province="32", any_applicant=True))
    assert guangdong["output"].endswith("nev-44.duckdb") and guangdong["members"] == 1
    assert jiangsu["output"].endswith("nev-32-any.duckdb") and jiangsu["members"] == 0
    assert (tmp_path / "new_this_week-44.csv").exists() and (tmp_path / "nev-32-any.xlsx").exists()
    assert rows(tmp_path / "nev-44.duckdb", "select variant_province, any_applicant from build_info") == [("44", False)]


def test_exports(theme_warehouse, nev, tmp_path):
    summary = build_theme(nev, theme_warehouse, tmp_path)
    assert set(summary["files"]) == {"nev.parquet", "nev.csv", "nev.xlsx", "new_this_week.csv", "new_this_week.xlsx"}
    wb = load_workbook(tmp_path / "nev.xlsx", read_only=True)
    assert wb.sheetnames == ["专利", "产业分支", "技术领域", "变化", "排除", "构建信息", "字段说明"]
    header, first = list(wb["专利"].iter_rows(values_only=True))
    assert header[:3] == ("公开（公告）号", "名称", "专利类型") and first[:3] == (GRANT, "一种电动汽车动力电池的热管理方法", "发明")
    assert dict(zip(header, first, strict=True))["产业分支"] == "动力电池"
    new = load_workbook(tmp_path / "new_this_week.xlsx", read_only=True)
    assert [r[:2] for r in new["本期新增"].iter_rows(values_only=True)] == [("原因", "公开（公告）号"), ("首次构建", GRANT)]
    parquet = tmp_path / "nev.parquet"
    assert duckdb.connect().execute("select pub_number from read_parquet(?)",
                                    [str(parquet / "members.parquet")]).fetchall() == [(GRANT,)]
    assert {p.stem for p in parquet.iterdir()} >= {"patents", "members", "evidence", "changes", "data_dictionary"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind
    declared = rows(tmp_path / "nev.duckdb", "select table_name, list(column_name) from data_dictionary group by 1")
    actual = rows(tmp_path / "nev.duckdb", "select table_name, list(column_name order by column_index) "
                                           "from duckdb_columns() where not internal group by 1")
    assert sorted(declared) == sorted(actual)  # the dictionary describes every table and column


def test_member_views_are_the_warehouse_views_of_the_members(theme_warehouse, tmp_path):
    everything = definition("id: all\nname: 全部\ninclude:\n  - applicant_patterns: ['*']\n  - loc: ['10']\n")
    build_theme(everything, theme_warehouse, tmp_path, BuildOptions(exports=False))
    con = duckdb.connect(str(theme_warehouse), read_only=True)
    try:
        con.execute("attach ? as theme (read_only)", [str(tmp_path / "all.duckdb")])
        members = con.execute("select count(*) from theme.members").fetchone()[0]
        assert members == con.execute("select count(*) from patents").fetchone()[0] >= 3
        for view in ("patents", "patent_applicants", "patent_classifications"):
            assert con.execute(f"select * from {view} order by all").fetchall() == con.execute(
                f"select * from theme.{view} order by all").fetchall(), view
    finally:
        con.close()
