-- The quarantined publications, when the warehouse records them by number only: their current version.
select q.pub_number, c.file_id
from quarantine as q
join publication_current as c using (pub_number)
