-- Whole-warehouse load totals: every document seen was loaded or rejected.
select
    count(*) as files,
    count(*) filter (where status = 'failed') as files_failed,
    coalesce(sum(documents_seen), 0) as documents_seen,
    coalesce(sum(documents_loaded), 0) as documents_loaded,
    coalesce(sum(documents_rejected), 0) as documents_rejected,
    max(batch_date) as newest_batch_date
from load_manifest
