-- A date the source wrote but that is no calendar date (20230231, 2023-13-01) is loaded as NULL with a
-- finding; such a publication has lost a date it was delivered with.
with invalid as (
    select
        f.pub_number,
        f.file_id,
        string_agg(f.field || '=' || coalesce(f.value, ''), '; ' order by f.field) as value
    from load_findings as f
    where f.finding like 'invalid date%'
    group by f.pub_number, f.file_id
)

select
    c.pub_number,
    c.file_id,
    i.value,
    i.value is not null as failed
from {batch} as c
join publications as p using (pub_number, file_id)
left join invalid as i using (pub_number, file_id)
where p.country = 'CN'
