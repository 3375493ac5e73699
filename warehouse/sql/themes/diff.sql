-- What entered and what left since the previous build (attached as theme_prev), and why. Entered:
-- new_file when the publication's current file was not in the previous build's snapshot, else
-- rule_change when the definition changed, else quarantine_lifted when the quarantine held it back
-- before, else reclassification (its data or region changed). Left: quarantined, withdrawn (no longer in
-- the warehouse), new_file (a newer file replaced its data), rule_change, else reclassification.
create table theme_out.changes as
with a as (select ?::boolean as rule_changed, ?::timestamp as built_at),

previous_files as (select file_id from theme_prev.snapshot),

entered as (
    select
        m.pub_number,
        m.file_id,
        case
            when m.file_id not in (select file_id from previous_files) then 'new_file'
            when a.rule_changed then 'rule_change'
            when m.pub_number in (select pub_number from theme_prev.quarantined) then 'quarantine_lifted'
            else 'reclassification'
        end as reason
    from theme_out.members as m
    cross join a
    where m.pub_number not in (select pub_number from theme_prev.members)
),

gone as (
    select
        p.pub_number,
        coalesce(c.file_id, p.file_id) as file_id,
        case
            when p.pub_number in (select pub_number from theme_out.quarantined) then 'quarantined'
            when c.pub_number is null then 'withdrawn'
            when c.file_id not in (select file_id from previous_files) then 'new_file'
            when a.rule_changed then 'rule_change'
            else 'reclassification'
        end as reason
    from theme_prev.members as p
    left join publication_current as c using (pub_number)
    cross join a
    where p.pub_number not in (select pub_number from theme_out.members)
)

select 'entered' as change, e.reason, e.pub_number, e.file_id, f.path as source_file, a.built_at
from entered as e
left join load_manifest as f using (file_id)
cross join a
union all
select 'left' as change, g.reason, g.pub_number, g.file_id, f.path as source_file, a.built_at
from gone as g
left join load_manifest as f using (file_id)
cross join a
order by change, pub_number
