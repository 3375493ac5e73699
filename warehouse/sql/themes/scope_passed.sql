-- The candidates: publications that pass every scope check.
select pub_number, file_id
from {{checks}}
where passed
