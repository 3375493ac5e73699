-- The definition as written, with the digest of its validated form.
create table theme_out.definition as
select
    ?::varchar as theme_id,
    ?::varchar as name,
    ?::varchar as version,
    ?::varchar as digest,
    ?::varchar as path,
    ?::varchar as text
