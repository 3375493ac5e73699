-- A document is published on or after its filing date (0 exceptions in 201,944 real records).
select
    c.pub_number,
    c.file_id,
    'filed ' || cast(p.filing_date as varchar) || ', published ' || cast(p.pub_date as varchar) as value,
    p.pub_date < p.filing_date as failed
from {batch} as c
join publications as p using (pub_number, file_id)
where p.country = 'CN' and p.pub_date is not null and p.filing_date is not null
