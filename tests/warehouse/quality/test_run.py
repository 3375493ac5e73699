"""A whole check run on the real samples: results stored per run, quarantine, offline Data Docs."""

from __future__ import annotations

import duckdb
from lxml import html

from warehouse.quality.data_docs import external_references
from warehouse.quality.run import all_checks, run_checks


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_two_runs_on_the_samples_pass_and_both_stay_queryable(warehouse_copy, tmp_path):
    docs = tmp_path / "docs"
    first = run_checks(warehouse_copy, docs_dir=docs)
    second = run_checks(warehouse_copy, docs_dir=docs)
    assert first.passed and second.passed and first.run_id != second.run_id
    assert [r.rule for r in first.failing("warning")] == ["app_year_matches_filing_year"]
    assert len(first.results) == len(all_checks())
    assert all(r.error is None for r in first.results)
    sql_rules = {r.rule: (r.checked, r.failed) for r in first.results if r.suite == "cnipa"}
    assert sql_rules["app_number_check_digit"] == (9, 0)
    history = query(warehouse_copy, "select run_id, count(*), count(*) filter (where not success), "
                                    "any_value(last_load_seq) from check_history group by run_id order by 1")
    assert history == sorted([(first.run_id, len(all_checks()), 1, 9), (second.run_id, len(all_checks()), 1, 9)])
    assert query(warehouse_copy, "select count(*), bool_and(passed) from check_runs") == [(2, True)]
    assert query(warehouse_copy, "select count(*) from quarantine") == [(0,)]
    assert query(warehouse_copy, "select count(*) from patents_clean") == [(9,)]
    _assert_docs_offline(docs)


def test_error_rules_fail_the_run_and_quarantine_without_deleting(warehouse_copy):
    con = duckdb.connect(str(warehouse_copy))
    con.execute("update publications set app_number = '202110991218.9' where pub_number = 'CN113783949A'")
    con.execute("update publications set kind = 'U' where pub_number = 'CN115212463A'")
    con.close()
    report = run_checks(warehouse_copy)
    assert not report.passed
    assert {r.rule for r in report.failing("error")} == {"app_number_check_digit", "kind_matches_app_type"}
    assert report.quarantined == 2
    assert query(warehouse_copy, "select pub_number, rule, value, run_id = ? from quarantine order by 1",
                 [report.run_id]) == [
        ("CN113783949A", "app_number_check_digit", "202110991218.9 (expected 8)", True),
        ("CN115212463A", "kind_matches_app_type", "U / invention", True),
    ]
    assert query(warehouse_copy, "select count(*) from patents") == [(9,)]  # kept
    assert query(warehouse_copy, "select count(*) from patents_clean where pub_number in "
                                 "('CN113783949A', 'CN115212463A')") == [(0,)]
    assert query(warehouse_copy, "select passed, errors_failed, quarantined from check_runs") == [(False, 2, 2)]


def _assert_docs_offline(docs):
    pages = sorted(docs.rglob("*.html"))
    assert docs / "index.html" in pages and len(pages) > 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert external_references(text) == [], page
        root = html.document_fromstring(text)
        for element in root.iter("script", "link", "img"):
            ref = element.get("src") or element.get("href")
            if ref and element.tag != "link" or (ref and "stylesheet" in (element.get("rel") or "")):
                assert (page.parent / ref.split("?")[0]).resolve().is_file(), (page, ref)
