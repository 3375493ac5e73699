-- ZC 0006-2003 §2.3: the check character is the sum of the body's digits weighted 2,3,4,5,6,7,8,9,2,3,4,5
-- (8-digit bodies use the first eight weights), modulo 11; a remainder of 10 is written X. Recomputed
-- here rather than trusting applications.check_digit_valid, which the loader derived.
with numbers as (
    select
        c.pub_number,
        c.file_id,
        p.app_number,
        split_part(p.app_number, '.', 1) as body,
        split_part(p.app_number, '.', 2) as check_char
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN'
        and regexp_full_match(p.app_number, '[0-9]{{12}}\.[0-9X]|[0-9]{{8}}\.[0-9X]')
),

remainders as (
    select
        *,
        list_sum(list_transform(
            range(length(body)),
            lambda i: try_cast(body[i + 1] as integer) * [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5][i + 1]
        )) % 11 as remainder
    from numbers
)

select
    pub_number,
    file_id,
    app_number || ' (expected ' || (case when remainder = 10 then 'X' else cast(remainder as varchar) end) || ')'
        as value,
    check_char <> (case when remainder = 10 then 'X' else cast(remainder as varchar) end) as failed
from remainders
