-- What the warehouse holds, file by file, newest load first.
select
    file_name,
    path,
    status,
    source_format,
    format_version,
    documents_seen,
    documents_loaded,
    documents_rejected,
    newest_pub_date,
    batch_date,
    started_at,
    round(seconds, 3) as seconds,
    error
from load_manifest
order by load_seq desc
limit $limit
