-- any: the evidence of every child; one matching child is enough.
select *
from ({{children}})
