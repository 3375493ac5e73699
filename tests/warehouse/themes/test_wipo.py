"""The project's WIPO IPC–technology concordance table agrees with WIPO's (as kept in ../shared/data)."""

from __future__ import annotations

import csv
import re

import pytest

from tests.conftest import SHARED
from warehouse.themes.patterns import classification_key
from warehouse.themes.wipo import DATA, concordance, field_names, wipo_keys

SHARED_TABLE = SHARED / "data" / "wipo_ipc_technology.csv"


def _pattern(like: str) -> str:
    """The shared file's LIKE pattern over the fixed-width form ('H04N   3/%') in our syntax ('H04N 3')."""
    m = re.fullmatch(r"([A-H]\d\d[A-Z])(?:\s*(\d+)/)?%", like)
    assert m, like
    return m[1] if m[2] is None else f"{m[1]} {int(m[2])}"


def test_same_facts_as_the_shared_table():
    if not SHARED_TABLE.is_file():
        pytest.skip(f"{SHARED_TABLE} is absent")
    with SHARED_TABLE.open(encoding="utf-8-sig", newline="") as f:
        theirs = list(csv.DictReader(f))
    assert {(int(r["Field_number"]), _pattern(r["IPC_code"])) for r in theirs} == {
        (p.field_no, p.ipc_pattern) for p in concordance()}
    names = {int(r["Field_number"]): (r["Sector_en"], r["Field_en"]) for r in theirs}
    assert {n: (s, e) for n, (s, e, _) in field_names().items()} == names
    assert DATA.read_bytes() != SHARED_TABLE.read_bytes()


def test_every_field_is_named_and_every_pattern_parses():
    names = field_names()
    assert sorted(names) == list(range(1, 36)) and all(zh for _, _, zh in names.values())
    assert {classification_key(p.ipc_pattern).level for p in concordance()} == {"subclass", "group"}
    assert [k.label for k in wipo_keys([7])] == ["WIPO 7: G06Q"]
