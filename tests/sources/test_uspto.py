"""Golden tests: every real USPTO sample (DTD v4.0 to v4.5, one weekly-file excerpt) and constructed weekly
files (v4.0 to v4.7, sequence listing, reissue, design, plant)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from lxml import etree

from sources import uspto
from sources.base import DocumentError, ParseOptions, RawDocument
from sources.packaging import WorkUnit
from sources.units import parse_unit
from tests.conftest import FIXTURES, shared_samples
from warehouse.ingest import ingest

WEEKLY_GRANTS = FIXTURES / "uspto" / "constructed_ipg_weekly_utility_sequence_reissue_design.xml"
WEEKLY_APPS = FIXTURES / "uspto" / "constructed_ipa_weekly_v40_and_v46_applications.xml"
_SEQUENCE_LISTING = re.compile(rb"<\?xml[^\n]*\n<!DOCTYPE sequence-cwu.*?</sequence-cwu>\n", re.DOTALL)


def documents(path: Path) -> list[RawDocument]:
    with open(path, "rb") as fh:
        return list(uspto.iter_documents(fh, None))


def records(path: Path, **options) -> list[dict]:
    return [uspto.parse(d, ParseOptions(**options)) for d in documents(path) if not getattr(d, "skip_reason", "")]


def record(path: Path, **options) -> dict:
    (rec,) = records(path, **options)
    return rec


def by_number(path: Path, **options) -> dict[str, dict]:
    return {r["publications"][0]["pub_number"]: r for r in records(path, **options)}


def rows(rec, table, **match):
    return [r for r in rec[table] if all(r.get(k) == v for k, v in match.items())]


def one(rec, table, **match):
    found = rows(rec, table, **match)
    assert len(found) == 1, (table, match, found)
    return found[0]


def symbols(rec, scheme):
    return [c["symbol"] for c in rows(rec, "classifications", scheme=scheme)]


@pytest.fixture
def samples() -> Path:
    return shared_samples("uspto")


def test_detect_grants_applications_and_weekly_files_only():
    assert uspto.detect(b'<?xml version="1.0"?>\n<!DOCTYPE us-patent-grant SYSTEM "x.dtd" [ ]>\n<us-patent-grant lang="EN">')
    assert uspto.detect(b'<?xml  version="1.0" encoding="UTF-8"?>\n<us-patent-application lang="EN">')
    assert uspto.detect(b'<?xml version="1.0"?>\n<sequence-cwu id="SEQLST-0">')  # a weekly file can open with one
    assert not uspto.detect(b'<?xml version="1.0"?><cn-patent-document lang="ZH">')
    assert not uspto.detect(b'<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange">')


# --------------------------------------------------------------------------------- real samples
def test_grant_v45_with_cpc_uspc_and_160_citations(samples):
    rec = record(samples / "grant_v45_US08926509B2.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["doc_number"], pub["kind"]) == ("US08926509B2", "08926509", "B2")
    assert (pub["pub_date"], pub["filing_date"], pub["date_produced"]) == (
        date(2015, 1, 6), date(2008, 6, 5), date(2014, 12, 19))
    assert (pub["source_format"], pub["format_version"], pub["status"]) == (
        "uspto-grant", "v4.5 2014-04-03", "PRODUCTION")
    assert pub["is_republication"] is False and pub["doc_file_name"] == "US08926509-20150106.XML"
    app = one(rec, "applications")
    assert (app["app_number"], app["series_code"], app["app_type"]) == ("12134151", "12", "utility")
    ipc = rows(rec, "classifications", scheme="IPC")
    assert len(ipc) == 14 and ipc[0]["symbol"] == "A61B 5/00" and ipc[0]["is_main"]
    assert (ipc[0]["version"], ipc[0]["position"], ipc[0]["value"]) == ("2006.01", "F", "I")
    cpc = rows(rec, "classifications", scheme="CPC")
    # main + 14 further; the 5 combination sets repeat symbols and are not rows of their own
    assert len(cpc) == 15 and cpc[0]["symbol"] == "A61B 5/0205" and cpc[0]["is_main"]
    assert one(rec, "classifications", scheme="CPC", symbol="A61B 2560/0209")["value"] == "A"
    uspc = symbols(rec, "USPC")
    assert uspc[0] == "600/301" and "700/2" in uspc and uspc[-1] == "340/539.12"
    assert [p["name"] for p in rows(rec, "parties", role="inventor")][0] == "Magar, Surendar"
    assert len(rows(rec, "parties", role="applicant")) == 5
    assignee = one(rec, "parties", role="assignee")
    assert (assignee["name"], assignee["country"], assignee["address"]) == ("Hmicro, Inc.", "US", "Fremont, CA")
    assert assignee["applicant_type"] == "enterprise" and assignee["region_method"] == "foreign"
    agency = one(rec, "parties", role="agency")
    assert agency["name"] == "Wilson Sonsini Goodrich & Rosati" and agency.get("country") is None  # "unknown"
    assert [e["name"] for e in rows(rec, "parties", role="examiner")] == ["Thomson, William", "Archer, Marie"]
    provisional = one(rec, "related_documents", relation="provisional")
    assert (provisional["number"], provisional["date"]) == ("60968023", date(2007, 8, 24))
    related = one(rec, "related_documents", relation="related_publication")
    assert (related["number"], related["kind"]) == ("20090054737", "A1")
    cites = rec["citations"]
    assert len(cites) == 160 and len([c for c in cites if c["npl_text"]]) == 30
    first = cites[0]
    assert (first["country"], first["number"], first["kind"], first["category"]) == (
        "US", "4313443", "A", "cited by applicant")
    assert (first["date_text"], first["date"]) == ("19820200", date(1982, 2, 1))  # month only
    assert rows(rec, "texts", text_type="description") == []
    assert rec["load_findings"] == []


def test_grant_v45_numeric_references_in_citations(samples):
    rec = record(samples / "grant_v45_US08930553B2.xml")
    assert one(rec, "publications")["pub_number"] == "US08930553B2"
    npl = rows(rec, "citations", number=None)[0]["npl_text"]
    assert npl.startswith("Rosenberg, J. “Reconsituting Call State in SIP User Agents”")
    assert "<http://www.jdrosen.net/" in npl
    assert one(rec, "citations", seq=4)["number"] == "2007/0140112"  # as written
    assert [p["country"] for p in rows(rec, "parties", role="inventor")] == ["IL", "US", "IL"]
    assert symbols(rec, "USPC") == ["709/228"]


def test_grant_v40_ipc7_and_applicant_inventors(samples):
    rec = record(samples / "grant_v40_US06859910B2.xml")
    pub = one(rec, "publications")
    assert pub["pub_number"] == "US06859910B2"
    assert (pub["format_version"], pub["status"]) == ("v4.0 2004-12-02", "PARALLEL-RUN")  # written "v40"
    assert symbols(rec, "IPC") == ["G06F 15/00", "G06F 17/00", "G06F 17/21", "G06F 17/24"]
    assert rows(rec, "classifications", scheme="CPC") == []
    assert symbols(rec, "USPC")[:2] == ["715/513", "709/219"] and "707/7" in symbols(rec, "USPC")
    # before v4.3 the applicant-inventor is both
    assert one(rec, "parties", role="applicant")["name"] == "Croy, John Charles"
    assert one(rec, "parties", role="inventor")["name"] == "Croy, John Charles"
    assert one(rec, "parties", role="assignee")["name"] == "Bluestreak.com"  # no addressbook in v4.0
    assert one(rec, "parties", role="agent")["name"] == "Born, Joseph H."
    assert one(rec, "parties", role="agency")["name"] == "Foley Hoag LLP"
    assert one(rec, "related_documents", relation="provisional")["kind"] is None  # "00"
    assert len(rec["citations"]) == 8 and rec["citations"][1]["date"] == date(2001, 3, 1)


def test_application_v40_priority_and_continuation(samples):
    rec = record(samples / "app_v40_US20050004437A1.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["source_format"], pub["format_version"]) == (
        "US20050004437A1", "uspto-application", "v4.0 2004-12-02")
    assert one(rec, "applications")["series_code"] == "10"
    prio = one(rec, "priorities")
    assert (prio["country"], prio["number"], prio["date"], prio["kind"]) == (
        "CH", "1974/01", date(2001, 10, 26), "national")
    parent = one(rec, "related_documents", relation="continuation")
    assert (parent["number"], parent["date"]) == ("PCT/CH02/00573", date(2002, 10, 21))
    assert symbols(rec, "IPC") == ["A61B 5/00"]
    assert symbols(rec, "USPC") == ["600/300", "128/905", "345/952"]
    assert [(p["role"], p["country"]) for p in rec["parties"]] == [
        ("applicant", "CH"), ("applicant", "CH"), ("inventor", "CH"), ("inventor", "CH")]
    assert one(rec, "texts", text_type="claims")["text"].startswith("1. A simulation device")


def test_application_v41_continuation_in_part_and_assignee_address(samples):
    rec = record(samples / "app_v41_US20060288462A1_from_ipa061228.xml")
    assert one(rec, "publications")["format_version"] == "v4.1 2005-08-25"
    assert one(rec, "related_documents", relation="continuation_in_part")["number"] == "29232669"
    assert symbols(rec, "IPC") == ["A41D 31/00", "A23G 1/50"]
    assert one(rec, "classifications", symbol="A41D 31/00")["version"] == "2007.01"
    assert symbols(rec, "USPC") == ["2/1", "426/104"]
    assignee = one(rec, "parties", role="assignee")
    assert assignee["address"].endswith("World Financial Center, New York, NY") and assignee["country"] == "US"


def test_application_v44_pct_national_phase(samples):
    rec = record(samples / "app_v44_US20210049351A1.xml")  # the DOCTYPE was stripped; "<?xml  version"
    pub = one(rec, "publications")
    assert pub["pub_number"] == "US20210049351A1" and pub["national_phase_date"] == date(2020, 9, 29)
    pct = one(rec, "related_documents", relation="pct_application")
    assert (pct["country"], pct["number"], pct["kind"], pct["date"]) == (
        "WO", "PCT/JP2018/015561", None, date(2018, 4, 13))
    assert symbols(rec, "CPC")[0] == "G06K 9/00335"
    assert one(rec, "classifications", scheme="CPC", symbol="G06N 20/00")["version"] == "2019.01"
    applicant = one(rec, "parties", role="applicant")
    assert (applicant["name"], applicant["country"], applicant["applicant_type"]) == (
        "NEC Corporation", "JP", "enterprise")
    assert [p["name"] for p in rows(rec, "parties", role="inventor")] == ["HOSOI, Toshinori", "KAWAI, Ryo"]


def test_application_v44_provisional(samples):
    rec = record(samples / "app_v44_US20210045410A1.xml")
    assert one(rec, "applications")["app_number"] == "16991488"
    assert one(rec, "related_documents", relation="provisional")["number"] == "62885392"
    assert one(rec, "parties", role="applicant")["name"] == "TERRAMINO INC."
    assert len(rows(rec, "parties", role="inventor")) == 4


def test_weekly_excerpt_of_two_design_grants(samples):
    path = samples / "bulk_ipg120327_excerpt_2_design_grants_v42.xml"
    docs = documents(path)
    assert [d.index for d in docs] == [1, 2]
    recs = by_number(path)
    assert list(recs) == ["USD0656308S1", "USD0656309S1"]
    first = recs["USD0656308S1"]
    pub = one(first, "publications")
    assert (pub["doc_number"], pub["kind"], pub["app_type"], pub["loc_edition"]) == ("D0656308", "S1", "design", "9")
    app = one(first, "applications")
    assert (app["app_number"], app["series_code"], app["app_type_raw"]) == ("29379369", "29", "design")
    loc = one(first, "classifications", scheme="LOC")
    assert (loc["symbol"], loc["symbol_raw"], loc["is_main"]) == ("03-01", "0301", True)
    assert symbols(first, "USPC") == ["D3/203.1"]
    assert rows(first, "texts", text_type="abstract") == []  # designs have none
    assert one(first, "texts", text_type="claims")["text"].startswith("The ornamental design for")
    second = recs["USD0656309S1"]
    cite = second["citations"][0]
    assert (cite["number"], cite["date_text"], cite["date"]) == ("D406191", "19990300", date(1999, 3, 1))
    assert one(second, "parties", role="assignee")["name"] == "Zero1.tv GmbH"


def test_every_sample_loads_without_findings(samples):
    for path in sorted(samples.glob("*.xml")):
        for rec in records(path, full_text=True):
            assert rec["load_findings"] == [], path.name
            assert rows(rec, "texts", text_type="description") or "design" in path.name


# --------------------------------------------------------------------------------- constructed
def test_weekly_file_skips_and_counts_the_sequence_listing():
    docs = documents(WEEKLY_GRANTS)
    assert [d.index for d in docs] == [1, 2, 3, 4, 5]
    skipped = [d for d in docs if getattr(d, "skip_reason", "")]
    assert [(d.index, d.skip_reason) for d in skipped] == [(2, "not a patent document: <sequence-cwu>")]
    result = parse_unit(WorkUnit((str(WEEKLY_GRANTS),)))
    counts = result.files[0]
    assert (counts.seen, counts.loaded, counts.rejected, counts.documents_skipped) == (4, 4, 0, 1)
    assert result.tables["publications"].column("doc_index").to_pylist() == [1, 3, 4, 5]


def test_weekly_file_end_to_end(tmp_path):
    db = tmp_path / "w.duckdb"
    summary = ingest([WEEKLY_GRANTS, WEEKLY_APPS], warehouse=db)
    assert (summary.documents_seen, summary.documents_loaded, summary.documents_rejected) == (6, 6, 0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows_ = con.execute("select pub_number, app_type, cpcs, loc_classes, pct_app_number, agency "
                            "from patents order by 1").fetchall()
        manifest = con.execute("select file_name, documents_seen, documents_loaded, source_format, "
                               "format_version from load_manifest order by 1").fetchall()
    finally:
        con.close()
    assert rows_ == [
        ("US11234567B2", "utility", ["H01M 10/0525", "H01M 4/131", "Y02E 60/10"], None, "PCT/JP2018/012345",
         "Example & Partners LLP"),
        ("US20050123456A1", "utility", None, None, None, None),
        ("US20230012345A1", "utility", ["G06F 16/00"], None, "PCT/CN2020/101234", None),
        ("USD0987654S1", "design", None, ["14-03"], None, None),
        ("USPP034567P3", "plant", None, None, None, None),
        ("USRE045678E1", "reissue", None, None, None, "Law Firm PC"),
    ]
    assert manifest == [
        ("constructed_ipa_weekly_v40_and_v46_applications.xml", 2, 2, "uspto-application",
         "v4.0 2004-12-02,v4.6 2022-02-17"),
        ("constructed_ipg_weekly_utility_sequence_reissue_design.xml", 4, 4, "uspto-grant",
         "v4.2 2006-08-23,v4.5 2014-04-03,v4.7 2022-02-17"),
    ]


def test_constructed_utility_grant_v47():
    rec = by_number(WEEKLY_GRANTS, full_text=True)["US11234567B2"]
    pub = one(rec, "publications")
    assert pub["title"] == "Negative electrode for a lithium–ion secondary battery"
    assert pub["national_phase_date"] == date(2019, 3, 5)  # us-371c124-date
    assert symbols(rec, "IPC") == ["H01M 10/0525", "H01M 4/02"]
    assert [c["value"] for c in rows(rec, "classifications", scheme="IPC")] == ["I", "N"]
    assert symbols(rec, "CPC") == ["H01M 10/0525", "H01M 4/131", "Y02E 60/10"]  # section Y, no combination
    assert one(rec, "classifications", symbol="Y02E 60/10")["value"] == "A"
    assert symbols(rec, "USPC") == ["429/231.95", "429/22.31"]
    relations = [(r["relation"], r["number"]) for r in rec["related_documents"]]
    assert relations == [
        ("pct_application", "PCT/JP2018/012345"),
        ("pct_publication", "WO2018/163456"),
        ("provisional", "62555666"),
        ("continuation", "15987654"),
        ("divisional_parent", "14876543"),
        ("related_publication", "20190271234"),
    ]
    assert one(rec, "priorities")["number"] == "2018-040123"
    parties = [(p["role"], p["name"], p.get("country")) for p in rec["parties"]]
    assert parties == [
        ("applicant", "Example Battery Co., Ltd.", "JP"),
        ("inventor", "Tanaka, Hiroshi", "JP"),
        ("inventor", "Smith, Jane", "US"),
        ("assignee", "Example Battery Co., Ltd.", "JP"),
        ("agency", "Example & Partners LLP", None),
        ("agent", "Counsel, Carol", None),
        ("examiner", "Reviewer, Pat", None),
        ("examiner", "Helper, Sam", None),
    ]
    cites = [(c["country"], c["number"], c["date_text"], c["date"], c["category"]) for c in rec["citations"]]
    assert cites[:2] == [("US", "5000000", "19910300", date(1991, 3, 1), "cited by examiner"),
                         ("JP", "2005123456", "20050500", date(2005, 5, 1), "cited by applicant")]
    assert rec["citations"][2]["npl_text"] == "Roe, R. “Silicon anodes”, J. Power Sources, vol. 1, 2001, pp. 1-9."
    claims = one(rec, "texts", text_type="claims")["text"]
    assert claims == ("1. A negative electrode comprising: silicon particles; and a carbon coating.\n"
                      "2. The negative electrode of claim 1, wherein the coating is graphite.")
    assert one(rec, "texts", text_type="description")["text"] == (
        "BACKGROUND\nLithium–ion cells need stable anodes.\nSUMMARY\nSilicon particles are coated with carbon.")


def test_constructed_reissue_design_and_plant_grants():
    recs = by_number(WEEKLY_GRANTS)
    reissue = recs["USRE045678E1"]
    assert one(reissue, "applications")["app_type"] == "reissue"
    parent = one(reissue, "related_documents", relation="reissue")
    assert (parent["number"], parent["date"]) == ("14555777", date(2014, 11, 20))
    assert [p["name"] for p in rows(reissue, "parties", role="inventor")] == ["Müller, Anna", "Brown, Bob"]
    # "omitted" in the address: the residence gives the country
    assert one(reissue, "parties", role="applicant", name="Brown, Bob")["country"] == "US"
    assert one(reissue, "parties", role="assignee")["name"] == "Sensor Labs GmbH"
    assert reissue["citations"][0]["date"] == date(2001, 4, 1)
    design = recs["USD0987654S1"]
    assert one(design, "publications")["loc_edition"] == "13"
    assert symbols(design, "LOC") == ["14-03"] and symbols(design, "USPC") == ["D14/138"]
    assert one(design, "parties", role="applicant")["applicant_type"] == "enterprise"
    plant = recs["USPP034567P3"]
    assert one(plant, "publications")["title"] == "Rose plant named ‘Example Red’"
    assert symbols(plant, "USPC") == ["PLT/263"]
    # from v4.3 on the inventors are listed apart: an applicant-inventor is not counted twice
    assert len(rows(plant, "parties", role="inventor")) == 1


def test_constructed_applications_v40_and_v46():
    recs = by_number(WEEKLY_APPS)
    old = recs["US20050123456A1"]
    assert one(old, "publications")["format_version"] == "v4.0 2004-12-02"  # written "v40"
    assert symbols(old, "IPC") == ["H04L 12/28", "G06F 15/16"]
    assert one(old, "priorities")["kind"] == "regional"
    assert one(old, "related_documents", relation="continuation_in_part")["number"] == "10111222"
    assert one(old, "related_documents", relation="provisional")["kind"] is None
    new = recs["US20230012345A1"]
    assert one(new, "publications")["national_phase_date"] == date(2022, 1, 10)  # us-371c12-date
    assert one(new, "related_documents", relation="pct_publication")["number"] == "WO2021/008765"
    assert one(new, "texts", text_type="abstract")["text"] == "A method retrieves data.\nIt is fast."


@pytest.mark.parametrize("piece", [1, 6, 7, 4096])
def test_split_streams_and_never_reads_the_whole_file(piece):
    class Pieces(io.BytesIO):
        def read(self, size=-1):
            assert size is not None and 0 < size <= 1 << 20, "the splitter must not read the file whole"
            return super().read(min(size, piece))  # piece ends fall anywhere, inside "\n<?xml" too

    data = WEEKLY_GRANTS.read_bytes()
    docs = list(uspto.iter_documents(Pieces(data), "ipg.zip!ipg.xml"))
    assert len(docs) == 5 and all(d.member == "ipg.zip!ipg.xml" for d in docs)
    assert b"".join(d.data for d in docs if d.data) == data.replace(_SEQUENCE_LISTING.search(data)[0], b"")
    assert docs[0].data.startswith(b'<?xml version="1.0"') and docs[0].data.rstrip().endswith(b"</us-patent-grant>")


def test_broken_and_legacy_documents_are_rejected_and_the_rest_loads(tmp_path):
    grants = WEEKLY_GRANTS.read_bytes()
    first_end = grants.index(b"</us-patent-grant>") + len(b"</us-patent-grant>\n")
    broken = grants[: first_end // 2] + b"\n"
    legacy = (b'<?xml version="1.0"?>\n<!DOCTYPE patent-application-publication SYSTEM "pap-v15-2001-01-31.dtd" []>\n'
              b"<patent-application-publication><subdoc-bibliographic-information/></patent-application-publication>\n")
    path = tmp_path / "ipg_mixed.xml"
    path.write_bytes(b"\xef\xbb\xbf" + grants + broken + legacy)
    result = parse_unit(WorkUnit((str(path),)))
    counts = result.files[0]
    assert (counts.seen, counts.loaded, counts.rejected, counts.documents_skipped) == (6, 4, 2, 1)
    rejects = result.tables["rejects"].to_pylist()
    assert [(r["doc_index"], r["stage"]) for r in rejects] == [(6, "parse"), (7, "parse")]
    assert "XML syntax error" in rejects[0]["reason"]
    assert "unsupported USPTO document type <patent-application-publication>" in rejects[1]["reason"]
    assert rejects[0]["raw_xml"].startswith('<?xml version="1.0"')


def test_missing_kind_is_a_document_error():
    data = WEEKLY_APPS.read_bytes().split(b"<?xml")[1]
    data = b"<?xml" + data.replace(b"<kind>A1</kind>", b"", 1)
    with pytest.raises(DocumentError, match="kind"):
        uspto.parse(RawDocument(1, None, data))


def test_external_dtd_is_not_loaded_and_entities_stay_safe(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = WEEKLY_APPS.read_bytes().split(b"<?xml")[2]
    data = (b"<?xml" + data).replace(b' [ ]>', f' [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(), 1)
    data = data.replace(b"Data retrieval method", b"Data &x; method")
    try:
        rec = uspto.parse(RawDocument(1, None, data))
    except (etree.XMLSyntaxError, DocumentError) as exc:
        assert "TOP-SECRET" not in str(exc)
        return
    assert "TOP-SECRET" not in str(rec)


def test_uspc_symbols():
    assert [uspto.uspc_symbol(s) for s in ("600301", "700  2", "34053912", "600300000", "002001000",
                                             "D 32031", "D28 73", "PLT263", "424009100")] == [
        "600/301", "700/2", "340/539.12", "600/300", "2/1", "D3/203.1", "D28/73", "PLT/263", "424/9.1"]
    assert uspto.uspc_symbol("None") is None and uspto.uspc_symbol("12") is None


def test_skipped_sequence_listings_are_counted_in_the_manifest(tmp_path):
    from warehouse.ingest import ingest

    db = tmp_path / "w.duckdb"
    s = ingest([WEEKLY_GRANTS], warehouse=db)
    assert (s.documents_seen, s.documents_skipped) == (4, 1)
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("select documents_seen, documents_loaded, documents_rejected, documents_skipped "
                      "from load_manifest").fetchall()
    con.close()
    assert row == [(4, 4, 0, 1)]
