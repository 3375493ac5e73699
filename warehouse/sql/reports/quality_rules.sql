-- Rules of a run that failed, with how many of this theme's publications each one flagged.
select
    r.rule,
    r.severity,
    r.description,
    r.failed,
    r.checked,
    (
        select count(distinct f.pub_number)
        from check_failures as f
        join report_members as m using (pub_number)
        where f.run_id = r.run_id and f.rule = r.rule
    ) as theme_publications
from check_results as r
where r.run_id = ? and not r.success
order by r.severity, theme_publications desc, r.rule
