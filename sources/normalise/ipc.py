"""IPC (and CPC) symbols and Locarno classes in the forms CNIPA, USPTO and DOCDB write them.

The canonical IPC symbol is the subclass, one space, the main group without leading zeros, "/" and the
subgroup as written (at least two digits): "A61K 31/7076", "H01M 10/0525", "G06F 40/00".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from sources.normalise.text import is_filler

_IPC_SECTIONS = "A-H"
# CPC adds section Y (tagging of cross-sectional technologies) to the IPC sections.
_CPC_SECTIONS = "A-HY"

# 14-character form used by WIPO's IPC files: subclass + 4-digit main group + 6-digit subgroup, both
# zero-padded (subgroup on the right, as it is a decimal fraction).
_FOURTEEN = re.compile(r"([A-HY]\d{2}[A-Z])(\d{4})(\d{6})")
_SYMBOL = re.compile(r"([A-HY]\d{2}[A-Z])(?:\s*(\d{1,4})(?:\s*/\s*(\d{1,6}))?)?")
# CNIPA text and display forms: "(2006.01)", "(2006.01)I".
_BRACKET_VERSION = re.compile(r"\(?\s*(\d{4})\s*\.\s*(\d{2})\s*\)?\s*([IN])?")
# WIPO ST.8 record after the symbol: version date (20-27), level (28), position F/L (29), value I/N (30),
# then action date, status, source and office, which are not kept. Read relative to the version date
# because DOCDB copies are sometimes trimmed or have their padding collapsed.
_ST8_TAIL = re.compile(r"(\d{4})(\d{2})\d{2}([A-Z ])?([FL ])?([IN ])?.*")
_STRICT = re.compile(r"[A-H]\d{2}[A-Z]\s*(\d{1,4})/\d{2,6}(?:\s*\(\d{4}\.\d{2}\))?\s*[IN]?")
_VERSION_DATE = re.compile(r"(\d{4})[-.]?(\d{2})(?:[-.]?\d{2})?")

_LOC_EDITION = re.compile(r"LOC\s*\(\s*(\d{1,2})\s*\)\s*(?:CL\s*\.?)?\s*")
_LOC_CLASS = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})|(\d{1,2})(\d{2})")


@dataclass(frozen=True)
class Classification:
    """One IPC/CPC symbol: `symbol` "A61K 31/7076", `section` "A", `subclass` "A61K", `main_group`
    "A61K 31" (None for a subclass-only symbol), `version` "2006.01", `position` F (first) / L (later),
    `value` I (inventive) / N (non-inventive, additional)."""

    symbol: str
    section: str
    subclass: str
    main_group: str | None
    version: str | None = None
    position: str | None = None
    value: str | None = None


def _prepare(text: str) -> str:
    # NFKC turns full-width letters, digits and brackets of hand-keyed CN records into ASCII.
    return unicodedata.normalize("NFKC", text).upper().strip()


def _version(year: str, month: str) -> str | None:
    return f"{year}.{month}" if 1 <= int(month) <= 12 else None


def _one_of(char: str | None, allowed: str) -> str | None:
    return char if char and char in allowed else None


def _build(
    subclass: str,
    main_group: str | None,
    subgroup: str | None,
    version: str | None = None,
    position: str | None = None,
    value: str | None = None,
) -> Classification | None:
    if main_group is None:
        return Classification(subclass, subclass[0], subclass, None, version, position, value)
    group = int(main_group)
    if group == 0:
        return None
    main = f"{subclass} {group}"
    symbol = main if subgroup is None else f"{main}/{subgroup}"
    return Classification(symbol, subclass[0], subclass, main, version, position, value)


@functools.lru_cache(maxsize=1 << 16)  # symbols repeat across documents; results are immutable
def parse_ipc(text: str | None, *, cpc: bool = False) -> Classification | None:
    """Parse one IPC symbol in any of the written forms; None for fillers and text that is not a symbol.

    Accepted: fixed-width CNIPA "A61K   31/7076  (2006.01)", old CN "C07K 16/18 (2006.01)", display
    "C07C49/12(2006.01)I", DOCDB/ST.8 "A61K   9/16        20060101A I20051008RMEP", the 14-character
    "A23B0009320000", bare "F02M  59/34", subclass "B60L" and main group "B60K 6". A one-digit subgroup is
    rejected: written symbols always have two or more, so it signals a garbled value. With `cpc=True`
    section Y is accepted too.
    """
    if text is None or is_filler(text):
        return None
    prepared = _prepare(text)
    sections = _CPC_SECTIONS if cpc else _IPC_SECTIONS
    if not re.match(f"[{sections}]", prepared):
        return None

    fourteen = _FOURTEEN.fullmatch(prepared)
    if fourteen:
        subclass, main_group, subgroup = fourteen.groups()
        if int(main_group) == 0:
            return _build(subclass, None, None)
        return _build(subclass, main_group, subgroup.rstrip("0").ljust(2, "0"))

    symbol = _SYMBOL.match(prepared)
    if not symbol:
        return None
    subclass, main_group, subgroup = symbol.groups()
    if subgroup is not None and len(subgroup) < 2:
        return None
    rest = prepared[symbol.end() :].strip()
    if rest == "":
        return _build(subclass, main_group, subgroup)
    if main_group is not None and subgroup is None and rest.startswith("/"):
        return None
    bracket = _BRACKET_VERSION.fullmatch(rest)
    if bracket:
        year, month, value = bracket.groups()
        return _build(subclass, main_group, subgroup, _version(year, month), None, value)
    st8 = _ST8_TAIL.fullmatch(rest)
    if st8:
        year, month, _level, position, value = st8.groups()
        return _build(
            subclass,
            main_group,
            subgroup,
            _version(year, month),
            _one_of(position, "FL"),
            _one_of(value, "IN"),
        )
    return None


def parse_ipc_list(text: str | None, *, cpc: bool = False) -> tuple[Classification, ...]:
    """Parse a ";"-separated list such as CNIPR's "G06Q50/00(2012.01)I;G06F17/30(2006.01)I", skipping
    parts that are not symbols."""
    if text is None or is_filler(text):
        return ()
    parsed = (parse_ipc(part, cpc=cpc) for part in re.split(r"[;；]", text))
    return tuple(item for item in parsed if item is not None)


def _part(value: str | None) -> str | None:
    if value is None:
        return None
    prepared = _prepare(value)
    return prepared or None


def ipc_from_parts(
    section: str | None,
    class_: str | None,
    subclass: str | None,
    main_group: str | None,
    subgroup: str | None,
    version_date: str | None = None,
    *,
    position: str | None = None,
    value: str | None = None,
    cpc: bool = False,
) -> Classification | None:
    """Build a symbol from split fields (CNIPA new format Section/MainClass/Subclass/MainGroup/Subgroup,
    USPTO and ST.36 section/class/subclass/main-group/subgroup).

    `version_date` "20060101" becomes version "2006.01". A one-digit class or subgroup is left-padded
    ("9" -> "09"): split fields lose leading zeros when a producer stores them as numbers. A missing or
    zero main group gives a subclass-only symbol, a missing subgroup a main-group-only one.
    """
    section_, class_digits, subclass_letter = _part(section), _part(class_), _part(subclass)
    sections = _CPC_SECTIONS if cpc else _IPC_SECTIONS
    if section_ is None or not re.fullmatch(f"[{sections}]", section_):
        return None
    if class_digits is None or not re.fullmatch(r"\d{1,2}", class_digits):
        return None
    if subclass_letter is None or not re.fullmatch(r"[A-Z]", subclass_letter):
        return None
    code = f"{section_}{class_digits.zfill(2)}{subclass_letter}"

    group, sub = _part(main_group), _part(subgroup)
    if group is not None and not re.fullmatch(r"\d{1,4}", group):
        return None
    if sub is not None and not re.fullmatch(r"\d{1,6}", sub):
        return None
    if group is None or int(group) == 0:
        group, sub = None, None
    if sub is not None:
        sub = sub.zfill(2)

    version = None
    if version_date is not None and not is_filler(version_date):
        dated = _VERSION_DATE.fullmatch(_prepare(version_date))
        version = _version(dated[1], dated[2]) if dated else None
    return _build(code, group, sub, version, _one_of(_part(position), "FL"), _one_of(_part(value), "IN"))


def is_valid_ipc(symbol: str | None) -> bool:
    """True for a complete IPC symbol: section A-H, 2-digit class, subclass letter, 1-4-digit main group
    (not zero), "/", 2-6-digit subgroup. Spacing after the subclass, a "(YYYY.MM)" version and an I/N
    suffix are tolerated, as CNIPA writes them."""
    if symbol is None:
        return False
    match = _STRICT.fullmatch(symbol.strip())
    return bool(match) and int(match[1]) != 0


def parse_loc(text: str | None) -> str | None:
    """Locarno class as "CC-SS": "1403", "14-03", "LOC(14)Cl. 14-03" all give "14-03"; None otherwise.

    A three-digit value ("101") is read as class 1 with its leading zero lost.
    """
    if text is None or is_filler(text):
        return None
    prepared = _prepare(text)
    edition = _LOC_EDITION.match(prepared)
    if edition:
        prepared = prepared[edition.end() :]
    match = _LOC_CLASS.fullmatch(prepared)
    if not match:
        return None
    main, sub = (match[1], match[2]) if match[1] else (match[3], match[4])
    if int(main) == 0:
        return None
    return f"{int(main):02d}-{int(sub):02d}"


def loc_edition(text: str | None) -> str | None:
    """Locarno edition where it is written: "LOC(14)Cl. 14-03" -> "14"; a bare number (the USPTO
    `edition` element, "9") is read as the edition. Leading zeros are dropped."""
    if text is None or is_filler(text):
        return None
    prepared = _prepare(text)
    edition = _LOC_EDITION.match(prepared)
    if edition:
        return str(int(edition[1])) if int(edition[1]) else None
    if re.fullmatch(r"\d{1,2}", prepared):
        return str(int(prepared))
    return None
