-- Co-application: pairs of applicants named together on one publication, with how often they were.
with named as (
    select distinct a.pub_number, a.name
    from src_applicants as a
    join report_counted using (pub_number)
    where a.name is not null
),

pairs as (
    select x.name as applicant_a, y.name as applicant_b, x.pub_number
    from named as x
    join named as y on x.pub_number = y.pub_number and x.name < y.name
)

select
    applicant_a,
    applicant_b,
    count(distinct pub_number) as publications
from pairs
group by all
order by publications desc, applicant_a, applicant_b
limit $top
