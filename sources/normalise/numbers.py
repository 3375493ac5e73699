"""CNIPA application numbers (ZC 0006-2003), kind codes (ZC 0008) and application types.

Application numbers come in two families:

* original: "202111286633.X" (2003-10-01 on: year, type digit, 7-digit serial, check character),
  "95115608.X" (1989 - 2003-09: 2-digit year, type digit, 5-digit serial, check character) and
  "85100462" (1985-1988: as before, but no check character);
* standard (CNIPA XML `@dataFormat="standard"`): "102021001286633" = 2-digit type code + 4-digit year +
  serial zero-padded to 9 digits, no check character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sources.normalise.text import is_filler

_WEIGHTS_12 = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_WEIGHTS_8 = (2, 3, 4, 5, 6, 7, 8, 9)

# Type digit of the number -> type code of the standard form and of the new XML's @applType.
_TYPE_CODES = {"1": "10", "2": "20", "3": "30", "8": "11", "9": "21"}
_TYPE_DIGITS = {code: digit for digit, code in _TYPE_CODES.items()}

_TWELVE = re.compile(r"(\d{4})(\d)(\d{7})(?:\.?([0-9X]))?")
_EIGHT = re.compile(r"(\d{2})(\d)(\d{5})(?:\.?([0-9X]))?")
_STANDARD = re.compile(r"(\d{2})(\d{4})(\d{9})")
_PREFIX = re.compile(r"^(?:CN|ZL)+")
_PLAIN = re.compile(r"[0-9][0-9.]*X?")


def check_digit(digits: str) -> str:
    """ZC 0006-2003 check character of a 12-digit (2003-10 on) or 8-digit (1989-2003) number body.

    Weighted sum (2,3,4,5,6,7,8,9,2,3,4,5 or 2..9) mod 11; a remainder of 10 is written "X".
    """
    if not re.fullmatch(r"[0-9]{12}|[0-9]{8}", digits):
        raise ValueError(f"expected 12 or 8 ASCII digits, got {digits!r}")
    return _check_digit(digits)


def _check_digit(digits: str) -> str:
    weights = _WEIGHTS_12 if len(digits) == 12 else _WEIGHTS_8
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


@dataclass(frozen=True)
class AppNumber:
    """A CN application number in both forms.

    `canonical` is the dotted original form ("202111286633.X", "95115608.X", or the bare "85100462" for
    1985-1988). When the source gave no check character it is computed: `check_from_source` is then False
    and `check_valid` True. `check_valid` is None only where the numbering rule has no check character.
    `findings` lists problems in plain words; `canonical` is None when no number could be read.
    """

    canonical: str | None = None
    standard: str | None = None
    type_digit: str | None = None
    year: int | None = None
    check_from_source: bool = False
    check_valid: bool | None = None
    findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Parts:
    year: int
    type_digit: str
    serial: str  # 7 digits for 12-digit numbers, 5 digits for 8-digit ones
    check: str | None  # as written in the source

    @property
    def key(self) -> tuple[int, str, int]:
        return self.year, self.type_digit, int(self.serial)


def _prepare(text: str) -> str:
    if _PLAIN.fullmatch(text):  # the usual case: nothing to fold
        return text
    # NFKC folds full-width digits, letters and the full-width full stop; the ideographic full stop is
    # a separate character that hand-keyed records also use.
    prepared = unicodedata.normalize("NFKC", text).replace("。", ".").upper()
    prepared = re.sub(r"\s+", "", prepared)
    return _PREFIX.sub("", prepared)


def _eight_digit_year(two_digits: str) -> int | None:
    year = int(two_digits)
    if year >= 85:
        return 1900 + year
    if year <= 3:
        return 2000 + year
    return None


def _from_standard(standard: str) -> _Parts | str:
    match = _STANDARD.fullmatch(standard)
    if not match:
        return f"unreadable standard application number '{standard}'"
    code, year_text, serial9 = match.groups()
    type_digit = _TYPE_DIGITS.get(code)
    if type_digit is None:
        return f"unknown type code '{code}' in standard application number '{standard}'"
    year = int(year_text)
    serial = int(serial9)
    # 12-digit numbering began on 2003-10-01; the 2003 serials of the new numbering start above the
    # 5-digit range (2003101xxxxx), so a small 2003 serial belongs to an 8-digit number. (Inferred from
    # the two numbering rules, not stated by CNIPA.)
    if year < 2003 or (year == 2003 and serial < 100_000):
        if year < 1985 or serial >= 100_000:
            return f"standard application number '{standard}' does not fit 8-digit numbering"
        return _Parts(year, type_digit, f"{serial:05d}", None)
    if serial >= 10_000_000:
        return f"standard application number '{standard}' has a serial longer than 7 digits"
    return _Parts(year, type_digit, f"{serial:07d}", None)


def _read(text: str) -> _Parts | str:
    """Read any written form into its parts, or return a finding."""
    prepared = _prepare(text)
    if match := _TWELVE.fullmatch(prepared):
        year_text, type_digit, serial, check = match.groups()
        if int(year_text) < 2003:
            return f"12-digit application number '{text.strip()}' has a year before 2003"
        return _Parts(int(year_text), type_digit, serial, check)
    if match := _EIGHT.fullmatch(prepared):
        year_text, type_digit, serial, check = match.groups()
        year = _eight_digit_year(year_text)
        if year is None:
            return f"8-digit application number '{text.strip()}' has a year outside 1985-2003"
        return _Parts(year, type_digit, serial, check)
    if _STANDARD.fullmatch(prepared):
        return _from_standard(prepared)
    return f"unreadable application number '{text.strip()}'"


def _build(parts: _Parts, findings: list[str]) -> AppNumber:
    if len(parts.serial) == 7:
        body = f"{parts.year}{parts.type_digit}{parts.serial}"
    else:
        body = f"{parts.year % 100:02d}{parts.type_digit}{parts.serial}"

    code = _TYPE_CODES.get(parts.type_digit)
    if code is None:
        findings.append(f"unknown type digit '{parts.type_digit}'")
    standard = f"{code}{parts.year}{int(parts.serial):09d}" if code else None

    if parts.year <= 1988:
        if parts.check is not None:
            findings.append(f"check character '{parts.check}' ignored: 1985-1988 numbers have none")
        return AppNumber(body, standard, parts.type_digit, parts.year, False, None, tuple(findings))

    expected = _check_digit(body)
    if parts.check is None:
        return AppNumber(
            f"{body}.{expected}", standard, parts.type_digit, parts.year, False, True, tuple(findings)
        )
    valid = parts.check == expected
    if not valid:
        findings.append(f"check digit {parts.check} does not validate (expected {expected})")
    # An invalid check character is kept as written: the typo may as well be in the body.
    return AppNumber(
        f"{body}.{parts.check}", standard, parts.type_digit, parts.year, True, valid, tuple(findings)
    )


def parse_cn_app_number(original: str | None, standard: str | None = None) -> AppNumber:
    """Read a CN application number from its original and/or standard form; never raises.

    Accepts "202111286633.X", "2021112866337", "CN202111286633.X", "CN 2021 1 1286633.X", "ZL…",
    full-width characters, a lower-case "x", the 15-digit standard form in either argument, and 8-digit
    numbers with or without check character. When both forms are readable and name different
    applications, the original wins and a finding is added. Fillers ("", "0", "00000000") count as absent.
    """
    findings: list[str] = []
    from_original = None if original is None or is_filler(original) else _read(original)
    from_standard = None if standard is None or is_filler(standard) else _read(standard)

    if isinstance(from_original, str):
        findings.append(from_original)
        from_original = None
    if isinstance(from_standard, str):
        findings.append(from_standard)
        from_standard = None

    if from_original is not None:
        if from_standard is not None and from_standard.key != from_original.key:
            findings.append("original and standard forms disagree")
        return _build(from_original, findings)
    if from_standard is not None:
        return _build(from_standard, findings)
    return AppNumber(findings=tuple(findings))


# ZC 0008-2004 / ZC 0008-2012 kind codes, with the pre-2004 meanings of letters that changed.
CN_KINDS: dict[str, str] = {
    "A": "发明专利申请公布说明书",
    "A8": "发明专利申请公布说明书（扉页再版）",
    "A9": "发明专利申请公布说明书（全文再版）",
    "B": "发明专利说明书（授权公告；1985-1992 为发明专利申请审定说明书）",
    # B8/B9 are missing from the published lists found, but occur in CNIPA data
    # (CN103081473B8, CN104773039B9).
    "B8": "发明专利说明书（扉页再版）",
    "B9": "发明专利说明书（全文再版）",
    "C": "发明专利说明书（1993-2004 授权公告）",
    "C1": "发明专利权部分无效宣告的公告",
    "C2": "发明专利权部分无效宣告的公告",
    "C3": "发明专利权部分无效宣告的公告",
    "C4": "发明专利权部分无效宣告的公告",
    "C5": "发明专利权部分无效宣告的公告",
    "C6": "发明专利权部分无效宣告的公告",
    "C7": "发明专利权部分无效宣告的公告",
    # C8 by analogy with B8; C9 is seen in data (CN1238422C9, a reprint of an old C grant).
    "C8": "发明专利说明书（扉页再版）",
    "C9": "发明专利说明书（全文再版）",
    "U": "实用新型专利说明书（授权公告；1985-1992 为实用新型专利申请说明书）",
    "U8": "实用新型专利说明书（扉页再版）",
    "U9": "实用新型专利说明书（全文再版）",
    "Y": "实用新型专利说明书（1993-2004 授权公告）",
    "Y1": "实用新型专利权部分无效宣告的公告",
    "Y2": "实用新型专利权部分无效宣告的公告",
    "Y3": "实用新型专利权部分无效宣告的公告",
    "Y4": "实用新型专利权部分无效宣告的公告",
    "Y5": "实用新型专利权部分无效宣告的公告",
    "Y6": "实用新型专利权部分无效宣告的公告",
    "Y7": "实用新型专利权部分无效宣告的公告",
    # Y8/Y9 and S8 are not in the texts found; listed by analogy so every republication kind is a kind.
    "Y8": "实用新型专利说明书（扉页再版）",
    "Y9": "实用新型专利说明书（全文再版）",
    "S": "外观设计专利授权公告",
    "S1": "外观设计专利权部分无效宣告的公告",
    "S2": "外观设计专利权部分无效宣告的公告",
    "S3": "外观设计专利权部分无效宣告的公告",
    "S4": "外观设计专利权部分无效宣告的公告",
    "S5": "外观设计专利权部分无效宣告的公告",
    "S6": "外观设计专利权部分无效宣告的公告",
    "S7": "外观设计专利权部分无效宣告的公告",
    "S8": "外观设计专利授权公告（扉页再版）",
    "S9": "外观设计专利授权公告（全部再版）",
    # D (designs, 1993-2004) is reported by secondary sources only; no D document has been seen.
    "D": "外观设计专利公告（1993-2004）",
}

# Corrected front pages (x8) and full reprints (x9) of an earlier document: not new publications.
REPUBLICATION_KINDS = frozenset({"A8", "A9", "B8", "B9", "C8", "C9", "U8", "U9", "Y8", "Y9", "S8", "S9"})

_KIND_LETTERS = {
    "invention": "ABC",
    "pct_invention": "ABC",
    "utility_model": "UY",
    "pct_utility_model": "UY",
    "design": "SD",
}


def _kind(kind: str | None) -> str | None:
    return kind.strip() if kind is not None else None


def is_valid_cn_kind(kind: str | None) -> bool:
    """True for a ZC 0008 kind code (upper case, as the standard writes it)."""
    return _kind(kind) in CN_KINDS


def is_republication(kind: str | None) -> bool:
    """True for kinds that re-publish an earlier document (A8, A9, B8, B9, C9, U8, U9, S9, …)."""
    return _kind(kind) in REPUBLICATION_KINDS


_APP_TYPE_CODES = {
    "10": "invention",
    "11": "pct_invention",
    "20": "utility_model",
    "21": "pct_utility_model",
    "30": "design",
}
_APP_TYPE_DIGITS = {
    "1": "invention",
    "8": "pct_invention",
    "2": "utility_model",
    "9": "pct_utility_model",
    "3": "design",
}


def cn_app_type(appl_type: str | None, type_digit: str | None) -> str | None:
    """Application type from `@applType` ("10", "11", "20", "21", "30"), the old format's Chinese text
    ("发明专利", "实用新型", "外观设计", "PCT发明专利申请", "进入中国国家阶段的PCT实用新型专利申请")
    or, failing both, the number's type digit.

    The old format writes "发明专利" for PCT national-phase inventions too, so a type digit 8 or 9 marks
    an invention or utility model as PCT even when the text does not say so.
    """
    digit = type_digit.strip() if type_digit is not None else None
    by_digit = _APP_TYPE_DIGITS.get(digit) if digit else None
    if appl_type is None:
        return by_digit
    text = unicodedata.normalize("NFKC", appl_type).strip().upper()
    if text in _APP_TYPE_CODES:
        return _APP_TYPE_CODES[text]
    pct = "PCT" in text or "国际" in text or "国家阶段" in text or digit in ("8", "9")
    if "发明" in text:
        return "pct_invention" if pct else "invention"
    if "实用新型" in text:
        return "pct_utility_model" if pct else "utility_model"
    if "外观设计" in text:
        return "design"
    return by_digit


def kind_matches_app_type(kind: str | None, app_type: str | None) -> bool:
    """True when the kind letter fits the application type: A/B/C for inventions, U/Y for utility models,
    S/D for designs (PCT national phase included). Unknown kinds or types do not match."""
    code = _kind(kind)
    if code is None or code not in CN_KINDS or app_type not in _KIND_LETTERS:
        return False
    return code[0] in _KIND_LETTERS[app_type]
