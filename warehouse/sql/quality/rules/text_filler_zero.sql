-- CNIPA writes unknown values as the literal 0 (Street, PostCode, OrganizationCode 0000000000). The
-- loader turns them into NULL; a 0 standing alone, or glued to the start or end of a name or address,
-- means a filler leaked into the data.
select
    c.pub_number,
    c.file_id,
    t.field || ': "' || left(t.value, 200) || '"' as value,
    regexp_matches(trim(t.value), '^0+$|^0+\s|\s0+$') as failed
from {batch} as c
join quality_text_values as t using (pub_number, file_id)
where t.is_short
