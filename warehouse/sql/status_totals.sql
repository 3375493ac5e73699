-- Totals across the warehouse.
with files as (
    select
        count(*) filter (where status = 'loaded') as files_loaded,
        count(*) filter (where status = 'failed') as files_failed,
        coalesce(sum(documents_seen), 0) as documents_seen,
        coalesce(sum(documents_loaded), 0) as documents_loaded,
        coalesce(sum(documents_rejected), 0) as documents_rejected
    from load_manifest
),

pubs as (
    select
        count(*) as publications,
        count(*) filter (where not is_republication) as new_publications,
        max(pub_date) filter (where country = 'CN') as newest_cn_pub_date,
        max(pub_date) as newest_pub_date
    from patents
)

select
    files.*,
    pubs.*,
    (select count(*) from superseded_publications) as superseded_publications
from files, pubs
