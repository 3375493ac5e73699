-- Applications of each type by filing year: the mix of inventions, utility models and designs over time.
select
    filing_year::integer as year,
    type_group as app_type,
    count(distinct app_key) as applications
from report_counted
where filing_year is not null
group by all
order by year, app_type
