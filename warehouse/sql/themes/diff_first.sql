-- The first build of a theme and variant: every member entered.
create table theme_out.changes as
with a as (select ?::timestamp as built_at)
select
    'entered' as change,
    'first_build' as reason,
    m.pub_number,
    m.file_id,
    f.path as source_file,
    a.built_at
from theme_out.members as m
left join load_manifest as f using (file_id)
cross join a
order by m.pub_number
