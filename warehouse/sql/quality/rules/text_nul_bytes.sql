-- No NUL character in any text: it truncates values in C-based readers and breaks XLSX exports.
select
    c.pub_number,
    c.file_id,
    t.field || ': ' || left(replace(t.value, chr(0), '\0'), 200) as value,
    contains(t.value, chr(0)) as failed
from {batch} as c
join quality_text_values as t using (pub_number, file_id)
