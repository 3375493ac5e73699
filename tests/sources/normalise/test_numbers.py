import pytest

from sources.normalise.numbers import (
    CN_KINDS,
    REPUBLICATION_KINDS,
    AppNumber,
    check_digit,
    cn_app_type,
    is_republication,
    is_valid_cn_kind,
    kind_matches_app_type,
    parse_cn_app_number,
)

# cnipa-norms.md §1.4: real application numbers whose check characters validate.
REAL_NUMBERS = [
    "201710601862.3",
    "201310699744.2",
    "201710117081.7",
    "201510713397.3",
    "201510713411.X",
    "201510713429.X",
    "201010525698.0",
    "201610454483.1",
    "201811618720.9",
    "200610171314.3",
    "200610108546.4",
    "200510057341.3",
    "201120085830.0",
    "201080063196.9",
    "201880013080.0",
    "201480021818.X",
    "201280074836.5",
    "95115608.X",
    "97101765.4",
    "95105810.X",
    "98811333.3",
    "02286689.2",
    "01128777.2",
    "202111286633.X",
    "202110991218.8",
    "202180002433.9",
    "201510481495.9",
    "200880114428.1",
    "201410408762.5",
    "201410513187.5",
    "201480000986.0",
    "201480000788.4",
    "201710269973.9",
]

# cnipa-norms.md §1.5 and formats.md A.5/A.3: standard form <-> original form.
STANDARD_PAIRS = [
    ("102021001286633", "202111286633.X"),
    ("112021000002433", "202180002433.9"),
    ("102015000481495", "201510481495.9"),
    ("112012000074836", "201280074836.5"),
    ("102016000859788", "201610859788.0"),
    ("102016000125774", "201610125774.6"),
    ("102015000191702", "201510191702.7"),
    ("202021000797205", "202120797205.2"),
]


def _altered(number: str) -> str:
    body, check = number.split(".")
    replacement = "0" if check != "0" else "1"
    return f"{body}.{replacement}"


# --- check_digit -----------------------------------------------------------------------------------


def test_check_digit_worked_examples():
    assert check_digit("201710601862") == "3"
    assert check_digit("95115608") == "X"


@pytest.mark.parametrize("number", REAL_NUMBERS)
def test_check_digit_of_real_numbers(number):
    body, check = number.split(".")
    assert check_digit(body) == check


def test_check_digit_rejects_the_1989_secondary_page_example():
    assert check_digit("89103229") == "0"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "1234567",
        "1234567890",
        "12345678901",
        "2017106018623",
        "20171060186X",
        "２０１７１０６０１８６２",
        "2017 1060186",
    ],
)
def test_check_digit_rejects_other_lengths_and_non_digits(bad):
    with pytest.raises(ValueError):
        check_digit(bad)


# --- parse_cn_app_number: real numbers --------------------------------------------------------------


@pytest.mark.parametrize("number", REAL_NUMBERS)
def test_real_numbers_validate(number):
    parsed = parse_cn_app_number(number)
    assert parsed.canonical == number
    assert parsed.check_from_source is True
    assert parsed.check_valid is True
    assert parsed.findings == ()


@pytest.mark.parametrize("number", REAL_NUMBERS)
def test_real_numbers_with_altered_check_digit_fail(number):
    altered = _altered(number)
    parsed = parse_cn_app_number(altered)
    assert parsed.canonical == altered  # kept as written
    assert parsed.check_from_source is True
    assert parsed.check_valid is False
    expected = number.split(".")[1]
    wrong = altered.split(".")[1]
    assert parsed.findings == (f"check digit {wrong} does not validate (expected {expected})",)


def test_1989_example_fails():
    parsed = parse_cn_app_number("89103229.2")
    assert parsed.check_valid is False
    assert parsed.year == 1989
    assert parsed.findings == ("check digit 2 does not validate (expected 0)",)


def test_1985_number_has_no_check_digit():
    parsed = parse_cn_app_number("85100462")
    assert parsed == AppNumber(
        canonical="85100462",
        standard="101985000000462",
        type_digit="1",
        year=1985,
        check_from_source=False,
        check_valid=None,
        findings=(),
    )


def test_1985_1988_number_with_check_character_is_flagged():
    parsed = parse_cn_app_number("88100001.5")
    assert parsed.canonical == "88100001"
    assert parsed.check_valid is None
    assert parsed.check_from_source is False
    assert len(parsed.findings) == 1 and "1985-1988" in parsed.findings[0]


def test_1985_number_from_cn_prefix():
    assert parse_cn_app_number("CN85100462").canonical == "85100462"


# --- parse_cn_app_number: written forms ------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "202111286633.X",
        "202111286633.x",
        "202111286633X",
        "CN202111286633.X",
        "CN 202111286633.X",
        "CN 2021 1 1286633.X",
        "2021 1 1286633.X",
        " 202111286633.X\n",
        "２０２１１１２８６６３３．Ｘ",
        "２０２１１１２８６６３３．ｘ",
        "202111286633。X",
        "cn202111286633.x",
    ],
)
def test_written_forms_of_one_number(written):
    parsed = parse_cn_app_number(written)
    assert parsed == AppNumber(
        canonical="202111286633.X",
        standard="102021001286633",
        type_digit="1",
        year=2021,
        check_from_source=True,
        check_valid=True,
        findings=(),
    )


def test_thirteen_characters_without_dot():
    parsed = parse_cn_app_number("2016104544831")
    assert parsed.canonical == "201610454483.1"
    assert parsed.check_valid is True


def test_thirteen_characters_without_dot_wrong_check():
    parsed = parse_cn_app_number("2021112866337")
    assert parsed.canonical == "202111286633.7"
    assert parsed.check_valid is False
    assert parsed.findings == ("check digit 7 does not validate (expected X)",)


@pytest.mark.parametrize("written", ["ZL201120085830.0", "ZL 201120085830.0", "ZL2011200858300"])
def test_patent_number_prefix(written):
    parsed = parse_cn_app_number(written)
    assert parsed.canonical == "201120085830.0"
    assert parsed.type_digit == "2"
    assert parsed.standard == "202011000085830"
    assert parsed.check_valid is True


def test_zl_with_2013_number():
    assert parse_cn_app_number("ZL2013106997442").canonical == "201310699744.2"


def test_twelve_digits_without_check_character_gets_one_computed():
    parsed = parse_cn_app_number("201710601862")
    assert parsed.canonical == "201710601862.3"
    assert parsed.check_from_source is False
    assert parsed.check_valid is True
    assert parsed.findings == ()


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("95115608", "95115608.X"),
        ("95115608X", "95115608.X"),
        ("02286689.2", "02286689.2"),
        ("022866892", "02286689.2"),
    ],
)
def test_eight_digit_numbers(written, canonical):
    parsed = parse_cn_app_number(written)
    assert parsed.canonical == canonical
    assert parsed.check_valid is True
    assert parsed.check_from_source is (written != "95115608")


def test_eight_digit_year_and_type():
    parsed = parse_cn_app_number("98811333.3")
    assert parsed.year == 1998
    assert parsed.type_digit == "8"
    assert parsed.standard == "111998000011333"
    parsed = parse_cn_app_number("02286689.2")
    assert parsed.year == 2002
    assert parsed.type_digit == "2"
    assert parsed.standard == "202002000086689"


def test_pct_number():
    parsed = parse_cn_app_number("202180002433.9")
    assert parsed.type_digit == "8"
    assert parsed.standard == "112021000002433"


# --- standard form ---------------------------------------------------------------------------------


@pytest.mark.parametrize("standard, original", STANDARD_PAIRS)
def test_original_gives_standard(standard, original):
    assert parse_cn_app_number(original).standard == standard


@pytest.mark.parametrize("standard, original", STANDARD_PAIRS)
def test_standard_gives_original(standard, original):
    parsed = parse_cn_app_number(None, standard)
    assert parsed.canonical == original
    assert parsed.standard == standard
    assert parsed.check_from_source is False
    assert parsed.check_valid is True
    assert parsed.findings == ()


@pytest.mark.parametrize("standard, original", STANDARD_PAIRS)
def test_both_forms_agree(standard, original):
    parsed = parse_cn_app_number(original, standard)
    assert parsed.canonical == original
    assert parsed.standard == standard
    assert parsed.check_from_source is True
    assert parsed.findings == ()


@pytest.mark.parametrize("standard, original", STANDARD_PAIRS)
def test_standard_given_as_original(standard, original):
    parsed = parse_cn_app_number(standard)
    assert parsed.canonical == original
    assert parsed.check_from_source is False


@pytest.mark.parametrize(
    "standard, original",
    [
        ("CN112012000074836", "201280074836.5"),
        ("CN102016000859788", "201610859788.0"),
        ("CN102016000125774", "201610125774.6"),
        ("CN102015000191702", "201510191702.7"),
    ],
)
def test_standard_with_cn_prefix(standard, original):
    assert parse_cn_app_number(standard).canonical == original
    assert parse_cn_app_number(None, standard).canonical == original


def test_pre_2003_10_standard_form_gives_eight_digit_number():
    parsed = parse_cn_app_number("CN102003000040024")
    assert parsed.canonical == "03140024.8"
    assert parsed.year == 2003
    parsed = parse_cn_app_number(None, "101995000015608")
    assert parsed.canonical == "95115608.X"


def test_standard_form_of_1985_number_has_no_check_digit():
    parsed = parse_cn_app_number(None, "101985000000462")
    assert parsed.canonical == "85100462"
    assert parsed.check_valid is None


def test_late_2003_standard_form_gives_twelve_digit_number():
    parsed = parse_cn_app_number(None, "102003000100339")
    assert parsed.canonical == "200310100339." + check_digit("200310100339")


def test_forms_disagree_prefers_original():
    parsed = parse_cn_app_number("202111286633.X", "102021001286634")
    assert parsed.canonical == "202111286633.X"
    assert parsed.standard == "102021001286633"
    assert parsed.check_valid is True
    assert parsed.findings == ("original and standard forms disagree",)


def test_forms_disagree_on_type():
    parsed = parse_cn_app_number("202180002433.9", "102021000002433")
    assert parsed.type_digit == "8"
    assert parsed.standard == "112021000002433"
    assert "original and standard forms disagree" in parsed.findings


def test_disagreement_and_bad_check_are_both_reported():
    parsed = parse_cn_app_number("202111286633.1", "102021001286634")
    assert parsed.findings == (
        "original and standard forms disagree",
        "check digit 1 does not validate (expected X)",
    )


def test_unreadable_original_falls_back_to_standard():
    parsed = parse_cn_app_number("2021112866", "102021001286633")
    assert parsed.canonical == "202111286633.X"
    assert parsed.check_from_source is False
    assert parsed.findings == ("unreadable application number '2021112866'",)


def test_unreadable_standard_is_reported():
    parsed = parse_cn_app_number("202111286633.X", "1020210012866")
    assert parsed.canonical == "202111286633.X"
    assert len(parsed.findings) == 1 and "1020210012866" in parsed.findings[0]


@pytest.mark.parametrize(
    "standard", ["992021001286633", "102021101286633", "101995000115608", "101984000000462"]
)
def test_invalid_standard_forms(standard):
    parsed = parse_cn_app_number(None, standard)
    assert parsed.canonical is None
    assert parsed.standard is None
    assert len(parsed.findings) == 1


def test_filler_original_uses_standard_without_finding():
    parsed = parse_cn_app_number("0", "102021001286633")
    assert parsed.canonical == "202111286633.X"
    assert parsed.findings == ()


# --- bad input and fillers -------------------------------------------------------------------------


@pytest.mark.parametrize("filler", [None, "", "  ", "0", "00000000", "000000000000000"])
def test_fillers_give_empty_result(filler):
    assert parse_cn_app_number(filler) == AppNumber()
    assert parse_cn_app_number(filler, filler) == AppNumber()
    assert parse_cn_app_number(filler) == AppNumber(None, None, None, None, False, None, ())


@pytest.mark.parametrize(
    "bad",
    [
        "abc",
        "2021112866",
        "20211128663333.X",
        "202111286633.Y",
        "202111286633..X",
        "PCT/US2021/019468",
        "12345678",
        "10-2016-0063019",
        "199910100001.2",
        "202111286633.",
        "-202111286633.X",
    ],
)
def test_bad_input_never_raises(bad):
    parsed = parse_cn_app_number(bad)
    assert parsed.canonical is None
    assert parsed.standard is None
    assert parsed.check_valid is None
    assert len(parsed.findings) == 1


def test_unknown_type_digit_is_kept_with_a_finding():
    body = "202141234567"
    parsed = parse_cn_app_number(f"{body}.{check_digit(body)}")
    assert parsed.canonical == f"{body}.{check_digit(body)}"
    assert parsed.type_digit == "4"
    assert parsed.standard is None
    assert parsed.check_valid is True
    assert parsed.findings == ("unknown type digit '4'",)


def test_app_number_is_frozen():
    parsed = parse_cn_app_number("202111286633.X")
    with pytest.raises(AttributeError):
        parsed.canonical = "x"  # type: ignore[misc]


# --- kind codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [
        "A",
        "A8",
        "A9",
        "B",
        "B8",
        "B9",
        "C",
        *(f"C{i}" for i in range(1, 10)),
        "U",
        "U8",
        "U9",
        "Y",
        *(f"Y{i}" for i in range(1, 8)),
        "S",
        *(f"S{i}" for i in range(1, 8)),
        "S9",
        "D",
    ],
)
def test_kinds_of_zc_0008(kind):
    assert is_valid_cn_kind(kind)
    assert CN_KINDS[kind]


@pytest.mark.parametrize(
    "kind", ["", "E", "A1", "A2", "B1", "B2", "U1", "D1", "8", "a", "b8", "AA", None, "Z9"]
)
def test_invalid_kinds(kind):
    assert not is_valid_cn_kind(kind)


def test_kind_surrounding_whitespace_is_tolerated():
    assert is_valid_cn_kind(" A8 ")
    assert is_republication(" B9\n")


@pytest.mark.parametrize("kind", ["A8", "A9", "B8", "B9", "C9", "U8", "U9", "S9", "C8", "Y8", "Y9", "S8"])
def test_republication_kinds(kind):
    assert is_republication(kind)


@pytest.mark.parametrize("kind", ["A", "B", "C", "C1", "C7", "U", "Y", "Y1", "S", "S1", "D", "", None, "X9"])
def test_not_republication(kind):
    assert not is_republication(kind)


def test_every_republication_kind_is_a_kind():
    assert set(CN_KINDS) >= REPUBLICATION_KINDS


def test_kind_codes_follow_zc_0008_shape():
    # one upper-case letter, optionally followed by one digit
    for kind in CN_KINDS:
        assert kind[0].isupper() and kind[0].isascii()
        assert len(kind) == 1 or (len(kind) == 2 and kind[1].isdigit())


# --- application types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "appl_type, digit, expected",
    [
        ("10", None, "invention"),
        ("11", None, "pct_invention"),
        ("20", None, "utility_model"),
        ("21", None, "pct_utility_model"),
        ("30", None, "design"),
        (" 10 ", "1", "invention"),
        ("10", "8", "invention"),
        ("发明专利", "1", "invention"),
        ("发明专利", None, "invention"),
        ("发明专利申请", None, "invention"),
        ("发明", None, "invention"),
        ("发明专利", "8", "pct_invention"),
        ("PCT发明专利", None, "pct_invention"),
        ("PCT发明专利申请", "1", "pct_invention"),
        ("ＰＣＴ发明专利申请", None, "pct_invention"),
        ("pct发明专利", None, "pct_invention"),
        ("进入中国国家阶段的PCT发明专利申请", None, "pct_invention"),
        ("实用新型", None, "utility_model"),
        ("实用新型专利", "2", "utility_model"),
        ("实用新型专利申请", None, "utility_model"),
        ("实用新型", "9", "pct_utility_model"),
        ("PCT实用新型专利", None, "pct_utility_model"),
        ("进入中国国家阶段的PCT实用新型专利申请", None, "pct_utility_model"),
        ("外观设计", None, "design"),
        ("外观设计专利", "3", "design"),
        ("外观设计专利申请", None, "design"),
        (None, "1", "invention"),
        (None, "2", "utility_model"),
        (None, "3", "design"),
        (None, "8", "pct_invention"),
        (None, "9", "pct_utility_model"),
        ("", "8", "pct_invention"),
        ("0", "2", "utility_model"),
        ("99", "3", "design"),
        ("unknown", "1", "invention"),
        (None, None, None),
        (None, "4", None),
        ("99", None, None),
        ("其他", "7", None),
    ],
)
def test_cn_app_type(appl_type, digit, expected):
    assert cn_app_type(appl_type, digit) == expected


def test_app_type_from_parsed_number():
    parsed = parse_cn_app_number("201480000986.0")
    assert cn_app_type("发明专利", parsed.type_digit) == "pct_invention"


@pytest.mark.parametrize(
    "kind, app_type",
    [
        ("A", "invention"),
        ("A8", "invention"),
        ("B", "invention"),
        ("B9", "invention"),
        ("C", "invention"),
        ("C9", "invention"),
        ("A", "pct_invention"),
        ("B", "pct_invention"),
        ("U", "utility_model"),
        ("Y", "utility_model"),
        ("Y1", "utility_model"),
        ("U", "pct_utility_model"),
        ("S", "design"),
        ("S9", "design"),
        ("D", "design"),
    ],
)
def test_kind_matches_app_type(kind, app_type):
    assert kind_matches_app_type(kind, app_type)


@pytest.mark.parametrize(
    "kind, app_type",
    [
        ("A", "utility_model"),
        ("U", "invention"),
        ("S", "invention"),
        ("B", "design"),
        ("Y", "pct_invention"),
        ("D", "utility_model"),
        ("A", None),
        (None, "invention"),
        ("E", "invention"),
        ("A", "plant"),
        ("A1", "invention"),
    ],
)
def test_kind_does_not_match_app_type(kind, app_type):
    assert not kind_matches_app_type(kind, app_type)
