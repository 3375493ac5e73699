-- Publications that a bulk file carried but a newer file replaced: never counted twice, always visible.
create or replace view superseded_publications as
with versions as (
    select p.pub_number, p.file_id, m.path, m.batch_date, m.load_seq
    from publications as p
    join load_manifest as m using (file_id)
    where m.status = 'loaded'
)
select
    v.pub_number,
    v.file_id as superseded_file_id,
    v.path as superseded_path,
    v.batch_date as superseded_batch_date,
    c.file_id as current_file_id,
    w.path as current_path,
    w.batch_date as current_batch_date
from versions as v
join publication_current as c using (pub_number)
join load_manifest as w on w.file_id = c.file_id
where v.file_id <> c.file_id
