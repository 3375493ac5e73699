"""The application-number rules (SQL) on a small table of real numbers: cnipa-norms.md §1.4.

Every real number validates, except 89103229.2, the secondary page's probable typo; each number with an
altered check character fails.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pyarrow as pa
import pytest

from schemas.model import publications
from warehouse.db import connect
from warehouse.quality.rules import cnipa_checks

CHECKS = {c.name: c for c in cnipa_checks()}

# cnipa-norms.md §1.4, in the warehouse's canonical dotted form (2016104544831 is written there without the dot).
REAL_NUMBERS = (
    "201710601862.3", "201310699744.2", "201710117081.7", "201510713397.3", "201510713411.X", "201510713429.X",
    "201010525698.0", "201610454483.1", "201811618720.9", "200610171314.3", "200610108546.4", "200510057341.3",
    "201120085830.0", "201080063196.9", "201880013080.0", "201480021818.X", "201280074836.5", "95115608.X",
    "97101765.4", "95105810.X", "98811333.3", "02286689.2", "01128777.2", "202111286633.X", "201710269973.9",
    "202110991218.8", "202180002433.9", "201510481495.9", "200880114428.1", "201410408762.5", "201410513187.5",
    "201480000986.0", "201480000788.4",
)
NO_CHECK_DIGIT = "85100462"
TYPO = "89103229.2"


def _altered(number: str) -> str:
    body, check = number.split(".")
    return f"{body}.{'0' if check != '0' else '1'}"


def _numbers_warehouse(numbers: list[str]) -> duckdb.DuckDBPyConnection:
    con = connect(":memory:")
    rows = [
        {"file_id": "f", "doc_index": i, "pub_number": f"CN{i}A", "country": "CN", "doc_number": str(i),
         "kind": "A", "app_number": n, "is_republication": False, "source_format": "test",
         "filing_date": date(2000, 1, 1)}
        for i, n in enumerate(numbers, 1)
    ]
    con.register("rows", pa.Table.from_pylist(rows, schema=publications.arrow_schema()))
    con.execute("insert into publications select * from rows")
    con.execute("create or replace table publication_current as select pub_number, file_id from publications")
    return con


def _failing(con: duckdb.DuckDBPyConnection, rule: str) -> set[str]:
    sql = CHECKS[rule].sql()
    return {row[0] for row in con.execute(f"select value from ({sql}) where failed").fetchall()}


def _checked(con: duckdb.DuckDBPyConnection, rule: str) -> int:
    return con.execute(f"select count(*) from ({CHECKS[rule].sql()})").fetchall()[0][0]


def test_real_numbers_validate():
    con = _numbers_warehouse([*REAL_NUMBERS, NO_CHECK_DIGIT])
    assert _failing(con, "app_number_check_digit") == set()
    assert _failing(con, "app_number_structure") == set()
    assert _failing(con, "app_number_type_digit") == set()
    assert _checked(con, "app_number_check_digit") == len(REAL_NUMBERS)  # 1985-1988 numbers have none


@pytest.mark.parametrize("number", REAL_NUMBERS)
def test_an_altered_check_character_fails(number):
    con = _numbers_warehouse([_altered(number)])
    failing = _failing(con, "app_number_check_digit")
    assert len(failing) == 1 and failing.pop().startswith(_altered(number))


def test_the_1989_typo_fails():
    con = _numbers_warehouse([TYPO])
    assert _failing(con, "app_number_check_digit") == {f"{TYPO} (expected 0)"}


@pytest.mark.parametrize("number", ["2017106018623", "CN201710601862.3", "201710601862.33", "20171060186.3",
                                    "201774601862.3", "85100462.1", "19991234567.8", "84100462"])
def test_malformed_numbers_fail_the_structure_rule(number):
    con = _numbers_warehouse([number])
    assert _failing(con, "app_number_structure") | _failing(con, "app_number_type_digit")
