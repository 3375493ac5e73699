-- This build's changes counted by direction and reason, for the build summary.
select change, reason, count(*) as publications
from theme_out.changes
group by change, reason
order by change, reason
