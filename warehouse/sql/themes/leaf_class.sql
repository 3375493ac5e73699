-- Classification leaf: the candidates' symbols of one scheme against patterns, each compared at the
-- level it is written; one evidence row per matching symbol and pattern. Equality joins per level keep
-- it a hash join however many patterns there are.
with a as (
    select
        ?::varchar as leaf_id,
        ?::varchar as scheme,
        ?::boolean as main_only,
        ?::varchar[] as labels,
        ?::varchar[] as levels,
        ?::varchar[] as keys,
        ?::varchar[] as digits
),

p as (
    select unnest(labels) as label, unnest(levels) as level, unnest(keys) as key, unnest(digits) as digits
    from a
),

c as (
    select c.*
    from {{classes}} as c
    cross join a
    where c.scheme = a.scheme and (c.is_main or not a.main_only)
),

hits as (
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'section' and c.section = p.key
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'class' and c.class = p.key
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'subclass' and c.subclass = p.key
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'group' and c.main_group = p.key
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'subgroup' and c.main_group = p.key and starts_with(c.subgroup, p.digits)
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'symbol' and c.symbol = p.key
    union all
    select c.pub_number, c.scheme, c.symbol, p.label
    from c join p on p.level = 'loc_class' and c.loc_class = p.key
)

select h.pub_number, a.leaf_id, h.scheme as field, h.label as term, h.symbol as value
from hits as h
cross join a
