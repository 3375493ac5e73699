-- ZC 0007: document numbers are the application number (8 digits) until 1988, 7 digits from 1989 and
-- 9 digits from mid-2007 (publications from gazette vol. 23 no. 29, grants from no. 35, so both lengths
-- are accepted in July-September 2007).
with documents as (
    select c.pub_number, c.file_id, p.doc_number, p.pub_date
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN' and p.doc_number is not null and p.pub_date is not null
)

select
    pub_number,
    file_id,
    doc_number || ' published ' || cast(pub_date as varchar) as value,
    not (
        regexp_full_match(doc_number, '[0-9]+')
        and case
            when pub_date < date '1989-01-01' then length(doc_number) = 8
            when pub_date < date '2007-07-01' then length(doc_number) = 7
            when pub_date < date '2007-10-01' then length(doc_number) in (7, 9)
            else length(doc_number) = 9
        end
    ) as failed
from documents
