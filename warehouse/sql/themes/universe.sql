-- Every current publication, or only the one an explanation is about. The quarantine is applied after
-- matching, so that a build also knows which publications it held back.
with a as (select ?::varchar as only_pub)
select c.pub_number, c.file_id
from publication_current as c
cross join a
where a.only_pub is null or c.pub_number = a.only_pub
