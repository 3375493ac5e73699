-- Searchable text of every publication version in the warehouse (fields as in text.sql). For the whole
-- scope: searching all text and keeping the few hits of the candidates costs less than joining all text
-- with the candidates first.
select p.pub_number, p.file_id, 'title' as field, p.title as text
from publications as p
where p.title is not null
union all
select
    t.pub_number,
    t.file_id,
    case t.text_type when 'design_brief' then 'abstract' else t.text_type end as field,
    t.text
from texts as t
