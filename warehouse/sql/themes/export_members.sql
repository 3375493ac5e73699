-- The members as one flat table for spreadsheets and CSV: lists joined with "; ", branch names rather
-- than ids, newest publication first.
with tags as (
    select m.pub_number, string_agg(b.name, '; ' order by b.branch_id) as branch_names
    from members as m, unnest(m.branches) as t(branch_id)
    join branches as b using (branch_id)
    group by m.pub_number
)
select
    p.pub_number,
    p.title,
    p.app_type,
    p.kind,
    p.app_number,
    p.filing_date,
    p.pub_date,
    array_to_string(p.applicants, '; ') as applicants,
    p.first_applicant,
    p.applicant_province,
    p.applicant_city,
    p.applicant_type,
    array_to_string(p.inventors, '; ') as inventors,
    p.agency,
    p.ipc_main,
    array_to_string(p.ipcs, '; ') as ipcs,
    array_to_string(p.cpcs, '; ') as cpcs,
    array_to_string(p.loc_classes, '; ') as loc_classes,
    p.priority_date,
    array_to_string(m.rules, '; ') as rules,
    array_to_string(m.terms, '; ') as terms,
    t.branch_names,
    p.abstract
from patents as p
join members as m using (pub_number)
left join tags as t using (pub_number)
order by p.pub_date desc nulls last, p.pub_number
