-- The quarantined versions that are still current (a newer version of the publication is judged afresh
-- by the next check run, as in the patents_clean view).
select q.pub_number, q.file_id
from quarantine as q
join publication_current as c using (pub_number, file_id)
