"""Statistics of the generated new-energy-vehicle theme (a few hundred documents over six years), checked
against the same counts made in Python from the theme's rows, and a province variant of it."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import duckdb
import pytest

from tests.warehouse.reports.conftest import NEV
from tests.warehouse.reports.themefile import build_theme_file
from warehouse.reports.stats import compute_statistics


def fetch(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def members(nev_theme) -> list[dict]:
    con = duckdb.connect(str(nev_theme), read_only=True)
    try:
        cur = con.execute("select * from patents where not is_republication")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def test_the_theme_is_a_realistic_size(members):
    assert 80 <= len(members) <= 300
    assert len({m["pub_year"] for m in members}) == 6


def test_yearly_counts_match_the_rows(nev_theme, members):
    pubs = Counter(m["pub_year"] for m in members)
    apps = Counter(y for y, _ in {(m["filing_year"], m["app_number"]) for m in members})
    grants = Counter(m["pub_year"] for m in members if m["kind"] in ("B", "U", "S"))
    for year, p, a, g in fetch(nev_theme, "select year, publications, applications, grants from stats_yearly"):
        assert (p, a, g) == (pubs[year], apps[year], grants[year])
    assert sum(r[0] for r in fetch(nev_theme, "select applications from stats_types")) == len(
        {m["app_number"] for m in members})


def test_growth_is_relative_to_the_year_before(nev_theme):
    series = fetch(nev_theme, "select publications, publications_growth from stats_yearly order by year")
    for (before, _), (now, growth) in zip(series, series[1:], strict=False):
        assert growth == (pytest.approx(now / before - 1) if before else None)


def test_top_applicants_and_pairs_match_the_rows(nev_theme):
    rows = fetch(nev_theme, "select a.pub_number, a.name from patent_applicants as a join patents using (pub_number) "
                            "where not is_republication")
    credited = Counter(name for _, name in set(rows))
    top = fetch(nev_theme, "select name, publications from stats_applicants order by rank limit 5")
    assert [n for _, n in top] == sorted(credited.values(), reverse=True)[:5]
    assert all(credited[name] == n for name, n in top)
    by_pub: dict[str, set[str]] = {}
    for pub, name in rows:
        by_pub.setdefault(pub, set()).add(name)
    pairs = Counter(p for names in by_pub.values() for p in combinations(sorted(names), 2))
    stored = {(a, b): n for a, b, n in fetch(nev_theme, "select * from stats_co_applicants")}
    assert stored and all(pairs[k] == n for k, n in stored.items())


def test_regions_add_up_to_the_domestic_applications(nev_theme, members):
    domestic = {m["app_number"] for m in members if m["applicant_country"] == "CN"}
    for level in ("province", "city"):
        total = fetch(nev_theme, f"select sum(applications) from stats_regions where level = '{level}'")[0][0]
        assert total == len(domestic)
    origin = dict(fetch(nev_theme, "select origin, sum(applications) from stats_origin group by origin"))
    assert origin["domestic"] == len(domestic) and origin.get("foreign", 0) > 0


def test_technology_tables(nev_theme, members):
    branches = dict(fetch(nev_theme, "select branch_id, publications from stats_branches"))
    assert set(branches) == set(NEV["branches"])
    wipo = fetch(nev_theme, "select field_number, main_publications from stats_wipo_fields")
    assert {f for f, _ in wipo} >= {1, 8, 32}  # electrical machinery, semiconductors, transport
    with_ipc = fetch(nev_theme, "select count(distinct pub_number) from patent_classifications where scheme = 'IPC'")
    assert sum(n for _, n in wipo) <= with_ipc[0][0]
    rates = fetch(nev_theme, "select grant_rate from stats_grant_rate")
    assert rates and all(0 <= r <= 1 for (r,) in rates)


def test_province_variant_shows_its_prefectures(generated_warehouse, tmp_path):
    path = build_theme_file(generated_warehouse, tmp_path / "nev" / "nev-44.duckdb", theme_id="nev",
                            name="新能源汽车", province_code="44", **NEV)
    compute_statistics(path)
    assert fetch(path, "select code from stats_regions where level = 'province'") == [("44",)]
    cities = fetch(path, "select province_code, name from stats_regions where level = 'city'")
    assert cities and {p for p, _ in cities} == {"44"}
    assert fetch(path, "select province_code from stats_summary") == [("44",)]
