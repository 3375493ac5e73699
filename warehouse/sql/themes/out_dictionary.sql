-- The data dictionary of the theme file: every table and column, with its Chinese label.
create table theme_out.data_dictionary as
with a as (
    select ?::varchar[] as table_names, ?::varchar[] as column_names, ?::varchar[] as labels, ?::varchar[] as descriptions
)
select
    unnest(table_names) as table_name,
    unnest(column_names) as column_name,
    unnest(labels) as label,
    unnest(descriptions) as description
from a
