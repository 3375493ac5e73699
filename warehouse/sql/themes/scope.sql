-- One row per candidate publication with every scope condition (the definition's and the province
-- variant's) as a column: builds keep the rows that pass them all, explain shows each one. A condition
-- on a missing value (no filing date, no applicant region) fails rather than passes.
with a as (
    select
        ?::varchar[] as countries,
        ?::varchar[] as app_types,
        ?::varchar[] as kinds,
        ?::date as filing_from,
        ?::date as filing_to,
        ?::date as pub_from,
        ?::date as pub_to,
        ?::boolean as republications,
        ?::varchar[] as provinces,
        ?::varchar[] as cities,
        ?::varchar[] as applicant_countries,
        ?::boolean as any_applicant,
        ?::varchar as variant_province,
        ?::boolean as variant_any_applicant
),

ap as (
    select
        pa.pub_number,
        arg_min(pa.country, pa.seq) as first_country,
        arg_min(pa.province_code, pa.seq) as first_province,
        arg_min(pa.city_code, pa.seq) as first_city,
        list(pa.country) as all_countries,
        list(pa.province_code) as all_provinces,
        list(pa.city_code) as all_cities
    from parties as pa
    join {{universe}} as u using (pub_number, file_id)
    where pa.role = 'applicant'
    group by pa.pub_number
),

checks as (
    select
        u.pub_number,
        u.file_id,
        p.country,
        p.app_type,
        p.kind,
        p.filing_date,
        p.pub_date,
        p.is_republication,
        ap.first_country,
        ap.first_province,
        ap.first_city,
        ap.all_countries,
        ap.all_provinces,
        ap.all_cities,
        coalesce(a.countries is null or list_contains(a.countries, p.country), false) as ok_countries,
        coalesce(a.app_types is null or list_contains(a.app_types, p.app_type), false) as ok_app_types,
        coalesce(a.kinds is null or list_contains(a.kinds, p.kind), false) as ok_kinds,
        coalesce((a.filing_from is null or p.filing_date >= a.filing_from)
            and (a.filing_to is null or p.filing_date <= a.filing_to), false) as ok_filing_date,
        coalesce((a.pub_from is null or p.pub_date >= a.pub_from)
            and (a.pub_to is null or p.pub_date <= a.pub_to), false) as ok_pub_date,
        coalesce(a.republications or not p.is_republication, false) as ok_republications,
        coalesce(a.provinces is null or case
            when a.any_applicant then list_has_any(ap.all_provinces, a.provinces)
            else list_contains(a.provinces, ap.first_province) end, false) as ok_provinces,
        coalesce(a.cities is null or case
            when a.any_applicant then list_has_any(ap.all_cities, a.cities)
            else list_contains(a.cities, ap.first_city) end, false) as ok_cities,
        coalesce(a.applicant_countries is null or case
            when a.any_applicant then list_has_any(ap.all_countries, a.applicant_countries)
            else list_contains(a.applicant_countries, ap.first_country) end, false) as ok_applicant_countries,
        coalesce(a.variant_province is null or case
            when a.variant_any_applicant then list_contains(ap.all_provinces, a.variant_province)
            else ap.first_province = a.variant_province end, false) as ok_variant
    from {{universe}} as u
    join publications as p using (pub_number, file_id)
    left join ap using (pub_number)
    cross join a
)

select
    *,
    ok_countries and ok_app_types and ok_kinds and ok_filing_date and ok_pub_date and ok_republications
    and ok_provinces and ok_cities and ok_applicant_countries and ok_variant as passed
from checks
