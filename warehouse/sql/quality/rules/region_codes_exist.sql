-- GB/T 2260: every province, prefecture and county code of an applicant exists in the code list of the
-- vintage the loader recorded (quality_ref_regions, written from the same region data at the start of
-- every run), and the lower codes lie in the province. A row whose vintage is not available fails: its
-- codes cannot be vouched for.
with coded as (
    select
        pa.pub_number,
        pa.file_id,
        pa.seq,
        pa.province_code,
        pa.city_code,
        pa.county_code,
        pa.region_vintage
    from {batch} as c
    join parties as pa using (pub_number, file_id)
    where pa.role in ('applicant', 'assignee')
        and (pa.province_code is not null or pa.city_code is not null or pa.county_code is not null)
),

judged as (
    select
        *,
        (province_code is null or exists (
            select 1 from quality_ref_regions as r
            where r.vintage = coded.region_vintage and r.level = 'province' and r.code = coded.province_code
        ))
        and (city_code is null or exists (
            select 1 from quality_ref_regions as r
            where r.vintage = coded.region_vintage and r.level = 'city' and r.code = coded.city_code
        ))
        and (county_code is null or exists (
            select 1 from quality_ref_regions as r
            where r.vintage = coded.region_vintage and r.level = 'county' and r.code = coded.county_code
        ))
        and (city_code is null or left(city_code, 2) = province_code)
        and (county_code is null or left(county_code, 2) = province_code) as known
    from coded
)

select
    pub_number,
    file_id,
    concat_ws('/', province_code, city_code, county_code) || ' (' || coalesce(region_vintage, 'no vintage') || ')'
        as value,
    not known as failed
from judged
