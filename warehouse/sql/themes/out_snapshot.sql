-- The load manifest as the build saw it; a later build calls a publication's file new when it is not here.
create table theme_out.snapshot as
select
    m.file_id,
    m.file_name,
    m.path,
    m.load_seq,
    m.batch_date,
    m.status,
    count(mem.pub_number) as members
from load_manifest as m
left join theme_out.members as mem using (file_id)
group by m.file_id, m.file_name, m.path, m.load_seq, m.batch_date, m.status
order by m.load_seq
