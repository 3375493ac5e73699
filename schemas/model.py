"""The canonical patent model, shared by every source (CNIPA, USPTO, EPO DOCDB).

Every row carries `file_id` (sha256 of the bulk file it came from) so that reloading a file replaces
exactly its rows, and child rows carry `pub_number` (`CN113781974A`) to join their publication.
"""

from __future__ import annotations

from schemas.registry import Field, Table

APP_TYPES = (
    "invention",
    "utility_model",
    "design",
    "pct_invention",
    "pct_utility_model",
    # other offices
    "utility",
    "plant",
    "reissue",
    "other",
)
PARTY_ROLES = ("applicant", "inventor", "agent", "agency", "assignee", "designer", "examiner")
REGION_METHODS = ("structured", "address", "postcode", "foreign", "none")
APPLICANT_TYPES = (
    "enterprise",
    "university",
    "research_institute",
    "hospital",
    "government",
    "individual",
    "other",
)
SCHEMES = ("IPC", "CPC", "LOC", "USPC", "FI")
TEXT_TYPES = ("abstract", "claims", "description", "design_brief", "title")
RELATIONS = (
    "divisional_parent",
    "pct_application",
    "pct_publication",
    "domestic_priority",
    "continuation",
    "continuation_in_part",
    "provisional",
    "related_publication",
    "reissue",
    "family_member",
)

FILE_ID = Field("file_id", "text", "sha256 of the bulk file the row was loaded from", required=True)
PUB_NUMBER = Field(
    "pub_number",
    "text",
    "publication number: office + document number + kind",
    required=True,
    example="CN113781974A",
)
SEQ = Field("seq", "int", "order within the document, from 1", required=True)

publications = Table(
    "publications",
    "One row per publication document (a publication may arrive in several bulk files; the views keep "
    "the newest).",
    (
        FILE_ID,
        Field("doc_index", "int", "position of the document in its bulk file, from 1", required=True),
        Field("member", "text", "path of the document inside the bulk file (zip members joined by '!')"),
        PUB_NUMBER,
        Field("country", "text", "publishing office, WIPO ST.3", required=True, example="CN"),
        Field("doc_number", "text", "document number as published, without office or kind", required=True),
        Field("kind", "text", "kind code (ZC 0008 for CN)", required=True, example="A"),
        Field("pub_date", "date", "publication date"),
        Field("app_number", "text", "application number, canonical form (CN: dotted with check digit)",
              example="202111286633.X"),
        Field("filing_date", "date", "filing date (a divisional keeps its parent's date)"),
        Field("app_type", "text", "application type", values=APP_TYPES),
        Field("title", "text", "title in the publication language"),
        Field("title_lang", "text", "language of the title (ISO 639-1)"),
        Field("is_republication", "bool",
              "corrected or re-published document (A8, A9, B8, B9, C9, U8, U9, S9): not a new publication",
              required=True),
        Field("gazette_number", "text", "gazette volume-issue", example="37-5002"),
        Field("national_phase_date", "date", "date the PCT application entered the national phase"),
        Field("family_id", "text", "DOCDB simple family id"),
        Field("loc_edition", "text", "Locarno edition, designs only"),
        Field("source_format", "text", "source adapter that parsed the document", required=True,
              example="cnipa-new"),
        Field("format_version", "text", "schema/DTD version of the document", example="V2.2.1"),
        Field("doc_file_name", "text", "the office's own file name of the document"),
        Field("date_produced", "date", "date the office produced the document"),
        Field("status", "text", "office status of the record (DOCDB: A amended, C created, D deleted; a "
              "publication whose current version is D is left out of the views)"),
        Field("pub_number_epodoc", "text", "publication number in EPO's epodoc form (DOCDB)", example="WO2022259205"),
        Field("pub_number_original", "text", "publication number as the office wrote it (DOCDB original form)",
              example="2022/259205"),
    ),
    key=("pub_number",),
)

applications = Table(
    "applications",
    "The application each publication belongs to, in every form the office writes its number.",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("country", "text", "office of filing, WIPO ST.3", required=True),
        Field("app_number", "text", "canonical application number", example="202111286633.X"),
        Field("app_number_original", "text", "number as written in the source (original form)"),
        Field("app_number_standard", "text", "office standard form (CN: 15 digits, no check digit)",
              example="102021001286633"),
        Field("check_digit_from_source", "bool", "the check digit was present in the source"),
        Field("check_digit_valid", "bool",
              "the check digit validates (ZC 0006-2003); NULL where the number has none"),
        Field("type_digit", "text", "CN application type digit (1, 2, 3, 8, 9)"),
        Field("filing_date", "date", "filing date"),
        Field("app_type", "text", "application type", values=APP_TYPES),
        Field("app_type_raw", "text", "application type as written in the source", example="10"),
        Field("series_code", "text", "USPTO application series code: the first two digits of the application "
              "number", example="29"),
        Field("app_number_epodoc", "text", "application number in EPO's epodoc form (DOCDB)",
              example="DE1964B077613"),
    ),
    key=("pub_number",),
    parent="publications",
    parent_key=("pub_number",),
)

parties = Table(
    "parties",
    "Applicants, inventors, agents, agencies, assignees, designers and examiners, in document order.",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("role", "text", "party role", required=True, values=PARTY_ROLES),
        SEQ,
        Field("name", "text", "name, trimmed and normalised (full-width ASCII to half-width)",
              required=True),
        Field("name_raw", "text", "name as written in the source"),
        Field("applicant_type", "text", "kind of applicant, from the name", values=APPLICANT_TYPES),
        Field("country", "text", "country of residence, WIPO ST.3"),
        Field("address", "text", "address as written"),
        Field("postcode", "text", "postcode"),
        Field("province_code", "text", "GB/T 2260 province code (2 digits)", example="33"),
        Field("province", "text", "province name", example="浙江省"),
        Field("city_code", "text", "GB/T 2260 prefecture code (6 digits)", example="330100"),
        Field("city", "text", "prefecture name", example="杭州市"),
        Field("county_code", "text", "GB/T 2260 county code (6 digits)", example="330109"),
        Field("county", "text", "county name", example="萧山区"),
        Field("region_method", "text", "how the region was found", values=REGION_METHODS),
        Field("region_vintage", "text", "vintage of the GB/T 2260 codes used"),
        Field("org_code", "text", "organisation code (统一社会信用代码 or agency code)"),
        Field("name_format", "text", "DOCDB form the name was taken from: docdba (EPO-edited, preferred), "
              "original or docdb", values=("docdba", "original", "docdb")),
    ),
    key=("pub_number", "role", "seq"),
    parent="publications",
    parent_key=("pub_number",),
)

classifications = Table(
    "classifications",
    "IPC, CPC, Locarno and national classifications; the main one is sequence 1.",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("scheme", "text", "classification scheme", required=True, values=SCHEMES),
        SEQ,
        Field("symbol", "text", "canonical symbol", required=True, example="A61K 31/7076"),
        Field("symbol_raw", "text", "symbol as written in the source", example="A61K   31/7076  (2006.01)"),
        Field("is_main", "bool", "main (first) classification", required=True),
        Field("version", "text", "scheme version", example="2006.01"),
        Field("section", "text", "IPC/CPC section letter"),
        Field("subclass", "text", "IPC/CPC subclass (4 characters)", example="A61K"),
        Field("main_group", "text", "IPC/CPC main group", example="A61K 31"),
        Field("position", "text", "symbol position (F first, L later)"),
        Field("value", "text", "classification value (I inventive, N additional)"),
    ),
    key=("pub_number", "scheme", "seq"),
    parent="publications",
    parent_key=("pub_number",),
)

priorities = Table(
    "priorities",
    "Priority claims.",
    (
        FILE_ID,
        PUB_NUMBER,
        SEQ,
        Field("country", "text", "office of the earlier application, WIPO ST.3"),
        Field("number", "text", "earlier application number as written", example="10-2016-0063019"),
        Field("date", "date", "filing date of the earlier application"),
        Field("kind", "text", "national, regional, international or domestic"),
    ),
    key=("pub_number", "seq"),
    parent="publications",
    parent_key=("pub_number",),
)

related_documents = Table(
    "related_documents",
    "Divisional parents, PCT application and publication, domestic priorities and other relations.",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("relation", "text", "kind of relation", required=True, values=RELATIONS),
        SEQ,
        Field("country", "text", "office, WIPO ST.3"),
        Field("number", "text", "number as written", example="PCT/US2021/019468"),
        Field("kind", "text", "kind code, where given"),
        Field("date", "date", "date of the related document"),
    ),
    key=("pub_number", "relation", "seq"),
    parent="publications",
    parent_key=("pub_number",),
)

citations = Table(
    "citations",
    "Patent and non-patent literature cited.",
    (
        FILE_ID,
        PUB_NUMBER,
        SEQ,
        Field("category", "text", "who cited it (USPTO: cited by examiner) or the search-report category "
              "(DOCDB: X, Y, A …)"),
        Field("cited_phase", "text", "DOCDB phase in which it was cited (SEA search, ISR international search, "
              "APP applicant, EXA examination …)"),
        Field("country", "text", "office of the cited document"),
        Field("number", "text", "cited document number"),
        Field("kind", "text", "cited document kind"),
        Field("date_text", "text", "date as written (may be month-only, e.g. 19990300)"),
        Field("date", "date", "best-effort date"),
        Field("npl_text", "text", "non-patent literature citation text"),
    ),
    key=("pub_number", "seq"),
    parent="publications",
    parent_key=("pub_number",),
)

texts = Table(
    "texts",
    "Abstract, claims and (with the full-text setting) description; titles in languages other than "
    "publications.title.",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("text_type", "text", "which text", required=True, values=TEXT_TYPES),
        Field("lang", "text", "language (ISO 639-1)"),
        Field("text", "text", "plain text; line breaks and inline markup joined without spaces",
              required=True, compression="zstd"),
        Field("abstract_source", "text", "where a DOCDB abstract comes from (national office, EPO, or a family "
              "member's)"),
    ),
    key=("pub_number", "text_type", "lang"),
    parent="publications",
    parent_key=("pub_number",),
)

findings = Table(
    "load_findings",
    "Values that could not be normalised at load time (the document still loads).",
    (
        FILE_ID,
        PUB_NUMBER,
        Field("field", "text", "field concerned", required=True),
        Field("value", "text", "value as written"),
        Field("finding", "text", "what is wrong", required=True),
    ),
    key=(),
    parent="publications",
    parent_key=("pub_number",),
)

rejects = Table(
    "rejects",
    "Documents that could not be loaded, with the reason and their raw XML. Never dropped silently.",
    (
        FILE_ID,
        Field("path", "text", "bulk file path", required=True),
        Field("member", "text", "path of the document inside the bulk file"),
        Field("doc_index", "int", "position of the document in its bulk file, from 1", required=True),
        Field("doc_key", "text", "best identification of the document available (publication number, "
              "file name)"),
        Field("stage", "text", "where it failed", required=True, values=("read", "parse", "extract")),
        Field("reason", "text", "what went wrong", required=True),
        Field("raw_xml", "text", "the document as received (decoded)", compression="zstd"),
    ),
    key=("doc_index",),
)

manifest = Table(
    "load_manifest",
    "One row per loaded bulk file.",
    (
        FILE_ID,
        Field("path", "text", "path the file was loaded from", required=True),
        Field("file_name", "text", "file name", required=True),
        Field("size_bytes", "bigint", "file size", required=True),
        Field("source_format", "text", "source adapter(s) of its documents"),
        Field("format_version", "text", "format version(s) of its documents"),
        Field("documents_seen", "int", "documents found in the file", required=True),
        Field("documents_loaded", "int", "documents loaded", required=True),
        Field("documents_rejected", "int", "documents rejected", required=True),
        Field("documents_skipped", "int", "documents that are not patents (USPTO sequence listings): counted, "
              "not loaded and not part of documents_seen", required=True),
        Field("newest_pub_date", "date", "newest publication date in the file"),
        Field("batch_date", "date", "date of the delivery: newest production or publication date; "
              "decides which file wins when two carry the same publication"),
        Field("load_seq", "bigint", "order of loading, increasing", required=True),
        Field("status", "text", "loaded or failed", required=True, values=("loaded", "failed")),
        Field("error", "text", "why the file failed, if it did"),
        Field("started_at", "timestamp", "load start (UTC)", required=True),
        Field("seconds", "double", "load duration", required=True),
    ),
    key=("file_id",),
    produced_by_parser=False,
)

file_elements = Table(
    "file_elements",
    "XML element names seen in each bulk file, with counts: a format change shows up here first.",
    (
        FILE_ID,
        Field("source_format", "text", "source adapter", required=True),
        Field("element", "text", "element local name (no namespace)", required=True),
        Field("occurrences", "bigint", "how often it occurs in the file", required=True),
    ),
    key=("source_format", "element"),
    produced_by_parser=False,
)

file_hashes = Table(
    "file_hashes",
    "sha256 of files seen in an inbox, so that unchanged files are not hashed again at every refresh.",
    (
        FILE_ID,
        Field("path", "text", "absolute path", required=True),
        Field("size_bytes", "bigint", "size when hashed", required=True),
        Field("mtime_ns", "bigint", "modification time when hashed (ns)", required=True),
    ),
    key=("path",),
    produced_by_parser=False,
)

# Tables that source adapters fill, in load order.
RECORD_TABLES: tuple[Table, ...] = (
    publications,
    applications,
    parties,
    classifications,
    priorities,
    related_documents,
    citations,
    texts,
    findings,
)
ALL_TABLES: tuple[Table, ...] = (*RECORD_TABLES, rejects, manifest, file_elements, file_hashes)
TABLES = {t.name: t for t in ALL_TABLES}
