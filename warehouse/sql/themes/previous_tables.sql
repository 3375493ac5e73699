-- The tables of the previous theme file, to tell whether it can be compared with.
select table_name
from duckdb_tables()
where database_name = 'theme_prev'
