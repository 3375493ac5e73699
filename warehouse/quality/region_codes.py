"""The GB/T 2260 codes `sources.normalise.region` can give, per level, for its data vintage.

The region module resolves names with jionlp's `china_location` data; the codes it returns follow the
shape of that data, and this module lists the same codes so that the quality check can tell a code the
resolver could have produced from one that came from anywhere else:

* provinces: the first two digits of each province's code (HK 81, MO 82 and TW 71 included);
* prefectures: each prefecture-level unit's code, including the "直辖行政区划" pseudo-prefectures
  (429000 …); municipalities (北京, 天津, 上海, 重庆) get ``xx0100``, as the resolver assigns;
* counties: each county-level code below a prefecture, except placeholders that repeat the prefecture's
  code and the NBS functional zones (5th digit 7), which the resolver never returns.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Mapping
from typing import Any

import pyarrow as pa

from schemas.quality import ref_regions
from sources.normalise.region import VINTAGE

_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
_WITHOUT_SUBUNITS = frozenset({"81", "82"})


def _children(node: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    return ((name, child) for name, child in node.items() if not name.startswith("_"))


def _location() -> Mapping[str, Any]:
    # jionlp prints a banner on import.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp  # type: ignore[import-untyped]

    return jionlp.china_location_loader(detail=False)


def region_codes() -> Iterator[tuple[str, str, str]]:
    """(level, code, name) for every code of the current vintage."""
    for province in _location().values():
        code2 = province["_admin_code"][:2]
        yield "province", code2, province["_full_name"]
        if code2 in _WITHOUT_SUBUNITS:
            continue
        if code2 in _MUNICIPALITIES:
            yield "city", f"{code2}0100", province["_full_name"]
        for _, city in _children(province):
            city_code = city["_admin_code"]
            if code2 not in _MUNICIPALITIES:
                yield "city", city_code, city["_full_name"]
            for _, county in _children(city):
                code = county["_admin_code"]
                if code != city_code and code[4] != "7":
                    yield "county", code, county["_full_name"]


def region_code_table() -> pa.Table:
    rows = sorted(set(region_codes()))
    return pa.table(
        {
            "vintage": pa.array([VINTAGE] * len(rows), pa.string()),
            "level": pa.array([level for level, _, _ in rows], pa.string()),
            "code": pa.array([code for _, code, _ in rows], pa.string()),
            "name": pa.array([name for _, _, name in rows], pa.string()),
        },
        schema=ref_regions.arrow_schema(),
    )
