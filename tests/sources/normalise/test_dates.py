import datetime

import pytest

from sources.normalise.dates import parse_date, parse_partial_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20211210", datetime.date(2021, 12, 10)),
        ("2021-12-10", datetime.date(2021, 12, 10)),
        ("2021.12.10", datetime.date(2021, 12, 10)),
        ("2021/12/10", datetime.date(2021, 12, 10)),
        ("20000229", datetime.date(2000, 2, 29)),
        ("19850401", datetime.date(1985, 4, 1)),
        (" 20170424 ", datetime.date(2017, 4, 24)),
        ("20170424\n", datetime.date(2017, 4, 24)),
        ("2015-1-2", datetime.date(2015, 1, 2)),
        ("２０２１１２１０", datetime.date(2021, 12, 10)),
        ("２０２１．１２．１０", datetime.date(2021, 12, 10)),
    ],
)
def test_parse_date_valid(text, expected):
    assert parse_date(text) == (expected, None)


@pytest.mark.parametrize("text", [None, "", "   ", "0", "00000000", "0000-00-00", "0000.00.00"])
def test_parse_date_fillers(text):
    assert parse_date(text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "20211332",
        "2021",
        "19990300",
        "19990000",
        "199903",
        "2000-04",
        "20210229",
        "20211200",
        "20210431",
        "2021-12.10",
        "2021121",
        "202112100",
        "abcdefgh",
        "2021-AB-10",
        "20211210T",
        "2021-12-10T00:00:00",
        "2021 12 10",
        "00000101",
        "-20211210",
    ],
)
def test_parse_date_invalid(text):
    assert parse_date(text) == (None, f"invalid date '{text}'")


def test_parse_date_finding_shows_value_without_surrounding_whitespace():
    assert parse_date(" 20211332 ") == (None, "invalid date '20211332'")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("19990300", datetime.date(1999, 3, 1)),
        ("199900", datetime.date(1999, 1, 1)),
        ("19990000", datetime.date(1999, 1, 1)),
        ("199903", datetime.date(1999, 3, 1)),
        ("2000-04", datetime.date(2000, 4, 1)),
        ("2000-04-00", datetime.date(2000, 4, 1)),
        ("2000.04", datetime.date(2000, 4, 1)),
        ("1999", datetime.date(1999, 1, 1)),
        ("19990315", datetime.date(1999, 3, 15)),
        ("1999-03-15", datetime.date(1999, 3, 15)),
        ("19990015", datetime.date(1999, 1, 15)),
        (" 19990300 ", datetime.date(1999, 3, 1)),
    ],
)
def test_parse_partial_date(text, expected):
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "0", "00000000", "19991300", "19990231", "199913", "abc", "99", "1999-03-15-01", "1999031500"],
)
def test_parse_partial_date_rejects(text):
    assert parse_partial_date(text) is None
