-- What a run looked at: current publications, files, and the newest load batch.
select
    (select count(*) from publication_current) as publications,
    (select count(*) from load_manifest) as files,
    (select max(load_seq) from load_manifest) as last_load_seq,
    (select max(batch_date) from load_manifest) as newest_batch_date
