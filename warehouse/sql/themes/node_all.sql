-- all: publications that every child matched, with the evidence of each child.
select *
from ({{children}})
where pub_number in ({{common}})
