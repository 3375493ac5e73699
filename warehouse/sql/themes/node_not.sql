-- not: the candidates that the child did not match; the evidence names the child.
with a as (select ?::varchar as leaf_id, ?::varchar as child_id)
select c.pub_number, a.leaf_id, 'not' as field, a.child_id as term, null::varchar as value
from {{candidates}} as c
cross join a
where c.pub_number not in (select pub_number from {{child}})
