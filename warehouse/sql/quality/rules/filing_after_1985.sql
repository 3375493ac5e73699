-- The Chinese patent law took effect on 1985-04-01: no CN application is filed before it.
select
    c.pub_number,
    c.file_id,
    cast(p.filing_date as varchar) as value,
    p.filing_date < date '1985-04-01' as failed
from {batch} as c
join publications as p using (pub_number, file_id)
where p.country = 'CN' and p.filing_date is not null
