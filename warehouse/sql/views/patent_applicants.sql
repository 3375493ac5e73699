-- One row per applicant of every current publication, with its region and type.
create or replace view patent_applicants as
select
    pa.pub_number,
    pa.seq,
    pa.seq = 1 as is_first,
    pa.name,
    pa.applicant_type,
    pa.country,
    pa.province_code,
    pa.province,
    pa.city_code,
    pa.city,
    pa.county_code,
    pa.county,
    pa.region_method,
    pa.address,
    pa.postcode,
    pa.file_id
from parties as pa
join publication_current as c using (pub_number, file_id)
where pa.role = 'applicant'
