-- Format drift: an XML element the adapter's format has never shown (quality_ref_elements, from
-- warehouse/quality/known_elements.csv). A renamed element would otherwise silently empty a column.
-- The batch is load_manifest; one row per file and element.
select
    null as pub_number,
    e.file_id,
    e.source_format || ' ' || e.element || ' x' || cast(e.occurrences as varchar) || ' in ' || m.file_name
        as value,
    not exists (
        select 1 from quality_ref_elements as k
        where k.source_format = e.source_format and k.element = e.element
    ) as failed
from {batch} as m
join file_elements as e using (file_id)
