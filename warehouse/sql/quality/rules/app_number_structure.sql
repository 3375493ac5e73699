-- ZC 0006-2003: 12 digits, "." and a check character for numbers of 2003-10-01 on (year 2003 or later);
-- 8 digits, "." and a check character for 1989 to 2003-09 (years 89..99, 00..03); 8 digits without a
-- check character for 1985-1988. The period is read from the number itself: a divisional keeps its
-- parent's filing date but gets a number of its own year.
with numbers as (
    select c.pub_number, c.file_id, p.app_number
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN' and p.app_number is not null
)

select
    pub_number,
    file_id,
    app_number as value,
    not (
        (regexp_full_match(app_number, '[0-9]{{12}}\.[0-9X]')
            and try_cast(left(app_number, 4) as integer) between 2003 and year(current_date))
        or (regexp_full_match(app_number, '[0-9]{{8}}\.[0-9X]')
            and (left(app_number, 2) between '89' and '99' or left(app_number, 2) between '00' and '03'))
        or (regexp_full_match(app_number, '[0-9]{{8}}') and left(app_number, 2) between '85' and '88')
    ) as failed
from numbers
