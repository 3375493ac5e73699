-- "New this week": the members that entered with this build, and why, for pushing to member
-- organisations.
with tags as (
    select m.pub_number, string_agg(b.name, '; ' order by b.branch_id) as branch_names
    from members as m, unnest(m.branches) as t(branch_id)
    join branches as b using (branch_id)
    group by m.pub_number
)
select
    c.reason,
    p.pub_number,
    p.title,
    p.app_type,
    p.pub_date,
    p.first_applicant,
    p.applicant_province,
    p.applicant_city,
    p.ipc_main,
    array_to_string(m.rules, '; ') as rules,
    array_to_string(m.terms, '; ') as terms,
    t.branch_names,
    p.abstract
from changes as c
join patents as p using (pub_number)
join members as m using (pub_number)
left join tags as t using (pub_number)
where c.change = 'entered'
order by p.pub_date desc nulls last, p.pub_number
