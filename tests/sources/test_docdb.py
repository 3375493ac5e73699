"""Golden tests: every real DOCDB sample (a wrapped excerpt, two fragments with an unbound exch: prefix, one
extract without the prefix), constructed Amend and CreateDelete deliveries, the entity table, and a
deletion carried end to end through the warehouse."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sources import docdb
from sources.base import DocumentError, ParseOptions, RawDocument
from sources.packaging import WorkUnit
from sources.units import parse_unit
from sources.xml import UnknownEntity
from tests.conftest import FIXTURES, SHARED, shared_samples
from warehouse.ingest import ingest

HERE = FIXTURES / "docdb"
AMEND = HERE / "constructed_docdb_202441_Amend_EP_0001.xml"
CREATE_DELETE = HERE / "constructed_docdb_202445_CreateDelete_EP_0001.xml"
UNBOUND = HERE / "constructed_docdb_fragment_unbound_exch_prefix.xml"
NO_PREFIX = HERE / "constructed_docdb_fragment_no_prefix_ipc7.xml"
FIXTURE_DTD = HERE / "constructed_docdb-entities.dtd"
TABLE = docdb.load_entity_table(FIXTURE_DTD)


def records(path: Path, entities: dict[str, str] | None = TABLE) -> dict[str, dict]:
    with open(path, "rb") as fh:
        recs = [docdb.parse(d, ParseOptions(entities=entities)) for d in docdb.iter_documents(fh, None)]
    return {r["publications"][0]["pub_number"]: r for r in recs}


def record(path: Path, entities: dict[str, str] | None = TABLE) -> dict:
    (rec,) = records(path, entities).values()
    return rec


def rows(rec, table, **match):
    return [r for r in rec[table] if all(r.get(k) == v for k, v in match.items())]


def one(rec, table, **match):
    found = rows(rec, table, **match)
    assert len(found) == 1, (table, match, found)
    return found[0]


def symbols(rec, scheme):
    return [c["symbol"] for c in rows(rec, "classifications", scheme=scheme)]


def query(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def samples() -> Path:
    return shared_samples("docdb")


@pytest.fixture
def real_table() -> dict[str, str]:
    path = SHARED / "data" / "docdb-entities.dtd"
    if not path.is_file():
        pytest.skip(f"the delivery's entity DTD is not available: {path}")
    return docdb.load_entity_table(path)


def test_detect_wrapped_fragment_and_unprefixed():
    assert docdb.detect(b'<?xml version="1.0"?><!DOCTYPE exch:exchange-documents SYSTEM "docdb-entities.dtd">'
                        b'<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange">')
    assert docdb.detect(b'<exch:exchange-document country="WO" doc-number="1">')
    assert docdb.detect(b'<exchange-document country="AP" doc-number="1206">')
    assert not docdb.detect(b'<?xml version="1.0"?><us-patent-grant lang="EN">')


# --------------------------------------------------------------------------------- entity table
def test_entity_table_from_a_dtd_file():
    assert TABLE["ndash"] == "\u2013"  # the first declaration wins over the later "&#x0002D;"
    assert TABLE["SACUTE"] == "Ś" and TABLE["uuml"] == "ü"
    assert TABLE["nGtv"] == "\u226b\u0338\ufe00"  # several characters
    assert TABLE["LeftBracketingBar"] == "\uf603"  # a decimal reference
    assert TABLE["ENDASH"] == "\u2013"  # refers to an entity declared before it
    assert "AMP" not in TABLE  # commented out
    assert "isolat1" not in TABLE  # a parameter entity


def test_entity_table_of_the_real_dtd(real_table):
    assert len(real_table) == 2377  # 2378 declarations, one name declared twice
    assert (real_table["SACUTE"], real_table["ndash"], real_table["NDASH"]) == ("Ś", "–", "–")
    assert "amp" not in real_table and "lt" not in real_table  # commented out in the DTD: XML's own


@pytest.mark.parametrize("offset", range(-9, 3))
def test_a_reference_split_across_read_chunks_is_still_resolved(offset):
    head = b'<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange"><exch:exchange-document ' \
           b'country="EP" doc-number="1" kind="A1"><exch:bibliographic-data><exch:invention-title lang="en">'
    filler = b"x" * (65536 + offset - len(head))
    data = head + filler + b"&ndash;&amp;&SACUTE;y</exch:invention-title></exch:bibliographic-data>" \
                           b"</exch:exchange-document></exch:exchange-documents>"
    (doc,) = docdb.iter_documents(io.BytesIO(data), None)
    title = docdb.parse(doc, ParseOptions(entities=TABLE))["publications"][0]["title"]
    assert title.endswith("x–&Śy")
    assert doc.data.endswith(b"&ndash;&amp;&SACUTE;y</exch:invention-title></exch:bibliographic-data>"
                             b"</exch:exchange-document>")  # rejects keep the references as written


# --------------------------------------------------------------------------------- real samples
def test_wrapped_excerpt_of_ten_de_documents(samples):
    recs = records(samples / "docdb_v259_DE_backfile_excerpt_10docs.xml")
    assert list(recs) == [f"DE{n}B" for n in range(1258188, 1258198)]
    rec = recs["DE1258188B"]
    pub = one(rec, "publications")
    assert (pub["country"], pub["doc_number"], pub["kind"], pub["pub_date"]) == ("DE", "1258188", "B", date(1968, 1, 4))
    assert (pub["family_id"], pub["format_version"], pub["doc_file_name"]) == (
        "6979546", "2.5.9", "DOCDB-202407-009-DE-0074")
    assert pub["date_produced"] == date(2024, 2, 18)  # date-of-last-exchange
    assert (pub["pub_number_epodoc"], pub["pub_number_original"], pub["status"]) == ("DE1258188", None, None)
    assert (pub["title"], pub["title_lang"]) == ("Kraftstoffeinspritzpumpe fuer mehrzylindrige Brennkraftmaschinen", "de")
    app = one(rec, "applications")
    assert (app["country"], app["app_number"], app["app_number_original"], app["app_number_epodoc"]) == (
        "DE", "B0077613", "B77613", "DE1964B077613")
    assert app["filing_date"] == date(1964, 7, 10) and pub["app_number"] == "B0077613"
    ipc = rows(rec, "classifications", scheme="IPC")
    assert [c["symbol"] for c in ipc] == ["F02M 41/12", "F02M 59/34", "F02M 59/36"]
    assert ipc[0]["symbol_raw"] == "F02M  41/12        20060101A I20051008RMEP"  # fixed width as written
    assert ipc[0]["version"] == "2006.01"
    # the same four CPC symbols allocated by EP and by US count once; F (first) is the main one
    assert symbols(rec, "CPC") == ["F02M 59/34", "F02M 41/125", "F02M 59/36", "F02M 2700/1358"]
    assert one(rec, "classifications", symbol="F02M 2700/1358")["value"] == "A"
    applicant = one(rec, "parties", role="applicant")
    assert (applicant["name"], applicant["name_format"]) == ("ROBERT BOSCH G.M.B.H.", "docdba")
    assert [p["name"] for p in rows(rec, "parties", role="inventor")] == [
        "KNAPP DIPL.-PHYS. DR. HEINRICH", "HEISER DIPL.-ING. JOACHIM"]
    prio = one(rec, "priorities")
    assert (prio["country"], prio["number"], prio["date"]) == ("DE", "B0077613", date(1964, 7, 10))
    cites = rec["citations"]
    assert [(c["cited_phase"], c["country"], c["number"], c["kind"]) for c in cites] == [
        ("SEA", "DE", "814968", "C"), ("SEA", "DE", "1156606", "B"), ("SEA", "DE", "1734877", "U"),
        ("SEA", "FR", "1343388", "A")]
    assert cites[0]["date"] == date(1951, 9, 27)
    assert rows(rec, "texts") == [] and rec["load_findings"] == []


def test_fragment_with_sacute_and_an_unbound_prefix_loads_with_the_table(samples, real_table):
    rec = record(samples / "docdb_fragment_WO2022259205A1.xml", real_table)
    pub = one(rec, "publications")
    assert pub["pub_number"] == "WO2022259205A1"
    assert (pub["pub_number_epodoc"], pub["pub_number_original"]) == ("WO2022259205", "2022/259205")
    assert (pub["title"], pub["title_lang"]) == ("SELF-EMULSIFYING COMPOSITION, PRODUCTION METHODS AND USES THEREOF", "en")
    assert one(rec, "texts", text_type="title")["lang"] == "fr"
    app = one(rec, "applications")
    assert (app["country"], app["app_number"], app["app_number_original"], app["app_number_epodoc"]) == (
        "IB", "2022055385", "IB2022/055385", "WO2022IB55385")
    npl = one(rec, "citations", seq=4)
    assert npl["npl_text"].startswith("ANNA CZAJKOWSKA-KOŚNIK ET AL:")  # &SACUTE;
    assert (npl["category"], npl["cited_phase"]) == ("Y", "ISR")
    assert one(rec, "citations", seq=1)["category"] == "XY"
    patcit = one(rec, "citations", seq=7)
    assert (patcit["country"], patcit["number"], patcit["kind"]) == ("CN", "102908333", "A")
    assert len(rec["citations"]) == 23
    ipc = rows(rec, "classifications", scheme="IPC")
    assert (ipc[0]["symbol"], ipc[0]["position"], ipc[0]["is_main"]) == ("A61K 9/00", "F", True)  # AFI, listed 2nd
    inventors = rows(rec, "parties", role="inventor")
    assert inventors[0]["name"] == "OLIVEIRA DOS SANTOS, Adriana" and inventors[0]["country"] == "PT"
    assert len(inventors) == 8 and {p["name_format"] for p in inventors} == {"docdba"}
    abstracts = rows(rec, "texts", text_type="abstract")
    assert [(a["lang"], a["abstract_source"]) for a in abstracts] == [("en", "national office"), ("fr", "national office")]


def test_an_entity_no_table_defines_rejects_the_document_naming_it(samples):
    path = samples / "docdb_fragment_WO2022259205A1.xml"
    with pytest.raises(UnknownEntity, match="&SACUTE;"):
        record(path, None)
    result = parse_unit(WorkUnit((str(path),)))
    (reject,) = result.tables["rejects"].to_pylist()
    assert reject["stage"] == "parse" and "&SACUTE;" in reject["reason"]
    assert "&SACUTE;" in reject["raw_xml"]


def test_html5_names_resolve_without_the_table(samples):
    rec = record(samples / "docdb_fragment_WO2023012807A1.xml", None)
    assert "with data–driven accuracy estimation" in one(rec, "citations", seq=3)["npl_text"]
    assert one(rec, "parties", role="applicant")["name"] == "YEDA RESEARCH AND DEVELOPMENT CO. LTD."
    prio = one(rec, "priorities")
    assert (prio["country"], prio["number"], prio["kind"]) == ("US", "202163230089", "national")
    assert symbols(rec, "CPC")[0] == "C07K 16/464"


def test_extract_without_prefix_with_family_and_abstract(samples):
    rec = record(samples / "docdb_fragment_AP1206A_no_prefix_with_family.xml")
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["status"], pub["family_id"]) == ("AP1206A", "A", "22179393")
    assert pub["pub_number_original"] == "AP 1206" and pub["date_produced"] == date(2022, 10, 27)
    assert one(rec, "applications")["app_number_original"] == "AP/P/2000/001988"
    # IPCR present: the IPC 7 field is not used; repeated symbols count once
    ipc = symbols(rec, "IPC")
    assert ipc[0] == "A61K 9/16" and len(ipc) == len(set(ipc)) == 18
    assert [(p["number"], p["kind"]) for p in rec["priorities"]] == [("8359798", "national"), ("9816128", "international")]
    applicant = one(rec, "parties", role="applicant")
    assert (applicant["name"], applicant["country"]) == ("BRISTOL-MYERS SQUIBB COMPANY", "US")
    family = rows(rec, "related_documents", relation="family_member")
    assert len(family) == 67 and ("AR", "017747", "A1") in [(f["country"], f["number"], f["kind"]) for f in family]
    assert "AP1206A" not in [f"{f['country']}{f['number']}{f['kind']}" for f in family]
    assert one(rec, "texts", text_type="abstract")["abstract_source"] == "national office"


def test_every_sample_loads_without_findings_or_rejects(samples, real_table):
    options = ParseOptions(entities=real_table)
    for path in sorted(samples.glob("*.xml")):
        result = parse_unit(WorkUnit((str(path),)), options)
        counts = result.files[0]
        assert counts.rejected == 0 and counts.loaded == counts.seen >= 1, path.name
        assert result.tables["load_findings"].num_rows == 0, path.name


# --------------------------------------------------------------------------------- constructed
def test_constructed_amend_file():
    recs = records(AMEND)
    assert list(recs) == ["EP3456789A1", "EP3456790B1", "EP3456791A1"]
    rec = recs["EP3456789A1"]
    pub = one(rec, "publications")
    assert (pub["title"], pub["title_lang"], pub["status"]) == ("Hybrid drive for a vehicle", "en", "A")
    assert [(t["lang"], t["text"]) for t in rows(rec, "texts", text_type="title")] == [
        ("de", "Hybridantrieb für ein Fahrzeug"), ("fr", "Entraînement hybride pour un véhicule")]
    assert [(a["lang"], a["abstract_source"]) for a in rows(rec, "texts", text_type="abstract")] == [
        ("en", "EPO"), ("de", "national office")]
    assert one(rec, "texts", text_type="abstract", lang="de")["text"].endswith("Motor & einen Elektromotor.")
    assert symbols(rec, "IPC") == ["B60L 50/60", "B60K 6/20"]  # the F symbol first
    assert symbols(rec, "CPC") == ["B60L 50/60", "B60K 6/20", "Y02T 10/70"]  # FI not loaded; duplicate once
    assert one(rec, "classifications", scheme="CPC", symbol="B60L 50/60")["version"] == "2019.02"
    parties = [(p["role"], p["name"], p["country"], p["name_format"]) for p in rec["parties"]]
    assert parties == [
        ("applicant", "MÜLLER FAHRZEUGBAU GMBH", "DE", "docdba"),
        ("applicant", "UNIV SHANGHAI JIAOTONG", "CN", "docdb"),  # the only form given
        ("inventor", "KOŚNIK, Anna", "PL", "docdba"),
    ]
    assert one(rec, "parties", name="UNIV SHANGHAI JIAOTONG")["applicant_type"] == "university"
    assert [(p["country"], p["kind"]) for p in rec["priorities"]] == [("DE", "national"), ("EP", "regional")]
    cites = rec["citations"]
    assert [(c["cited_phase"], c["category"]) for c in cites] == [("SEA", "X"), ("SEA", "A"), ("APP", None)]
    assert cites[1]["npl_text"] == 'SMITH J: "Hybrid drives – a review", J. VEHICLE ENG., vol. 3, 1999, pages 1 - 9'
    assert (cites[2]["date_text"], cites[2]["date"]) == ("19910300", date(1991, 3, 1))
    family = one(rec, "related_documents", relation="family_member")
    assert (family["number"], family["kind"], family["date"]) == ("102017214567", "A1", date(2019, 2, 21))
    old = recs["EP3456790B1"]
    assert [(c["symbol"], c["symbol_raw"]) for c in old["classifications"]] == [
        ("H01M 10/40", "7H 01M  10/40   A"), ("H01M 4/02", "7H 01M   4/02   B")]  # IPC 7, edition first


def test_constructed_fragments_unbound_prefix_and_no_prefix():
    rec = record(UNBOUND)
    pub = one(rec, "publications")
    assert (pub["pub_number"], pub["title"]) == ("WO2024001234A1", "Quantum–dot display")
    assert one(rec, "texts", text_type="title")["text"] == "量子点显示器"
    assert one(rec, "parties", role="applicant")["name"] == "TSINGHUA UNIVERSITY"
    assert one(rec, "applications")["country"] == "CN"
    rec = record(NO_PREFIX)
    assert symbols(rec, "IPC") == ["A61K 9/16", "A61P 31/18"]
    assert one(rec, "priorities")["kind"] == "international"
    assert one(rec, "texts", text_type="abstract")["abstract_source"] == "family member"


def test_documents_are_streamed_and_detached_from_the_wrapper():
    with open(AMEND, "rb") as fh:
        docs = list(docdb.iter_documents(fh, "d.zip!EP.xml"))
    assert [d.index for d in docs] == [1, 2, 3]
    assert all(d.element.getparent() is None for d in docs)  # nothing keeps the wrapper growing
    assert docs[0].data.startswith(b'<exch:exchange-document xmlns:exch="http://www.epo.org/exchange"')
    assert [d.exchange_file for d in docs] == ["DOCDB-202441-Amend-EP-0001"] * 3
    assert docdb.parse(RawDocument(1, None, docs[1].data))["publications"][0]["pub_number"] == "EP3456790B1"


def test_a_syntax_error_rejects_the_rest_of_the_file_and_keeps_what_came_before(tmp_path):
    data = AMEND.read_bytes()
    cut = data.index(b'<exch:exchange-document country="EP" doc-number="3456791"')
    path = tmp_path / "truncated.xml"
    path.write_bytes(data[: cut + 200])
    result = parse_unit(WorkUnit((str(path),)), ParseOptions(entities=TABLE))
    counts = result.files[0]
    assert (counts.seen, counts.loaded, counts.rejected) == (3, 2, 1)
    (reject,) = result.tables["rejects"].to_pylist()
    assert reject["doc_index"] == 3 and reject["stage"] == "parse"
    assert reject["reason"].startswith("XML syntax error") and "rest of the file" in reject["reason"]


def test_missing_key_attribute_is_a_document_error():
    data = UNBOUND.read_bytes().replace(b' kind="A1"', b"", 1)
    with pytest.raises(DocumentError, match="@kind"):
        docdb.parse(RawDocument(1, None, data))


def test_create_delete_removes_the_publication_from_the_views(tmp_path):
    db = tmp_path / "w.duckdb"
    ingest([AMEND], warehouse=db, options=ParseOptions(entities=TABLE))
    assert query(db, "select pub_number from patents order by 1") == [
        ("EP3456789A1",), ("EP3456790B1",), ("EP3456791A1",)]
    summary = ingest([CREATE_DELETE], warehouse=db, options=ParseOptions(entities=TABLE))
    assert (summary.documents_seen, summary.documents_loaded) == (2, 2)
    assert query(db, "select pub_number from patents order by 1") == [
        ("EP3456789A1",), ("EP3456790B1",), ("EP3456792A1",)]
    # both versions stay in the publications table; the deletion is the newest
    assert query(db, "select status, date_produced from publications where pub_number = 'EP3456791A1' "
                     "order by date_produced") == [(None, date(2024, 10, 10)), ("D", date(2024, 11, 7))]
    assert query(db, "select count(*) from patent_applicants where pub_number = 'EP3456791A1'") == [(0,)]
    assert query(db, "select batch_date from load_manifest order by batch_date") == [
        (date(2024, 10, 10),), (date(2024, 11, 7),)]


def test_a_deletion_loaded_before_the_older_amend_still_wins(tmp_path):
    db = tmp_path / "w.duckdb"
    ingest([CREATE_DELETE], warehouse=db, options=ParseOptions(entities=TABLE))
    ingest([AMEND], warehouse=db, options=ParseOptions(entities=TABLE))  # loaded last, but older
    assert ("EP3456791A1",) not in query(db, "select pub_number from patents")


def test_a_later_amend_brings_a_deleted_publication_back(tmp_path):
    db = tmp_path / "w.duckdb"
    later = tmp_path / "DOCDB-202450-Amend-EP-0001.xml"
    later.write_bytes(AMEND.read_bytes().replace(b'date-of-last-exchange="20241010"', b'date-of-last-exchange="20241212"'))
    for path in (AMEND, CREATE_DELETE, later):
        ingest([path], warehouse=db, options=ParseOptions(entities=TABLE))
    assert query(db, "select pub_number, source_file like '%202450%' from patents where pub_number = 'EP3456791A1'") \
        == [("EP3456791A1", True)]
