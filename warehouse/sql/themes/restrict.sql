-- The rows of a relation whose publication is in another one (exclusions and branches only look at
-- publications an include rule admitted).
select *
from {{relation}}
where pub_number in (select pub_number from {{within}})
