"""WIPO's 35 technology fields (IPC–technology concordance), usable in rules (`wipo_field: [6, 7]`) and in
the per-member report of a build. The table is `data/wipo_technology_fields.csv` (provenance in its header
and in data/README.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warehouse.themes.patterns import MatchKey, classification_key

DATA = Path(__file__).parent / "data" / "wipo_technology_fields.csv"


@dataclass(frozen=True)
class FieldPattern:
    field_no: int
    sector: str
    sector_zh: str
    field_en: str
    field_zh: str
    ipc_pattern: str


@cache
def concordance() -> tuple[FieldPattern, ...]:
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return tuple(FieldPattern(int(r["field_no"]), r["sector"], r["sector_zh"], r["field_en"], r["field_zh"],
                                  r["ipc_pattern"]) for r in rows)


def wipo_keys(fields: list[int]) -> list[MatchKey]:
    """Match keys of the fields' IPC patterns, labelled with the field ("WIPO 6: G06F")."""
    wanted = set(fields)
    return [MatchKey(f"WIPO {p.field_no}: {p.ipc_pattern}", k.level, k.key, k.digits)
            for p in concordance() if p.field_no in wanted
            for k in [classification_key(p.ipc_pattern)]]


def concordance_columns() -> dict[str, list]:
    """The concordance as parallel lists, the values of out_wipo_fields.sql."""
    rows = concordance()
    keys = [classification_key(p.ipc_pattern) for p in rows]
    return {"field_nos": [p.field_no for p in rows], "levels": [k.level for k in keys], "keys": [k.key for k in keys],
            "sectors": [p.sector for p in rows], "fields_en": [p.field_en for p in rows],
            "fields_zh": [p.field_zh for p in rows]}


def field_names() -> dict[int, tuple[str, str, str]]:
    """field_no → (sector, field_en, field_zh)."""
    return {p.field_no: (p.sector, p.field_en, p.field_zh) for p in concordance()}
