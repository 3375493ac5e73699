-- A foreign applicant never carries a Chinese province. Hong Kong, Macao and Taiwan keep their own
-- ST.3 codes and the GB/T 2260 codes 81, 82, 71.
select
    c.pub_number,
    c.file_id,
    pa.name || ' (' || pa.country || ', province ' || coalesce(pa.province_code, '') || ')' as value,
    pa.province_code is not null
        and not (pa.country = 'HK' and pa.province_code = '81')
        and not (pa.country = 'MO' and pa.province_code = '82')
        and not (pa.country = 'TW' and pa.province_code = '71') as failed
from {batch} as c
join parties as pa using (pub_number, file_id)
where pa.role in ('applicant', 'assignee') and pa.country is not null and pa.country <> 'CN'
