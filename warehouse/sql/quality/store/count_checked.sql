-- Items a rule checked and how many failed (quality_checked holds the rule's rows of this run).
select count(*) as checked, count(*) filter (where failed) as failed
from quality_checked
