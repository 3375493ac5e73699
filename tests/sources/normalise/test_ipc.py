import pytest

from sources.normalise.ipc import (
    Classification,
    ipc_from_parts,
    is_valid_ipc,
    loc_edition,
    parse_ipc,
    parse_ipc_list,
    parse_loc,
)

# --- parse_ipc: written forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, symbol, version, position, value",
    [
        # CNIPA new format base:Text, fixed width
        ("A61K   31/7076  (2006.01)", "A61K 31/7076", "2006.01", None, None),
        ("A61N    5/00    (2006.01)", "A61N 5/00", "2006.01", None, None),
        ("G09G    3/3208  (2016.01)", "G09G 3/3208", "2016.01", None, None),
        ("H04L   29/08    (2006.01)", "H04L 29/08", "2006.01", None, None),
        # old CNIPA format
        ("C07K 16/18 (2006.01)", "C07K 16/18", "2006.01", None, None),
        ("C07K   16/18    (2006.01)", "C07K 16/18", "2006.01", None, None),
        # CNIPA / CNIPR display and front page
        ("C07C49/12(2006.01)I", "C07C 49/12", "2006.01", None, "I"),
        ("G06T 7/11(2017.01)I", "G06T 7/11", "2017.01", None, "I"),
        ("G06F17/30(2006.01)N", "G06F 17/30", "2006.01", None, "N"),
        ("G06T 7/11 (2017.01) I", "G06T 7/11", "2017.01", None, "I"),
        ("G06T 7/11（2017.01）I", "G06T 7/11", "2017.01", None, "I"),
        # DOCDB / ST.8
        ("A61K   9/16        20060101A I20051008RMEP", "A61K 9/16", "2006.01", None, "I"),
        ("C09B  23/00        20060101AFI20051220RMJP        ", "C09B 23/00", "2006.01", "F", "I"),
        ("A61K  31/366       20060101ALI20221215BHEP        ", "A61K 31/366", "2006.01", "L", "I"),
        ("A61K  47/10        20170101ALI20221215BHEP", "A61K 47/10", "2017.01", "L", "I"),
        ("C07K  16/28        20060101AFI", "C07K 16/28", "2006.01", "F", "I"),
        ("C07K  16/28        20060101ALN", "C07K 16/28", "2006.01", "L", "N"),
        ("C07K  16/28        20060101A", "C07K 16/28", "2006.01", None, None),
        ("C07K  16/28        20060101", "C07K 16/28", "2006.01", None, None),
        ("C07K 16/28 20060101AFI20230209BHEP", "C07K 16/28", "2006.01", "F", "I"),
        # bare symbols
        ("F02M  59/34", "F02M 59/34", None, None, None),
        ("G06Q40/02", "G06Q 40/02", None, None, None),
        ("H01M4/1397", "H01M 4/1397", None, None, None),
        ("F21Y115/10", "F21Y 115/10", None, None, None),
        ("H01L27/11526", "H01L 27/11526", None, None, None),
        ("H01M 10/0525", "H01M 10/0525", None, None, None),
        ("G06F 40/00", "G06F 40/00", None, None, None),
        ("A61K 31/700", "A61K 31/700", None, None, None),
        ("A61K0031/7076", "A61K 31/7076", None, None, None),
        ("A61K 2300/00", "A61K 2300/00", None, None, None),
        ("a61k 31/7076", "A61K 31/7076", None, None, None),
        ("  A61K 31 / 7076  ", "A61K 31/7076", None, None, None),
        ("Ａ６１Ｋ　３１／７０７６", "A61K 31/7076", None, None, None),
        # 14-character canonical
        ("A23B0009320000", "A23B 9/32", None, None, None),
        ("A61K0031707600", "A61K 31/7076", None, None, None),
        ("G06F0040000000", "G06F 40/00", None, None, None),
        ("H01M0010052500", "H01M 10/0525", None, None, None),
        ("C07D0401100000", "C07D 401/10", None, None, None),
        # subclass and main group only
        ("B60L", "B60L", None, None, None),
        ("B60K 6", "B60K 6", None, None, None),
        ("B60K6", "B60K 6", None, None, None),
        ("B60L (2006.01)", "B60L", "2006.01", None, None),
    ],
)
def test_parse_ipc_forms(text, symbol, version, position, value):
    parsed = parse_ipc(text)
    assert parsed is not None
    assert parsed.symbol == symbol
    assert parsed.version == version
    assert parsed.position == position
    assert parsed.value == value


def test_parse_ipc_parts():
    assert parse_ipc("A61K   31/7076  (2006.01)") == Classification(
        symbol="A61K 31/7076",
        section="A",
        subclass="A61K",
        main_group="A61K 31",
        version="2006.01",
        position=None,
        value=None,
    )


def test_subclass_only_has_no_main_group():
    parsed = parse_ipc("B60L")
    assert parsed == Classification("B60L", "B", "B60L", None)


def test_main_group_only():
    parsed = parse_ipc("B60K 6")
    assert parsed is not None
    assert parsed.main_group == "B60K 6"
    assert parsed.subclass == "B60K"


def test_fourteen_character_subclass_level():
    assert parse_ipc("A23B0000000000") == Classification("A23B", "A", "A23B", None)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "  ",
        "0",
        "00000000",
        "garbage",
        "IPC",
        "A",
        "A6",
        "A61",
        "61K 31/00",
        "I61K 31/00",
        "Y02E 10/50",
        "A61K-31/00",
        "A61K 31/7",
        "A61K 0/00",
        "A61K 31/",
        "A61K 31/7076 xyz",
        "A61K 12345/00",
        "A61K 31/1234567",
        "A61K 31/00 (2006.1)",
        "A61K   9/16        2006010",
        "Z99Z 1/00",
    ],
)
def test_parse_ipc_rejects_non_symbols(text):
    assert parse_ipc(text) is None


def test_invalid_version_month_is_dropped():
    parsed = parse_ipc("A61K 31/00 (2006.13)")
    assert parsed is not None and parsed.version is None


def test_cpc_section_y_only_when_asked():
    assert parse_ipc("Y02E  10/50") is None
    parsed = parse_ipc("Y02E  10/50", cpc=True)
    assert parsed is not None and parsed.symbol == "Y02E 10/50" and parsed.section == "Y"
    parsed = parse_ipc("F02M  59/34", cpc=True)
    assert parsed is not None and parsed.symbol == "F02M 59/34"


def test_classification_is_frozen():
    parsed = parse_ipc("B60L")
    with pytest.raises(AttributeError):
        parsed.symbol = "x"  # type: ignore[misc,union-attr]


def test_parse_ipc_list():
    parsed = parse_ipc_list("G06Q50/00(2012.01)I;G06F17/30(2006.01)I")
    assert [item.symbol for item in parsed] == ["G06Q 50/00", "G06F 17/30"]
    assert [item.version for item in parsed] == ["2012.01", "2006.01"]
    assert [item.symbol for item in parse_ipc_list("G06Q50/00；garbage; G06F17/30")] == [
        "G06Q 50/00",
        "G06F 17/30",
    ]
    assert parse_ipc_list(None) == ()
    assert parse_ipc_list("0") == ()


# --- ipc_from_parts --------------------------------------------------------------------------------


def test_cnipa_split_fields():
    assert ipc_from_parts("G", "09", "G", "3", "36", "20060101") == Classification(
        "G09G 3/36", "G", "G09G", "G09G 3", "2006.01"
    )
    parsed = ipc_from_parts("H", "04", "L", "29", "08", "20060101")
    assert parsed is not None and parsed.symbol == "H04L 29/08"
    parsed = ipc_from_parts("G", "09", "G", "3", "3208", "20160101")
    assert parsed is not None and parsed.symbol == "G09G 3/3208" and parsed.version == "2016.01"


def test_uspto_split_fields_with_position_and_value():
    parsed = ipc_from_parts("A", "61", "B", "5", "00", "20060101", position="F", value="I")
    assert parsed == Classification("A61B 5/00", "A", "A61B", "A61B 5", "2006.01", "F", "I")


def test_split_fields_lose_leading_zeros():
    parsed = ipc_from_parts("G", "9", "G", "3", "8")
    assert parsed is not None and parsed.symbol == "G09G 3/08"
    parsed = ipc_from_parts("A", "61", "K", "0031", "7076")
    assert parsed is not None and parsed.symbol == "A61K 31/7076"


def test_split_fields_whitespace_and_case():
    parsed = ipc_from_parts(" g ", " 09 ", " g ", " 3 ", " 36 ", " 20060101 ", position=" l ", value=" n ")
    assert parsed == Classification("G09G 3/36", "G", "G09G", "G09G 3", "2006.01", "L", "N")


@pytest.mark.parametrize(
    "version_date, version",
    [
        ("20060101", "2006.01"),
        ("20160101", "2016.01"),
        ("2006.01", "2006.01"),
        ("2006-01-01", "2006.01"),
        (None, None),
        ("", None),
        ("0", None),
        ("00000000", None),
        ("garbage", None),
        ("20061301", None),
    ],
)
def test_split_fields_version(version_date, version):
    parsed = ipc_from_parts("G", "09", "G", "3", "36", version_date)
    assert parsed is not None and parsed.version == version


def test_split_fields_missing_groups():
    assert ipc_from_parts("B", "60", "L", None, None) == Classification("B60L", "B", "B60L", None)
    assert ipc_from_parts("B", "60", "L", "0", "0") == Classification("B60L", "B", "B60L", None)
    assert ipc_from_parts("B", "60", "K", "6", None) == Classification("B60K 6", "B", "B60K", "B60K 6")
    assert ipc_from_parts("B", "60", "K", "6", "") == Classification("B60K 6", "B", "B60K", "B60K 6")
    parsed = ipc_from_parts("B", "60", "K", "6", "0")
    assert parsed is not None and parsed.symbol == "B60K 6/00"


@pytest.mark.parametrize(
    "parts",
    [
        (None, "09", "G", "3", "36"),
        ("I", "09", "G", "3", "36"),
        ("Y", "02", "E", "10", "50"),
        ("G", None, "G", "3", "36"),
        ("G", "123", "G", "3", "36"),
        ("G", "0X", "G", "3", "36"),
        ("G", "09", None, "3", "36"),
        ("G", "09", "GG", "3", "36"),
        ("G", "09", "1", "3", "36"),
        ("G", "09", "G", "3a", "36"),
        ("G", "09", "G", "12345", "36"),
        ("G", "09", "G", "3", "1234567"),
        ("G", "09", "G", "3", "3/6"),
        ("", "", "", "", ""),
    ],
)
def test_split_fields_invalid(parts):
    assert ipc_from_parts(*parts) is None


def test_split_fields_cpc():
    parsed = ipc_from_parts("Y", "02", "E", "10", "50", cpc=True)
    assert parsed is not None and parsed.symbol == "Y02E 10/50"


def test_split_fields_unknown_position_and_value_are_dropped():
    parsed = ipc_from_parts("G", "09", "G", "3", "36", position="X", value="Z")
    assert parsed is not None and parsed.position is None and parsed.value is None


def test_parts_and_text_agree():
    assert ipc_from_parts("A", "61", "K", "31", "7076", "20060101") == parse_ipc("A61K   31/7076  (2006.01)")


# --- is_valid_ipc ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "symbol",
    [
        "A61K 31/7076",
        "A61K31/7076",
        "A61K   31/7076",
        "H01M 10/0525",
        "G06F 40/00",
        "F21Y 115/10",
        "A61K 2300/00",
        "H01L 27/115263",
        "C07C49/12(2006.01)I",
        "A61K 31/7076 (2006.01)",
        "G06T 7/11(2017.01)",
        " A61K 31/00 ",
    ],
)
def test_valid_ipc(symbol):
    assert is_valid_ipc(symbol)


@pytest.mark.parametrize(
    "symbol",
    [
        None,
        "",
        "0",
        "B60L",
        "B60K 6",
        "B60K 6/",
        "A61K 31/7",
        "A61K 31/1234567",
        "A61K 12345/00",
        "I61K 31/00",
        "Y02E 10/50",
        "a61k 31/00",
        "A6K 31/00",
        "A61 31/00",
        "A61K 0/00",
        "A61K 31/00 (2006)",
        "A61K 31/00 X",
        "A23B0009320000",
        "A61K 31-00",
    ],
)
def test_invalid_ipc(symbol):
    assert not is_valid_ipc(symbol)


# --- Locarno ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1403", "14-03"),
        ("14-03", "14-03"),
        ("LOC(14)Cl. 14-03", "14-03"),
        ("12-08", "12-08"),
        ("0301", "03-01"),
        ("LOC (12) Cl. 12-08", "12-08"),
        ("LOC(9)CL.0301", "03-01"),
        ("loc(14)cl. 14-03", "14-03"),
        (" 14 - 03 ", "14-03"),
        ("14.03", "14-03"),
        ("14/03", "14-03"),
        ("101", "01-01"),
        ("1-1", "01-01"),
        ("32-00", "32-00"),
        ("１４－０３", "14-03"),
        ("LOC(14)14-03", "14-03"),
    ],
)
def test_parse_loc(text, expected):
    assert parse_loc(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "0",
        "0000",
        "00-01",
        "14",
        "14-",
        "garbage",
        "14-03;14-02",
        "12345",
        "LOC(14)Cl.",
        "A61K 31/00",
    ],
)
def test_parse_loc_rejects(text):
    assert parse_loc(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("LOC(14)Cl. 14-03", "14"),
        ("LOC (12) Cl. 12-08", "12"),
        ("LOC(9)", "9"),
        ("LOC(09)Cl. 03-01", "9"),
        ("9", "9"),
        ("09", "9"),
        ("14", "14"),
        ("14-03", None),
        ("1403", None),
        (None, None),
        ("", None),
        ("0", None),
        ("LOC(0)", None),
        ("garbage", None),
    ],
)
def test_loc_edition(text, expected):
    assert loc_edition(text) == expected
