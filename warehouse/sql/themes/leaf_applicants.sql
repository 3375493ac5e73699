-- Applicant leaf: exact names (normalised like the warehouse's) and LIKE patterns made from globs,
-- with backslash as the escape character so that % and _ in a name are literal.
with a as (
    select
        ?::varchar as leaf_id,
        ?::varchar[] as names,
        ?::varchar[] as likes,
        ?::varchar[] as labels
),

n as (select unnest(names) as name from a),

l as (select unnest(likes) as pattern, unnest(labels) as label from a)

select ap.pub_number, a.leaf_id, 'applicant' as field, n.name as term, ap.name as value
from {{applicants}} as ap
join n on ap.name = n.name
cross join a
union all
select ap.pub_number, a.leaf_id, 'applicant' as field, l.label as term, ap.name as value
from {{applicants}} as ap
join l on ap.name like l.pattern escape '\'
cross join a
