"""The compiled rules on a real warehouse: each leaf type and combination admits exactly what it should,
and says why."""

from __future__ import annotations

import duckdb
import pytest

from tests.warehouse.themes.conftest import definition, rule_theme
from warehouse.themes.compile import EVIDENCE_COLUMNS, Options, compile_theme
from warehouse.themes.membership import prepare_quarantine

GRANT, UTILITY, DESIGN = "CN116806270B", "CN219801493U", "CN307654321S"


def evidence(theme, warehouse, options=None) -> list[dict]:
    rendered = compile_theme(theme, options)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        prepare_quarantine(con)
        return [dict(zip(EVIDENCE_COLUMNS, r, strict=True)) for r in con.execute(rendered.sql, rendered.params).fetchall()]
    finally:
        con.close()


def matched(rules: str, warehouse, extra: str = "", options=None, side="include") -> set[str]:
    return {e["pub_number"] for e in evidence(rule_theme(rules, extra).theme, warehouse, options) if e["side"] == side}


@pytest.mark.parametrize(("patterns", "expected"), [
    ('["H01M"]', {GRANT}),
    ('["H01M 10"]', {GRANT}),
    ('["H01M 10/05"]', {GRANT}),  # subgroup and below: 10/0525 starts with 05
    ('["H01M 10/0525"]', {GRANT}),
    ('["H01M 10/06"]', set()),
    ('["H01M10/05*"]', {GRANT}),
    ('["B60L 58/12", "F16K 31"]', {GRANT, UTILITY}),
    ('["H01"]', {GRANT}),
    ('["F"]', {UTILITY}),
    ('["C12R 1/00"]', set()),  # a main group head matches only itself
    ('["C12R 1/00*"]', {"CN104223352A"}),
    ('["C12R 1/64"]', {"CN104223352A"}),
    ('["C11B 9/00"]', {"CN104223352A"}),
])
def test_ipc_levels(theme_warehouse, patterns, expected):
    found = matched(f"  - ipc: {patterns}\n", theme_warehouse)
    assert found & {GRANT, UTILITY, "CN104223352A"} == expected


def test_main_only_and_evidence(theme_warehouse):
    assert matched('  - {ipc: ["B60L"], main_only: true}\n', theme_warehouse) == set()
    rows = evidence(rule_theme('  - {id: core, ipc: ["B60L", "H01M 10/0525"]}\n').theme, theme_warehouse)
    assert sorted((e["rule_id"], e["field"], e["term"], e["value"]) for e in rows) == [
        ("core", "IPC", "B60L", "B60L 58/12"), ("core", "IPC", "H01M 10/0525", "H01M 10/0525")]


def test_loc_and_wipo_fields(theme_warehouse):
    assert matched('  - loc: ["10-02"]\n', theme_warehouse) == {DESIGN}
    assert matched('  - loc: ["10"]\n', theme_warehouse) == {DESIGN}
    assert matched('  - loc: ["14"]\n', theme_warehouse) == set()
    rows = evidence(rule_theme("  - wipo_field: [32]\n").theme, theme_warehouse)  # Transport: B60L
    assert {(e["pub_number"], e["term"]) for e in rows} == {(GRANT, "WIPO 32: B60L")}


def test_cpc(warehouse_copy):
    con = duckdb.connect(str(warehouse_copy))
    con.execute("insert into classifications (file_id, pub_number, scheme, seq, symbol, is_main, section, subclass, "
                "main_group) select file_id, pub_number, 'CPC', 1, 'Y02T 10/70', true, 'Y', 'Y02T', 'Y02T 10' "
                "from publications where pub_number = ?", [GRANT])
    con.close()
    assert matched('  - cpc: ["Y02T 10/70"]\n', warehouse_copy) == {GRANT}
    assert matched('  - cpc: ["Y02T"]\n', warehouse_copy) == {GRANT}
    assert matched('  - ipc: ["H01M"]\n', warehouse_copy) == {GRANT}


def test_keywords_fields_any_all(theme_warehouse):
    assert matched("  - keywords: {any: [热管理]}\n", theme_warehouse) == {GRANT}
    assert matched("  - keywords: {any: [检测电池温度]}\n", theme_warehouse) == set()  # claims only
    assert matched("  - keywords: {any: [检测电池温度]}\n    fields: [claims]\n", theme_warehouse) == {GRANT}
    assert matched("  - keywords: {all: [电动汽车, 加热]}\n", theme_warehouse) == {GRANT}
    assert matched("  - keywords: {all: [电动汽车, 电磁阀]}\n", theme_warehouse) == set()
    rows = evidence(rule_theme("  - {id: kw, keywords: {any: [电动汽车, 电磁阀]}, fields: [title]}\n").theme,
                    theme_warehouse)
    assert sorted((e["pub_number"], e["field"], e["term"], e["value"]) for e in rows) == [
        (GRANT, "title", "电动汽车", "一种电动汽车动力电池的热管理方法"), (UTILITY, "title", "电磁阀", "一种电磁阀")]


def test_latin_keywords_ignore_case(theme_warehouse):
    assert matched("  - keywords: {any: [t]}\n", theme_warehouse) >= {GRANT}  # 电池温度T
    assert matched("  - keywords: {any: [ＴＨＥ_NONEXISTENT]}\n", theme_warehouse) == set()


def test_applicants(theme_warehouse):
    assert matched("  - applicants: [比亚迪股份有限公司]\n", theme_warehouse) == {GRANT}
    assert matched("  - applicants: [比亚迪]\n", theme_warehouse) == set()  # exact, not a substring
    assert matched('  - applicant_patterns: ["*三花*", "华为*"]\n', theme_warehouse) == {UTILITY, DESIGN}
    assert matched('  - applicant_patterns: ["*株式会社"]\n', theme_warehouse) >= set()


def test_all_any_not(theme_warehouse):
    both = matched("  - all: [{ipc: [H01M]}, {keywords: {any: [汽车]}}]\n", theme_warehouse)
    either = matched("  - any: [{ipc: [F16K]}, {loc: ['10']}]\n", theme_warehouse)
    cn_not_h01m = matched("  - all: [{applicant_patterns: ['*有限公司']}, {not: {ipc: [H01M]}}]\n", theme_warehouse)
    assert both == {GRANT} and either == {UTILITY, DESIGN}
    assert UTILITY in cn_not_h01m and GRANT not in cn_not_h01m
    rows = evidence(definition("id: t\nname: x\ninclude:\n  - id: combo\n    all: [{ipc: [H01M]}, "
                               "{keywords: {any: [汽车]}}]\n").theme, theme_warehouse)
    assert {e["leaf_id"] for e in rows} == {"combo.1", "combo.2"} and {e["rule_id"] for e in rows} == {"combo"}


def test_exclusions_and_branches_only_look_at_admitted(theme_warehouse):
    extra = ("exclude:\n  - {id: valves, ipc: [F16K], reason: 阀门不算}\n"
             "branches:\n  - id: b\n    name: 电池\n    ipc: [H01M]\n    branches:\n"
             "      - {id: b1, name: 锂, ipc: ['H01M 10/0525']}\n      - {id: b2, name: 阀, ipc: [F16K]}\n")
    rows = evidence(rule_theme("  - ipc: [H01M, F16K, G09G]\n", extra).theme, theme_warehouse)
    sides = {(e["side"], e["rule_id"], e["pub_number"]) for e in rows if e["side"] != "include"}
    assert sides == {("exclude", "valves", UTILITY), ("branch", "b", GRANT), ("branch", "b1", GRANT)}


def in_scope(warehouse, scope: str = "{}", options=None) -> set[str]:
    theme = definition(f"id: t\nname: x\nscope: {scope}\ninclude:\n  - applicant_patterns: ['*']\n").theme
    return {e["pub_number"] for e in evidence(theme, warehouse, options)}


def test_scope(theme_warehouse):
    everything = in_scope(theme_warehouse)
    assert {GRANT, UTILITY, DESIGN} <= everything
    assert in_scope(theme_warehouse, "{provinces: [广东]}") == {GRANT, DESIGN}
    assert in_scope(theme_warehouse, "{cities: [绍兴]}") == {UTILITY}
    assert in_scope(theme_warehouse, "{app_types: [design]}") == {DESIGN}
    assert in_scope(theme_warehouse, "{kinds: [b, u]}") == {GRANT, UTILITY}
    assert in_scope(theme_warehouse, "{filing_date: {from: 2021-04-19, to: 2021-04-19}}") == {UTILITY}
    assert GRANT not in in_scope(theme_warehouse, "{applicant_countries: [KR]}")
    assert in_scope(theme_warehouse, "{countries: [US]}") == set()
    zhejiang = in_scope(theme_warehouse, options=Options(province="33"))
    assert zhejiang == {UTILITY} | ({"CN113783949A", "CN104223590A"} & everything)
