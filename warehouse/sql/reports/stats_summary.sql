-- One row that describes the theme file: what it is, how big, how fresh, what was left out. The
-- landscape page of all themes reads only this row and stats_yearly / stats_regions.
with theme as (
    select * from src_theme order by built_at desc nulls last limit 1
),

counted as (
    select
        count(distinct pub_number) as publications,
        count(distinct app_key) as applications,
        count(distinct pub_number) filter (where is_grant) as grants,
        min(pub_date) as first_pub_date,
        max(pub_date) as newest_pub_date
    from report_counted
),

applicants as (
    select count(distinct a.name) as applicants
    from src_applicants as a join report_counted using (pub_number)
),

complete_years as (
    select year, applications, applications_growth
    from stats_yearly where applications_complete
    order by year desc limit 1
),

changes as (
    select
        count(*) filter (where change = 'entered') as entered,
        count(*) filter (where change = 'left') as left_theme
    from report_latest_changes
)

select
    t.theme_id,
    t.name as theme_name,
    t.province_code,
    t.definition_sha256,
    t.build_id,
    t.built_at,
    current_timestamp::timestamp as computed_at,
    (select count(*) from src_patents) as members,
    c.*,
    a.applicants,
    y.year as last_complete_year,
    y.applications as last_complete_year_applications,
    y.applications_growth as last_complete_year_growth,
    (select count(*) from src_patents where is_republication) as republications_excluded,
    (select count(*) from src_patents as p where exists (
        select 1 from report_excluded as e where e.pub_number = p.pub_number)) as quarantined_excluded,
    g.entered as changes_entered,
    g.left_theme as changes_left
from counted as c
cross join applicants as a
cross join changes as g
left join theme as t on true
left join complete_years as y on true
