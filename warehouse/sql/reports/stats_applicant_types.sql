-- Applications by the first applicant's type and filing year (enterprise, university, …).
select
    filing_year::integer as year,
    coalesce(applicant_type, 'unknown') as applicant_type,
    count(distinct app_key) as applications
from report_counted
where filing_year is not null
group by all
order by year, applicant_type
