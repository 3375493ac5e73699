"""Industry thematic databases (专题数据库): definitions in YAML, compiled to parameterised SQL, built into a
standalone DuckDB file per theme and province variant, with provenance, diffs and exports."""
