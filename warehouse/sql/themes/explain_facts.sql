-- What an explanation says besides the rules: the title of the current version and whether the quality
-- quarantine holds it back.
with a as (select ?::varchar as pub_number, ?::varchar as file_id)
select
    p.title,
    a.pub_number in (select pub_number from theme_quarantine) as quarantined
from a
left join publications as p on p.pub_number = a.pub_number and p.file_id = a.file_id
