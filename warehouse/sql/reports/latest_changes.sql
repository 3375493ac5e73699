-- The "new this week" list: the entries and exits of the newest build that recorded changes.
create or replace temp view report_latest_changes as
select *
from src_changes
where build_id is not distinct from (
    select build_id from src_changes order by changed_at desc nulls last, build_id desc limit 1
)
