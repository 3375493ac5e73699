-- The newest build's entries and exits (entries first, newest publications first), with title and
-- first applicant when the record is still in the theme; `total` counts them all, shown or not.
select
    l.change,
    l.pub_number,
    p.pub_date,
    p.title,
    p.first_applicant,
    l.reason,
    count(*) over () as total
from report_latest_changes as l
left join src_patents as p using (pub_number)
order by l.change, p.pub_date desc nulls last, l.pub_number
limit $shown
