"""The synthetic CNIPA corpus generator (bench/generate.py): determinism, well-formedness, numbering,
packaging, shares, and deliberately broken documents."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples" / "cnipa"
BATCH = "20251121"
NS = {"b": "http://www.sipo.gov.cn/XMLSchema/business", "base": "http://www.sipo.gov.cn/XMLSchema/base"}
PARSER = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)


def _load() -> ModuleType:
    # bench/ is not a package: load the script by path, registered so that its dataclasses resolve.
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load()


def _weekly_members(path: Path) -> Iterator[tuple[str, str, bytes]]:
    """(sub-zip name, member name, bytes) for every file inside the sub-zips of a weekly zip."""
    with zipfile.ZipFile(path) as outer:
        for sub in outer.namelist():
            with zipfile.ZipFile(io.BytesIO(outer.read(sub))) as inner:
                for info in inner.infolist():
                    if not info.is_dir():
                        yield sub, info.filename, inner.read(info)


def _xml_docs(path: Path) -> dict[str, bytes]:
    return {Path(m).name: data for _, m, data in _weekly_members(path) if m.endswith(".XML")}


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def _parses(data: bytes) -> bool:
    try:
        _parse(data)
    except etree.XMLSyntaxError:
        return False
    return True


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, bytes]]:
    """300 documents of every product, full text, 5 broken, small sub-zips."""
    out = tmp_path_factory.mktemp("mixed")
    summary = gen.generate(out, 300, seed=7, batch_date=BATCH, utility_share=0.2, design_share=0.1, full_text=True,
                           malformed=5, docs_per_subzip=40)
    return summary, _xml_docs(Path(summary["files"][0]))


@pytest.fixture(scope="module")
def inventions(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, bytes]]:
    """300 invention documents with the default options (what `make demo` writes, smaller)."""
    out = tmp_path_factory.mktemp("inventions")
    summary = gen.generate(out, 300, seed=1, batch_date=BATCH)
    return summary, _xml_docs(Path(summary["files"][0]))


# ---------------------------------------------------------------------------------------------------
# reference values


def test_check_digit_matches_real_numbers() -> None:
    for number in ("201710601862.3", "202111286633.X", "201510481495.9", "202180002433.9", "201480021818.X",
                   "201410408762.5"):
        twelve, check = number.split(".")
        assert gen.check_digit(twelve) == check
    assert gen.app_numbers("11", 2021, 2433) == ("202180002433.9", "112021000002433")


def test_ipc_text_is_fixed_width() -> None:
    assert gen.Ipc("A61K", "31", "7076", "2006.01").text == "A61K   31/7076  (2006.01)"
    assert gen.Ipc("A61N", "5", "00", "2006.01").text == "A61N    5/00    (2006.01)"
    assert gen.Ipc("C07D", "401", "04", "2006.01").text == "C07D  401/04    (2006.01)"
    assert gen.Ipc("G09G", "3", "3208", "2016.01").version_date == "20160101"


def test_gazette_numbers_and_batch_dates() -> None:
    assert gen.gazette_number(date(2021, 12, 10)) == "37-5002"
    assert gen.gazette_number(date(2022, 10, 21)) == "38-4202"
    assert gen.gazette_number(date(2014, 12, 24)) == "30-52"
    assert gen.default_batch_date(date(2025, 11, 23)) == date(2025, 11, 21)
    assert gen.default_batch_date(date(2025, 11, 18)) == date(2025, 11, 18)


# ---------------------------------------------------------------------------------------------------
# determinism


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    digests = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        summary = gen.generate(tmp_path / name, 120, seed=seed, batch_date=BATCH, utility_share=0.1,
                               design_share=0.1, malformed=2, docs_per_subzip=50)
        digests.append(hashlib.sha256(Path(summary["files"][0]).read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_packaging_does_not_change_documents(tmp_path: Path, inventions: tuple[dict, dict[str, bytes]]) -> None:
    summary = gen.generate(tmp_path, 300, seed=1, batch_date=BATCH, package="xml")
    plain = {Path(p).name: Path(p).read_bytes() for p in summary["files"]}
    assert plain == inventions[1]


# ---------------------------------------------------------------------------------------------------
# documents


def test_every_document_parses_except_the_broken_ones(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, docs = mixed
    assert len(docs) == summary["documents"] == 300
    broken = {name for name, data in docs.items() if not _parses(data)}
    assert broken == set(summary["malformed"])
    assert len(broken) == 5


def test_malformed_documents_are_spread_over_subzips(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, _ = mixed
    subzips = {sub for sub, member, _ in _weekly_members(Path(summary["files"][0]))
               if Path(member).name in summary["malformed"]}
    assert len(subzips) >= 4


def test_application_numbers_validate_and_agree(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, docs = mixed
    seen_apps: set[str] = set()
    seen_pubs: set[str] = set()
    for name, data in docs.items():
        if name in summary["malformed"]:
            continue
        root = _parse(data)
        if root.tag.startswith("{"):
            refs = {r.get("dataFormat"): r for r in root.iterfind("b:*/b:ApplicationReference", NS)}
            original = refs["original"].findtext("base:DocumentID/base:DocNumber", namespaces=NS)
            standard = refs["standard"].findtext("base:DocumentID/base:DocNumber", namespaces=NS)
            appl_type = refs["original"].get("applType")
            pub = root.get("docNumber") + root.get("kind")
            assert root.get("file") == name
            assert standard == f"{appl_type}{original[:4]}{int(original[5:12]):09d}"
            assert gen.TYPE_DIGIT[appl_type] == original[4]
        else:
            bib = root.find("cn-bibliographic-data")
            original = bib.findtext("application-reference/document-id/doc-number")
            assert bib.find("application-reference").get("appl-type") in ("发明专利", "实用新型")
            pub = bib.findtext("cn-publication-reference/document-id/doc-number") + bib.findtext(
                "cn-publication-reference/document-id/kind")
        m = re.fullmatch(r"(\d{4})([12389])(\d{7})\.([\dX])", original)
        assert m, original
        weighted = sum(int(d) * w for d, w in zip(original[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True))
        assert "0123456789X"[weighted % 11] == m.group(4)
        assert original not in seen_apps and pub not in seen_pubs
        seen_apps.add(original)
        seen_pubs.add(pub)
        first_digit = {"1": "1", "8": "1", "2": "2", "9": "2", "3": "3"}[m.group(2)]
        assert re.fullmatch(r"\d{9}[ABUS]\d?", pub) and pub[0] == first_digit, pub


def test_file_names_follow_the_cnipa_pattern(mixed: tuple[dict, dict[str, bytes]]) -> None:
    pattern = re.compile(r"CN(\d{15})CN(\d{13})([0A-Z][A-Z0-9])(FUL|DBP)ZH(\d{8})CN00[0-9A-Z#]\.XML")
    for name in mixed[1]:
        m = pattern.fullmatch(name)
        assert m, name
        assert m.group(5) == BATCH
        assert (m.group(4) == "DBP") == (m.group(3) == "0S")


def test_dates_are_consistent(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, docs = mixed
    for name, data in docs.items():
        if name in summary["malformed"] or b"<cn-patent-document" in data[:300]:
            continue
        root = _parse(data)
        assert root.get("datePublication") == BATCH
        filed = root.findtext("b:*/b:ApplicationReference/base:DocumentID/base:Date", namespaces=NS)
        assert filed < BATCH
        for priority in root.iterfind(".//b:Priority/base:Date", NS):
            assert priority.text < filed
        entry = root.findtext("b:BibliographicData/b:NationalStageEntryDate/base:Date", namespaces=NS)
        if entry:
            wo = root.findtext(".//b:PCTOrRegionalPublishingData/base:DocumentID/base:Date", namespaces=NS)
            assert filed < entry < BATCH and wo < entry


def _element_names(root: etree._Element) -> set[str]:
    return {etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="real CNIPA samples (../shared/samples/cnipa) not available")
def test_structure_follows_the_real_samples(inventions: tuple[dict, dict[str, bytes]]) -> None:
    """Invention publications use no element the real samples lack, apart from the documented extras."""
    real: dict[bool, set[str]] = {True: set(), False: set()}
    for path in SAMPLES.glob("*.xml"):
        root = etree.parse(str(path), PARSER).getroot()
        real[root.tag.startswith("{")] |= _element_names(root)
    documented = {True: {"Sub", "Sup", "Underline", "NationalStageEntryDate", "PCTPublicationLanguage",
                         "PCTOrRegionalApplicationData", "PCTOrRegionalPublishingData", "AssigneeDetails", "Assignee",
                         "ExaminerDetails", "Examiner", "ReferencesCited", "Citation"},
                  False: {"division", "parent-doc", "references-cited", "citation", "patcit", "examiners",
                          "primary-examiner"}}
    used: dict[bool, set[str]] = {True: set(), False: set()}
    for data in inventions[1].values():
        root = _parse(data)
        used[root.tag.startswith("{")] |= _element_names(root)
    for new in (True, False):
        assert used[new], "both generations are present"
        assert used[new] - real[new] <= documented[new], used[new] - real[new] - documented[new]


def test_old_format_quirks(inventions: tuple[dict, dict[str, bytes]]) -> None:
    old = [d for d in inventions[1].values() if b"<cn-patent-document" in d[:400]]
    with_bom = sum(d.startswith(b"\xef\xbb\xbf") for d in old)
    assert 0.15 < with_bom / len(old) < 0.55
    assert all(b'<application-body lang="CN" country="CN">' in d for d in old)
    assert any(b"<br />" in d for d in old)


def test_texts_are_realistic(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, docs = mixed
    titles, designs = [], 0
    for name, data in docs.items():
        if name in summary["malformed"] or b"<cn-patent-document" in data[:400]:
            continue
        root = _parse(data)
        if root.find("b:DesignBibliographicData", NS) is not None:
            designs += 1
            assert re.fullmatch(r"\d{2}-\d{2}", root.findtext(".//b:ClassificationLocarno/b:MainClassification",
                                                               namespaces=NS))
            assert root.find("b:DesignBriefExplanation/base:Paragraphs", NS) is not None
            continue
        title = root.findtext("b:BibliographicData/b:InventionTitle", namespaces=NS)
        titles.append(title)
        assert 10 <= len(title) <= 40, title
        abstract = "".join(root.find("b:Abstract/base:Paragraphs", NS).itertext())
        assert 150 <= len(abstract) <= 300, abstract
        claims = root.findall("b:Claims/b:Claim", NS)
        assert 3 <= len(claims) <= 10
        assert claims[0].findtext("b:ClaimText", namespaces=NS).startswith("1.")
        ipcs = root.findall(".//b:ClassificationIPCR", NS)
        assert 1 <= len(ipcs) <= 10
        for ipc in ipcs:
            assert re.fullmatch(r"[A-H]\d{2}[A-Z][ \d]{5}/\d{2,6} *\(\d{4}\.\d{2}\)", ipc.findtext("base:Text", namespaces=NS))
        assert root.find("b:Description/b:TechnicalField", NS) is not None
    assert designs > 0
    assert len(set(titles)) > 0.8 * len(titles)


def test_addresses_and_parties(inventions: tuple[dict, dict[str, bytes]]) -> None:
    countries: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for data in inventions[1].values():
        root = _parse(data)
        if not root.tag.startswith("{"):
            continue
        for address in root.iterfind(".//b:Applicant/base:AddressBook/base:Address", NS):
            country = address.findtext("base:WIPOST3Code", namespaces=NS)
            countries[country] += 1
            fields = [address.findtext(f"base:{t}", namespaces=NS) for t in ("Province", "City", "County", "PostCode")]
            if country == "CN":
                provinces[fields[0]] += 1
                assert fields[0] != "0" and fields[2] != "0"
            else:
                assert fields == ["0", "0", "0", "0"]
        agency = root.findtext(".//b:AgentDetails/b:Agent/b:Agency/base:AddressBook/base:OrganizationName",
                               namespaces=NS)
        if agency:
            assert agency.endswith(" " + root.findtext(".//b:AgentDetails/b:CustomerNumber", namespaces=NS))
    assert 0.85 < countries["CN"] / sum(countries.values()) < 0.995
    assert provinces.most_common(1)[0][0] in ("广东省", "江苏省", "北京市", "浙江省")


# ---------------------------------------------------------------------------------------------------
# shares


def test_kind_and_type_shares(mixed: tuple[dict, dict[str, bytes]], inventions: tuple[dict, dict[str, bytes]]) -> None:
    products = mixed[0]["products"]
    assert sum(products.values()) == 300
    assert 0.12 < products["20-U"] / 300 < 0.28
    assert 0.04 < products["30-S"] / 300 < 0.17
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    old = 0
    for name in inventions[1]:
        kinds[name[32:34]] += 1
    for data in inventions[1].values():
        root = _parse(data)
        if root.tag.startswith("{"):
            types[root.find("b:BibliographicData/b:ApplicationReference", NS).get("applType")] += 1
        else:
            old += 1
    assert 0.65 < kinds["0A"] / 300 < 0.88
    assert 0.12 < kinds["0B"] / 300 < 0.32
    assert 0.03 < types["11"] / sum(types.values()) < 0.18
    assert 0.12 < old / 300 < 0.30


# ---------------------------------------------------------------------------------------------------
# packaging


def test_weekly_layout(mixed: tuple[dict, dict[str, bytes]]) -> None:
    summary, _ = mixed
    weekly = Path(summary["files"][0])
    assert weekly.name == f"{BATCH}.zip"
    per_sub: Counter[str] = Counter()
    folders: dict[str, list[str]] = {}
    for sub, member, data in _weekly_members(weekly):
        assert re.fullmatch(rf"CN-PA-(TXTS-10-A|TXTS-10-B|TXTS-20-U|BIBS-30-S)_{BATCH}_\d{{3}}\.zip", sub)
        folder, name = member.split("/")
        folders.setdefault(f"{sub}/{folder}", []).append(name)
        if name.endswith(".XML"):
            per_sub[sub] += 1
            assert name == f"{folder}.XML"
        else:
            assert name.endswith((".JPG", ".TIF")) and len(data) < 64
    assert max(per_sub.values()) <= 40
    for names in folders.values():
        assert sum(n.endswith(".XML") for n in names) == 1
        assert 1 <= len(names) - 1 <= 2


def test_folders_and_xml_packages(tmp_path: Path) -> None:
    summary = gen.generate(tmp_path / "f", 60, seed=2, batch_date=BATCH, package="folders", docs_per_subzip=25)
    root = Path(summary["files"][0])
    assert root == tmp_path / "f" / BATCH
    xmls = sorted(root.glob("*/*/*.XML"))
    assert len(xmls) == 60
    assert all(x.parent.name == x.stem for x in xmls)
    assert all(any(p.suffix in (".JPG", ".TIF") for p in x.parent.iterdir()) for x in xmls)
    assert {x.parent.parent.name for x in xmls} >= {f"CN-PA-TXTS-10-A_{BATCH}_001", f"CN-PA-TXTS-10-A_{BATCH}_002"}
    summary = gen.generate(tmp_path / "x", 30, seed=2, batch_date=BATCH, package="xml")
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == sorted(Path(f).name for f in summary["files"])
    assert all(p.endswith(".XML") for p in summary["files"])


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main(["--documents", "20", "--seed", "7", "--out", str(tmp_path), "--package", "weekly",
                     "--batch-date", BATCH, "--format", "old", "--malformed", "1"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("documents=20 malformed=1 files=") and "bytes=" in line and "seconds=" in line
    docs = _xml_docs(tmp_path / f"{BATCH}.zip")
    assert sum(b"<cn-patent-document" in d[:400] for d in docs.values()) >= 19
    with pytest.raises(SystemExit):
        gen.main(["--documents", "5", "--out", str(tmp_path), "--malformed", "6"])
