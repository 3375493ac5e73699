-- ZC 0008: the kind code is one of the codes the standard (and CNIPA's data) defines; the list is in
-- quality_ref_kinds, written from sources.normalise.numbers.CN_KINDS at the start of every run.
select
    c.pub_number,
    c.file_id,
    coalesce(p.kind, 'NULL') as value,
    not exists (select 1 from quality_ref_kinds as k where k.kind = p.kind) as failed
from {batch} as c
join publications as p using (pub_number, file_id)
where p.country = 'CN'
