-- This build's changes with the publication's title, for the workbook.
select c.change, c.reason, c.pub_number, p.title, p.first_applicant, p.pub_date, c.source_file
from changes as c
left join patents as p using (pub_number)
order by c.change, c.pub_number
