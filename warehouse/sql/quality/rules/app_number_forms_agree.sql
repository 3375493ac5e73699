-- CNIPA writes every application number twice: the original dotted form and the 15-digit standard
-- form (2-digit type code, 4-digit year, serial zero-padded to 9 digits). Both must name the same
-- application; the type codes are 10/20/30 for inventions, utility models and designs, 11/21 for PCT
-- inventions and utility models.
with numbers as (
    select
        c.pub_number,
        c.file_id,
        p.app_number,
        a.app_number_standard,
        case
            when regexp_matches(p.app_number, '^[0-9]{{12}}')
                then left(p.app_number, 4)
            when left(p.app_number, 2) >= '85'
                then '19' || left(p.app_number, 2)
            else '20' || left(p.app_number, 2)
        end as year,
        case
            when regexp_matches(p.app_number, '^[0-9]{{12}}') then substr(p.app_number, 5, 1)
            else substr(p.app_number, 3, 1)
        end as type_digit,
        case
            when regexp_matches(p.app_number, '^[0-9]{{12}}') then substr(p.app_number, 6, 7)
            else substr(p.app_number, 4, 5)
        end as serial
    from {batch} as c
    join publications as p using (pub_number, file_id)
    join applications as a using (pub_number, file_id)
    where p.country = 'CN'
        and a.app_number_standard is not null
        and regexp_matches(p.app_number, '^[0-9]{{12}}|^[0-9]{{8}}')
),

expected as (
    select
        *,
        case type_digit
            when '1' then '10' when '2' then '20' when '3' then '30' when '8' then '11' when '9' then '21'
        end || year || lpad(serial, 9, '0') as expected_standard
    from numbers
)

select
    pub_number,
    file_id,
    app_number || ' vs standard ' || app_number_standard as value,
    expected_standard is distinct from app_number_standard as failed
from expected
