"""Dates as the offices write them: YYYYMMDD (CNIPA, USPTO, DOCDB), YYYY.MM.DD (SIPO exports), ISO (ST.96)."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata

# One separator style per value: "2021-03.05" is rejected.
_FULL = re.compile(r"(\d{4})(?:(\d{2})(\d{2})|([-./])(\d{1,2})\4(\d{1,2}))")
# Month-only and year-only forms; "00" stands for an unknown month or day.
_PARTIAL = re.compile(r"(\d{4})(?:[-./]?(\d{1,2})(?:[-./]?(\d{1,2}))?)?")


def _prepare(text: str) -> str:
    # Full-width digits and separators occur in hand-keyed Chinese records.
    return unicodedata.normalize("NFKC", text).strip()


def _is_date_filler(text: str) -> bool:
    return text == "" or set(text) <= set("0-./")


@functools.lru_cache(maxsize=1 << 16)  # a batch repeats the same few thousand dates
def parse_date(text: str | None) -> tuple[datetime.date | None, str | None]:
    """Return (date, finding). Fillers give (None, None); anything that is not a full valid date gives
    (None, "invalid date '…'"). Never raises.

    Month-only values such as "19990300" count as invalid here; use `parse_partial_date` where a
    best-effort date is wanted.
    """
    if text is None:
        return None, None
    prepared = _prepare(text)
    if _is_date_filler(prepared):
        return None, None
    match = _FULL.fullmatch(prepared)
    if match:
        year = int(match[1])
        month, day = (match[2], match[3]) if match[2] else (match[5], match[6])
        try:
            return datetime.date(year, int(month), int(day)), None
        except ValueError:
            pass
    return None, f"invalid date '{text.strip()}'"


@functools.lru_cache(maxsize=1 << 16)
def parse_partial_date(text: str | None) -> datetime.date | None:
    """Best-effort date for values that may lack the day or month: an unknown part becomes 1.

    "19990300" -> 1999-03-01, "19990000" and "199900" -> 1999-01-01, "2000-04" -> 2000-04-01,
    "1999" -> 1999-01-01. Full dates are returned as they are; impossible ones give None.
    """
    if text is None:
        return None
    prepared = _prepare(text)
    if _is_date_filler(prepared):
        return None
    full, _ = parse_date(prepared)
    if full is not None:
        return full
    match = _PARTIAL.fullmatch(prepared)
    if not match:
        return None
    month = int(match[2] or 0) or 1
    day = int(match[3] or 0) or 1
    try:
        return datetime.date(int(match[1]), month, day)
    except ValueError:
        return None
