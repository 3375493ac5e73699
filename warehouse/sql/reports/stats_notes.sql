-- What the statistics count and leave out, in words a reader of the tables or the report understands.
create or replace table stats_notes (
    topic varchar not null,
    note varchar not null,
    value bigint
)
