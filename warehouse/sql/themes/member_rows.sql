-- The rows of one warehouse table that belong to the members' current versions, as a temporary view
-- under the table's own name: the analyst views, created as temporary views over these, then compute
-- their aggregates for the members only instead of for the whole warehouse.
create or replace temp view {{table}} as
select *
from {{source}}
where (pub_number, file_id) in (select pub_number, file_id from theme_out.members)
