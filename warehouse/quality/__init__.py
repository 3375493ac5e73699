"""Data-quality checks that follow CNIPA's processing norms, run with Great Expectations inside DuckDB.

`run_checks(warehouse)` (in `warehouse.quality.run`) derives the schema suites from `schemas/`, adds
the CNIPA rules (`rules.py`, SQL in `warehouse/sql/quality/rules/`) and the per-file drift rules, lets
Great Expectations evaluate them on the warehouse file, stores per-rule results per run, quarantines
the publications that fail error-level rules and writes Data Docs that open offline.

Importing this package does not import Great Expectations; only running checks does.
"""
