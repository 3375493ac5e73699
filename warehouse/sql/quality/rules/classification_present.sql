-- Inventions and utility models (kinds A, B, C, U, Y and their variants) carry at least one IPC symbol,
-- designs (S, D) a Locarno class.
with schemes as (
    select
        pub_number,
        file_id,
        count(*) filter (where scheme = 'IPC') as ipc,
        count(*) filter (where scheme = 'LOC') as loc
    from classifications
    group by pub_number, file_id
),

documents as (
    select
        c.pub_number,
        c.file_id,
        p.kind,
        case when left(p.kind, 1) in ('S', 'D') then 'LOC' else 'IPC' end as needed,
        coalesce(s.ipc, 0) as ipc,
        coalesce(s.loc, 0) as loc
    from {batch} as c
    join publications as p using (pub_number, file_id)
    left join schemes as s using (pub_number, file_id)
    where p.country = 'CN' and left(p.kind, 1) in ('A', 'B', 'C', 'U', 'Y', 'S', 'D')
)

select
    pub_number,
    file_id,
    kind || ' without ' || needed as value,
    (needed = 'IPC' and ipc = 0) or (needed = 'LOC' and loc = 0) as failed
from documents
