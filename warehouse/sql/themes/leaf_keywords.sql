-- Keyword leaf: its terms among the keyword hits, in its fields; with `every`, only publications where
-- each of its terms occurs (in any of the fields). One evidence row per field and term.
with a as (
    select
        ?::varchar as leaf_id,
        ?::varchar[] as terms,
        ?::varchar[] as fields,
        ?::boolean as every
),

h as (
    select h.*
    from {{hits}} as h
    cross join a
    where list_contains(a.fields, h.field) and list_contains(a.terms, h.term)
),

complete as (
    select pub_number
    from h
    group by pub_number
    having count(distinct term) = (select len(terms) from a)
)

select h.pub_number, a.leaf_id, h.field, h.term, h.snippet as value
from h
cross join a
where not a.every or h.pub_number in (select pub_number from complete)
