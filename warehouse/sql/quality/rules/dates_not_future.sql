-- No publication, filing or national-phase date lies after the day of the check.
select
    c.pub_number,
    c.file_id,
    concat_ws('; ',
        case when p.pub_date > current_date then 'pub_date ' || cast(p.pub_date as varchar) end,
        case when p.filing_date > current_date then 'filing_date ' || cast(p.filing_date as varchar) end,
        case when p.national_phase_date > current_date
            then 'national_phase_date ' || cast(p.national_phase_date as varchar) end
    ) as value,
    coalesce(p.pub_date > current_date, false)
        or coalesce(p.filing_date > current_date, false)
        or coalesce(p.national_phase_date > current_date, false) as failed
from {batch} as c
join publications as p using (pub_number, file_id)
where p.country = 'CN'
