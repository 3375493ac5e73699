-- One row about this build: the theme and variant, the warehouse snapshot it read, counts and time.
create table theme_out.build_info as
with a as (
    select
        ?::varchar as theme_id,
        ?::varchar as theme_name,
        ?::varchar as definition_version,
        ?::varchar as definition_digest,
        ?::varchar as definition_path,
        ?::varchar as variant_province,
        ?::boolean as any_applicant,
        ?::boolean as include_quarantined,
        ?::timestamp as built_at,
        ?::double as seconds,
        ?::varchar as warehouse,
        ?::varchar as previous_digest,
        ?::timestamp as previous_built_at,
        ?::varchar as zhuanti_version
)
select
    a.*,
    (select count(*) from theme_out.snapshot) as snapshot_files,
    (select max(load_seq) from theme_out.snapshot) as snapshot_max_load_seq,
    (select list(file_id order by load_seq) from theme_out.snapshot) as snapshot_file_ids,
    (select count(distinct pub_number) from theme_out.evidence where side = 'include') as matched,
    (select count(*) from theme_out.members) as members,
    (select count(distinct pub_number) from theme_out.exclusions) as excluded,
    (select count(*) from theme_out.quarantined) as quarantined,
    (select count(*) filter (where change = 'entered') from theme_out.changes) as entered,
    (select count(*) filter (where change = 'left') from theme_out.changes) as left_members,
    (select list(distinct path order by path) from theme_out.snapshot where members > 0) as source_files,
    version() as duckdb_version
from a
