"""The CNIPA rules and the per-file drift rules: name, severity, what they check. The logic of each is
`warehouse/sql/quality/rules/<name>.sql`.

Every error-level CNIPA rule quarantines the publications it fails: a publication whose number, kind,
dates, classification, mandatory fields or applicant region cannot be trusted would be counted in the
wrong theme, year or province. Warnings (divisional number years, long grant lags, missing provinces
of domestic applicants, cosmetic text problems) are reported and never quarantine. Drift rules judge
bulk files, not publications, so they never quarantine either.
"""

from __future__ import annotations

from warehouse.db import sql
from warehouse.quality.checks import Severity, SqlCheck

PUBLICATION_BATCH = "publication_current"
FILE_BATCH = "load_manifest"

# (name, severity, description)
CNIPA_RULES: tuple[tuple[str, Severity, str], ...] = (
    ("app_number_structure", "error",
     "application number has the ZC 0006-2003 form of its period (12+1, 8+1 or 8 digits)"),
    ("app_number_type_digit", "error",
     "application type digit is 1, 2, 3, 8 or 9 and agrees with the application type"),
    ("app_number_check_digit", "error", "application number check character validates (ZC 0006-2003)"),
    ("app_number_forms_agree", "error", "original and standard application numbers name the same application"),
    ("doc_number_length", "error", "document number has 8, 7 or 9 digits as its publication period requires"),
    ("doc_number_type", "error", "first digit of the document number agrees with the application type"),
    ("kind_code_known", "error", "kind code is in the ZC 0008 table"),
    ("kind_matches_app_type", "error",
     "kind fits the application type: A/B/C inventions, U/Y utility models, S/D designs"),
    ("dates_valid", "error", "every date the source wrote is a calendar date"),
    ("dates_not_future", "error", "no publication, filing or national-phase date after today"),
    ("pub_after_filing", "error", "publication date on or after the filing date"),
    ("filing_after_1985", "error", "filing date on or after 1985-04-01"),
    ("grant_lag_plausible", "warning", "grant lag within 60 days-20 years (inventions), 14 days-15 years (others)"),
    ("app_year_matches_filing_year", "warning",
     "year of the application number is the filing year (divisionals keep the parent's date)"),
    ("ipc_symbol_valid", "error", "IPC symbols have section, class, subclass, main group and subgroup"),
    ("classification_present", "error", "A/B/C/U/Y documents have an IPC symbol, S/D documents a Locarno class"),
    ("mandatory_fields", "error",
     "application number and date, document number, kind and date, title and an applicant are present"),
    ("region_codes_exist", "error", "province/city/county codes exist in the recorded GB/T 2260 vintage"),
    ("domestic_applicant_province", "warning", "a domestic applicant has a province"),
    ("foreign_applicant_province", "error", "a foreign applicant carries no Chinese province"),
    ("text_nul_bytes", "error", "no NUL characters in any text"),
    ("text_whitespace", "warning", "titles, names, addresses and postcodes are trimmed"),
    ("text_filler_zero", "warning", "no filler 0 in names, addresses or postcodes"),
    ("text_unresolved_entity", "warning", "no unresolved entity references in texts"),
)

DRIFT_RULES: tuple[tuple[str, Severity, str], ...] = (
    ("documents_reconcile", "error",
     "per file: documents seen = loaded + rejected, matching the publications and rejects rows"),
    ("unknown_elements", "warning", "per file: XML elements outside the known set of the format"),
    ("expected_elements_missing", "warning", "per file: elements every file of the format carries are present"),
)


def cnipa_checks() -> tuple[SqlCheck, ...]:
    return tuple(
        SqlCheck(
            name=name,
            suite="cnipa",
            severity=severity,
            description=description,
            batch=PUBLICATION_BATCH,
            query=sql(f"quality/rules/{name}"),
            quarantine=severity == "error",
        )
        for name, severity, description in CNIPA_RULES
    )


def drift_checks() -> tuple[SqlCheck, ...]:
    return tuple(
        SqlCheck(
            name=name,
            suite="drift",
            severity=severity,
            description=description,
            batch=FILE_BATCH,
            query=sql(f"quality/rules/{name}"),
        )
        for name, severity, description in DRIFT_RULES
    )
