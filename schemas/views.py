"""The analyst views: the names analysts type every day. Each column is described once, here; a test
checks that the SQL in `warehouse/sql/views/` and these declarations list the same columns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: tuple[tuple[str, str], ...]  # (name, description)


patents = View(
    "patents",
    "One row per publication (the current version when several bulk files carried it), every office.",
    (
        ("pub_number", "publication number: office + number + kind, e.g. CN113781974A"),
        ("country", "publishing office (WIPO ST.3)"),
        ("doc_number", "document number without office or kind"),
        ("kind", "kind code (CN: ZC 0008)"),
        ("pub_date", "publication date"),
        ("pub_year", "year of publication"),
        ("app_number", "application number; CN: dotted with check digit, e.g. 202111286633.X"),
        ("filing_date", "filing date (divisionals keep the parent's)"),
        ("filing_year", "year of filing"),
        ("app_type", "invention, utility_model, design, pct_invention, pct_utility_model, or the office's own"),
        ("title", "title"),
        ("applicants", "applicant names in order"),
        ("first_applicant", "the first applicant"),
        ("applicant_country", "first applicant's country (WIPO ST.3)"),
        ("applicant_province_code", "first applicant's province, GB/T 2260 two digits; NULL for foreign"),
        ("applicant_province", "first applicant's province name"),
        ("applicant_city_code", "first applicant's prefecture, GB/T 2260 six digits"),
        ("applicant_city", "first applicant's prefecture name"),
        ("applicant_type", "first applicant's type: enterprise, university, research_institute, hospital, "
                           "government, individual, other"),
        ("inventors", "inventor (or designer) names in order"),
        ("agency", "patent agency"),
        ("ipc_main", "main IPC symbol, e.g. H01M 10/0525"),
        ("ipcs", "all IPC symbols in order"),
        ("cpcs", "all CPC symbols in order"),
        ("loc_classes", "Locarno classes (designs), e.g. 14-03"),
        ("priority_date", "earliest priority date"),
        ("priority_count", "number of priority claims"),
        ("pct_app_number", "PCT application number, e.g. PCT/US2021/019468"),
        ("pct_pub_number", "PCT publication number, e.g. 2021/173713"),
        ("parent_app_number", "application number of the divisional parent"),
        ("national_phase_date", "date of entry into the national phase (PCT)"),
        ("is_republication", "a corrected or re-published document (A8, A9, B8, …): not a new publication"),
        ("family_id", "DOCDB simple family id"),
        ("gazette_number", "gazette volume-issue"),
        ("abstract", "abstract (designs: brief explanation)"),
        ("source_file", "path of the bulk file the current version came from"),
        ("file_id", "sha256 of that bulk file (join load_manifest)"),
        ("source_format", "source adapter, e.g. cnipa-new, cnipa-old"),
        ("format_version", "schema or DTD version of the document"),
    ),
)

patent_applicants = View(
    "patent_applicants",
    "One row per applicant of every current publication.",
    (
        ("pub_number", "publication number"),
        ("seq", "order among the applicants, from 1"),
        ("is_first", "the first applicant"),
        ("name", "normalised name"),
        ("applicant_type", "enterprise, university, research_institute, hospital, government, individual, other"),
        ("country", "country (WIPO ST.3)"),
        ("province_code", "GB/T 2260 province code (2 digits)"),
        ("province", "province name"),
        ("city_code", "GB/T 2260 prefecture code (6 digits)"),
        ("city", "prefecture name"),
        ("county_code", "GB/T 2260 county code (6 digits)"),
        ("county", "county name"),
        ("region_method", "how the region was found: structured, address, postcode, foreign, none"),
        ("address", "address as written"),
        ("postcode", "postcode"),
        ("file_id", "bulk file of the current version"),
    ),
)

patent_classifications = View(
    "patent_classifications",
    "One row per classification symbol of every current publication.",
    (
        ("pub_number", "publication number"),
        ("scheme", "IPC, CPC, LOC, USPC"),
        ("seq", "order, from 1"),
        ("is_main", "the main (first) symbol"),
        ("symbol", "canonical symbol, e.g. A61K 31/7076"),
        ("section", "section letter"),
        ("subclass", "subclass, e.g. A61K"),
        ("main_group", "main group, e.g. A61K 31"),
        ("version", "scheme version, e.g. 2006.01"),
        ("file_id", "bulk file of the current version"),
    ),
)

superseded_publications = View(
    "superseded_publications",
    "Versions of publications that a newer bulk file replaced (kept, never counted twice).",
    (
        ("pub_number", "publication number"),
        ("superseded_file_id", "the file whose version was replaced"),
        ("superseded_path", "its path"),
        ("superseded_batch_date", "its batch date"),
        ("current_file_id", "the file whose version is current"),
        ("current_path", "its path"),
        ("current_batch_date", "its batch date"),
    ),
)

VIEWS = (patents, patent_applicants, patent_classifications, superseded_publications)
