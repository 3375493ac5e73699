-- Grant lag (grant date - filing date). Invention grants (B, C): at least 60 days (the shortest of
-- 43,945 real B documents took 138) and at most 20 years, the patent term. Utility-model and design
-- grants (U, Y, S, D): at least 14 days and at most 15 years, the longest term (designs from
-- 2021-06-01). Divisionals keep their parent's filing date, so a long lag is rare but possible:
-- a warning, not an error.
with grants as (
    select
        c.pub_number,
        c.file_id,
        p.kind,
        p.pub_date - p.filing_date as lag_days
    from {batch} as c
    join publications as p using (pub_number, file_id)
    where p.country = 'CN'
        and p.kind in ('B', 'C', 'U', 'Y', 'S', 'D')
        and p.pub_date is not null and p.filing_date is not null
)

select
    pub_number,
    file_id,
    kind || ' granted ' || cast(lag_days as varchar) || ' days after filing' as value,
    case
        when kind in ('B', 'C') then lag_days not between 60 and 7305
        else lag_days not between 14 and 5479
    end as failed
from grants
