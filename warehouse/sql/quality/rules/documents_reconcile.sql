-- Nothing is lost: per bulk file, documents seen = loaded + rejected, the rejects table holds one row
-- per rejected document and the publications table one per loaded document.
-- The batch is load_manifest.
with rejected as (
    select file_id, count(*) as n from rejects group by file_id
),

loaded as (
    select file_id, count(*) as n from publications group by file_id
)

select
    null as pub_number,
    m.file_id,
    m.file_name || ': seen ' || cast(m.documents_seen as varchar)
        || ', loaded ' || cast(m.documents_loaded as varchar)
        || ', rejected ' || cast(m.documents_rejected as varchar)
        || ', rejects rows ' || cast(coalesce(r.n, 0) as varchar)
        || ', publication rows ' || cast(coalesce(l.n, 0) as varchar) as value,
    m.documents_seen <> m.documents_loaded + m.documents_rejected
        or coalesce(r.n, 0) <> m.documents_rejected
        or coalesce(l.n, 0) <> m.documents_loaded as failed
from {batch} as m
left join rejected as r using (file_id)
left join loaded as l using (file_id)
