-- The theme's technology branches (from the definition's branch tags); a publication can be in several.
with tagged as (
    select b.branch_id, b.branch_name, c.pub_number, c.app_key, c.filing_year
    from src_branches as b
    join report_counted as c using (pub_number)
    where b.branch_id is not null
),

total as (select count(distinct pub_number) as members from report_counted)

select
    branch_id,
    coalesce(any_value(branch_name), branch_id) as branch_name,
    count(distinct app_key) as applications,
    count(distinct pub_number) as publications,
    count(distinct pub_number) / any_value(t.members) as publications_share,
    max(filing_year)::integer as last_filing_year
from tagged, total as t
group by branch_id
order by publications desc, branch_id
