-- No quarantine table in the warehouse: nothing is quarantined.
select null::varchar as pub_number, null::varchar as file_id
where false
