"""Tables and views of the quality checks (`zhuanti check`), declared once like the warehouse model.

Results are kept per run: `check_runs` says when a run happened and which load batch it saw (the newest
`load_seq` and batch date), `check_results` holds one row per rule and run, `check_failures` the failing
rows. Trends across weekly loads are a join of the two, ready made in the view `check_history`.

`quarantine` holds the publications that failed an error-level rule in the latest run: they stay in the
warehouse, and theme builds read `patents_clean` (or anti-join `quarantine`) to leave them out.

The `quality_ref_*` tables are reference data written at the start of every run from the declarations
they derive from (schemas, ZC 0008 kind codes, GB/T 2260 codes of the recorded vintage, known XML
elements), so the rules can join them instead of carrying values in their SQL text.
"""

from __future__ import annotations

from schemas.registry import Field, Table
from schemas.views import View, patents

SEVERITIES = ("error", "warning")
SUITES = ("schema", "cnipa", "drift")
REGION_LEVELS = ("province", "city", "county")

RUN_ID = Field("run_id", "text", "identifier of the check run (UTC timestamp + random suffix)", required=True,
               example="20231004T031500Z-3f2a")
RULE = Field("rule", "text", "rule name", required=True, example="app_number_check_digit")
SEVERITY = Field("severity", "text", "error (fails the run, quarantines) or warning (reported only)",
                 required=True, values=SEVERITIES)

check_runs = Table(
    "check_runs",
    "One row per run of the quality checks.",
    (
        RUN_ID,
        Field("started_at", "timestamp", "start of the run (UTC)", required=True),
        Field("seconds", "double", "duration of the run", required=True),
        Field("publications", "bigint", "current publications checked", required=True),
        Field("files", "bigint", "bulk files in the load manifest", required=True),
        Field("last_load_seq", "bigint", "newest load_seq seen: the load batch the run checked"),
        Field("newest_batch_date", "date", "newest batch date in the load manifest"),
        Field("passed", "bool", "no error-level rule failed", required=True),
        Field("errors_failed", "int", "error-level rules that failed", required=True),
        Field("warnings_failed", "int", "warning-level rules that failed", required=True),
        Field("quarantined", "bigint", "publications quarantined by this run", required=True),
        Field("gx_version", "text", "Great Expectations version that evaluated the expectations"),
        Field("docs_path", "text", "Data Docs index page written by the run"),
    ),
    key=("run_id",),
    produced_by_parser=False,
)

check_results = Table(
    "check_results",
    "One row per rule (expectation) and run: how many items were checked and how many failed.",
    (
        RUN_ID,
        Field("suite", "text", "schema (derived from schemas/), cnipa (CNIPA norms) or drift (per file)",
              required=True, values=SUITES),
        RULE,
        SEVERITY,
        Field("expectation", "text", "Great Expectations expectation type", required=True,
              example="expect_column_values_to_not_be_null"),
        Field("table_name", "text", "table the rule reads first (the GX batch)"),
        Field("column_name", "text", "column, for column rules"),
        Field("checked", "bigint", "items checked (rows, publications, files)"),
        Field("failed", "bigint", "items that failed"),
        Field("success", "bool", "the expectation held", required=True),
        Field("description", "text", "what the rule checks"),
        Field("error", "text", "why the expectation could not be evaluated, if it could not"),
    ),
    key=("run_id", "rule"),
    produced_by_parser=False,
)

check_failures = Table(
    "check_failures",
    "The failing rows of every SQL rule of a run (publication, file, offending value).",
    (
        RUN_ID,
        RULE,
        SEVERITY,
        Field("pub_number", "text", "publication, for publication rules"),
        Field("file_id", "text", "bulk file of the failing row"),
        Field("value", "text", "the offending value, as text"),
    ),
    key=(),
    produced_by_parser=False,
)

quarantine = Table(
    "quarantine",
    "Publications (in the version of one bulk file) that failed an error-level rule in the latest run. "
    "Kept in the warehouse, left out of theme builds unless asked for.",
    (
        Field("pub_number", "text", "publication", required=True),
        Field("file_id", "text", "bulk file of the version that failed", required=True),
        RULE,
        Field("value", "text", "the offending value"),
        RUN_ID,
        Field("quarantined_at", "timestamp", "when the run quarantined it (UTC)", required=True),
    ),
    key=("pub_number", "file_id", "rule"),
    produced_by_parser=False,
)

ref_columns = Table(
    "quality_ref_columns",
    "Every declared column of the warehouse tables, with its DuckDB type: what the type check compares "
    "information_schema against.",
    (
        Field("table_name", "text", "table", required=True),
        Field("column_name", "text", "column", required=True),
        Field("duckdb_type", "text", "declared DuckDB type", required=True),
        Field("required", "bool", "declared NOT NULL", required=True),
    ),
    key=("table_name", "column_name"),
    produced_by_parser=False,
)

ref_kinds = Table(
    "quality_ref_kinds",
    "CN kind codes (ZC 0008) and the application types each may belong to.",
    (
        Field("kind", "text", "kind code", required=True),
        Field("app_type", "text", "application type the kind fits; NULL for a kind that fits none"),
    ),
    key=("kind", "app_type"),
    produced_by_parser=False,
)

ref_regions = Table(
    "quality_ref_regions",
    "GB/T 2260 codes of the region data the loader used, per vintage and level.",
    (
        Field("vintage", "text", "code vintage, as parties.region_vintage records it", required=True),
        Field("level", "text", "administrative level", required=True, values=REGION_LEVELS),
        Field("code", "text", "code: 2 digits for provinces, 6 below", required=True),
        Field("name", "text", "name"),
    ),
    key=("vintage", "level", "code"),
    produced_by_parser=False,
)

ref_elements = Table(
    "quality_ref_elements",
    "XML element local names known per source format (from warehouse/quality/known_elements.csv).",
    (
        Field("source_format", "text", "source adapter", required=True),
        Field("element", "text", "element local name", required=True),
        Field("expected", "bool", "every bulk file of this format carries it", required=True),
    ),
    key=("source_format", "element"),
    produced_by_parser=False,
)

QUALITY_TABLES: tuple[Table, ...] = (
    check_runs,
    check_results,
    check_failures,
    quarantine,
    ref_columns,
    ref_kinds,
    ref_regions,
    ref_elements,
)

patents_clean = View(
    "patents_clean",
    "The `patents` view without the publications in `quarantine`: what theme builds read by default.",
    patents.columns,
)

check_history = View(
    "check_history",
    "Results of every run with the load batch it checked: trends across weekly loads.",
    (
        ("run_id", "check run"),
        ("started_at", "start of the run (UTC)"),
        ("last_load_seq", "newest load_seq the run saw"),
        ("newest_batch_date", "newest batch date the run saw"),
        ("suite", "schema, cnipa or drift"),
        ("rule", "rule name"),
        ("severity", "error or warning"),
        ("checked", "items checked"),
        ("failed", "items that failed"),
        ("failed_share", "failed / checked"),
        ("success", "the expectation held"),
    ),
)

QUALITY_VIEWS: tuple[View, ...] = (patents_clean, check_history)
