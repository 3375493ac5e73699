-- The definition's branches with their member counts, in definition order.
create table theme_out.branches as
with a as (
    select ?::varchar[] as branch_ids, ?::varchar[] as names, ?::varchar[] as parent_ids, ?::integer[] as levels
),

b as (
    select
        unnest(branch_ids) as branch_id,
        unnest(names) as name,
        unnest(parent_ids) as parent_id,
        unnest(levels) as level,
        unnest(generate_series(1, len(branch_ids))) as position
    from a
),

counts as (
    select branch_id, count(*) as members
    from theme_out.members, unnest(branches) as t(branch_id)
    group by branch_id
)

select b.branch_id, b.name, b.parent_id, b.level, coalesce(c.members, 0) as members
from b
left join counts as c using (branch_id)
order by b.position
