from __future__ import annotations

import dataclasses
import importlib.metadata
from pathlib import Path

import pytest

from sources.normalise import region
from sources.normalise.region import VINTAGE, Region, resolve_region


def levels(r: Region) -> tuple[str | None, ...]:
    return (r.country, r.province_code, r.city_code, r.county_code, r.method)


# --- the applicant addresses of the CNIPA samples, as constructed cases ------------------------------------------

SAMPLE_CASES: list[tuple[dict[str, str], tuple[str | None, ...]]] = [
    (
        {"country": "CN", "province": "浙江省", "city": "杭州市", "county": "萧山区", "postcode": "311200",
         "address": "311200 浙江省杭州市萧山区鸿宁路1788号"},
        ("CN", "33", "330100", "330109", "structured"),
    ),
    (
        {"country": "CN", "province": "北京市", "city": "北京市", "county": "大兴区", "postcode": "100176",
         "address": "100176 北京市经济技术开发区永昌北路11号"},
        ("CN", "11", "110100", "110115", "structured"),
    ),
    (
        {"country": "KR", "province": "0", "city": "0", "county": "0", "postcode": "0", "address": "韩国京畿道"},
        ("KR", None, None, None, "foreign"),
    ),
    (
        {"country": "US", "province": "0", "city": "0", "county": "0", "postcode": "0", "address": "美国马萨诸塞州"},
        ("US", None, None, None, "foreign"),
    ),
    ({"address": "650231 云南省昆明市五华区红锦路367号云烟科技园C区"}, ("CN", "53", "530100", "530102", "address")),
    ({"address": "325000 浙江省温州市瓯海区巨溪镇河南西路33号"}, ("CN", "33", "330300", "330304", "address")),
    ({"address": "韩国京畿道果川市"}, ("KR", None, None, None, "foreign")),
    ({"address": ""}, (None, None, None, None, "none")),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "expected"), SAMPLE_CASES)
def test_sample_addresses(fields: dict[str, str], expected: tuple[str | None, ...]) -> None:
    assert levels(resolve_region(**fields)) == expected


def test_structured_names_and_codes() -> None:
    r = resolve_region(country="CN", province="浙江省", city="杭州市", county="萧山区", postcode="311200")
    assert r == Region("CN", "33", "浙江省", "330100", "杭州市", "330109", "萧山区", "structured", VINTAGE)


# --- the same, read from the sample XML files ---------------------------------------------------------------------

NEW_NS = {
    "base": "http://www.sipo.gov.cn/XMLSchema/base",
    "business": "http://www.sipo.gov.cn/XMLSchema/business",
}
EXPECTED_BY_FILE: dict[str, list[tuple[str | None, ...]]] = {
    "new_CN113781974A_invention_pub_divisional_KR_priority.xml": [("KR", None, None, None, "foreign")],
    "new_CN113783949A_invention_pub_tables.xml": [("CN", "33", "330100", "330109", "structured")],
    "new_CN115212463A_invention_pub_2022_with_doctype.xml": [("CN", "11", "110100", "110115", "structured")],
    "old_CN104223352A_invention_pub_biodeposit_bom.xml": [("CN", "53", "530100", "530102", "address")],
    "old_CN104223590A_invention_pub_domestic_priority_bom.xml": [("CN", "33", "330300", "330304", "address")],
    "old_CN104245143A_invention_pub_PCT_bom.xml": [
        ("KR", None, None, None, "foreign"),
        (None, None, None, None, "none"),
    ],
}


def _applicant_fields(path: Path) -> list[dict[str, str | None]]:
    from lxml import etree

    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    root = etree.parse(str(path), parser).getroot()
    new_addresses = root.findall(
        ".//business:ApplicantDetails/business:Applicant/base:AddressBook/base:Address", NEW_NS
    )
    if new_addresses:
        fields = {"country": "WIPOST3Code", "province": "Province", "city": "City", "county": "County",
                  "postcode": "PostCode", "address": "Text"}  # fmt: skip
        return [
            {key: a.findtext(f"base:{tag}", namespaces=NEW_NS) for key, tag in fields.items()}
            for a in new_addresses
        ]
    return [{"address": a.findtext("addressbook/address/text")} for a in root.iter("cn-applicant")]


def test_sample_xml_files(cnipa_samples: Path) -> None:
    """Skipped (by the ``cnipa_samples`` fixture) when ../shared is not beside the checkout."""
    files = sorted(cnipa_samples.glob("*.xml"))
    assert files
    for path in files:
        got = [levels(resolve_region(**fields)) for fields in _applicant_fields(path)]
        if path.name in EXPECTED_BY_FILE:
            assert got == EXPECTED_BY_FILE[path.name], path.name
        else:  # a sample added later: its first applicant must at least resolve
            assert got and got[0][-1] != "none", path.name


# --- foreign applicants -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("日本国神奈川县", "JP"),  # a Chinese parser finds 县 here and says 重庆
        ("日本东京都港区", "JP"),
        ("美国纽约州", "US"),
        ("美利坚合众国加利福尼亚州", "US"),
        ("德国黑措根奥拉赫", "DE"),
        ("英属开曼群岛大开曼资本大厦", "KY"),
        ("英属维尔京群岛托尔托拉", "VG"),
        ("大韩民国首尔", "KR"),
        ("瑞士巴塞尔", "CH"),
        ("法国巴黎", "FR"),
        ("荷兰埃因霍温", "NL"),
        ("以色列特拉维夫", "IL"),
    ],
)
def test_foreign_from_address(address: str, country: str) -> None:
    expected = (country, None, None, None, "foreign")
    for st3 in (None, "0", "CN"):
        assert levels(resolve_region(country=st3, address=address, postcode="0")) == expected


def test_foreign_code_wins_over_everything_else() -> None:
    r = resolve_region(country="us", province="0", address="上海市浦东新区", postcode="200120")
    assert levels(r) == ("US", None, None, None, "foreign")


def test_chinese_places_that_start_with_a_country_name() -> None:
    assert levels(resolve_region(address="黑山县芳山镇")) == ("CN", "21", "210700", "210726", "address")
    assert levels(resolve_region(address="巴林右旗大板镇"))[:2] == ("CN", "15")


# --- Hong Kong, Macao, Taiwan -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"address": "中国台湾台北市"}, ("TW", "71", "台湾省", "address")),
        ({"address": "台湾省新竹市"}, ("TW", "71", "台湾省", "address")),
        ({"address": "台湾新北市"}, ("TW", "71", "台湾省", "address")),
        ({"address": "香港九龙"}, ("HK", "81", "香港特别行政区", "address")),
        ({"address": "中国香港特别行政区湾仔"}, ("HK", "81", "香港特别行政区", "address")),
        ({"address": "澳门氹仔"}, ("MO", "82", "澳门特别行政区", "address")),
        ({"country": "TW", "province": "0", "address": "台北市"}, ("TW", "71", "台湾省", "structured")),
        ({"country": "HK", "postcode": "0"}, ("HK", "81", "香港特别行政区", "structured")),
        ({"province": "香港特别行政区"}, ("HK", "81", "香港特别行政区", "structured")),
    ],
)
def test_hong_kong_macao_taiwan(fields: dict[str, str], expected: tuple[str, ...]) -> None:
    r = resolve_region(**fields)
    assert (r.country, r.province_code, r.province, r.method) == expected
    assert r.city_code is None and r.county_code is None


# --- address parsing ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        # historical names from the change log
        ("湖北省襄樊市樊城区人民路", ("CN", "42", "420600", "420606", "address")),
        ("襄樊市樊城区", ("CN", "42", "420600", "420606", "address")),
        (
            "洛阳市孟津县城关镇",
            ("CN", "41", "410300", "410322", "address"),
        ),  # 孟津区: the package keeps the old code
        ("浙江省杭州市下城区", ("CN", "33", "330100", "330105", "address")),  # merged into 拱墅区
        ("四川省宜宾县", ("CN", "51", "511500", "511504", "address")),  # now 叙州区
        ("山东省莱芜市莱城区", ("CN", "37", "370100", "370116", "address")),  # 莱芜 merged into 济南
        ("西藏自治区山南市错那市", ("CN", "54", "540500", "540530", "address")),  # newer than the unit list
        # municipalities
        ("北京市经济技术开发区永昌北路11号", ("CN", "11", "110100", None, "address")),
        ("北京市市辖区海淀区中关村", ("CN", "11", "110100", "110108", "address")),
        ("北京海淀区", ("CN", "11", "110100", "110108", "address")),
        ("上海市浦东新区张江路", ("CN", "31", "310100", "310115", "address")),
        ("重庆市丰都县", ("CN", "50", "500100", "500230", "address")),
        # no province, or only a short name
        ("苏州工业园区星湖街328号", ("CN", "32", "320500", None, "address")),
        ("萧山区鸿宁路", ("CN", "33", "330100", "330109", "address")),
        ("浙江杭州滨江区", ("CN", "33", "330100", "330108", "address")),
        ("中国浙江省宁波市", ("CN", "33", "330200", None, "address")),
        ("中华人民共和国北京市海淀区", ("CN", "11", "110100", "110108", "address")),
        # a province alias that begins a prefecture's name
        ("吉林市丰满区", ("CN", "22", "220200", "220211", "address")),
        ("海南藏族自治州共和县", ("CN", "63", "632500", "632521", "address")),
        ("海南海口", ("CN", "46", "460100", None, "address")),
        # a county with the wrong prefecture: keep the prefecture, invent nothing
        ("江苏省扬州市丹阳市", ("CN", "32", "321000", None, "address")),
        # county-level units under the province, and the county named without its prefecture
        ("湖北省天门市", ("CN", "42", "429000", "429006", "address")),
        ("湖北省省直辖县级行政区划天门市", ("CN", "42", "429000", "429006", "address")),
        ("江苏省丹阳市", ("CN", "32", "321100", "321181", "address")),
        # whitespace and the postcode are ignored
        ("410081 湖南省 长沙市 岳麓区 麓山路36号", ("CN", "43", "430100", "430104", "address")),
    ],
)
def test_address(address: str, expected: tuple[str | None, ...]) -> None:
    assert levels(resolve_region(address=address)) == expected


def test_names_come_from_the_data_package() -> None:
    r = resolve_region(address="湖北省襄樊市樊城区")
    assert (r.province, r.city, r.county) == ("湖北省", "襄阳市", "樊城区")
    r = resolve_region(address="洛阳市孟津县")
    assert (r.province, r.city, r.county) == ("河南省", "洛阳市", "孟津区")
    r = resolve_region(address="重庆市丰都县")
    assert (r.province, r.city, r.county) == ("重庆市", "重庆市", "丰都县")


# --- structured fields --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"province": "北京市", "city": "市辖区", "county": "海淀区"}, ("CN", "11", "110100", "110108", "structured")),
        ({"province": "湖北省", "city": "省直辖县级行政区划", "county": "天门市"},
         ("CN", "42", "429000", "429006", "structured")),
        ({"province": "湖北省", "city": "襄樊市", "county": "0"}, ("CN", "42", "420600", None, "structured")),
        ({"province": "0", "city": "杭州市", "county": "0"}, ("CN", "33", "330100", None, "structured")),
        # lower levels missing in the fields come from an address that agrees
        ({"province": "浙江省", "city": "0", "county": "0", "address": "311200 浙江省杭州市萧山区鸿宁路1788号"},
         ("CN", "33", "330100", "330109", "structured")),
        # an address that disagrees is ignored
        ({"province": "浙江省", "address": "江苏省苏州市吴中区"}, ("CN", "33", None, None, "structured")),
        ({"province": "浙江省", "city": "杭州市", "address": "浙江省宁波市鄞州区"},
         ("CN", "33", "330100", None, "structured")),
        # unknown structured names fall back to the address
        ({"province": "火星", "address": "浙江省杭州市萧山区"}, ("CN", "33", "330100", "330109", "address")),
    ],
)  # fmt: skip
def test_structured(fields: dict[str, str], expected: tuple[str | None, ...]) -> None:
    assert levels(resolve_region(**fields)) == expected


# --- postcode and nothing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"address": "311200 鸿宁路1788号"}, ("CN", "33", "浙江省")),
        ({"postcode": "650231"}, ("CN", "53", "云南省")),
        ({"postcode": "100176", "province": "0", "city": "0", "county": "0"}, ("CN", "11", "北京市")),
        ({"postcode": "010010"}, ("CN", "15", "内蒙古自治区")),
        ({"postcode": "400010"}, ("CN", "50", "重庆市")),
        ({"postcode": "830000"}, ("CN", "65", "新疆维吾尔自治区")),
        ({"postcode": "570100"}, ("CN", "46", "海南省")),
        ({"postcode": "810000"}, ("CN", "63", "青海省")),
    ],
)
def test_postcode(fields: dict[str, str], expected: tuple[str, ...]) -> None:
    r = resolve_region(**fields)
    assert (r.country, r.province_code, r.province, r.method) == (*expected, "postcode")
    assert r.city_code is None and r.county_code is None


@pytest.mark.parametrize(
    ("fields", "country"),
    [
        ({}, None),
        (
            {"country": "0", "province": "0", "city": "0", "county": "0", "postcode": "0", "address": "0"},
            None,
        ),
        ({"postcode": "999077"}, None),
        ({"postcode": "12345"}, None),
        ({"address": "某某路1号"}, None),
        ({"country": "CN"}, "CN"),
        ({"address": "中国"}, "CN"),
    ],
)
def test_nothing(fields: dict[str, str], country: str | None) -> None:
    assert resolve_region(**fields) == Region(country, None, None, None, None, None, None, "none", VINTAGE)


# --- data package and tables --------------------------------------------------------------------------------------


def test_vintage_matches_the_installed_data() -> None:
    assert importlib.metadata.version("jionlp") in VINTAGE
    _, changes, _ = region._load_jionlp()
    assert max(change["date"] for change in changes) == "2023-04-03" and "2023-04-03" in VINTAGE
    # the unit list has the 2021-04-09 merges but not the 2023-04-03 renames
    assert resolve_region(address="浙江省杭州市拱墅区").county_code == "330105"
    assert resolve_region(address="西藏自治区山南市错那县").county == "错那县"
    assert "2021-04-09" in VINTAGE


def test_country_table_covers_the_world_list_with_valid_codes() -> None:
    _, _, world = region._load_jionlp()
    names = {name for continent in world.values() for name in continent}
    assert names - set(region._ST3_BY_WORLD_NAME) == {"科索沃"}  # no ISO 3166 code
    assert set(region._ST3_BY_WORLD_NAME) <= names
    tzdata = pytest.importorskip("tzdata")
    table = Path(tzdata.__file__).parent / "zoneinfo" / "iso3166.tab"
    iso = {
        line.split("\t")[0] for line in table.read_text().splitlines() if line and not line.startswith("#")
    }
    withdrawn = {"SU", "DD", "CS", "YU"}  # kept by ST.3 for old documents
    codes = set(region._ST3_BY_WORLD_NAME.values()) | set(region._ST3_EXTRA_NAMES.values())
    assert codes - iso == withdrawn


def test_postcode_table_maps_to_real_provinces() -> None:
    for prefix, code2 in region._POSTCODE_PROVINCE.items():
        r = resolve_region(postcode=prefix + "0000")
        assert r.province_code == code2 and r.province is not None and r.method == "postcode"


def test_region_is_frozen_and_results_are_cached() -> None:
    r = resolve_region(address="浙江省杭州市萧山区")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.country = "US"  # type: ignore[misc]
    assert resolve_region(address="浙江省杭州市萧山区") is r
    assert resolve_region(address=" 浙江省杭州市萧山区 ", postcode="0") is r
