-- Items a rule checked and how many failed (quality_checked is the rule's query, as a view).
select count(*) as checked, count(*) filter (where failed) as failed
from quality_checked
