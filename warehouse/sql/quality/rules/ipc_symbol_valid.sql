-- IPC symbols: section A-H, 2-digit class, subclass letter, 1-4-digit main group (not 0), "/",
-- 2-6-digit subgroup. A symbol the loader could not read at all is not in classifications but in
-- load_findings (field ipc); it counts as invalid too, so a garbled symbol does not vanish unnoticed.
with symbols as (
    select cl.pub_number, cl.file_id, cl.symbol
    from {batch} as c
    join classifications as cl using (pub_number, file_id)
    where cl.scheme = 'IPC'

    union all

    select f.pub_number, f.file_id, coalesce(f.value, '') as symbol
    from {batch} as c
    join load_findings as f using (pub_number, file_id)
    where f.field = 'ipc'
)

select
    s.pub_number,
    s.file_id,
    s.symbol as value,
    not (
        regexp_full_match(s.symbol, '[A-H][0-9]{{2}}[A-Z] ?[0-9]{{1,4}}/[0-9]{{2,6}}')
        and try_cast(regexp_extract(s.symbol, '^[A-H][0-9]{{2}}[A-Z] ?([0-9]+)/', 1) as integer) <> 0
    ) as failed
from symbols as s
join publications as p using (pub_number, file_id)
where p.country = 'CN'
