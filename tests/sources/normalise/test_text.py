import pytest

from sources.normalise.text import clean, is_filler, join_text, normalise_name


@pytest.mark.parametrize(
    "value", [None, "", " ", "\t\n", "\u3000", "0", "00", "00000000", "0000000000", " 0 ", "\u30000\u3000"]
)
def test_fillers(value):
    assert is_filler(value)


@pytest.mark.parametrize("value", ["1", "10", "0.0", "O", "00000001", "a", "０", "-0", "0 0"])
def test_not_fillers(value):
    assert not is_filler(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("  显示设备  ", "显示设备"),
        ("a  b", "a b"),
        ("a\t\tb", "a b"),
        ("line\nbreak", "line break"),
        ("line\r\nbreak", "line break"),
        ("北京\u3000\u3000大兴", "北京 大兴"),
        ("a\u00a0b", "a b"),
        ("a\x00b", "ab"),
        ("a\x07b\x1bc", "abc"),
        ("a\x7fb", "ab"),
        ("\ufeff显示设备", "显示设备"),
        ("显示\u200b设备", "显示设备"),
        ("a \x00 b", "a b"),
        ("（普通合伙）", "（普通合伙）"),
        ("D·P·盖特利", "D·P·盖特利"),
    ],
)
def test_clean(value, expected):
    assert clean(value) == expected


@pytest.mark.parametrize("value", [None, "", "  ", "0", "00000000", "\x00", " \x00 0 ", "\u3000"])
def test_clean_fillers(value):
    assert clean(value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("北京汉昊知识产权代理事务所（普通合伙）", "北京汉昊知识产权代理事务所(普通合伙)"),
        ("北京汉昊知识产权代理事务所(普通合伙)", "北京汉昊知识产权代理事务所(普通合伙)"),
        ("北京汉昊知识产权代理事务所 (普通合伙)", "北京汉昊知识产权代理事务所(普通合伙)"),
        ("北京汉昊知识产权代理事务所（ 普通合伙 ）", "北京汉昊知识产权代理事务所(普通合伙)"),
        ("北京汉昊知识产权代理事务所(普通合伙) 11370", "北京汉昊知识产权代理事务所(普通合伙) 11370"),
        ("ＡＢＣ科技有限公司", "ABC科技有限公司"),
        ("华为技术有限公司\u3000", "华为技术有限公司"),
        ("三星电子株式会社　", "三星电子株式会社"),
        ("D·P·盖特利", "D·P·盖特利"),
        ("D•P•盖特利", "D·P·盖特利"),
        ("D・P・盖特利", "D·P·盖特利"),
        ("D‧P‧盖特利", "D·P·盖特利"),
        ("J-P · 索玛迪西", "J-P·索玛迪西"),
        ("Robert Bosch GmbH", "Robert Bosch GmbH"),
        ("Robert  Bosch   GmbH (DE)", "Robert Bosch GmbH (DE)"),
        ("ROBERT BOSCH G.M.B.H.", "ROBERT BOSCH G.M.B.H."),
        ("株式会社日立制作所", "株式会社日立制作所"),
        ("㈱日立", "㈱日立"),
        ("Ｓａｍｓｕｎｇ　Ｅｌｅｃｔｒｏｎｉｃｓ", "Samsung Electronics"),
        ("中国石油化工股份有限公司；", "中国石油化工股份有限公司;"),
    ],
)
def test_normalise_name(value, expected):
    assert normalise_name(value) == expected


def test_normalise_name_makes_bracket_variants_equal():
    assert normalise_name("某某事务所（普通合伙）") == normalise_name("某某事务所(普通合伙)")


@pytest.mark.parametrize("value", [None, "", "0", "\u3000", "０"])
def test_normalise_name_fillers(value):
    # full-width zero becomes "0" and so a filler as well
    assert normalise_name(value) is None


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["一种显示", "设备"], "一种显示设备"),
        (["H", "2", "O"], "H2O"),
        (["the first ", "layer"], "the first layer"),
        (["  leading", " and trailing  "], "leading and trailing"),
        (["a", "\n", "b"], "a b"),
        (["text", "", "more"], "textmore"),
        ([], ""),
        (["", " "], ""),
        (["0"], ""),
        (["a\x00", "b"], "ab"),
    ],
)
def test_join_text(parts, expected):
    assert join_text(parts) == expected


def test_join_text_accepts_generators():
    assert join_text(part for part in ("权利要求", "1")) == "权利要求1"


def test_join_text_with_lxml_itertext():
    from lxml import etree

    element = etree.fromstring("<p>一种用于显<br/>示的设备，含H<sub>2</sub>O和CO<sub>2</sub>。</p>")
    assert join_text(element.itertext()) == "一种用于显示的设备，含H2O和CO2。"
