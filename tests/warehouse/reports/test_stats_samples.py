"""Statistics of a theme holding every sample publication, against counts made by hand.

Counted: 8 publications — the 6 real samples and the constructed B, U and S fixtures, less
CN104223590A (quarantined in the warehouse) — and not the B9 reprint CN116806270B9 (a republication).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.warehouse.reports.conftest import QUARANTINED, REPUBLICATION
from tests.warehouse.reports.themefile import build_theme_file
from warehouse.reports.stats import STATS, compute_statistics


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def computed(sample_theme, sample_warehouse, concordance):
    compute_statistics(sample_theme, warehouse=sample_warehouse, concordance=concordance)
    return sample_theme


def test_every_table_is_written_and_says_what_it_counts(computed):
    comments = dict(rows(computed, "select table_name, comment from duckdb_tables() where table_name like 'stats_%'"))
    assert set(comments) == {*STATS, "stats_notes"}
    assert all("不含再版公告和质量检查隔离的记录" in comments[t] for t in STATS)
    notes = dict(rows(computed, "select topic, value from stats_notes"))
    assert notes["republications_excluded"] == 1 and notes["quarantined_excluded"] == 1
    assert "quarantine" in dict(rows(computed, "select topic, note from stats_notes"))["quarantine_source"]


def test_yearly_series(computed):
    got = {r[0]: r[1:] for r in rows(computed, "select year, publications, applications, grants, "
                                               "applications_complete from stats_yearly")}
    assert list(got) == list(range(2014, 2024))
    assert got[2014] == (2, 2, 0, True)   # CN104223352A, CN104245143A (CN104223590A quarantined)
    assert got[2015] == (0, 1, 0, True)   # CN115212463A filed 2015
    assert got[2017] == (0, 1, 0, True)   # CN113781974A (divisional, parent's date)
    assert got[2021] == (2, 2, 0, True)   # published 974A, 949A; filed 949A, 493U; complete by 2023-06-30
    assert got[2022] == (1, 1, 0, False)  # 18 months after 2022 end lie beyond the newest date, 2023-10-03
    assert got[2023] == (3, 1, 3, False)  # B, U, S published (the B9 reprint not); filed: the design
    growth = dict(rows(computed, "select year, publications_growth from stats_yearly"))
    assert growth[2022] == pytest.approx(-0.5) and growth[2023] == pytest.approx(2.0)


def test_types_and_grant_rate(computed):
    types = {r[0]: r[1:] for r in rows(computed, "select app_type, applications, publications, grants, "
                                                 "pct_applications, applications_share from stats_types")}
    assert types == {"invention": (6, 6, 1, 1, 0.75), "utility_model": (1, 1, 1, 0, 0.125),
                     "design": (1, 1, 1, 0, 0.125)}
    rate = rows(computed, "select year, applications, granted, grant_rate from stats_grant_rate order by year")
    assert rate == [(2014, 2, 0, 0.0), (2015, 1, 0, 0.0), (2017, 1, 0, 0.0), (2021, 1, 0, 0.0), (2022, 1, 1, 1.0)]


def test_applicants_types_regions_origin(computed):
    applicants = rows(computed, "select name, applicant_type, applications, publications from stats_applicants")
    assert len(applicants) == 9  # every applicant of the 8 publications, the two KR co-applicants included
    assert ("比亚迪股份有限公司", "enterprise", 1, 1) in applicants  # its B9 reprint is not a second publication
    assert "叶建鑫" not in {a[0] for a in applicants}  # quarantined
    types = rows(computed, "select distinct applicant_type from stats_applicant_types")
    assert types == [("enterprise",)]
    provinces = dict(rows(computed, "select code, applications from stats_regions where level = 'province'"))
    assert provinces == {"53": 1, "33": 2, "11": 1, "44": 2}
    cities = dict(rows(computed, "select name, applications from stats_regions where level = 'city'"))
    assert cities == {"昆明市": 1, "杭州市": 1, "绍兴市": 1, "北京市": 1, "深圳市": 2}
    origin = rows(computed, "select origin, country, applications, applications_share from stats_origin")
    assert origin == [("domestic", "CN", 6, 0.75), ("foreign", "KR", 2, 0.25)]


def test_classifications_branches_co_application(computed):
    sub = {r[0]: r[1:] for r in rows(computed, "select code, publications, main_publications, publications_share "
                                               "from stats_ipc where level = 'subclass'")}
    assert len(sub) == 14 and sub["H01M"] == (1, 1, 1 / 7) and sub["B60L"] == (1, 0, 1 / 7)
    assert sum(v[1] for v in sub.values()) == 7  # one main IPC per publication with IPC (the design has LOC)
    groups = dict(rows(computed, "select code, publications from stats_ipc where level = 'main_group'"))
    assert groups["G09G 3"] == 1 and groups["H04L 29"] == 1 and groups["H04L 9"] == 1
    branches = rows(computed, "select branch_id, publications, publications_share from stats_branches")
    assert branches == [("digital", 2, 0.25), ("energy", 1, 0.125)]
    pairs = rows(computed, "select applicant_a, applicant_b, publications from stats_co_applicants")
    assert pairs == [("可隆科技特株式会社", "盛源立赛科株式会社", 1)]


def test_wipo_fields(computed):
    fields = {r[0]: r[1:] for r in rows(computed, "select field_number, field_zh, publications, main_publications "
                                                  "from stats_wipo_fields")}
    # H01M 10/0525 → 1 电气机械; H04L 29/08 → 4 数字通信; G06Q 40/04 → 7; A61N 5/00 → 13 医学技术;
    # B60L 58/12 → 32 运输; F16K 31/06 → 31 机械元件; G09G 3/36 → 9 光学
    assert fields[1] == ("电气机械、设备与能源", 1, 1)
    assert fields[4][1:] == (1, 1) and fields[7][1:] == (1, 0) and fields[13][1:] == (1, 1)
    assert fields[32][1:] == (1, 0) and fields[31][1:] == (1, 1)
    assert sum(v[2] for v in fields.values()) <= 7


def test_summary(computed):
    con = duckdb.connect(str(computed), read_only=True)
    try:
        cur = con.execute("select * from stats_summary")
        s = dict(zip([d[0] for d in cur.description], cur.fetchall()[0], strict=True))
    finally:
        con.close()
    assert (s["theme_id"], s["members"], s["publications"], s["applications"], s["grants"], s["applicants"]) == \
        ("samples", 10, 8, 8, 3, 9)
    assert (s["first_pub_date"], s["newest_pub_date"]) == (date(2014, 12, 24), date(2023, 10, 3))
    assert (s["last_complete_year"], s["last_complete_year_applications"]) == (2021, 2)
    assert (s["changes_entered"], s["changes_left"]) == (1, 1)  # CN219801493U (2023-10-03) in; one out
    assert (s["republications_excluded"], s["quarantined_excluded"]) == (1, 1)


def test_quarantine_from_the_theme_file_alone(sample_warehouse, tmp_path):
    theme = build_theme_file(sample_warehouse, tmp_path / "t.duckdb", theme_id="t", name="t", subclasses=None,
                             branches={}, quarantine=[QUARANTINED])
    compute_statistics(theme)
    assert rows(theme, "select publications, quarantined_excluded from stats_summary") == [(8, 1)]
    assert REPUBLICATION in {r[0] for r in rows(theme, "select pub_number from patents")}


WIPO_SQL = "select field_number, field_zh, publications, main_publications from stats_wipo_fields order by 1"


def test_the_project_concordance_and_wipo_own_form_agree(computed, sample_warehouse, concordance):
    from_csv = rows(computed, WIPO_SQL)  # WIPO's LIKE patterns, passed in
    result = compute_statistics(computed, warehouse=sample_warehouse)
    assert rows(computed, WIPO_SQL) == from_csv  # warehouse.themes.wipo
    assert "warehouse/themes/data" in dict((t, n) for t, n, _ in result.notes)["wipo"]
    con = duckdb.connect(str(computed))
    try:
        con.register("csv_rows", concordance)
        con.execute("create table wipo_ipc_technology as select * from csv_rows")
    finally:
        con.close()
    result = compute_statistics(computed, warehouse=sample_warehouse)
    assert rows(computed, WIPO_SQL) == from_csv
    assert "专题文件" in dict((t, n) for t, n, _ in result.notes)["wipo"]


def test_without_a_concordance_the_wipo_table_is_empty_and_says_so(sample_theme, monkeypatch):
    monkeypatch.setattr("warehouse.reports.wipo.project_concordance", lambda: None)
    result = compute_statistics(sample_theme)
    assert rows(sample_theme, "select count(*) from stats_wipo_fields") == [(0,)]
    assert dict((t, n) for t, n, _ in result.notes)["wipo"].startswith("未提供")


def test_a_file_without_theme_tables_is_refused(tmp_path):
    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).close()
    with pytest.raises(LookupError, match="patents"):
        compute_statistics(db)
    with pytest.raises(FileNotFoundError):
        compute_statistics(tmp_path / "absent.duckdb")
