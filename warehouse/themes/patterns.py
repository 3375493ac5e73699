"""Classification and name patterns as analysts write them, turned into match keys for the SQL templates.

IPC/CPC patterns match at the level written: section "H", class "H01", subclass "B60L", main group
"B60K 6", subgroup "H01M 10/0525" (that subgroup and every symbol of the same main group whose subgroup
digits start with "0525"), and "H01M 10/00", the main group head alone. The `*` suffix of the official
concordance tables ("G06F40*", "H01M10/05*") means the level written and everything below; only
"X 10/00*" reads differently from its plain form (the whole main group). Spaces are optional.
Locarno patterns are a subclass "14-03" or a class "14".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sources.normalise.ipc import parse_loc
from sources.normalise.text import normalise_name

_CLASSIFICATION = re.compile(
    r"(?P<section>[A-H{y}])(?:(?P<cls>\d{{2}})(?:(?P<sub>[A-Z])"
    r"(?:\s*(?P<group>\d{{1,4}})(?:\s*/\s*(?P<digits>\d{{2,6}}))?)?)?)?\s*(?P<star>\*)?"
)
_IPC = re.compile(_CLASSIFICATION.pattern.format(y=""))
_CPC = re.compile(_CLASSIFICATION.pattern.format(y="Y"))
_LOC_CLASS = re.compile(r"\d{1,2}")

HINT = {
    "IPC": "write a subclass (B60L), main group (B60K 6), subgroup (H01M 10/0525) or G06F40*",
    "CPC": "write a subclass (Y02E), main group (Y02E 60) or subgroup (Y02E 60/10)",
    "LOC": "write a Locarno subclass (14-03) or class (14)",
}


@dataclass(frozen=True)
class MatchKey:
    """How one pattern matches: `level` names the classification column compared with `key`; for the
    subgroup level `key` is the main group and `digits` the subgroup prefix."""

    label: str
    level: str
    key: str
    digits: str = ""


def _prepare(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).upper().strip()


def classification_key(pattern: str, scheme: str = "IPC") -> MatchKey:
    """The match key of one pattern; ValueError with a hint when it is not one."""
    text = _prepare(pattern)
    if scheme == "LOC":
        return _loc_key(pattern, text)
    m = (_CPC if scheme == "CPC" else _IPC).fullmatch(text)
    if not m or (m["group"] is not None and int(m["group"]) == 0):
        raise ValueError(f"{pattern!r} is not a valid {scheme} pattern ({HINT[scheme]})")
    label = str(pattern).strip()
    if m["cls"] is None:
        return MatchKey(label, "section", m["section"])
    subclass = f"{m['section']}{m['cls']}{m['sub'] or ''}"
    if m["sub"] is None:
        return MatchKey(label, "class", subclass)
    if m["group"] is None:
        return MatchKey(label, "subclass", subclass)
    group = f"{subclass} {int(m['group'])}"
    digits = m["digits"]
    if digits is None or (set(digits) == {"0"} and m["star"]):
        return MatchKey(label, "group", group)
    if set(digits) == {"0"}:
        return MatchKey(label, "symbol", f"{group}/{digits}")
    return MatchKey(label, "subgroup", group, digits)


def _loc_key(pattern: str, text: str) -> MatchKey:
    label = str(pattern).strip()
    if _LOC_CLASS.fullmatch(text) and int(text):
        return MatchKey(label, "loc_class", f"{int(text):02d}")
    symbol = parse_loc(text)
    if symbol is None:
        raise ValueError(f"{pattern!r} is not a valid LOC pattern ({HINT['LOC']})")
    return MatchKey(label, "symbol", symbol)


def like_pattern(glob: str) -> str:
    """A glob over normalised names ("*大学*", "华为?") as a LIKE pattern with `\\` as escape character:
    `%`, `_` and `\\` in the name are literal."""
    name = normalise_name(glob) or ""
    out = []
    for char in name:
        if char in "%_\\":
            out.append("\\" + char)
        elif char == "*":
            out.append("%")
        elif char == "?":
            out.append("_")
        else:
            out.append(char)
    return "".join(out)


def exact_name(name: str) -> str:
    """An applicant name as the warehouse stores it (sources.normalise.text.normalise_name)."""
    normalised = normalise_name(name)
    if not normalised:
        raise ValueError(f"{name!r} is not a name")
    return normalised
