-- IPC subclasses and main groups. `publications` counts a publication under every subclass (main group)
-- it carries; `main_publications` only under its main IPC, so those add up to the publications with IPC.
with ipc as (
    select distinct c.pub_number, c.subclass, c.main_group, c.is_main
    from src_classifications as c
    join report_counted using (pub_number)
    where c.scheme = 'IPC' and c.subclass is not null
),

classified as (
    select count(distinct pub_number) as total from ipc
),

per_code as (
    select 'subclass' as level, subclass as code,
        count(distinct pub_number) as publications,
        count(distinct pub_number) filter (where is_main) as main_publications
    from ipc group by subclass
    union all
    select 'main_group' as level, main_group as code,
        count(distinct pub_number) as publications,
        count(distinct pub_number) filter (where is_main) as main_publications
    from ipc where main_group is not null group by main_group
)

select
    p.level,
    p.code,
    p.publications,
    p.main_publications,
    p.publications / k.total as publications_share
from per_code as p, classified as k
order by p.level desc, p.publications desc, p.code
