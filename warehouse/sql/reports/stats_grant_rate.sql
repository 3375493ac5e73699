-- Invention grant rate by filing year: applications with a grant (B/C) document loaded over the distinct
-- invention applications filed that year. Recent years are mostly still under examination, so their rate
-- is a lower bound. Empty when the theme holds no invention grants at all.
with inventions as (
    select app_key, filing_year, is_grant
    from report_counted
    where type_group = 'invention' and filing_year is not null
),

per_year as (
    select
        filing_year::integer as year,
        count(distinct app_key) as applications,
        count(distinct app_key) filter (where is_grant) as granted
    from inventions
    group by all
)

select year, applications, granted, granted / applications as grant_rate
from per_year
where exists (select 1 from inventions where is_grant)
order by year
