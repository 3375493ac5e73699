-- Domestic applications by the first applicant's province and prefecture (GB/T 2260). A province variant
-- of a theme shows its prefectures; a region that could not be resolved is kept with a NULL code.
with domestic as (
    select * from report_counted where origin = 'domestic'
),

provinces as (
    select
        'province' as level,
        applicant_province_code as code,
        any_value(applicant_province) as name,
        null::varchar as province_code,
        count(distinct app_key) as applications,
        count(distinct pub_number) as publications
    from domestic
    group by applicant_province_code
),

cities as (
    select
        'city' as level,
        applicant_city_code as code,
        any_value(applicant_city) as name,
        any_value(applicant_province_code) as province_code,
        count(distinct app_key) as applications,
        count(distinct pub_number) as publications
    from domestic
    group by applicant_city_code
),

both_levels as (
    select * from provinces union all select * from cities
)

select
    *,
    applications / sum(applications) over (partition by level) as applications_share
from both_levels
order by level desc, applications desc, code nulls last
