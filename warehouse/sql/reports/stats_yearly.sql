-- Publications and grants by year of publication, applications by year of filing. An invention
-- application is published about 18 months after filing, so recent filing years are still filling up:
-- `applications_complete` is false until 18 months after the year's end have been published.
with pubs as (
    select pub_year as year, count(distinct pub_number) as publications
    from report_counted where pub_year is not null group by all
),

grants as (
    select pub_year as year, count(distinct pub_number) as grants
    from report_counted where is_grant and pub_year is not null group by all
),

apps as (
    select filing_year as year, count(distinct app_key) as applications
    from report_counted where filing_year is not null group by all
),

bounds as (
    select min(year) as first_year, max(year) as last_year
    from (select year from pubs union all select year from apps)
),

years as (
    select unnest(range(first_year, last_year + 1)) as year from bounds where first_year is not null
),

newest as (select max(pub_date) as newest_pub_date from report_counted),

counts as (
    select
        y.year,
        coalesce(p.publications, 0) as publications,
        coalesce(a.applications, 0) as applications,
        coalesce(g.grants, 0) as grants
    from years as y
    left join pubs as p using (year)
    left join apps as a using (year)
    left join grants as g using (year)
)

select
    c.year::integer as year,
    c.publications,
    c.applications,
    c.grants,
    c.publications / nullif(lag(c.publications) over w, 0) - 1 as publications_growth,
    c.applications / nullif(lag(c.applications) over w, 0) - 1 as applications_growth,
    c.grants / nullif(lag(c.grants) over w, 0) - 1 as grants_growth,
    make_date(c.year::integer, 12, 31) + interval 18 month <= n.newest_pub_date as applications_complete
from counts as c, newest as n
window w as (order by c.year)
order by c.year
