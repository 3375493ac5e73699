-- The columns of the warehouse's quarantine table, if it has one (the quality stage creates it).
select column_name
from duckdb_columns()
where database_name = current_database() and schema_name = 'main' and table_name = 'quarantine'
