"""The GB/T 2260 reference list contains every code the region resolver gives."""

from __future__ import annotations

from sources.normalise.region import resolve_region
from warehouse.quality.region_codes import region_codes

ADDRESSES = (
    "311200 浙江省杭州市萧山区鸿宁路1788号",
    "100176 北京市经济技术开发区永昌北路11号",
    "重庆市巫山县龙门街道",
    "湖北省天门市竟陵街道",
    "湖北省襄樊市樊城区",
    "香港九龙",
    "新疆维吾尔自治区石河子市北四路",
)


def test_resolved_codes_are_in_the_list():
    codes = {(level, code) for level, code, _ in region_codes()}
    for address in ADDRESSES:
        region = resolve_region(address=address)
        assert region.province_code, address
        assert ("province", region.province_code) in codes, address
        if region.city_code:
            assert ("city", region.city_code) in codes, address
        if region.county_code:
            assert ("county", region.county_code) in codes, address
