"""User text never becomes SQL text: quotes, semicolons, %, _ and backslashes in keywords, names,
patterns, ids, reasons and paths are matched literally and stored as written."""

from __future__ import annotations

import duckdb
import yaml

from tests.warehouse.themes.conftest import definition
from warehouse.themes.build import BuildOptions, build_theme
from warehouse.themes.compile import compile_theme

HOSTILE = ["'; drop table publications; --", "100%", "_", "\\", "电动汽车'", '"; select 1; --', "%"]


def hostile_definition():
    text = yaml.safe_dump({
        "id": "t",
        "name": "名称'; drop table x; --",
        "include": [
            {"id": "kw", "keywords": {"any": HOSTILE}},
            {"id": "names", "applicants": ["比亚迪'; delete from parties; --", "a%b", "x_y\\"]},
            {"id": "globs", "applicant_patterns": ["*%*", "*_*", "*\\*", "*'*", "比亚迪*"]},
        ],
        "exclude": [{"id": "x-y", "keywords": {"all": ["';--", "\\'"]}, "reason": "原因 '; drop table members; --"}],
        "branches": [{"id": "b_1", "name": "分支'\"", "keywords": {"any": ["%", "_"]}}],
    }, allow_unicode=True)
    return definition(text)


def counts(db) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(con.execute(f"select count(*) from {t}").fetchone()[0]
                     for t in ("publications", "parties", "texts", "classifications"))
    finally:
        con.close()


def test_values_are_parameters_not_sql(theme_warehouse):
    rendered = compile_theme(hostile_definition().theme)
    for value in [*(v for v in HOSTILE if len(v) > 3), "比亚迪'; delete", "原因 '", "分支'", "*'*"]:
        assert value not in rendered.sql
    assert "drop table" not in rendered.sql.lower()
    assert set(HOSTILE) <= set(flatten(rendered.params))


def flatten(values) -> list:
    return [v for value in values for v in (flatten(value) if isinstance(value, list) else [value])]


def test_hostile_text_matches_literally_and_harms_nothing(warehouse_copy, tmp_path):
    before = counts(warehouse_copy)
    out = tmp_path / "it's; out%_"
    summary = build_theme(hostile_definition(), warehouse_copy, out, BuildOptions())
    assert counts(warehouse_copy) == before
    db = duckdb.connect(str(out / "t.duckdb"), read_only=True)
    evidence = db.execute("select rule_id, term, value from evidence where side = 'include' order by all").fetchall()
    # only the plain prefix glob matches: % and _ are literal, no name contains them or a quote
    assert evidence == [("globs", "比亚迪*", "比亚迪股份有限公司")]
    assert summary["members"] == 1
    assert db.execute("select name from definition").fetchone()[0] == "名称'; drop table x; --"
    assert db.execute("select count(*) from branches where branch_id = 'b_1' and name = '分支''\"'").fetchone() == (1,)
    db.close()


def test_percent_and_underscore_in_keywords_are_literal(theme_warehouse):
    theme = definition("id: t\nname: x\ninclude:\n  - keywords: {any: ['%', '_', '动力_电池', '动力%']}\n").theme
    rendered = compile_theme(theme)
    con = duckdb.connect(str(theme_warehouse), read_only=True)
    try:
        from warehouse.themes.membership import prepare_quarantine

        prepare_quarantine(con)
        assert con.execute(rendered.sql, rendered.params).fetchall() == []
    finally:
        con.close()
