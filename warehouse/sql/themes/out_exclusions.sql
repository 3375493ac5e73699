-- Publications an include rule admitted and an exclusion removed, with the definition's reason.
create table theme_out.exclusions as
with a as (select ?::varchar[] as rule_ids, ?::varchar[] as reasons),

r as (select unnest(rule_ids) as rule_id, unnest(reasons) as reason from a)

select e.pub_number, e.rule_id, r.reason, list_sort(list_distinct(list(e.term))) as terms
from theme_out.evidence as e
join r using (rule_id)
where e.side = 'exclude'
group by e.pub_number, e.rule_id, r.reason
order by e.pub_number, e.rule_id
