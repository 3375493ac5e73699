-- ZC 0006-2003 §4.3: the type digit (5th of a 12-digit number, 3rd of an 8-digit one) is 1 invention,
-- 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model; it must also agree with the
-- application type the document states.
with numbers as (
    select
        c.pub_number,
        c.file_id,
        p.app_number,
        p.app_type,
        case
            when regexp_matches(p.app_number, '^[0-9]{{12}}') then substr(p.app_number, 5, 1)
            when regexp_matches(p.app_number, '^[0-9]{{8}}') then substr(p.app_number, 3, 1)
        end as type_digit
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN' and p.app_number is not null
),

expected as (
    select
        *,
        case type_digit
            when '1' then 'invention'
            when '2' then 'utility_model'
            when '3' then 'design'
            when '8' then 'pct_invention'
            when '9' then 'pct_utility_model'
        end as digit_type
    from numbers
    where type_digit is not null
)

select
    pub_number,
    file_id,
    app_number || ' (type digit ' || type_digit || ', app_type ' || coalesce(app_type, 'NULL') || ')' as value,
    digit_type is null or (app_type is not null and app_type <> digit_type) as failed
from expected
