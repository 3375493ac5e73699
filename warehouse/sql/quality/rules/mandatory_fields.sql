-- The bibliographic minimum of a CN document (ZC 0009 lists more, but its text was not available):
-- application number and filing date, document number, kind and publication date, title, and at
-- least one applicant.
with applicants as (
    select distinct pub_number, file_id
    from parties
    where role = 'applicant'
),

missing as (
    select
        c.pub_number,
        c.file_id,
        concat_ws(', ',
            case when p.app_number is null then 'app_number' end,
            case when p.filing_date is null then 'filing_date' end,
            case when p.doc_number is null or trim(p.doc_number) = '' then 'doc_number' end,
            case when p.kind is null or trim(p.kind) = '' then 'kind' end,
            case when p.pub_date is null then 'pub_date' end,
            case when p.title is null or trim(p.title) = '' then 'title' end,
            case when a.pub_number is null then 'applicant' end
        ) as fields
    from {batch} as c
    join publications as p using (pub_number, file_id)
    left join applicants as a using (pub_number, file_id)
    where p.country = 'CN'
)

select
    pub_number,
    file_id,
    case when fields <> '' then 'missing: ' || fields end as value,
    fields <> '' as failed
from missing
