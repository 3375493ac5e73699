-- Entity references that survived parsing (&nbsp;, &lsquo;, &#x2014;) show up literally in titles and
-- abstracts: the DTD that defines them is never loaded, so the loader must map them itself.
select
    c.pub_number,
    c.file_id,
    t.field || ': ' || regexp_extract(t.value, '&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);') as value,
    regexp_matches(t.value, '&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);') as failed
from {batch} as c
join quality_text_values as t using (pub_number, file_id)
