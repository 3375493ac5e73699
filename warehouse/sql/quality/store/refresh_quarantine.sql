-- The publications that failed a quarantining rule in this run (bound: run_id, quarantined_at,
-- run_id, list of quarantining rules). One row per publication version and rule.
insert into quarantine
select pub_number, file_id, rule, min(value), ?, ?
from check_failures
where run_id = ? and list_contains(?, rule) and pub_number is not null and file_id is not null
group by pub_number, file_id, rule
