-- The newest quality check run.
select run_id, started_at, passed, errors_failed, warnings_failed, quarantined, publications
from check_runs
order by started_at desc
limit 1
