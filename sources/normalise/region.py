"""Country and Chinese administrative region (GB/T 2260) of a patent applicant.

CNIPA gives an applicant's ``WIPOST3Code``, the names ``Province``/``City``/``County`` (new XML only, ``0`` when
empty), a ``PostCode`` and a free address text that usually starts with the postcode. ``resolve_region`` turns
them into a :class:`Region` in this order of decisions:

1. **foreign** — an ST.3 code other than ``CN``, or a country name at the start of the address (``日本国神奈川县``
   is Japan; a Chinese parser would find ``县`` in it). Hong Kong, Macao and Taiwan are not foreign: they keep
   their ST.3 codes as country but get the GB/T 2260 province codes 81, 82 and 71, at province level only (the
   data package has no GB/T codes below), with method ``structured`` (from ``WIPOST3Code`` or ``Province``) or
   ``address``.
2. **structured** — the province/city/county names; lower levels missing there are filled from the address when
   the address agrees with them.
3. **address** — the address text, matched from its start: province, then prefecture, then county.
4. **postcode** — the province that the China Post allocation gives to the first two digits.
5. **none**.

Region data: jionlp 1.5.31 (Apache-2.0), ``china_location.txt`` for names, aliases and codes and
``china_location_change.txt`` for renamed or merged units (襄樊 → 襄阳, 孟津县 → 孟津区). The unit list has the
renames of 2021-04-09 (下城区 merged into 拱墅区) but not those of the change log's last entry, 2023-04-03
(错那县 is still a 县; the name 错那市 resolves to it). Many renamed units keep their old code (孟津区 410322, not
410308). Every code returned is the file's, and :data:`VINTAGE` goes with each result so that results from a
later data package can be told apart.

Decisions on units that are not plain province → prefecture → county:

* municipalities (北京, 天津, 上海, 重庆) get the prefecture-level code ``xx0100`` and the municipality's name as
  city, so every mainland result has a city; 重庆's counties (``5002xx``, GB/T's "县" group) are folded into 500100;
* county-level units administered by the province (天门市, 济源市, 石河子市 …) get the package's pseudo-prefecture
  ``省直辖行政区划`` (429000, 419000, …), which is also GB/T 2260's grouping;
* functional zones that the package takes from the NBS statistical codes (``xxxx7x``: 苏州工业园区 320571,
  开发区, 管理区) are not GB/T 2260 units and are not matched: their addresses resolve to the prefecture;
* a county that does not belong to the prefecture named before it (``江苏省扬州市丹阳市``) is dropped rather
  than moved to another prefecture.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["VINTAGE", "Region", "resolve_region"]

VINTAGE = "jionlp-1.5.31 china_location (GB/T 2260 names as of 2021-04-09; change log to 2023-04-03)"

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Region:
    """Where an applicant is: ST.3 country, GB/T 2260 codes and names, how it was found, which code list."""

    country: str | None
    province_code: str | None
    province: str | None
    city_code: str | None
    city: str | None
    county_code: str | None
    county: str | None
    method: str
    vintage: str = VINTAGE


# China Post postcode allocation: first two digits → GB/T 2260 province code. The zones follow the postal network,
# not administrative borders, so a few areas fall in a neighbour's block (兴安盟 137xxx under 吉林's 13,
# 阿拉善左旗 750xxx under 宁夏's 75); the result is only ever used at province level and as a last resort.
_POSTCODE_PROVINCE: Mapping[str, str] = {
    "01": "15", "02": "15",                          # 内蒙古
    "03": "14", "04": "14",                          # 山西
    "05": "13", "06": "13", "07": "13",              # 河北
    "10": "11",                                      # 北京
    "11": "21", "12": "21",                          # 辽宁
    "13": "22",                                      # 吉林
    "15": "23", "16": "23",                          # 黑龙江
    "20": "31",                                      # 上海
    "21": "32", "22": "32",                          # 江苏
    "23": "34", "24": "34",                          # 安徽
    "25": "37", "26": "37", "27": "37",              # 山东
    "30": "12",                                      # 天津
    "31": "33", "32": "33",                          # 浙江
    "33": "36", "34": "36",                          # 江西
    "35": "35", "36": "35",                          # 福建
    "40": "50",                                      # 重庆
    "41": "43", "42": "43",                          # 湖南
    "43": "42", "44": "42",                          # 湖北
    "45": "41", "46": "41", "47": "41",              # 河南
    "51": "44", "52": "44",                          # 广东
    "53": "45", "54": "45",                          # 广西
    "55": "52", "56": "52",                          # 贵州
    "57": "46",                                      # 海南
    "61": "51", "62": "51", "63": "51", "64": "51",  # 四川
    "65": "53", "66": "53", "67": "53",              # 云南
    "71": "61", "72": "61",                          # 陕西
    "73": "62", "74": "62",                          # 甘肃
    "75": "64",                                      # 宁夏
    "81": "63",                                      # 青海
    "83": "65", "84": "65",                          # 新疆
    "85": "54", "86": "54",                          # 西藏
}  # fmt: skip

# ST.3 codes for the country names of jionlp's world_location.txt, keyed by its short name (its full names, e.g.
# 日本国, 大韩民国, are registered from that file too). WIPO ST.3 uses the ISO 3166-1 alpha-2 code for every state;
# the test checks each code against the ISO 3166 table shipped with tzdata. 科索沃 has no ISO code and is left out.
_ST3_BY_WORLD_NAME: Mapping[str, str] = {
    "中国": "CN", "蒙古": "MN", "朝鲜": "KP", "韩国": "KR", "日本": "JP", "越南": "VN", "老挝": "LA", "柬埔寨": "KH",
    "缅甸": "MM", "泰国": "TH", "马来西亚": "MY", "新加坡": "SG", "文莱": "BN", "菲律宾": "PH", "印度尼西亚": "ID",
    "东帝汶": "TL", "尼泊尔": "NP", "不丹": "BT", "孟加拉国": "BD", "印度": "IN", "斯里兰卡": "LK", "马尔代夫": "MV",
    "巴基斯坦": "PK", "阿富汗": "AF", "伊朗": "IR", "科威特": "KW", "沙特": "SA", "巴林": "BH", "卡塔尔": "QA",
    "阿联酋": "AE", "阿曼": "OM", "也门": "YE", "伊拉克": "IQ", "叙利亚": "SY", "黎巴嫩": "LB", "约旦": "JO",
    "巴勒斯坦": "PS", "以色列": "IL", "塞浦路斯": "CY", "土耳其": "TR", "乌兹别克斯坦": "UZ", "哈萨克斯坦": "KZ",
    "吉尔吉斯斯坦": "KG", "塔吉克斯坦": "TJ", "亚美尼亚": "AM", "土库曼斯坦": "TM", "阿塞拜疆": "AZ", "格鲁吉亚": "GE",
    "冰岛": "IS", "丹麦": "DK", "挪威": "NO", "瑞典": "SE", "芬兰": "FI", "俄罗斯": "RU", "乌克兰": "UA",
    "白俄罗斯": "BY", "摩尔多瓦": "MD", "立陶宛": "LT", "爱沙尼亚": "EE", "拉脱维亚": "LV", "波兰": "PL", "捷克": "CZ",
    "匈牙利": "HU", "德国": "DE", "奥地利": "AT", "列支敦士登": "LI", "瑞士": "CH", "荷兰": "NL", "比利时": "BE",
    "卢森堡": "LU", "英国": "GB", "爱尔兰": "IE", "法国": "FR", "摩纳哥": "MC", "安道尔": "AD", "西班牙": "ES",
    "葡萄牙": "PT", "意大利": "IT", "梵蒂冈": "VA", "圣马力诺": "SM", "马耳他": "MT", "克罗地亚": "HR",
    "斯洛伐克": "SK", "斯洛文尼亚": "SI", "波黑": "BA", "马其顿": "MK", "塞尔维亚": "RS", "黑山": "ME",
    "罗马尼亚": "RO", "保加利亚": "BG", "阿尔巴尼亚": "AL", "希腊": "GR", "埃及": "EG", "利比亚": "LY", "突尼斯": "TN",
    "阿尔及利亚": "DZ", "摩洛哥": "MA", "毛里塔尼亚": "MR", "塞内加尔": "SN", "冈比亚": "GM", "马里": "ML",
    "布基纳法索": "BF", "佛得角": "CV", "几内亚比绍": "GW", "几内亚": "GN", "塞拉里昂": "SL", "利比里亚": "LR",
    "科特迪瓦": "CI", "加纳": "GH", "多哥": "TG", "贝宁": "BJ", "尼日尔": "NE", "尼日利亚": "NG", "喀麦隆": "CM",
    "赤道几内亚": "GQ", "乍得": "TD", "中非": "CF", "苏丹": "SD", "南苏丹": "SS", "埃塞俄比亚": "ET", "吉布提": "DJ",
    "索马里": "SO", "肯尼亚": "KE", "乌干达": "UG", "坦桑尼亚": "TZ", "卢旺达": "RW", "布隆迪": "BI", "刚果(金)": "CD",
    "刚果(布)": "CG", "加蓬": "GA", "圣多美和普林西比": "ST", "安哥拉": "AO", "赞比亚": "ZM", "马拉维": "MW",
    "莫桑比克": "MZ", "科摩罗": "KM", "马达加斯加": "MG", "塞舌尔": "SC", "毛里求斯": "MU", "津巴布韦": "ZW",
    "博茨瓦纳": "BW", "纳米比亚": "NA", "南非": "ZA", "斯威士兰": "SZ", "莱索托": "LS", "厄立特里亚": "ER",
    "澳大利亚": "AU", "新西兰": "NZ", "巴布亚新几内亚": "PG", "所罗门群岛": "SB", "瓦努阿图": "VU", "斐济": "FJ",
    "基里巴斯": "KI", "瑙鲁": "NR", "密克罗尼西亚": "FM", "马绍尔群岛": "MH", "图瓦卢": "TV", "萨摩亚": "WS",
    "纽埃": "NU", "帕劳": "PW", "汤加": "TO", "加拿大": "CA", "美国": "US", "墨西哥": "MX", "危地马拉": "GT",
    "伯利兹": "BZ", "萨尔瓦多": "SV", "洪都拉斯": "HN", "尼加拉瓜": "NI", "哥斯达黎加": "CR", "巴拿马": "PA",
    "巴哈马": "BS", "古巴": "CU", "牙买加": "JM", "海地": "HT", "多米尼加": "DO", "圣基茨和尼维斯": "KN",
    "安提瓜和巴布达": "AG", "多米尼克国": "DM", "圣卢西亚": "LC", "圣文森特和格林纳丁斯": "VC", "巴巴多斯": "BB",
    "格林纳达": "GD", "特立尼达和多巴哥": "TT", "哥伦比亚": "CO", "委内瑞拉": "VE", "圭亚那": "GY", "苏里南": "SR",
    "厄瓜多尔": "EC", "秘鲁": "PE", "巴西": "BR", "玻利维亚": "BO", "智利": "CL", "阿根廷": "AR", "巴拉圭": "PY",
    "乌拉圭": "UY",
}  # fmt: skip

# Names that world_location.txt lacks but applicant addresses use: offshore territories where many applicants are
# registered, other common names of states, and the ST.3 codes of dissolved states (WIPO ST.3 keeps them for
# documents filed before the change).
_ST3_EXTRA_NAMES: Mapping[str, str] = {
    "开曼群岛": "KY", "英属开曼群岛": "KY", "英属维尔京群岛": "VG", "英属维京群岛": "VG", "维尔京群岛": "VG",
    "美属维尔京群岛": "VI", "百慕大": "BM", "泽西": "JE", "根西": "GG", "马恩岛": "IM", "直布罗陀": "GI",
    "波多黎各": "PR", "库拉索": "CW", "阿鲁巴": "AW", "安圭拉": "AI", "格陵兰": "GL", "法罗群岛": "FO",
    "新喀里多尼亚": "NC", "法属波利尼西亚": "PF", "关岛": "GU", "特克斯和凯科斯群岛": "TC", "萨摩亚独立国": "WS",
    "印尼": "ID", "南韩": "KR", "沙特阿拉伯": "SA", "英格兰": "GB", "苏格兰": "GB", "威尔士": "GB", "北爱尔兰": "GB",
    "联邦德国": "DE", "西德": "DE", "北马其顿": "MK", "埃斯瓦蒂尼": "SZ", "波斯尼亚和黑塞哥维那": "BA",
    "苏联": "SU", "前苏联": "SU", "民主德国": "DD", "东德": "DD", "捷克斯洛伐克": "CS", "南斯拉夫": "YU",
}  # fmt: skip

_SPECIAL_REGIONS: Mapping[str, str] = {"81": "HK", "82": "MO", "71": "TW"}
_PROVINCE_OF_SPECIAL: Mapping[str, str] = {st3: code for code, st3 in _SPECIAL_REGIONS.items()}
# The package gives HK and MO districts only the placeholder codes 810000 / 820000; their names are not indexed.
_WITHOUT_SUBUNITS = frozenset({"81", "82"})
_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
# Placeholders the structured City field uses for municipalities and province-administered counties.
_FILLERS = frozenset({"", "0", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_PLACEHOLDER = re.compile(r"市辖区|(?:省|自治区)直辖(?:县级)?行政区划")
# A prefecture alias followed by one of these names a county that starts with the prefecture's name
# (宜宾县, 荆州区, 巴林右旗), not the prefecture.
_COUNTY_SUFFIXES = frozenset("县区旗")
_LEADING_POSTCODE = re.compile(r"^\s*(\d{6})(?!\d)")
_ST3 = re.compile(r"^[A-Z]{2}$")
_CACHE_SIZE = 1 << 16


@dataclass(frozen=True, slots=True, eq=False)
class _Unit:
    name: str
    code: str
    parent: _Unit | None

    @property
    def province(self) -> _Unit:
        return self if self.parent is None else self.parent.province


class _Names(Generic[_T]):
    """Longest-first prefix matcher over a name → value dict, tried at a given position of a text."""

    __slots__ = ("_by_name", "_lengths", "_stop_after_alias")

    def __init__(self, by_name: Mapping[str, tuple[_T, bool]], stop_after_alias: frozenset[str]) -> None:
        self._by_name = dict(by_name)
        # name lengths to try, longest first, per first character: a handful instead of every length
        lengths: dict[str, set[int]] = {}
        for name in by_name:
            lengths.setdefault(name[0], set()).add(len(name))
        self._lengths = {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}
        self._stop_after_alias = stop_after_alias

    def match(self, text: str, pos: int = 0) -> tuple[_T, int] | None:
        lengths = self._lengths.get(text[pos : pos + 1])
        if lengths is None:
            return None
        room = len(text) - pos
        for length in lengths:
            if length > room:
                continue
            end = pos + length
            found = self._by_name.get(text[pos:end])
            if found is None:
                continue
            value, is_alias = found
            if is_alias and text[end : end + 1] in self._stop_after_alias:
                continue
            return value, end
        return None


# Ranks of a name's claim on a unit: a current full name beats a historical one, which beats an alias.
_FULL, _OLD_FULL, _ALIAS, _OLD_ALIAS = range(4)


class _NamesBuilder(Generic[_T]):
    """Collects names; a name is kept for the one value with the best claim on it, dropped when that is shared."""

    def __init__(self) -> None:
        self._claims: dict[str, dict[_T, int]] = {}

    def add(self, name: str | None, value: _T, rank: int = _FULL) -> None:
        if not name:
            return
        claims = self._claims.setdefault(name, {})
        claims[value] = min(rank, claims.get(value, rank))

    def build(self, stop_after_alias: frozenset[str] = frozenset()) -> _Names[_T]:
        by_name: dict[str, tuple[_T, bool]] = {}
        for name, claims in self._claims.items():
            best = min(claims.values())
            winners = [value for value, rank in claims.items() if rank == best]
            if len(winners) == 1:
                by_name[name] = (winners[0], best >= _ALIAS)
        return _Names(by_name, stop_after_alias)


@dataclass(frozen=True, slots=True)
class _Hit:
    province: _Unit
    city: _Unit | None = None
    county: _Unit | None = None

    @property
    def depth(self) -> int:
        return 1 + (self.city is not None) + (self.county is not None)


@dataclass(frozen=True, slots=True)
class _Index:
    countries: _Names[str]
    provinces: _Names[_Unit]
    province_by_code: Mapping[str, _Unit]
    cities_in: Mapping[str, _Names[_Unit]]
    counties_in_city: Mapping[str, _Names[_Unit]]
    counties_in_province: Mapping[str, _Names[_Unit]]
    cities: _Names[_Unit]
    counties: _Names[_Unit]
    municipal_city: Mapping[str, _Unit]
    municipal_skip: _Names[None]


def _children(node: Mapping[str, Any]) -> Iterable[tuple[str, Mapping[str, Any]]]:
    return ((key, value) for key, value in node.items() if not key.startswith("_"))


def _aliases(node: Mapping[str, Any]) -> list[str]:
    alias = node["_alias"]
    return list(alias) if isinstance(alias, list) else [alias]


def _load_jionlp() -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    # jionlp prints a banner on import; keep it out of pipeline logs and CLI output.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp  # type: ignore[import-untyped]

    return (
        jionlp.china_location_loader(detail=False),
        jionlp.china_location_change_loader(),
        jionlp.world_location_loader(),
    )


def _add_county_names(
    builder: _NamesBuilder[_Unit], unit: _Unit, name: str, aliases: Iterable[str], *, bare: bool, old: bool
) -> None:
    builder.add(name, unit, _OLD_FULL if old else _FULL)
    alias_rank = _OLD_ALIAS if old else _ALIAS
    for alias in aliases:
        if bare:
            builder.add(alias, unit, alias_rank)
        # Counties change type (县 → 区, 县 → 市): an old "alias + suffix" still names the same unit.
        for suffix in "县区市":
            builder.add(alias + suffix, unit, alias_rank)


@functools.cache
def _index() -> _Index:
    location, changes, world = _load_jionlp()

    countries: _NamesBuilder[str] = _NamesBuilder()
    for continent in world.values():
        for short_name, info in continent.items():
            code = _ST3_BY_WORLD_NAME.get(short_name)
            if code is not None:
                countries.add(short_name, code)
                countries.add(info["full_name"], code)
    for name, code in _ST3_EXTRA_NAMES.items():
        countries.add(name, code)

    provinces: _NamesBuilder[_Unit] = _NamesBuilder()
    province_by_code: dict[str, _Unit] = {}
    cities_in: dict[str, _NamesBuilder[_Unit]] = {}
    counties_in_city: dict[str, _NamesBuilder[_Unit]] = {}
    counties_in_province: dict[str, _NamesBuilder[_Unit]] = {}
    cities: _NamesBuilder[_Unit] = _NamesBuilder()
    counties: _NamesBuilder[_Unit] = _NamesBuilder()
    municipal_city: dict[str, _Unit] = {}
    city_by_path: dict[tuple[str, str], _Unit] = {}
    county_by_path: dict[tuple[str, str, str], _Unit] = {}

    for province_name, province_node in location.items():
        province = _Unit(province_node["_full_name"], province_node["_admin_code"], None)
        code2 = province.code[:2]
        province_by_code[code2] = province
        provinces.add(province.name, province)
        provinces.add(province_node["_alias"], province, _ALIAS)
        if code2 in _WITHOUT_SUBUNITS:
            continue
        in_province = cities_in.setdefault(code2, _NamesBuilder())
        province_counties = counties_in_province.setdefault(code2, _NamesBuilder())
        for city_name, city_node in _children(province_node):
            if code2 in _MUNICIPALITIES:
                city = municipal_city.setdefault(code2, _Unit(province.name, code2 + "0100", province))
            else:
                city = _Unit(city_node["_full_name"], city_node["_admin_code"], province)
                if not city.name.endswith("直辖行政区划"):
                    in_province.add(city.name, city)
                    cities.add(city.name, city)
                    if code2 != "71":
                        for alias in _aliases(city_node):
                            in_province.add(alias, city, _ALIAS)
                            cities.add(alias, city, _ALIAS)
            city_by_path[(province_name, city_name)] = city
            in_city = counties_in_city.setdefault(city.code, _NamesBuilder())
            for county_name, county_node in _children(city_node):
                code = county_node["_admin_code"]
                if code == city_node["_admin_code"] or code[4] == "7":
                    continue  # "市直辖行政区划" placeholders and NBS-only functional zones
                county = _Unit(county_node["_full_name"], code, city)
                county_by_path[(province_name, city_name, county_name)] = county
                aliases = _aliases(county_node) if code2 != "71" else []
                _add_county_names(in_city, county, county.name, aliases, bare=True, old=False)
                _add_county_names(province_counties, county, county.name, aliases, bare=True, old=False)
                # Bare two-character aliases are too loose without a province or prefecture before them.
                _add_county_names(counties, county, county.name, aliases, bare=False, old=False)

    # Historical names: a renamed county keeps its old names under its current prefecture; a prefecture renamed
    # or merged away (襄樊 → 襄阳) keeps its old names when all its former counties went to one prefecture.
    old_city_targets: dict[tuple[str, str, str], set[_Unit]] = {}
    for change in changes:
        _, (old_city, old_city_alias), (old_county, old_county_alias) = change["old_loc"]
        new_province, new_city, new_county = change["new_loc"]
        target_city = city_by_path.get((new_province, new_city))
        if target_city is None:
            continue
        old_city_targets.setdefault((new_province, old_city, old_city_alias), set()).add(target_city)
        if not new_county or not old_county:
            continue
        scopes = (counties_in_city[target_city.code], counties_in_province[target_city.code[:2]], counties)
        target_county = county_by_path.get((new_province, new_city, new_county))
        if target_county is not None:
            for builder in scopes:
                bare = builder is not counties
                _add_county_names(builder, target_county, old_county, [old_county_alias], bare=bare, old=True)
        elif (not_yet_renamed := county_by_path.get((new_province, new_city, old_county))) is not None:
            # The unit list predates this change: the new name leads to the unit under its old name.
            for builder in scopes:
                builder.add(new_county, not_yet_renamed, _OLD_FULL)
    for (province_name, old_city, old_city_alias), targets in old_city_targets.items():
        if len(targets) != 1 or (province_name, old_city) in city_by_path:
            continue
        (city,) = targets
        for builder in (cities_in[city.code[:2]], cities):
            builder.add(old_city, city, _OLD_FULL)
            builder.add(old_city_alias, city, _OLD_ALIAS)

    skip: _NamesBuilder[None] = _NamesBuilder()
    for code2, city in municipal_city.items():
        for name in (city.name, province_by_code[code2].name[:-1], "市辖区", "县"):
            skip.add(name, None)

    return _Index(
        countries=countries.build(),
        provinces=provinces.build(),
        province_by_code=province_by_code,
        cities_in={code: builder.build(_COUNTY_SUFFIXES) for code, builder in cities_in.items()},
        counties_in_city={code: builder.build() for code, builder in counties_in_city.items()},
        counties_in_province={code: builder.build() for code, builder in counties_in_province.items()},
        cities=cities.build(_COUNTY_SUFFIXES),
        counties=counties.build(),
        municipal_city=municipal_city,
        municipal_skip=skip.build(),
    )


def _below_province(ix: _Index, province: _Unit, text: str, pos: int) -> _Hit:
    code2 = province.code[:2]
    if code2 in _WITHOUT_SUBUNITS:
        return _Hit(province)
    municipal = ix.municipal_city.get(code2)
    if municipal is not None:
        while (skipped := ix.municipal_skip.match(text, pos)) is not None:
            pos = skipped[1]
        county = ix.counties_in_city[municipal.code].match(text, pos)
        return _Hit(province, municipal, county[0] if county else None)
    if (placeholder := _PLACEHOLDER.match(text, pos)) is not None:
        pos = placeholder.end()
    city = ix.cities_in[code2].match(text, pos)
    if city is not None:
        unit, end = city
        if (placeholder := _PLACEHOLDER.match(text, end)) is not None:
            end = placeholder.end()
        in_city = ix.counties_in_city.get(unit.code)
        county = in_city.match(text, end) if in_city is not None else None
        return _Hit(province, unit, county[0] if county else None)
    county = ix.counties_in_province[code2].match(text, pos)
    if county is not None:
        return _Hit(province, county[0].parent, county[0])
    return _Hit(province)


def _without_province(ix: _Index, text: str) -> _Hit | None:
    city = ix.cities.match(text)
    if city is not None:
        unit, end = city
        in_city = ix.counties_in_city.get(unit.code)
        county = in_city.match(text, end) if in_city is not None else None
        return _Hit(unit.province, unit, county[0] if county else None)
    county = ix.counties.match(text)
    if county is not None:
        return _Hit(county[0].province, county[0].parent, county[0])
    return None


def _parse(ix: _Index, text: str) -> _Hit | None:
    province = ix.provinces.match(text)
    hit = _below_province(ix, province[0], text, province[1]) if province is not None else None
    if hit is not None and hit.depth > 1:
        return hit
    # A bare province match may be the start of a prefecture's name: 吉林市…, 海南藏族自治州… (青海).
    other = _without_province(ix, text)
    if other is not None and (hit is None or other.depth > hit.depth):
        return other
    return hit


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _parse_structured(text: str) -> _Hit | None:
    """`_parse` of the structured fields joined: a few thousand combinations, unlike the addresses."""
    return _parse(_index(), text)


def _chinese_prefix_length(ix: _Index, text: str) -> int:
    ends = [found[1] for table in (ix.provinces, ix.cities, ix.counties) if (found := table.match(text))]
    return max(ends, default=0)


def _leading_country(ix: _Index, text: str) -> tuple[str | None, int]:
    """The ST.3 code of the country name the text starts with, and where that name ends."""
    found = ix.countries.match(text)
    if found is None:
        return None, 0
    code, end = found
    # 黑山县 (辽宁) and 巴林右旗 (内蒙古) start with country names; the longer Chinese name wins.
    if code != "CN" and _chinese_prefix_length(ix, text) > end:
        return None, 0
    return code, end


def _region(hit: _Hit, method: str) -> Region:
    code2 = hit.province.code[:2]
    special = _SPECIAL_REGIONS.get(code2)
    if special is not None:
        return Region(special, code2, hit.province.name, None, None, None, None, method)
    city, county = hit.city, hit.county
    return Region(
        "CN",
        code2,
        hit.province.name,
        city.code if city else None,
        city.name if city else None,
        county.code if county else None,
        county.name if county else None,
        method,
    )


def _consistent_deeper(structured: _Hit, address: _Hit) -> bool:
    return (
        address.depth > structured.depth
        and address.province is structured.province
        and (structured.city is None or address.city is structured.city)
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = "".join(value.split())
    return None if value in _FILLERS else value


def resolve_region(
    *,
    country: str | None = None,
    province: str | None = None,
    city: str | None = None,
    county: str | None = None,
    address: str | None = None,
    postcode: str | None = None,
) -> Region:
    """Country and GB/T 2260 region from raw CNIPA applicant address values (see the module docstring).

    ``country`` is the ``WIPOST3Code``; ``province``/``city``/``county``/``postcode`` are the structured fields
    (``0`` means absent, ``市辖区`` as a city is ignored); ``address`` is the free text, with or without its leading
    postcode. Results are cached, so repeated addresses cost a dict look-up.
    """
    st3 = (country or "").strip().upper()
    return _resolve(
        st3 if _ST3.match(st3) else None,
        _clean(province),
        _clean(city),
        _clean(county),
        (address or "").strip() or None,
        _clean(postcode),
    )


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _resolve(
    country: str | None,
    province: str | None,
    city: str | None,
    county: str | None,
    address: str | None,
    postcode: str | None,
) -> Region:
    ix = _index()
    special = _PROVINCE_OF_SPECIAL.get(country) if country is not None else None
    if special is not None:
        return _region(_Hit(ix.province_by_code[special]), "structured")
    if country is not None and country != "CN":
        return Region(country, None, None, None, None, None, None, "foreign")

    text = ""
    if address is not None:
        leading = _LEADING_POSTCODE.match(address)
        if leading is not None:
            postcode = postcode or leading.group(1)
            address = address[leading.end() :]
        text = "".join(address.split())
        named, end = _leading_country(ix, text)
        if named == "CN":
            country, text = "CN", text[end:]
        elif named is not None:
            return Region(named, None, None, None, None, None, None, "foreign")

    address_hit = _parse(ix, text) if text else None
    structured = "".join(part for part in (province, city, county) if part)
    structured_hit = _parse_structured(structured) if structured else None
    if structured_hit is not None:
        if address_hit is not None and _consistent_deeper(structured_hit, address_hit):
            structured_hit = address_hit
        return _region(structured_hit, "structured")
    if address_hit is not None:
        return _region(address_hit, "address")

    code2 = (
        _POSTCODE_PROVINCE.get(postcode[:2])
        if postcode and len(postcode) == 6 and postcode.isdigit()
        else None
    )
    if code2 is not None:
        return _region(_Hit(ix.province_by_code[code2]), "postcode")
    return Region(country, None, None, None, None, None, None, "none")
