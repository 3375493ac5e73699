"""EPO DOCDB exchange XML (`exch:exchange-documents`): the bibliographic data of every office.

A file is one `exch:exchange-documents` wrapper holding thousands of `exch:exchange-document`s and can
exceed 100 MB. It is streamed with `iterparse`; each document is detached from the wrapper as soon as it
is complete, so memory holds about one document.

What lxml cannot do on its own here:

- Named entities (`&ndash;`, `&SACUTE;`) are declared only in the delivery's `docdb-entities.dtd`, which is
  never loaded. `iter_documents` does not see the `ParseOptions`, so it cannot resolve them: a byte filter
  in front of the parser turns each reference into a placeholder (U+FDD0 name U+FDD1; both are Unicode
  noncharacters, which documents do not contain), and `parse` resolves the placeholders against
  `ParseOptions.entities` (`load_entity_table`), then HTML5. A document using an entity that neither
  defines is rejected with the entity's name.
- The DOCDB elements are in the `exch:` namespace and their ST.36 children in none; some extracts drop the
  prefix altogether. Every lookup matches the local name in any namespace (`{*}name`).
- An `exch:exchange-document` cut out of its wrapper keeps the `exch:` prefix but not its declaration.
  The filter declares it on the root element when the root does not: in DOCDB the prefix always means
  http://www.epo.org/exchange, so this restores exactly what the wrapper declared.

Numbers: the publication key is the docdb form, `@country + @doc-number + @kind`; the epodoc and original
forms are kept beside it. Names: of a party's docdb, docdba and original forms, docdba (edited by the EPO,
readable, Latin script, nearly always present) is kept, then original, then docdb; `name_format` says which.
A record with `status="D"` (CreateDelete deliveries) is loaded with that status; `publication_current`
then leaves the publication out once that record is its newest version.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from sources.base import ELEMENTS, DocumentError, ParseOptions, RawDocument, Record
from sources.cnipa_fields import RecordBuilder
from sources.normalise.dates import parse_partial_date
from sources.normalise.ipc import Classification, ipc_from_parts, parse_ipc
from sources.normalise.numbers import is_republication
from sources.normalise.text import clean
from sources.xml import element_text, entity_text, join_paragraphs

NAME = "docdb"
EXCH = "http://www.epo.org/exchange"
_DETECT = re.compile(rb"<(?:exch:)?exchange-documents?[\s>/]")
_DOCUMENT_TAGS = (f"{{{EXCH}}}exchange-document", "exchange-document")
_ITERPARSE_OPTIONS = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
_CHUNK = 1 << 16

# ---- the byte filter ------------------------------------------------------------------------------
_BUILTIN_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_ENTITY_REF = re.compile(rb"&([A-Za-z_][\w.-]*);")
_MAX_REF = 80  # longer than any entity name: an "&" further back than this is not a split reference
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_PLACEHOLDER = re.compile(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}")
# placeholders as they come out of etree.tostring(encoding="utf-8"): back to "&name;" for rejects
_OPEN_UTF8, _CLOSE_UTF8 = _OPEN.encode(), _CLOSE.encode()
# the prolog (declaration, comments, PIs, DOCTYPE) and the root start tag
_ROOT_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*"
    rb"<(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>",
    re.DOTALL,
)
_EXCH_DECLARED = re.compile(rb"\sxmlns:exch\s*=")
_MAX_PROLOG = 1 << 20

# ---- the entity DTD --------------------------------------------------------------------------------
_DTD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DTD_ENTITY = re.compile(r"<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:\"([^\"]*)\"|'([^']*)')\s*>")
_CHAR_REF = re.compile(r"&#(?:x([0-9A-Fa-f]+)|([0-9]+));")
_NAMED_REF = re.compile(r"&([A-Za-z_][\w.-]*);")

_FORM_PREFERENCE = ("docdba", "original", "docdb")
_REGIONAL_OFFICES = frozenset({"EP", "EA", "AP", "OA", "GC"})


def detect(head: bytes) -> bool:
    return bool(_DETECT.search(head))


def load_entity_table(path: str | Path) -> dict[str, str]:
    """Name -> text of every general entity declared in a local DTD file (`docdb-entities.dtd`).

    Commented-out declarations are ignored, the first declaration of a name wins (as in XML), character
    references in a value are resolved, and a reference to an entity declared earlier is expanded.
    Parameter entities are not general entities and are skipped. The file is read locally, never fetched.
    """
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    table: dict[str, str] = {}
    for match in _DTD_ENTITY.finditer(_DTD_COMMENT.sub("", text)):
        name, value = match[1], match[2] if match[2] is not None else match[3]
        if name in table:
            continue
        value = _CHAR_REF.sub(lambda m: chr(int(m[1], 16) if m[1] else int(m[2])), value)
        table[name] = _NAMED_REF.sub(lambda m: table.get(m[1], m[0]), value)
    return table


class _EntityFilter:
    """A binary stream for the parser: `&name;` references become placeholders, and the `exch` prefix is
    declared on the root element when the root does not declare it. Reads `source` in chunks."""

    def __init__(self, source: BinaryIO):
        self._source = source
        self._carry = b""  # an "&…" at the end of a chunk whose ";" is still to come
        self._prolog: bytes | None = b""  # bytes before the root start tag is complete; None once seen
        self._out = bytearray()
        self._eof = False

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._out) < size):
            self._fill()
        if size < 0 or size > len(self._out):
            size = len(self._out)
        data = bytes(self._out[:size])
        del self._out[:size]
        return data

    def _fill(self) -> None:
        chunk = self._source.read(_CHUNK)
        if not chunk:
            self._eof = True
        data, self._carry = self._carry + chunk, b""
        if not self._eof:
            cut = data.rfind(b"&", max(0, len(data) - _MAX_REF))
            if cut != -1 and b";" not in data[cut:]:
                data, self._carry = data[:cut], data[cut:]
        if self._prolog is not None:
            data = self._declare_prefix(self._prolog + data)
            if data is None:
                return
        self._out += _ENTITY_REF.sub(_placeholder, data)

    def _declare_prefix(self, data: bytes) -> bytes | None:
        """`data` with the root start tag fixed once it is complete; None while it is still to come."""
        match = _ROOT_START.match(data)
        if match is None:
            if not self._eof and len(data) < _MAX_PROLOG:
                self._prolog = data
                return None
            self._prolog = None  # no recognisable root: the parser will say what is wrong
            return data
        self._prolog = None
        if _EXCH_DECLARED.search(match["attrs"]):
            return data
        at = match.end("name")
        return data[:at] + f' xmlns:exch="{EXCH}"'.encode() + data[at:]


def _placeholder(match: re.Match[bytes]) -> bytes:
    name = match[1]
    if name in _BUILTIN_ENTITIES:
        return match[0]
    return b"&#xFDD0;" + name + b"&#xFDD1;"


@dataclass
class ExchangeDocument(RawDocument):
    """One `exchange-document`, with what its wrapper says about the delivery."""

    dtd_version: str | None = None
    exchange_file: str | None = None
    date_of_exchange: str | None = None
    error: str | None = None  # the file could not be read from this document on


def iter_documents(stream: BinaryIO, member: str | None) -> Iterator[RawDocument]:
    events = etree.iterparse(_EntityFilter(stream), events=("end",), tag=_DOCUMENT_TAGS, **_ITERPARSE_OPTIONS)
    index = 0
    wrapper: dict[str, str | None] | None = None
    try:
        for _, el in events:
            index += 1
            parent = el.getparent()
            if wrapper is None:
                wrapper = _wrapper(parent)
            if parent is not None:
                # detached, the document is the caller's alone and the wrapper does not grow
                parent.remove(el)
            yield ExchangeDocument(index, member, _raw(el), el, **wrapper)
    except etree.XMLSyntaxError as exc:
        yield ExchangeDocument(index + 1, member, b"", None, **(wrapper or _wrapper(None)), error=str(exc))


def _wrapper(el: etree._Element | None) -> dict[str, str | None]:
    get = el.get if el is not None else (lambda _name: None)
    return {"dtd_version": get("dtd-version"), "exchange_file": get("file"),
            "date_of_exchange": get("date-of-exchange")}


def _raw(el: etree._Element) -> bytes:
    data = etree.tostring(el, encoding="utf-8", with_tail=False)
    return data.replace(_OPEN_UTF8, b"&").replace(_CLOSE_UTF8, b";")


def parse(doc: RawDocument, options: ParseOptions = ParseOptions()) -> Record:
    if doc.element is None and not (isinstance(doc, ExchangeDocument) and doc.error):
        # bytes alone (a caller outside iter_documents): read them the same way
        found = next(iter_documents(io.BytesIO(doc.data), doc.member), None)
        if found is None:
            raise DocumentError("no exchange-document element", stage="parse")
        doc = found
    if isinstance(doc, ExchangeDocument) and doc.error:
        raise DocumentError(f"XML syntax error: {doc.error}; this document and the rest of the file cannot be "
                            "read", stage="parse")
    record = _Reader(doc, options).record()
    record[ELEMENTS] = doc.element
    return record


# ---------------------------------------------------------------------------------------------
# lookups by local name, in any namespace or none
@functools.cache
def _path(path: str) -> str:
    return "/".join(step if not step or step == "." else f"{{*}}{step}" for step in path.split("/"))


def _find(el: etree._Element | None, path: str) -> etree._Element | None:
    return el.find(_path(path)) if el is not None else None


def _findall(el: etree._Element | None, path: str) -> list[etree._Element]:
    return el.findall(_path(path)) if el is not None else []


def _by_format(elements: Iterable[etree._Element]) -> dict[str, etree._Element]:
    out: dict[str, etree._Element] = {}
    for el in elements:
        out.setdefault(el.get("data-format") or "docdb", el)
    return out


def _sequence(el: etree._Element) -> int:
    value = el.get("sequence") or ""
    return int(value) if value.isdigit() else 1 << 30


def _first_first(items: list[tuple[Classification, str]]) -> list[tuple[Classification, str]]:
    """Symbols once each (DOCDB repeats a symbol for every office that allocated it), the one marked F
    (first) in front: the main symbol is sequence 1."""
    unique: dict[str, tuple[Classification, str]] = {}
    for item in items:
        unique.setdefault(item[0].symbol, item)
    return sorted(unique.values(), key=lambda item: item[0].position != "F")


_IPC7 = re.compile(r"\s*(?:\d{1,2}(?=\s*[A-H]\s*\d))?\s*([A-H])\s*(\d{2})\s*([A-Z])\s*(\d{1,4})\s*/\s*(\d{2,6})")


def _ipc7(raw: str) -> Classification | None:
    """IPC 1-7 as DOCDB writes it, edition first: " 7A 61K   9/16   A"."""
    match = _IPC7.match(raw)
    return ipc_from_parts(*match.groups()) if match else parse_ipc(raw)


class _Reader:
    def __init__(self, doc: RawDocument, options: ParseOptions):
        self.doc = doc
        self.el = doc.element
        self.entities = options.entities
        self.bib = _find(self.el, "bibliographic-data")
        country, number, kind = (clean(self.el.get(a)) for a in ("country", "doc-number", "kind"))
        if not (country and number and kind):
            raise DocumentError("missing @country, @doc-number or @kind on exchange-document", stage="extract")
        self.country, self.number, self.kind = country, number, kind
        self.b = RecordBuilder(f"{country}{number}{kind}")

    def text(self, el: etree._Element | None, path: str | None = None) -> str | None:
        """Cleaned text with entity placeholders resolved; None when empty."""
        if el is not None and path is not None:
            el = _find(el, path)
        if el is None:
            return None
        return self.resolve(element_text(el)) or None

    def code(self, el: etree._Element | None, path: str) -> str | None:
        """A fixed-width value as written (IPC text keeps its padding), without trailing blanks."""
        el = _find(el, path)
        if el is None or not el.text:
            return None
        return self.resolve(el.text.strip()) or None

    def resolve(self, value: str | None) -> str | None:
        if not value or _OPEN not in value:
            return value
        return clean(_PLACEHOLDER.sub(lambda m: entity_text(m[1], self.entities), value))

    def record(self) -> Record:
        self._publication()
        self._classifications()
        self._parties()
        self._references()
        self._abstracts()
        return self.b.record

    # ---- publication, application, titles ----------------------------------------------------
    def _publication(self) -> None:
        b, bib, el = self.b, self.bib, self.el
        pubs = _by_format(_findall(bib, "publication-reference"))
        apps = _by_format(_findall(bib, "application-reference"))
        app = _find(apps.get("docdb"), "document-id")
        app_number = self.text(app, "doc-number")
        filing_date = b.date("filing_date", self.text(app, "date"))
        if apps:
            b.add(
                "applications",
                country=self.text(app, "country") or self.country,
                app_number=app_number,
                app_number_original=self.text(apps.get("original"), "document-id/doc-number"),
                app_number_epodoc=self.text(apps.get("epodoc"), "document-id/doc-number"),
                filing_date=filing_date,
            )
        titles = self._titles()
        title_lang, title = next(((lang, t) for lang, t in titles if lang == "en"), titles[0] if titles else (None, None))
        for lang, text in titles:
            if lang != title_lang:
                b.text("title", text, lang)
        doc = self.doc
        wrapper = doc if isinstance(doc, ExchangeDocument) else None
        produced = el.get("date-of-last-exchange") or el.get("date-added-docdb") or (
            wrapper.date_of_exchange if wrapper else None)
        b.add(
            "publications",
            doc_index=None,
            country=self.country,
            doc_number=self.number,
            kind=self.kind,
            pub_date=b.date("pub_date", el.get("date-publ") or self.text(pubs.get("docdb"), "document-id/date")),
            app_number=app_number,
            filing_date=filing_date,
            title=title,
            title_lang=title_lang,
            is_republication=is_republication(self.kind),
            family_id=clean(el.get("family-id")),
            source_format=NAME,
            format_version=wrapper.dtd_version if wrapper else None,
            doc_file_name=wrapper.exchange_file if wrapper else None,
            # the newest exchange of a publication decides which bulk file carries its current version
            date_produced=b.date("date_produced", produced),
            status=clean(el.get("status")),
            pub_number_epodoc=self.text(pubs.get("epodoc"), "document-id/doc-number"),
            pub_number_original=self.text(pubs.get("original"), "document-id/doc-number"),
        )

    def _titles(self) -> list[tuple[str | None, str]]:
        out: dict[str | None, str] = {}
        for el in _findall(self.bib, "invention-title"):
            text = self.text(el)
            if text:
                out.setdefault(el.get("lang"), text)
        return list(out.items())

    # ---- classifications ----------------------------------------------------------------------
    def _classifications(self) -> None:
        b, bib = self.b, self.bib
        ipcr: list[tuple[Classification, str]] = []
        for el in sorted(_findall(bib, "classifications-ipcr/classification-ipcr"), key=_sequence):
            raw = self.code(el, "text") or ""
            c = parse_ipc(raw)
            if c is None:
                b.ipc(None, raw)
            else:
                ipcr.append((c, raw))
        if not ipcr:  # records classified before 2006 may carry IPC 1-7 only
            old = _find(bib, "classification-ipc")
            for path in ("main-classification", "further-classification"):
                for raw in filter(None, (self.code(el, ".") for el in _findall(old, path))):
                    c = _ipc7(raw)
                    if c is None:
                        b.ipc(None, raw)
                    else:
                        ipcr.append((c, raw))
        for c, raw in _first_first(ipcr):
            b.ipc(c, raw)
        cpc: list[tuple[Classification, str]] = []
        for el in sorted(_findall(bib, "patent-classifications/patent-classification"), key=_sequence):
            scheme_el = _find(el, "classification-scheme")
            if scheme_el is None or not (scheme_el.get("scheme") or "").startswith("CPC"):
                continue  # FI, F-terms and EPO-internal schemes are not loaded
            raw = self.code(el, "classification-symbol") or ""
            c = parse_ipc(raw, cpc=True)
            if c is None:
                b.finding("cpc", raw, "not a CPC symbol")
                continue
            # CPC adds A (additional) to the IPC's I and N values
            value = self.text(el, "classification-value")
            cpc.append((replace(
                c,
                version=_version(self.text(scheme_el, "date")),
                position=self.text(el, "symbol-position"),
                value=value if value in ("I", "N", "A") else None,
            ), raw))
        for c, raw in _first_first(cpc):
            seq = b.next_seq("classifications", "CPC")
            b.add("classifications", scheme="CPC", seq=seq, symbol=c.symbol, symbol_raw=raw, is_main=seq == 1,
                  version=c.version, section=c.section, subclass=c.subclass, main_group=c.main_group,
                  position=c.position, value=c.value)

    # ---- parties --------------------------------------------------------------------------------
    def _parties(self) -> None:
        parties = _find(self.bib, "parties")
        self._party_group(_findall(parties, "applicants/applicant"), "applicant-name", "applicant")
        self._party_group(_findall(parties, "inventors/inventor"), "inventor-name", "inventor")

    def _party_group(self, elements: list[etree._Element], name_tag: str, role: str) -> None:
        """One party per @sequence, from the preferred name form; the country from any form that has it
        (only the docdb form carries the residence)."""
        by_seq: dict[int, dict[str, etree._Element]] = {}
        for el in elements:
            by_seq.setdefault(_sequence(el), {}).setdefault(el.get("data-format") or "docdb", el)
        for seq in sorted(by_seq):
            forms = by_seq[seq]
            names = {f: self.text(el, f"{name_tag}/name") for f, el in forms.items()}
            name_format = next((f for f in _FORM_PREFERENCE if names.get(f)), None)
            if name_format is None:
                continue
            countries = (self.text(el, "residence/country") for el in forms.values())
            country = next(filter(None, countries), None)
            before = len(self.b.record["parties"])
            self.b.party(role, names[name_format], country=country, with_region=True)
            if len(self.b.record["parties"]) > before:
                self.b.record["parties"][-1]["name_format"] = name_format

    # ---- priorities, citations, family --------------------------------------------------------
    def _references(self) -> None:
        b, bib = self.b, self.bib
        for el in sorted(_findall(bib, "priority-claims/priority-claim"), key=_sequence):
            if (el.get("data-format") or "docdb") != "docdb":
                continue  # epodoc and original forms number their sequences independently
            doc = _find(el, "document-id")
            country, kind = self.text(doc, "country"), self.text(doc, "kind")
            b.priority(country, self.text(doc, "doc-number"), self.text(doc, "date"), _priority_kind(country, kind))
        for el in _findall(bib, "references-cited/citation"):
            self._citation(el)
        own = b.pub_number
        seen: set[str] = {own}
        for ref in _findall(self.el, "patent-family/family-member/publication-reference"):
            if (ref.get("data-format") or "docdb") != "docdb":
                continue
            doc = _find(ref, "document-id")
            country, number, kind = (self.text(doc, t) for t in ("country", "doc-number", "kind"))
            key = f"{country}{number}{kind}"
            if number and key not in seen:
                seen.add(key)
                b.related("family_member", country, number, self.text(doc, "date"), kind)

    def _citation(self, el: etree._Element) -> None:
        doc = _find(el, "patcit/document-id")
        npl = _find(el, "nplcit")
        date_text = self.text(doc, "date")
        self.b.add(
            "citations",
            seq=self.b.next_seq("citations"),
            category=self.text(el, "category"),
            cited_phase=clean(el.get("cited-phase")),
            country=self.text(doc, "country"),
            number=self.text(doc, "doc-number"),
            kind=self.text(doc, "kind"),
            date_text=date_text,
            date=parse_partial_date(date_text),
            npl_text=(self.text(npl, "text") or self.text(npl)) if npl is not None else None,
        )

    def _abstracts(self) -> None:
        seen: set[str | None] = set()
        for el in _findall(self.el, "abstract"):
            lang = el.get("lang")
            paras = _findall(el, "p")
            text = join_paragraphs(filter(None, (self.text(p) for p in paras))) if paras else self.text(el)
            if text and lang not in seen:
                seen.add(lang)
                self.b.add("texts", text_type="abstract", lang=lang, text=text,
                           abstract_source=clean(el.get("abstract-source")))


def _version(date_text: str | None) -> str | None:
    """Scheme version from its date: "20130101" -> "2013.01"."""
    if not date_text or len(date_text) < 6 or not date_text[:6].isdigit():
        return None
    return f"{date_text[:4]}.{date_text[4:6]}"


def _priority_kind(country: str | None, kind: str | None) -> str | None:
    if kind == "W" or country == "WO":
        return "international"
    if country in _REGIONAL_OFFICES:
        return "regional"
    return "national" if country else None

