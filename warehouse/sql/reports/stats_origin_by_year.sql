-- Domestic and foreign applications by filing year: how the foreign share moves.
select
    filing_year::integer as year,
    origin,
    count(distinct app_key) as applications
from report_counted
where filing_year is not null
group by all
order by year, origin
