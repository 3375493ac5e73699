-- Classification symbols of the candidates, with the parts that patterns compare: section, class
-- (H01), subclass, main group, subgroup digits (0525 of H01M 10/0525) and the Locarno class (14 of 14-03).
select
    cl.pub_number,
    cl.scheme,
    cl.symbol,
    cl.is_main,
    cl.section,
    left(cl.subclass, 3) as class,
    cl.subclass,
    cl.main_group,
    split_part(cl.symbol, '/', 2) as subgroup,
    case when cl.scheme = 'LOC' then split_part(cl.symbol, '-', 1) end as loc_class
from classifications as cl
join {{candidates}} as c using (pub_number, file_id)
