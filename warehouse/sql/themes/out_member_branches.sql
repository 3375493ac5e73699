-- One row per member and branch tag, with what matched the branch condition.
create table theme_out.member_branches as
select e.pub_number, e.rule_id as branch_id, list_sort(list_distinct(list(e.term))) as terms
from theme_out.evidence as e
where e.side = 'branch' and e.pub_number in (select pub_number from theme_out.members)
group by e.pub_number, e.rule_id
order by e.pub_number, e.rule_id
