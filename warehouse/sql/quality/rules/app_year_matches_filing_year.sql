-- The year in the application number is the year of filing, except for divisionals, which keep the
-- parent's filing date (2,752 of 201,944 real records differ): a warning, naming the parent if known.
with numbers as (
    select
        c.pub_number,
        c.file_id,
        p.app_number,
        p.filing_date,
        case
            when regexp_matches(p.app_number, '^[0-9]{{12}}') then try_cast(left(p.app_number, 4) as integer)
            when left(p.app_number, 2) >= '85' then 1900 + try_cast(left(p.app_number, 2) as integer)
            else 2000 + try_cast(left(p.app_number, 2) as integer)
        end as number_year
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN'
        and p.filing_date is not null
        and regexp_matches(p.app_number, '^[0-9]{{12}}|^[0-9]{{8}}')
),

parents as (
    select pub_number, file_id, arg_min(number, seq) as parent
    from related_documents
    where relation = 'divisional_parent'
    group by pub_number, file_id
)

select
    n.pub_number,
    n.file_id,
    n.app_number || ' filed ' || cast(n.filing_date as varchar)
        || coalesce(' (divisional of ' || pa.parent || ')', '') as value,
    n.number_year <> year(n.filing_date) as failed
from numbers as n
left join parents as pa using (pub_number, file_id)
