-- WIPO's 35 technology fields. Each concordance row names a subclass or a main group; a publication
-- counts under every field one of its IPC symbols falls in, `main_publications` only under the field
-- of its main IPC, so the fields of one publication can add up to more than one.
with ipc as (
    select distinct c.pub_number, c.is_main, c.subclass, c.main_group
    from src_classifications as c
    join report_counted using (pub_number)
    where c.scheme = 'IPC' and c.subclass is not null
),

matched as (
    select distinct i.pub_number, i.is_main, w.field_number
    from ipc as i
    join report_wipo as w
        on (w.level = 'subclass' and w.key = i.subclass) or (w.level = 'main_group' and w.key = i.main_group)
),

fields as (
    select distinct field_number, sector, sector_zh, field, field_zh from report_wipo
)

select
    f.field_number,
    f.sector,
    f.sector_zh,
    f.field,
    f.field_zh,
    count(distinct m.pub_number) as publications,
    count(distinct m.pub_number) filter (where m.is_main) as main_publications
from fields as f
join matched as m using (field_number)
group by all
order by publications desc, f.field_number
