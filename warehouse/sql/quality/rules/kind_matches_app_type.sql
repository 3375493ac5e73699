-- ZC 0008: A/B/C (and their 8/9 republications) only for inventions, U/Y for utility models, S/D for
-- designs, PCT national phase included. The allowed pairs are in quality_ref_kinds, derived from
-- sources.normalise.numbers.kind_matches_app_type.
select
    c.pub_number,
    c.file_id,
    p.kind || ' / ' || p.app_type as value,
    not exists (
        select 1 from quality_ref_kinds as k where k.kind = p.kind and k.app_type = p.app_type
    ) as failed
from {batch} as c
join publications as p using (pub_number, file_id)
where p.country = 'CN'
    and p.app_type is not null
    and exists (select 1 from quality_ref_kinds as k where k.kind = p.kind)
