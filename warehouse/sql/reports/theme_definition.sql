-- The definition text of the newest build.
select definition from src_theme order by built_at desc nulls last limit 1
