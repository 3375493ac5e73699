-- Members per WIPO technology field (a member counts in every field its IPC symbols fall in).
select
    field_no,
    any_value(sector) as sector,
    any_value(field_zh) as field_zh,
    any_value(field_en) as field_en,
    count(*) as members
from wipo_fields
group by field_no
order by members desc, field_no
