-- A domestic applicant (country CN) should resolve to a province: without one the publication drops
-- out of every provincial statistic. Addresses can be empty in the source, so a warning.
select
    c.pub_number,
    c.file_id,
    pa.name || ': ' || coalesce(pa.address, 'no address') as value,
    pa.province_code is null as failed
from {batch} as c
join parties as pa using (pub_number, file_id)
where pa.role = 'applicant' and pa.country = 'CN'
