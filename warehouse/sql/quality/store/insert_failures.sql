-- Keep the failing rows of a rule (bound: run_id, rule, severity).
insert into check_failures
select ?, ?, ?, pub_number, file_id, value
from quality_checked
where failed
