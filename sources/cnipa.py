"""CNIPA bulk XML, both generations.

- current: `business:PatentDocumentAndRelated` (XSD V2.x, namespaces `business` / `base`), every kind
  including designs (`DesignBibliographicData`);
- old: `cn-patent-document` (DTD 06-10-27, ST.36 style, no namespace), inventions and utility models.

One XML file is one document. Reference blocks come twice (`@dataFormat` original and standard); we
choose by that attribute, never by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from sources.base import ELEMENTS, DocumentError, ParseOptions, RawDocument, Record
from sources.cnipa_fields import RecordBuilder, application, publication
from sources.normalise.dates import parse_partial_date
from sources.normalise.ipc import ipc_from_parts, parse_ipc
from sources.normalise.text import clean, is_filler
from sources.xml import ClarkPaths, element_text, join_paragraphs, localname, parse_bytes

NAME = "cnipa"
BUS = "http://www.sipo.gov.cn/XMLSchema/business"
BASE = "http://www.sipo.gov.cn/XMLSchema/base"
NS = {"b": BUS, "base": BASE}
P = ClarkPaths(NS)  # P["b:Claims"] == "{...business}Claims"
# either generation's root element, in one scan of the head
_ROOT = re.compile(rb"<(?:(?:[\w-]+:)?PatentDocumentAndRelated|cn-patent-document)[\s>]")
# role -> (details block, member element, whether the address is resolved to a region)
_PARTY_ROLES = {
    "applicant": (P["b:ApplicantDetails"], P["b:Applicant"], True),
    "assignee": (P["b:AssigneeDetails"], P["b:Assignee"], True),
    "inventor": (P["b:InventorDetails"], P["b:Inventor"], False),
    "designer": (P["b:DesignerDetails"], P["b:Designer"], False),
}
_PARTY_DETAILS = (*(block for block, _, _ in _PARTY_ROLES.values()), P["b:ExaminerDetails"], P["b:AgentDetails"])
_DESC_SECTIONS = ("TechnicalField", "BackgroundArt", "Disclosure", "DrawingsDescription", "InventionMode")


def detect(head: bytes) -> bool:
    return _ROOT.search(head) is not None


def iter_documents(stream: BinaryIO, member: str | None) -> Iterator[RawDocument]:
    yield RawDocument(index=1, member=member, data=stream.read())


def parse(doc: RawDocument, options: ParseOptions = ParseOptions()) -> Record:
    root = doc.element if doc.element is not None else parse_bytes(doc.data)
    name = localname(root)
    if name == "PatentDocumentAndRelated":
        record = _parse_new(root, options)
    elif name == "cn-patent-document":
        record = _parse_old(root, options)
    else:
        raise DocumentError(f"unsupported CNIPA document type <{name}>", stage="parse")
    record[ELEMENTS] = root
    return record


def format_version(root: etree._Element) -> str | None:
    return root.get("xsdVersion") or root.get("dtd-version")


# ---------------------------------------------------------------------------------------------
# helpers
def _t(el: etree._Element | None, path: str | None = None) -> str | None:
    """Cleaned text of `el` (or of its first match of `path`); fillers become None."""
    if el is not None and path is not None:
        el = P.find(el, path)
    if el is None:
        return None
    if len(el) == 0:  # a leaf whose text needs no tidying, the usual case: `element_text` inlined
        value = el.text
        if value is None:
            return None
        if "\n" not in value and "  " not in value and "\t" not in value and "\u00a0" not in value:
            value = value.strip()
            return value if value.strip("0") else None
    value = element_text(el)
    return None if is_filler(value) else value


def _first_children(el: etree._Element) -> dict[str, etree._Element]:
    """The first child of each tag: one pass over a small block instead of one search per field."""
    out: dict[str, etree._Element] = {}
    for child in el:
        out.setdefault(child.tag, child)
    return out


def _by_format(parent: etree._Element | None, path: str, prefer: str) -> dict[str, etree._Element]:
    """Elements at `path` keyed by @dataFormat; a block without the attribute counts as `prefer`."""
    out: dict[str, etree._Element] = {}
    if parent is None:
        return out
    for el in P.findall(parent, path):
        out.setdefault(el.get("dataFormat") or prefer, el)
    return out


def _pick(blocks: dict[str, etree._Element], *order: str) -> etree._Element | None:
    for fmt in order:
        if fmt in blocks:
            return blocks[fmt]
    return next(iter(blocks.values()), None)


def _seq_sorted(elements: list[etree._Element]) -> list[etree._Element]:
    if len(elements) < 2:
        return elements

    def key(el):
        s = el.get("sequence")
        return int(s) if s and s.isdigit() else 10**6

    return sorted(elements, key=key)


def _original_per_sequence(elements: list[etree._Element]) -> list[etree._Element]:
    """One element per @sequence, preferring the original form (the number as printed)."""
    if len(elements) < 2:
        return elements
    chosen: dict[str, etree._Element] = {}
    order: list[str] = []
    for el in elements:
        seq = el.get("sequence") or str(len(order) + 1)
        if seq not in chosen:
            order.append(seq)
            chosen[seq] = el
        elif el.get("dataFormat") == "original":
            chosen[seq] = el
    return _seq_sorted([chosen[s] for s in order])


def _require(value: str | None, what: str) -> str:
    if not value:
        raise DocumentError(f"missing {what}", stage="extract")
    return value


# ---------------------------------------------------------------------------------------------
# current generation
def _parse_new(root: etree._Element, options: ParseOptions) -> Record:
    bib = P.find(root, "b:BibliographicData")
    design = bib is None
    if design:
        bib = P.find(root, "b:DesignBibliographicData")
    if bib is None:
        raise DocumentError("no BibliographicData or DesignBibliographicData", stage="extract")

    pub = _pick(_by_format(bib, "b:PublicationReference", "standard"), "standard", "original")
    pub_id = P.find(pub, "base:DocumentID") if pub is not None else None
    doc_number = _t(pub_id, "base:DocNumber") or clean(root.get("docNumber"))
    kind = _t(pub_id, "base:Kind") or clean(root.get("kind"))
    pub_date_text = _t(pub_id, "base:Date") or clean(root.get("datePublication"))
    doc_number = _require(doc_number, "publication number (PublicationReference/DocNumber)")
    kind = _require(kind, "kind code (PublicationReference/Kind)")
    b = RecordBuilder(f"CN{doc_number}{kind}")

    apps = _by_format(bib, "b:ApplicationReference", "original")
    app_orig, app_std = apps.get("original"), apps.get("standard")
    any_app = app_orig if app_orig is not None else app_std
    number, app_type, filing_date = application(
        b,
        original=_t(app_orig, "base:DocumentID/base:DocNumber"),
        standard=_t(app_std, "base:DocumentID/base:DocNumber"),
        appl_type=any_app.get("applType") if any_app is not None else None,
        filed=_t(any_app, "base:DocumentID/base:Date"),
    )

    if design:
        title = _t(bib, "b:DesignTitle")
    else:
        titles = _by_format(bib, "b:InventionTitle", "original")
        title_el = _pick(titles, "original", "standard")
        title = _t(title_el)
    national_phase = _t(bib, "b:NationalStageEntryDate/base:Date")
    publication(
        b,
        doc_index=None,
        doc_number=doc_number,
        kind=kind,
        pub_date=b.date("pub_date", pub_date_text),
        app_number=number.canonical,
        filing_date=filing_date,
        app_type=app_type,
        title=title,
        title_lang="zh",
        gazette_number=_t(bib, "b:PublicAvailabilityDate/b:GazetteReference/b:GazetteNumber"),
        national_phase_date=b.date("national_phase_date", national_phase),
        loc_edition=None,
        source_format="cnipa-new",
        format_version=format_version(root),
        doc_file_name=clean(root.get("file")),
        date_produced=b.date("date_produced", root.get("dateProduced")),
        status=clean(root.get("status")),
    )

    # classifications
    for el in _seq_sorted(P.findall(bib, "b:ClassificationIPCRDetails/b:ClassificationIPCR")):
        raw = _t(el, "base:Text")
        c = parse_ipc(raw) if raw else None
        if c is None:
            c = ipc_from_parts(
                _t(el, "b:Section"),
                _t(el, "b:MainClass"),
                _t(el, "b:Subclass"),
                _t(el, "b:MainGroup"),
                _t(el, "b:Subgroup"),
                _t(el, "b:IPCVersionDate"),
            )
            raw = raw or "".join(
                filter(None, (_t(el, f"b:{p}") for p in ("Section", "MainClass", "Subclass")))
            ) + " " + "/".join(filter(None, (_t(el, "b:MainGroup"), _t(el, "b:Subgroup"))))
        b.ipc(c, raw)
    for loc in P.findall(bib, "b:ClassificationLocarno"):
        edition = loc.get("edition") or _t(loc, "b:Edition")
        for path in ("b:MainClassification", "b:FurtherClassification"):
            for el in P.findall(loc, path):
                b.loc(_t(el))
        if edition:
            b.record["publications"][0]["loc_edition"] = edition

    # priorities and related documents
    for el in _original_per_sequence(P.findall(bib, "b:PriorityDetails/b:Priority")):
        b.priority(
            _t(el, "base:WIPOST3Code"), _t(el, "base:DocNumber"), _t(el, "base:Date"), el.get("kind")
        )
    for el in P.findall(bib, "b:RelatedDocuments/b:Division/b:DocumentsRelation/b:ParentDocument/base:DocumentID"):
        b.related(
            "divisional_parent", _t(el, "base:WIPOST3Code"), _t(el, "base:DocNumber"), _t(el, "base:Date"),
            _t(el, "base:Kind"),
        )
    for el in P.findall(bib, "b:PCTOrRegionalApplicationData/base:DocumentID"):
        b.related("pct_application", _t(el, "base:WIPOST3Code"), _t(el, "base:DocNumber"), _t(el, "base:Date"))
    for el in P.findall(bib, "b:PCTOrRegionalPublishingData/base:DocumentID"):
        b.related(
            "pct_publication", _t(el, "base:WIPOST3Code"), _t(el, "base:DocNumber"), _t(el, "base:Date"),
            _t(el, "base:Kind"),
        )
    for el in P.findall(bib, "b:ReferencesCited/b:Citation"):
        _new_citation(b, el)

    # parties: the detail blocks, wherever they sit below the bibliographic data, in one pass
    details: dict[str, list[etree._Element]] = {}
    for el in bib.iter(*_PARTY_DETAILS):
        details.setdefault(el.tag, []).append(el)
    for role, (block, member, with_region) in _PARTY_ROLES.items():
        for el in _original_per_sequence([m for d in details.get(block, ()) for m in d.iterchildren(member)]):
            _new_party(b, role, el, with_region=with_region)
    for el in _original_per_sequence([m for d in details.get(P["b:ExaminerDetails"], ())
                                      for m in d.iterchildren(P["b:Examiner"])]):
        b.party("examiner", _t(el, "base:AddressBook/base:Name") or _t(el, "base:Name") or _t(el, "b:Name"))
    agent_details = details.get(P["b:AgentDetails"])
    if agent_details:
        customer = _t(agent_details[0], "b:CustomerNumber")
        agencies: list[str] = []
        for agent in _original_per_sequence(list(agent_details[0].iterchildren(P["b:Agent"]))):
            agency = _t(agent, "b:Agency/base:AddressBook/base:OrganizationName")
            if agency and agency not in agencies:
                agencies.append(agency)
            b.party("agent", _t(agent, "base:AddressBook/base:Name"))
        for agency in agencies:
            b.party("agency", agency, org_code=customer if len(agencies) == 1 else None)

    # texts
    if design:
        b.text("design_brief", join_paragraphs(_paras(P.find(root, "b:DesignBriefExplanation"))))
    b.text("abstract", join_paragraphs(_paras(P.find(root, "b:Abstract"))))
    claims = P.find(root, "b:Claims")
    if claims is not None:
        claim_text = P["b:ClaimText"]
        texts = ["".join([element_text(t) for t in c.iterchildren(claim_text)])
                 for c in claims.iterchildren(P["b:Claim"])]
        b.text("claims", "\n".join([t for t in texts if t]))
    if options.full_text:
        b.text("description", _new_description(P.find(root, "b:Description")))
    return b.record


def _paras(el: etree._Element | None) -> list[str]:
    if el is None:
        return []
    return [element_text(p) for p in P.findall(el, "base:Paragraphs")]


def _new_description(desc: etree._Element | None) -> str:
    if desc is None:
        return ""
    parts: list[str] = []
    for section in desc:
        name = localname(section)
        if name in _DESC_SECTIONS:
            parts.extend(_paras(section))
        elif name == "Paragraphs":
            parts.append(element_text(section))
    return join_paragraphs(parts)


_ADDRESS_BOOK, _ORG_CODE = P["base:AddressBook"], P["b:OrganizationCode"]
_NAME, _ORG_NAME, _ADDRESS = P["base:Name"], P["base:OrganizationName"], P["base:Address"]


def _new_party(b: RecordBuilder, role: str, el: etree._Element, with_region: bool = False) -> None:
    party = _first_children(el)
    book = party.get(_ADDRESS_BOOK)
    fields = _first_children(book) if book is not None else {}
    name = _t(fields.get(_NAME)) or _t(fields.get(_ORG_NAME))
    addr = fields.get(_ADDRESS)
    org_code = _t(party.get(_ORG_CODE))
    if not with_region or addr is None:
        b.party(role, name, org_code=org_code, with_region=with_region)
        return
    a = _first_children(addr)
    b.party(
        role,
        name,
        country=_t(a.get(P["base:WIPOST3Code"])),
        address=_t(a.get(P["base:Text"])),
        postcode=_t(a.get(P["base:PostCode"])),
        province=_t(a.get(P["base:Province"])),
        city=_t(a.get(P["base:City"])),
        county=_t(a.get(P["base:County"])),
        org_code=org_code,
        with_region=True,
    )


def _new_citation(b: RecordBuilder, el: etree._Element) -> None:
    doc = P.find(el, ".//base:DocumentID")
    npl = None if doc is not None else _t(el)
    date_text = _t(doc, "base:Date") if doc is not None else None
    b.add(
        "citations",
        seq=b.next_seq("citations"),
        category=el.get("citedPhase") or el.get("category"),
        country=_t(doc, "base:WIPOST3Code") if doc is not None else None,
        number=_t(doc, "base:DocNumber") if doc is not None else None,
        kind=_t(doc, "base:Kind") if doc is not None else None,
        date_text=date_text,
        date=parse_partial_date(date_text) if date_text else None,
        npl_text=npl,
    )


# ---------------------------------------------------------------------------------------------
# old generation
def _parse_old(root: etree._Element, options: ParseOptions) -> Record:
    bib = P.find(root, "cn-bibliographic-data")
    if bib is None:
        raise DocumentError("no cn-bibliographic-data", stage="extract")
    pub = P.find(bib, "cn-publication-reference/document-id")
    doc_number = _require(_t(pub, "doc-number") or clean(root.get("doc-number")), "publication number")
    kind = _require(_t(pub, "kind") or clean(root.get("kind")), "kind code")
    b = RecordBuilder(f"CN{doc_number}{kind}")

    app = P.find(bib, "application-reference")
    number, app_type, filing_date = application(
        b,
        original=_t(app, "document-id/doc-number"),
        standard=None,
        appl_type=app.get("appl-type") if app is not None else None,
        filed=_t(app, "document-id/date"),
    )
    publication(
        b,
        doc_index=None,
        doc_number=doc_number,
        kind=kind,
        pub_date=b.date("pub_date", _t(pub, "date") or root.get("date-publ")),
        app_number=number.canonical,
        filing_date=filing_date,
        app_type=app_type,
        title=_t(bib, "invention-title"),
        title_lang="zh",
        gazette_number=_t(bib, "cn-publication-reference/gazette-reference/gazette-num"),
        national_phase_date=b.date("national_phase_date", _t(bib, "date-pct-article-22-39-fulfilled/date")),
        loc_edition=None,
        source_format="cnipa-old",
        format_version=format_version(root),
        doc_file_name=clean(root.get("file")),
        date_produced=None,
        status=clean(root.get("status")),
    )

    for el in P.findall(bib, "classifications-ipcr/classification-ipcr"):
        raw = _t(el, "text")
        c = parse_ipc(raw) if raw else ipc_from_parts(
            _t(el, "section"), _t(el, "class"), _t(el, "subclass"), _t(el, "main-group"), _t(el, "subgroup"),
            _t(el, "ipc-version-indicator/date"),
        )
        b.ipc(c, raw)
    old_ipc = P.find(bib, "classification-ipc")
    if old_ipc is not None:
        for el in [P.find(old_ipc, "main-classification"), *P.findall(old_ipc, "further-classification")]:
            raw = _t(el)
            if raw:
                b.ipc(parse_ipc(raw), raw)

    for el in _seq_sorted(P.findall(bib, "priority-claims/priority-claim")):
        b.priority(_t(el, "country"), _t(el, "doc-number"), _t(el, "date"), el.get("kind"))
    related = P.find(bib, "cn-related-documents")
    if related is not None:
        for el in P.findall(related, "cn-domestic-priority-claims/cn-domestic-priority-claim//document-id"):
            b.related("domestic_priority", _t(el, "country"), _t(el, "doc-number"), _t(el, "date"))
            b.priority(_t(el, "country"), _t(el, "doc-number"), _t(el, "date"), "domestic")
        for el in P.findall(related, ".//division/relation/parent-doc/document-id"):
            b.related("divisional_parent", _t(el, "country"), _t(el, "doc-number"), _t(el, "date"), _t(el, "kind"))
    for el in P.findall(bib, "pct-or-regional-filing-data/document-id"):
        b.related("pct_application", _t(el, "country"), _t(el, "doc-number"), _t(el, "date"))
    for el in P.findall(bib, "pct-or-regional-publishing-data/document-id"):
        b.related("pct_publication", _t(el, "country"), _t(el, "doc-number"), _t(el, "date"), _t(el, "kind"))

    parties = P.find(bib, "cn-parties")
    if parties is not None:
        for el in _seq_sorted(P.findall(parties, "cn-applicants/cn-applicant")):
            b.party(
                "applicant",
                _t(el, "addressbook/name") or _t(el, "addressbook/orgname"),
                address=_t(el, "addressbook/address/text"),
                country=_t(el, "addressbook/address/country"),
                with_region=True,
            )
        for el in _seq_sorted(P.findall(parties, "cn-inventors/cn-inventor")):
            b.party("inventor", _t(el, "name") or _t(el, "addressbook/name"))
        agencies: list[str] = []
        for el in _seq_sorted(P.findall(parties, "cn-agents/cn-agent")):
            agency = _t(el, "cn-agency/name")
            if agency and agency not in agencies:
                agencies.append(agency)
            b.party("agent", _t(el, "name"))
        for agency in agencies:
            b.party("agency", agency)

    b.text("abstract", join_paragraphs(element_text(p) for p in P.findall(bib, "abstract/p")))
    body = P.find(root, "application-body")
    if body is not None:
        claims = P.findall(body, "claims/claim")
        b.text(
            "claims",
            "\n".join(filter(None, ("".join(element_text(t) for t in P.findall(c, "claim-text")) for c in claims))),
        )
        if options.full_text:
            desc = P.find(body, "description")
            if desc is not None:
                b.text("description", join_paragraphs(element_text(p) for p in desc.iter("p")))
    return b.record
