-- Every free-text value of a publication in one column, so the text-hygiene rules read one relation:
-- titles, party names, addresses and postcodes (short) and abstracts, claims, descriptions (long).
create or replace view quality_text_values as
select pub_number, file_id, 'title' as field, true as is_short, title as value
from publications
where title is not null

union all

select pub_number, file_id, role || ' name' as field, true as is_short, name as value
from parties

union all

select pub_number, file_id, role || ' address' as field, true as is_short, address as value
from parties
where address is not null

union all

select pub_number, file_id, role || ' postcode' as field, true as is_short, postcode as value
from parties
where postcode is not null

union all

select pub_number, file_id, text_type as field, false as is_short, text as value
from texts
