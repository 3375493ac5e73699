"""Provinces and cities named the way analysts write them: GB/T 2260 codes ("32", "320100") or names
("江苏", "江苏省", "南京"), resolved with the same resolver the loader uses for applicants' addresses."""

from __future__ import annotations

import re

# Two-digit GB/T 2260 province codes, Taiwan, Hong Kong and Macao included.
PROVINCE_CODES = frozenset(
    ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"]
)


def _resolver():
    from sources.normalise.region import resolve_region

    return resolve_region


def province_code(value: str | int) -> str:
    text = str(value).strip()
    if re.fullmatch(r"\d{2}", text):
        if text not in PROVINCE_CODES:
            raise ValueError(f"{text!r} is not a GB/T 2260 province code")
        return text
    if re.fullmatch(r"\d{6}", text) and text.endswith("0000") and text[:2] in PROVINCE_CODES:
        return text[:2]
    region = _resolver()(country="CN", province=text) if text else None
    if region is None or region.province_code is None:
        raise ValueError(f"{text!r} is not a province (write a code such as 32 or a name such as 江苏)")
    return region.province_code


def city_code(value: str | int) -> str:
    text = str(value).strip()
    if re.fullmatch(r"\d{6}", text):
        if text[:2] not in PROVINCE_CODES or text.endswith("0000"):
            raise ValueError(f"{text!r} is not a GB/T 2260 prefecture code")
        return text
    region = _resolver()(country="CN", address=text) if text else None
    if region is None or region.city_code is None:
        raise ValueError(f"{text!r} is not a prefecture-level city (write a code such as 320100 or a name "
                         "such as 南京)")
    return region.city_code
