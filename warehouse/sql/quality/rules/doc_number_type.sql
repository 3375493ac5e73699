-- ZC 0007: the first digit of a 7- or 9-digit document number is the type (1 invention, 2 utility
-- model, 3 design; PCT applications publish as 1 and 2); the 8-digit numbers of 1985-1988 are
-- application numbers, with the type in the 3rd digit.
with documents as (
    select
        c.pub_number,
        c.file_id,
        p.doc_number,
        p.app_type,
        case when length(p.doc_number) = 8 then substr(p.doc_number, 3, 1) else left(p.doc_number, 1) end
            as type_digit
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN'
        and regexp_full_match(p.doc_number, '[0-9]{{7,9}}')
        and p.app_type in ('invention', 'pct_invention', 'utility_model', 'pct_utility_model', 'design')
)

select
    pub_number,
    file_id,
    doc_number || ' (' || app_type || ')' as value,
    type_digit <> case app_type
        when 'invention' then '1'
        when 'pct_invention' then '1'
        when 'utility_model' then '2'
        when 'pct_utility_model' then '2'
        when 'design' then '3'
    end as failed
from documents
