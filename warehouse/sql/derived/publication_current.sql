-- The one current version of every publication: when a publication arrives in several bulk files,
-- the file with the newest batch date wins; ties go to the file loaded last. A publication whose winning
-- version is a deletion record (DOCDB status D, from a CreateDelete delivery) has no current version.
create or replace table publication_current as
with ranked as (
    select
        p.pub_number,
        p.file_id,
        p.status,
        row_number() over (
            partition by p.pub_number
            order by m.batch_date desc nulls last, m.load_seq desc
        ) as rank
    from publications as p
    join load_manifest as m using (file_id)
    where m.status = 'loaded'
)
select pub_number, file_id
from ranked
where rank = 1 and status is distinct from 'D'
