-- The publications of one relation that are not in another (included minus excluded).
select pub_number
from {{relation}}
where pub_number not in (select pub_number from {{without}})
