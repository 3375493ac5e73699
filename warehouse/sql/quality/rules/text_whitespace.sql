-- Titles, names, addresses and postcodes are trimmed at load: leading or trailing whitespace
-- (including the ideographic space U+3000 and NBSP) means a value bypassed normalisation, and
-- equal names then compare unequal.
select
    c.pub_number,
    c.file_id,
    t.field || ': "' || left(t.value, 200) || '"' as value,
    regexp_matches(t.value, '^[\s\x{{3000}}\x{{00A0}}]|[\s\x{{3000}}\x{{00A0}}]$') as failed
from {batch} as c
join quality_text_values as t using (pub_number, file_id)
where t.is_short
