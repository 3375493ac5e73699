-- Publications that match the definition but the quality quarantine holds back.
create table theme_out.quarantined as
select
    distinct e.pub_number,
    q.file_id,
    e.pub_number in (select pub_number from theme_out.members) as is_member
from theme_out.evidence as e
join theme_quarantine as q using (pub_number)
where e.side = 'include'
    and e.pub_number not in (select pub_number from theme_out.evidence where side = 'exclude')
order by e.pub_number
