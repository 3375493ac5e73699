-- Domestic and foreign applications by the first applicant's country (WIPO ST.3).
select
    origin,
    applicant_country as country,
    count(distinct app_key) as applications,
    count(distinct pub_number) as publications,
    count(distinct app_key) / sum(count(distinct app_key)) over () as applications_share
from report_counted
group by all
order by applications desc, country nulls last
