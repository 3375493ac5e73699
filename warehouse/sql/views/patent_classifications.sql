-- One row per classification symbol of every current publication.
create or replace view patent_classifications as
select
    cl.pub_number,
    cl.scheme,
    cl.seq,
    cl.is_main,
    cl.symbol,
    cl.section,
    cl.subclass,
    cl.main_group,
    cl.version,
    cl.file_id
from classifications as cl
join publication_current as c using (pub_number, file_id)
