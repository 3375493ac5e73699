"""The DuckDB warehouse: schema, loading, views, status."""
