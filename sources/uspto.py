"""USPTO full-text XML v4.x: grants (`us-patent-grant`) and pre-grant publications (`us-patent-application`).

A weekly file (`ipgYYMMDD.xml`, `ipaYYMMDD.xml`, ~0.5 GB) is thousands of complete XML documents glued
together, each with its own declaration and DOCTYPE, so the file as a whole is not XML. It is read in
pieces and cut where a line starts with `<?xml`; each document is parsed on its own. The external DTD is
never loaded.

Sequence listings (`sequence-cwu`) and other documents that are not patents share the weekly file; they
are yielded as `SkippedDocument`s so that the caller counts them without loading them.

Element names changed between DTD versions (`parties` became `us-parties` at grant v4.3,
`references-cited` became `us-references-cited` at v4.4, `classification-ipc` became
`classifications-ipcr` after v4.0). Every lookup is the union of the old and new names, so `dtd-version`
(spelt `v40 2004-12-02` or `v4.0 2004-12-02`) is recorded but never decides how a document is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from sources.base import ELEMENTS, DocumentError, ParseOptions, RawDocument, Record
from sources.cnipa_fields import RecordBuilder
from sources.normalise.dates import parse_partial_date
from sources.normalise.ipc import Classification, ipc_from_parts, loc_edition, parse_ipc
from sources.normalise.text import clean, is_filler
from sources.xml import element_text, join_paragraphs, localname, parse_bytes

NAME = "uspto"
GRANT, APPLICATION = "us-patent-grant", "us-patent-application"
_BIB = {GRANT: "us-bibliographic-data-grant", APPLICATION: "us-bibliographic-data-application"}
# Pre-2005 patent documents: out of scope, but patents, so they are rejected (visible), not skipped.
_LEGACY_ROOTS = frozenset({"patent-application-publication", "PATDOC"})
_DETECT = re.compile(rb"<(?:us-patent-grant|us-patent-application|sequence-cwu)[\s>/]")
# a document starts at every line that starts with an XML declaration
_BOUNDARY = b"\n<?xml"
_READ_BYTES = 1 << 20
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.-]*)[\s>/]")
_ROOT_SCAN_BYTES = 4096
_ST3 = re.compile(r"[A-Z]{2}")
_SYMBOL_PARTS = ("section", "class", "subclass", "main-group", "subgroup")
_APP_TYPES = {"utility": "utility", "design": "design", "plant": "plant", "reissue": "reissue"}
# us-related-documents children whose parent application is a relation of RELATIONS
_PARENT_RELATIONS = {
    "continuation": "continuation",
    "continuation-in-part": "continuation_in_part",
    "division": "divisional_parent",
    "reissue": "reissue",
}
# USPC as the USPTO writes it: a 3-character class ("600", "D 3", "PLT"), a 3-character subclass, then
# the decimal part of the subclass without its point ("34053912" is 340/539.12).
_USPC = re.compile(r"(?P<cls>[ 0-9]{2}[0-9]|D[ 0-9][0-9]|PLT)(?P<sub>DIG|[ 0-9]{1,3})(?P<dec>[0-9A-Z]*)")


@dataclass
class SkippedDocument(RawDocument):
    """A document of a bulk file that is not a patent (a sequence listing): counted, never loaded."""

    skip_reason: str = ""


def detect(head: bytes) -> bool:
    return bool(_DETECT.search(head))


def iter_documents(stream: BinaryIO, member: str | None) -> Iterator[RawDocument]:
    for index, data in enumerate(_split(stream), start=1):
        root = _root_name(data)
        if root is None or root in _BIB or root in _LEGACY_ROOTS:
            yield RawDocument(index=index, member=member, data=data)
        else:
            yield SkippedDocument(index=index, member=member, data=b"", skip_reason=f"not a patent document: <{root}>")


def _split(stream: BinaryIO) -> Iterator[bytes]:
    """The documents of a concatenated file, read in 1 MB pieces so that memory holds about one document."""
    buf = bytearray()
    scan = 0  # bytes of buf already searched for a boundary
    while True:
        chunk = stream.read(_READ_BYTES)
        buf += chunk
        while (cut := buf.find(_BOUNDARY, scan)) != -1:
            doc = bytes(buf[: cut + 1])
            del buf[: cut + 1]
            scan = 0
            if doc.strip():
                yield doc
        scan = max(0, len(buf) - len(_BOUNDARY) + 1)
        if not chunk:
            break
    if bytes(buf).strip():
        yield bytes(buf)


def _root_name(data: bytes) -> str | None:
    # the first start tag: declarations (<?xml) and the DOCTYPE (<!) do not match
    match = _FIRST_TAG.search(data, 0, _ROOT_SCAN_BYTES)
    return match.group(1).decode("ascii") if match else None


def parse(doc: RawDocument, options: ParseOptions = ParseOptions()) -> Record:
    root = doc.element if doc.element is not None else parse_bytes(doc.data)
    name = localname(root)
    if name not in _BIB:
        raise DocumentError(f"unsupported USPTO document type <{name}> (only v4.x grants and applications)",
                            stage="parse")
    bib = root.find(_BIB[name])
    if bib is None:
        raise DocumentError(f"no {_BIB[name]}", stage="extract")
    record = _Reader(root, bib, name, options).record()
    record[ELEMENTS] = root
    return record


# ---------------------------------------------------------------------------------------------
# values
def _v(el: etree._Element | None, path: str | None = None) -> str | None:
    """Stripped text of a code element ("00" is a subgroup, not a filler)."""
    if el is not None and path is not None:
        el = el.find(path)
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _fields(el: etree._Element | None) -> dict[str, str]:
    """Stripped text of the direct children by tag, the first of each tag: one pass over a document-id or a
    classification instead of one search per field (citations alone number hundreds per grant)."""
    out: dict[str, str] = {}
    if el is None:
        return out
    for child in el:
        tag, text = child.tag, child.text
        if text and isinstance(tag, str) and tag not in out:
            text = text.strip()
            if text:
                out[tag] = text
    return out


def _t(el: etree._Element | None, path: str | None = None) -> str | None:
    """Cleaned text of a text element; fillers become None."""
    if el is not None and path is not None:
        el = el.find(path)
    if el is None:
        return None
    value = element_text(el)
    return None if is_filler(value) else value


def _country(value: str | None) -> str | None:
    # addresses say "unknown" or "omitted" where the country is not given
    return value if value and _ST3.fullmatch(value) else None


def _person(book: etree._Element | None) -> str | None:
    """An organisation name, or a person as "Last, First" (the form DOCDB uses as well)."""
    if book is None:
        return None
    org = _t(book, "orgname")
    if org:
        return org
    last, first = _t(book, "last-name"), _t(book, "first-name")
    if last and first:
        return f"{last}, {first}"
    return last or first or _t(book, "name")


def uspc_symbol(raw: str | None) -> str | None:
    """USPC class/subclass as "600/301", "340/539.12", "D3/203.1"; None when it is not one."""
    if raw is None:
        return None
    match = _USPC.fullmatch(raw.rstrip().upper())
    if not match:
        return None
    cls = match["cls"].replace(" ", "").lstrip("0")
    sub = match["sub"].strip()
    if not cls or not sub or " " in sub:
        return None
    sub = sub.lstrip("0") or "0"
    dec = match["dec"].rstrip("0")
    return f"{cls}/{sub}.{dec}" if dec else f"{cls}/{sub}"


def _canonical_app_number(number: str | None, series: str | None) -> str | None:
    """Series code + serial ("29379369"); a bare 6-digit serial gets its series code in front."""
    if number is None:
        return None
    compact = re.sub(r"[^0-9A-Za-z]", "", number)
    if series and len(compact) == 6 and compact.isdigit():
        return series + compact
    return compact or None


# ---------------------------------------------------------------------------------------------
class _Reader:
    """Reads one document's bibliographic data and texts into a RecordBuilder."""

    def __init__(self, root: etree._Element, bib: etree._Element, root_name: str, options: ParseOptions):
        self.root, self.bib, self.root_name, self.options = root, bib, root_name, options
        pub = bib.find("publication-reference/document-id")
        self.doc_number = _v(pub, "doc-number")
        self.kind = _v(pub, "kind")
        if not self.doc_number or not self.kind:
            raise DocumentError("missing publication number or kind (publication-reference/document-id)",
                                stage="extract")
        self.country = _country(_v(pub, "country")) or "US"
        self.pub_date_text = _v(pub, "date") or root.get("date-publ")
        self.lang = (root.get("lang") or "en").lower()
        self.b = RecordBuilder(f"{self.country}{self.doc_number}{self.kind}")

    def record(self) -> Record:
        pub = self._publication()
        self._classifications(pub)
        self._parties()
        self._references(pub)
        self._texts()
        return self.b.record

    # ---- publication and application ----------------------------------------------------------
    def _publication(self) -> dict:
        b, bib, root = self.b, self.bib, self.root
        app = bib.find("application-reference")
        app_id = app.find("document-id") if app is not None else None
        appl_type = app.get("appl-type") if app is not None else None
        app_type = _APP_TYPES.get((appl_type or "").strip().lower(), "other" if appl_type else None)
        raw_number = _v(app_id, "doc-number")
        series = _v(bib, "us-application-series-code")
        app_number = _canonical_app_number(raw_number, series)
        if series is None and app_number and len(app_number) == 8 and app_number.isdigit():
            series = app_number[:2]
        elif series and app_number and not app_number.startswith(series):
            b.finding("series_code", series, f"series code does not start application number {app_number}")
        filing_date = b.date("filing_date", _v(app_id, "date"))
        if app is not None:
            b.add(
                "applications",
                country=_country(_v(app_id, "country")) or self.country,
                app_number=app_number,
                app_number_original=raw_number,
                series_code=series,
                filing_date=filing_date,
                app_type=app_type,
                app_type_raw=appl_type,
            )
        pct = bib.find("pct-or-regional-filing-data")
        national_phase = _v(pct, "us-371c124-date/date") or _v(pct, "us-371c12-date/date")
        return b.add(
            "publications",
            doc_index=None,
            country=self.country,
            doc_number=self.doc_number,
            kind=self.kind,
            pub_date=b.date("pub_date", self.pub_date_text),
            app_number=app_number,
            filing_date=filing_date,
            app_type=app_type,
            title=_t(bib, "invention-title"),
            title_lang=self.lang,
            is_republication=False,
            national_phase_date=b.date("national_phase_date", national_phase),
            source_format="uspto-grant" if self.root_name == GRANT else "uspto-application",
            format_version=_dtd_version(root.get("dtd-version")),
            doc_file_name=clean(root.get("file")),
            date_produced=b.date("date_produced", root.get("date-produced")),
            status=clean(root.get("status")),
        )

    # ---- classifications ----------------------------------------------------------------------
    def _classifications(self, pub: dict) -> None:
        b, bib = self.b, self.bib
        for el in bib.findall("classifications-ipcr/classification-ipcr"):
            f = _fields(el)
            parts = [f.get(p) for p in _SYMBOL_PARTS]
            c = ipc_from_parts(*parts, _v(el, "ipc-version-indicator/date"),
                               position=f.get("symbol-position"), value=f.get("classification-value"))
            b.ipc(c, _split_symbol(parts))
        old = bib.find("classification-ipc")  # v4.0: IPC 7 as text
        if old is not None:
            for el in (old.find("main-classification"), *old.findall("further-classification")):
                raw = _v(el)
                if raw:
                    b.ipc(parse_ipc(raw), raw)
        cpc = bib.find("classifications-cpc")
        if cpc is not None:
            # combination sets repeat symbols already listed: only direct main/further entries count
            for el in (*cpc.findall("main-cpc/classification-cpc"), *cpc.findall("further-cpc/classification-cpc")):
                self._cpc(el)
        national = bib.find("classification-national")
        if national is not None:
            for el in (national.find("main-classification"), *national.findall("further-classification")):
                self._uspc(_v(el))
        locarno = bib.find("classification-locarno")
        if locarno is not None:
            for el in (locarno.find("main-classification"), *locarno.findall("further-classification")):
                if el is not None:
                    b.loc(_v(el))
            pub["loc_edition"] = loc_edition(_v(locarno, "edition"))

    def _cpc(self, el: etree._Element) -> None:
        f = _fields(el)
        parts = [f.get(p) for p in _SYMBOL_PARTS]
        c = ipc_from_parts(*parts, _v(el, "cpc-version-indicator/date"), position=f.get("symbol-position"), cpc=True)
        _scheme_row(self.b, "CPC", c, _split_symbol(parts), f.get("classification-value"))

    def _uspc(self, raw: str | None) -> None:
        if raw is None:
            return
        symbol = uspc_symbol(raw)
        if symbol is None:
            self.b.finding("uspc", raw, "not a USPC class/subclass")
            return
        seq = self.b.next_seq("classifications", "USPC")
        self.b.add("classifications", scheme="USPC", seq=seq, symbol=symbol, symbol_raw=raw, is_main=seq == 1)

    # ---- parties ------------------------------------------------------------------------------
    def _parties(self) -> None:
        b, bib = self.b, self.bib
        applicants = [*bib.findall("us-parties/us-applicants/us-applicant"), *bib.findall("parties/applicants/applicant")]
        inventors = [*bib.findall("us-parties/inventors/inventor"), *bib.findall("parties/inventors/inventor")]
        for el in applicants:
            _addressed_party(b, "applicant", el)
        if inventors:
            for el in inventors:
                _addressed_party(b, "inventor", el)
        else:
            # before v4.3 the inventors are the applicants marked applicant-inventor
            for el in applicants:
                if el.get("app-type") == "applicant-inventor":
                    _addressed_party(b, "inventor", el)
        for el in bib.findall("assignees/assignee"):
            _addressed_party(b, "assignee", el)
        for el in (*bib.findall("us-parties/agents/agent"), *bib.findall("parties/agents/agent")):
            book = el.find("addressbook")
            # a firm is the agency, a person the agent (as CNIPA separates them)
            b.party("agency" if _t(book, "orgname") else "agent", _person(book))
        examiners = bib.find("examiners")
        if examiners is not None:
            for el in (examiners.find("primary-examiner"), examiners.find("assistant-examiner")):
                b.party("examiner", _person(el))

    # ---- priorities, PCT, related documents, citations ----------------------------------------
    def _references(self, pub: dict) -> None:
        b, bib = self.b, self.bib
        for el in bib.findall("priority-claims/priority-claim"):
            f = _fields(el)
            b.priority(f.get("country"), f.get("doc-number"), f.get("date"), el.get("kind"))
        for el in bib.findall("pct-or-regional-filing-data/document-id"):
            self._related("pct_application", el)
        for el in bib.findall("pct-or-regional-publishing-data/document-id"):
            self._related("pct_publication", el)
        related = bib.find("us-related-documents")
        if related is not None:
            for el in related.findall("us-provisional-application/document-id"):
                self._related("provisional", el)
            for tag, relation in _PARENT_RELATIONS.items():
                for el in related.findall(f"{tag}/relation/parent-doc/document-id"):
                    self._related(relation, el)
            for el in related.findall("related-publication/document-id"):
                self._related("related_publication", el)
        for el in (*bib.findall("us-references-cited/us-citation"), *bib.findall("references-cited/citation")):
            self._citation(el)

    def _related(self, relation: str, el: etree._Element) -> None:
        f = _fields(el)
        self.b.related(relation, f.get("country"), f.get("doc-number"), f.get("date"), f.get("kind"))

    def _citation(self, el: etree._Element) -> None:
        doc = _fields(el.find("patcit/document-id"))
        npl = el.find("nplcit")
        date_text = doc.get("date")
        self.b.add(
            "citations",
            seq=self.b.next_seq("citations"),
            category=_fields(el).get("category"),
            country=doc.get("country"),
            number=doc.get("doc-number"),
            kind=doc.get("kind"),
            date_text=date_text,
            # month-only dates ("19990300") are common: the best-effort date is the first of the month
            date=parse_partial_date(date_text),
            npl_text=(_t(npl, "othercit") or _t(npl)) if npl is not None else None,
        )

    # ---- texts --------------------------------------------------------------------------------
    def _texts(self) -> None:
        b, root = self.b, self.root
        abstract = root.find("abstract")
        if abstract is not None:
            paras = abstract.findall("p")
            text = join_paragraphs(element_text(p) for p in paras) if paras else element_text(abstract)
            b.text("abstract", text, self.lang)
        claims = root.findall("claims/claim")
        b.text("claims", join_paragraphs(element_text(c) for c in claims), self.lang)
        if self.options.full_text:
            desc = root.find("description")
            if desc is not None:
                b.text("description", join_paragraphs(element_text(el) for el in desc.iter("heading", "p")),
                       self.lang)


def _addressed_party(b: RecordBuilder, role: str, el: etree._Element) -> None:
    # v4.0 assignees carry orgname directly, without an addressbook
    book = el.find("addressbook")
    if book is None:
        book = el
    address = book.find("address")
    parts = [_t(address, p) for p in ("address-1", "address-2", "city", "state", "postcode")]
    country = _country(_v(address, "country")) or _country(_v(el, "residence/country"))
    b.party(role, _person(book), country=country, address=", ".join(p for p in parts if p) or None,
            with_region=True)


def _scheme_row(b: RecordBuilder, scheme: str, c: Classification | None, raw: str | None, value: str | None) -> None:
    # CPC adds A (additional) to the IPC's I and N
    b.classification(scheme, c, raw, value if value in ("I", "N", "A") else None)


def _split_symbol(parts: list[str | None]) -> str | None:
    """The split fields as one string, for symbol_raw (the source has no text form)."""
    section, cls, subclass, group, subgroup = parts
    head = "".join(p for p in (section, cls, subclass) if p)
    tail = "/".join(p for p in (group, subgroup) if p)
    return f"{head} {tail}".strip() or None


def _dtd_version(value: str | None) -> str | None:
    """`v40 2004-12-02` and `v4.0 2004-12-02` name the same DTD; the dotted form is kept."""
    if not value:
        return None
    return re.sub(r"^v(\d)(\d)\b", r"v\1.\2", value.strip())
