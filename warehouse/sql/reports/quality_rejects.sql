-- Rejected documents grouped by stage and reason (the reason's first line), most frequent first.
select
    stage,
    split_part(reason, chr(10), 1) as reason,
    count(*) as documents
from rejects
group by all
order by documents desc, stage, reason
limit 10
