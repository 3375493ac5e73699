-- Members: publications an include rule admitted, that no exclusion removed and that the quarantine
-- does not hold back (unless the build includes quarantined publications), with the rules, fields and
-- terms that admitted them and their branch tags.
create table theme_out.members as
with a as (select ?::boolean as include_quarantined),

admitted as (
    select
        pub_number,
        list_sort(list_distinct(list(rule_id))) as rules,
        list_sort(list_distinct(list(field))) as fields,
        list_sort(list_distinct(list(term))) as terms
    from theme_out.evidence
    where side = 'include'
    group by pub_number
),

tags as (
    select pub_number, list_sort(list_distinct(list(rule_id))) as branches
    from theme_out.evidence
    where side = 'branch'
    group by pub_number
)

select m.pub_number, c.file_id, m.rules, m.fields, m.terms, coalesce(t.branches, []::varchar[]) as branches
from admitted as m
join publication_current as c using (pub_number)
left join tags as t using (pub_number)
cross join a
where
    m.pub_number not in (select pub_number from theme_out.evidence where side = 'exclude')
    and (a.include_quarantined or m.pub_number not in (select pub_number from theme_quarantine))
order by m.pub_number
