-- One row per rule and check run, with the load batch the run saw: failures over weekly loads.
create or replace view check_history as
select
    r.run_id,
    r.started_at,
    r.last_load_seq,
    r.newest_batch_date,
    cr.suite,
    cr.rule,
    cr.severity,
    cr.checked,
    cr.failed,
    cr.failed / nullif(cr.checked, 0) as failed_share,
    cr.success
from check_results as cr
join check_runs as r using (run_id)
