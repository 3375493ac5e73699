-- WIPO technology fields of the members: every IPC symbol in a field's subclass or main group counts.
create table theme_out.wipo_fields as
with a as (
    select
        ?::integer[] as field_nos,
        ?::varchar[] as levels,
        ?::varchar[] as keys,
        ?::varchar[] as sectors,
        ?::varchar[] as fields_en,
        ?::varchar[] as fields_zh
),

p as (
    select
        unnest(field_nos) as field_no,
        unnest(levels) as level,
        unnest(keys) as key,
        unnest(sectors) as sector,
        unnest(fields_en) as field_en,
        unnest(fields_zh) as field_zh
    from a
),

c as (
    select pub_number, subclass, main_group, is_main
    from theme_out.patent_classifications
    where scheme = 'IPC'
),

hits as (
    select c.pub_number, c.is_main, p.*
    from c join p on p.level = 'subclass' and c.subclass = p.key
    union all
    select c.pub_number, c.is_main, p.*
    from c join p on p.level = 'group' and c.main_group = p.key
)

select pub_number, field_no, sector, field_en, field_zh, bool_or(is_main) as is_main
from hits
group by pub_number, field_no, sector, field_en, field_zh
order by pub_number, field_no
