-- The evidence of one top-level rule or branch, under its side (include, exclude, branch) and id, for
-- the publications of the relation it applies to.
with a as (select ?::varchar as side, ?::varchar as rule_id)
select a.side, a.rule_id, e.pub_number, e.leaf_id, e.field, e.term, e.value
from {{node}} as e
cross join a
where e.pub_number in (select pub_number from {{within}})
