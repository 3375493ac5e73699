-- No publications: what a definition without exclusions excludes.
select null::varchar as pub_number
where false
