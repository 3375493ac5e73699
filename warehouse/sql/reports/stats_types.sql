-- The three CN patent types (PCT national-phase entries counted with their type, and apart in `pct`).
with per_type as (
    select
        type_group as app_type,
        count(distinct app_key) as applications,
        count(distinct pub_number) as publications,
        count(distinct pub_number) filter (where is_grant) as grants,
        count(distinct app_key) filter (where is_pct) as pct_applications
    from report_counted
    group by all
)

select
    *,
    applications / sum(applications) over () as applications_share
from per_type
order by applications desc, app_type
