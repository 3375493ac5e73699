-- One analyst view restricted to the members, as a plain table: a theme file answers in any DuckDB
-- session, without the project or the warehouse.
create table theme_out.{{view}} as
select *
from temp.main.{{view}}
order by all
