-- Format drift the other way: an element every file of its format carries (expected in
-- quality_ref_elements) is absent from a file, or a file with loaded documents has no element counts.
-- The batch is load_manifest; one row per file, format and expected element.
with counted as (
    select distinct file_id, source_format from file_elements
),

expected as (
    select
        f.file_id,
        f.source_format,
        k.element,
        exists (
            select 1 from file_elements as e
            where e.file_id = f.file_id and e.source_format = f.source_format and e.element = k.element
        ) as present
    from counted as f
    join quality_ref_elements as k on k.source_format = f.source_format and k.expected
)

select
    null as pub_number,
    m.file_id,
    m.file_name || ': ' || x.source_format || ' ' || x.element as value,
    not x.present as failed
from {batch} as m
join expected as x using (file_id)

union all

select
    null as pub_number,
    m.file_id,
    m.file_name || ': no element counts recorded' as value,
    true as failed
from {batch} as m
where m.status = 'loaded'
    and m.documents_loaded > 0
    and not exists (select 1 from counted as f where f.file_id = m.file_id)
