-- The publications of some relations, once each.
select distinct pub_number
from ({{relations}})
