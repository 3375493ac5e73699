-- Every column declared in schemas/ exists in the warehouse with its declared DuckDB type, and a
-- required column is NOT NULL. The batch is quality_ref_columns, written from the declarations.
select
    null as pub_number,
    null as file_id,
    r.table_name || '.' || r.column_name || ': declared ' || r.duckdb_type
        || (case when r.required then ' NOT NULL' else '' end) || ', found '
        || coalesce(c.data_type || (case when c.is_nullable = 'NO' then ' NOT NULL' else '' end), 'nothing')
        as value,
    c.data_type is distinct from r.duckdb_type or (r.required and c.is_nullable is distinct from 'NO') as failed
from {batch} as r
left join information_schema.columns as c
    on c.table_catalog = current_database()
    and c.table_schema = 'main'
    and c.table_name = r.table_name
    and c.column_name = r.column_name
