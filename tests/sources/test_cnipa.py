"""Golden tests: real CNIPA samples (both generations) and constructed B, U and S fixtures."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from sources import cnipa
from sources.base import DocumentError, ParseOptions, RawDocument


def parse_file(path, **options):
    return cnipa.parse(RawDocument(1, None, path.read_bytes()), ParseOptions(**options))


def rows(rec, table, **match):
    return [r for r in rec[table] if all(r.get(k) == v for k, v in match.items())]


def one(rec, table, **match):
    found = rows(rec, table, **match)
    assert len(found) == 1, (table, match, found)
    return found[0]


def test_detect_both_generations_and_nothing_else(cnipa_fixtures):
    assert cnipa.detect(b'<?xml version="1.0"?>\n<business:PatentDocumentAndRelated xmlns:business="x">')
    assert cnipa.detect(b'\xef\xbb\xbf<?xml version="1.0"?><cn-patent-document lang="ZH">')
    assert not cnipa.detect(b'<?xml version="1.0"?><us-patent-grant lang="EN">')
    assert not cnipa.detect(b'<?xml version="1.0"?><business:PRSRecord>')


# --------------------------------------------------------------------------------- new format, real
def test_new_divisional_with_korean_priority(cnipa_samples):
    rec = parse_file(cnipa_samples / "new_CN113781974A_invention_pub_divisional_KR_priority.xml")
    pub = one(rec, "publications")
    assert pub["pub_number"] == "CN113781974A"
    assert (pub["doc_number"], pub["kind"], pub["pub_date"]) == ("113781974", "A", date(2021, 12, 10))
    assert pub["app_number"] == "202111286633.X"
    assert pub["filing_date"] == date(2017, 4, 24)  # the parent's date
    assert pub["app_type"] == "invention" and pub["is_republication"] is False
    assert pub["title"] == "显示设备"
    assert pub["gazette_number"] == "37-5002"
    assert pub["date_produced"] == date(2021, 12, 5)
    assert pub["format_version"] == "V2.2.1" and pub["source_format"] == "cnipa-new"
    app = one(rec, "applications")
    assert app["app_number_standard"] == "102021001286633"
    assert app["check_digit_from_source"] is True and app["check_digit_valid"] is True
    assert app["type_digit"] == "1" and app["app_type_raw"] == "10"
    parent = one(rec, "related_documents", relation="divisional_parent")
    assert (parent["number"], parent["date"]) == ("201710269973.9", date(2017, 4, 24))
    prio = one(rec, "priorities")
    assert (prio["country"], prio["number"], prio["date"], prio["kind"]) == (
        "KR", "10-2016-0063019", date(2016, 5, 23), "international")  # original form, not 102016000063019
    applicant = one(rec, "parties", role="applicant")
    assert applicant["name"] == "三星显示有限公司"
    assert applicant["country"] == "KR" and applicant["province_code"] is None
    assert applicant["region_method"] == "foreign" and applicant["address"] == "韩国京畿道"
    assert applicant["postcode"] is None and applicant["org_code"] is None  # 0 / 0000000000 fillers
    assert applicant["applicant_type"] == "enterprise"
    assert [r["name"] for r in rows(rec, "parties", role="inventor")] == ["金驲柱", "田武经", "李安洙"]
    agency = one(rec, "parties", role="agency")
    assert (agency["name"], agency["org_code"]) == ("北京英赛嘉华知识产权代理有限责任公司", "11204")
    ipcs = rows(rec, "classifications", scheme="IPC")
    assert [c["symbol"] for c in ipcs] == ["G09G 3/36", "G09G 3/3208", "G09G 3/34"]
    assert [c["version"] for c in ipcs] == ["2006.01", "2016.01", "2006.01"]
    assert [c["is_main"] for c in ipcs] == [True, False, False]
    assert rec["load_findings"] == []


def test_new_domestic_applicant_with_structured_region(cnipa_samples):
    rec = parse_file(cnipa_samples / "new_CN113783949A_invention_pub_tables.xml")
    applicant = one(rec, "parties", role="applicant")
    assert applicant["name"] == "浙商银行股份有限公司"
    assert (applicant["province_code"], applicant["province"]) == ("33", "浙江省")
    assert (applicant["city_code"], applicant["city"]) == ("330100", "杭州市")
    assert (applicant["county_code"], applicant["county"]) == ("330109", "萧山区")
    assert applicant["region_method"] == "structured" and applicant["postcode"] == "311200"
    assert applicant["address"] == "311200 浙江省杭州市萧山区鸿宁路1788号"
    claims = one(rec, "texts", text_type="claims")["text"]
    # multi-part ClaimText concatenated in order; claims one per line
    assert claims.startswith("1.一种基于合约管理的跨链去中心化方法，其特征在于，该方法包括：区块链跨链通信包括三个链路")
    assert "\n2.根据权利要求1所述的方法" in claims


def test_new_with_doctype_is_not_fetched_and_loads(cnipa_samples):
    path = cnipa_samples / "new_CN115212463A_invention_pub_2022_with_doctype.xml"
    assert b"<!DOCTYPE" in path.read_bytes()[:600]
    rec = parse_file(path, full_text=True)
    pub = one(rec, "publications")
    assert pub["pub_number"] == "CN115212463A" and pub["app_number"] == "201510481495.9"
    assert pub["doc_file_name"] == "CN102015000481495CN00001152124630AFULZH20221021CN00D.XML"
    applicant = one(rec, "parties", role="applicant")
    assert applicant["province_code"] == "11" and applicant["county"] == "大兴区"
    assert one(rec, "parties", role="agency")["org_code"] == "11243"
    description = one(rec, "texts", text_type="description")["text"]
    assert description.count("\n") > 50  # 103 paragraphs
    assert rows(parse_file(path), "texts", text_type="description") == []  # full text is a setting


# --------------------------------------------------------------------------------- old format, real
def test_old_with_bom_biodeposit_and_address_region(cnipa_samples):
    path = cnipa_samples / "old_CN104223352A_invention_pub_biodeposit_bom.xml"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rec = parse_file(path)
    pub = one(rec, "publications")
    assert pub["pub_number"] == "CN104223352A" and pub["source_format"] == "cnipa-old"
    assert pub["app_number"] == "201410408762.5" and pub["gazette_number"] == "30-52"
    assert pub["app_type"] == "invention"
    app = one(rec, "applications")
    assert app["app_type_raw"] == "发明专利" and app["app_number_standard"] == "102014000408762"
    applicant = one(rec, "parties", role="applicant")
    assert applicant["name"] == "云南中烟工业有限责任公司"
    assert (applicant["province_code"], applicant["city_code"], applicant["county_code"]) == (
        "53", "530100", "530102")
    assert applicant["region_method"] == "address" and applicant["postcode"] == "650231"
    assert [c["symbol"] for c in rows(rec, "classifications")] == ["A24B 15/18", "C11B 9/00", "C12P 1/02", "C12R 1/645"]
    abstract = one(rec, "texts", text_type="abstract")["text"]
    assert abstract.startswith("本发明公开了一种甘草发酵所得烟用香料及其应用。")
    assert abstract.endswith("具有良好的应用前景。\nCGMCC No.6645 2012.10.08")  # the bio-deposit paragraph


def test_old_pct_with_foreign_applicants(cnipa_samples):
    rec = parse_file(cnipa_samples / "old_CN104245143A_invention_pub_PCT_bom.xml")
    pub = one(rec, "publications")
    assert pub["app_type"] == "pct_invention"  # type digit 8, although appl-type says 发明专利
    assert pub["national_phase_date"] == date(2014, 9, 30)
    pct = one(rec, "related_documents", relation="pct_application")
    assert (pct["country"], pct["number"], pct["date"]) == ("KR", "PCT/KR2014/002669", date(2014, 3, 28))
    wo = one(rec, "related_documents", relation="pct_publication")
    assert (wo["country"], wo["number"]) == ("WO", "2014/157990")
    assert len(rows(rec, "priorities")) == 6
    first, second = rows(rec, "parties", role="applicant")
    assert first["country"] == "KR" and first["province_code"] is None
    assert second["address"] is None and second["region_method"] == "none"  # empty <text />
    agents = rows(rec, "parties", role="agent")
    assert [a["name"] for a in agents] == ["吕琳", "杨生平"]
    assert len(rows(rec, "parties", role="agency")) == 1  # the same agency twice is one agency


def test_old_domestic_priority_and_br_joined_without_spaces(cnipa_samples):
    rec = parse_file(cnipa_samples / "old_CN104223590A_invention_pub_domestic_priority_bom.xml", full_text=True)
    dom = one(rec, "related_documents", relation="domestic_priority")
    assert (dom["number"], dom["date"]) == ("201320854096.9", date(2013, 12, 24))
    assert one(rec, "priorities")["kind"] == "domestic"
    applicant = one(rec, "parties", role="applicant")
    assert applicant["applicant_type"] == "individual" and applicant["county"] == "瓯海区"
    claims = one(rec, "texts", text_type="claims")["text"]
    # the printed line ends (<br/> plus indentation) vanish inside words and sentences
    assert "包括鞋底和帮面，所述帮面覆于鞋底上" in claims
    assert "第一开缝的两边沿合并靠拢的第一绳状物" in claims
    assert " " not in claims.split("\n")[0]


# --------------------------------------------------------------------------------- constructed B/U/S
def test_constructed_grant_with_assignee_examiner_citations(cnipa_fixtures):
    rec = parse_file(cnipa_fixtures / "constructed_CN116806270B_grant.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["app_type"]) == ("CN116806270B", "invention")
    assert one(rec, "applications")["app_number_standard"] == "102022000234567"
    assert one(rec, "parties", role="assignee")["province_code"] == "44"
    assert one(rec, "parties", role="examiner")["name"] == "赵审查"
    assert [r["name"] for r in rows(rec, "parties", role="inventor")] == ["王传福", "李明"]  # "李　明" padding
    cites = rows(rec, "citations")
    assert [(c["country"], c["number"], c["kind"]) for c in cites] == [("CN", "203232659", "U"), ("TW", "M391159", "A1")]
    ipcs = rows(rec, "classifications")
    assert [c["symbol"] for c in ipcs] == ["H01M 10/0525", "B60L 58/12"]  # the second from split fields
    assert ipcs[1]["version"] == "2019.01"
    assert one(rec, "texts", text_type="abstract")["text"].endswith("电池温度T1低于阈值时加热。")  # <Sub> joined
    assert rec["load_findings"] == []


def test_constructed_utility_model(cnipa_fixtures):
    rec = parse_file(cnipa_fixtures / "constructed_CN219801493U_utility_model.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["kind"], pub["app_type"]) == ("CN219801493U", "U", "utility_model")
    assert one(rec, "applications")["app_number_standard"] == "202021000797205"
    applicant = one(rec, "parties", role="applicant")
    # structured fields are 0: the region comes from the address text
    assert applicant["region_method"] == "address" and applicant["county"] == "新昌县"
    assert rows(rec, "citations") == [] and rows(rec, "parties", role="examiner") == []


def test_constructed_design(cnipa_fixtures):
    rec = parse_file(cnipa_fixtures / "constructed_CN307654321S_design.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["app_type"], pub["title"]) == ("CN307654321S", "design", "智能手表")
    assert pub["loc_edition"] == "14"
    loc = one(rec, "classifications", scheme="LOC")
    assert (loc["symbol"], loc["is_main"]) == ("10-02", True)
    assert [d["name"] for d in rows(rec, "parties", role="designer")] == ["刘设计", "周外观"]
    assert one(rec, "parties", role="applicant")["city_code"] == "440300"
    brief = one(rec, "texts", text_type="design_brief")["text"]
    assert brief.startswith("1．本外观设计产品的名称：智能手表。\n2．")


def test_republication_kind_is_flagged(cnipa_fixtures):
    data = (cnipa_fixtures / "constructed_CN116806270B_grant.xml").read_bytes()
    data = data.replace(b"<base:Kind>B</base:Kind>", b"<base:Kind>B8</base:Kind>").replace(b'kind="B"', b'kind="B8"')
    pub = one(cnipa.parse(RawDocument(1, None, data)), "publications")
    assert pub["pub_number"] == "CN116806270B8" and pub["is_republication"] is True


def test_bad_values_become_findings_not_failures(cnipa_fixtures):
    data = (cnipa_fixtures / "constructed_CN219801493U_utility_model.xml").read_bytes()
    data = data.replace(b"202120797205.2", b"202120797205.7").replace(b"<base:Date>20231003", b"<base:Date>20231399")
    rec = cnipa.parse(RawDocument(1, None, data))
    pub = one(rec, "publications")
    assert pub["pub_date"] is None
    app = one(rec, "applications")
    assert app["check_digit_valid"] is False and app["app_number"] == "202120797205.7"
    fields = {f["field"] for f in rec["load_findings"]}
    assert {"pub_date", "app_number"} <= fields


def test_gbk_declared_document_loads(cnipa_fixtures):
    text = (cnipa_fixtures / "constructed_CN219801493U_utility_model.xml").read_text(encoding="utf-8")
    data = text.replace('encoding="UTF-8"', 'encoding="GBK"').encode("gbk")
    pub = one(cnipa.parse(RawDocument(1, None, data)), "publications")
    assert pub["title"] == "一种电磁阀"


def test_missing_publication_number_is_a_document_error(cnipa_fixtures):
    data = (cnipa_fixtures / "constructed_CN219801493U_utility_model.xml").read_bytes()
    data = data.replace(b"<base:DocNumber>219801493</base:DocNumber>", b"").replace(b' docNumber="219801493"', b"")
    with pytest.raises(DocumentError, match="publication number"):
        cnipa.parse(RawDocument(1, None, data))


def test_truncated_document_is_a_syntax_error(cnipa_fixtures):
    data = (cnipa_fixtures / "constructed_CN219801493U_utility_model.xml").read_bytes()[:1500]
    with pytest.raises(etree.XMLSyntaxError):
        cnipa.parse(RawDocument(1, None, data))


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE cn-patent-document [<!ENTITY x SYSTEM "file://{secret}">]>
<cn-patent-document><cn-bibliographic-data><cn-publication-reference><document-id><doc-number>1</doc-number>
<kind>A</kind></document-id></cn-publication-reference><invention-title>&x;</invention-title>
</cn-bibliographic-data></cn-patent-document>""".encode()
    try:
        rec = cnipa.parse(RawDocument(1, None, data))
    except (etree.XMLSyntaxError, DocumentError) as exc:
        assert "TOP-SECRET" not in str(exc)
        return
    assert "TOP-SECRET" not in str(rec)


def test_entity_expansion_bomb_is_stopped():
    bomb = ('<?xml version="1.0"?><!DOCTYPE cn-patent-document [<!ENTITY l0 "lol">'
            + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
            + ']><cn-patent-document><cn-bibliographic-data><invention-title>&l9;</invention-title>'
              '</cn-bibliographic-data></cn-patent-document>')
    with pytest.raises((etree.XMLSyntaxError, DocumentError)):
        cnipa.parse(RawDocument(1, None, bomb.encode()))
