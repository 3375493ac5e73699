-- The leading applicants. Every applicant of a publication is credited (co-applicants each count once);
-- type, country and region are the ones the applicant carries most often.
with credited as (
    select a.name, a.applicant_type, a.country, a.province, c.pub_number, c.app_key, c.filing_year, c.is_grant
    from src_applicants as a
    join report_counted as c using (pub_number)
    where a.name is not null
),

per_applicant as (
    select
        name,
        mode(applicant_type) as applicant_type,
        mode(country) as country,
        mode(province) as province,
        count(distinct app_key) as applications,
        count(distinct pub_number) as publications,
        count(distinct pub_number) filter (where is_grant) as grants,
        min(filing_year)::integer as first_filing_year,
        max(filing_year)::integer as last_filing_year
    from credited
    group by name
)

select
    row_number() over (order by applications desc, publications desc, name) as rank,
    *
from per_applicant
qualify rank <= $top
order by rank
