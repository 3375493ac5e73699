-- Searchable text of the candidates' current versions, one row per publication, field and language: the
-- title (and its translations), the abstract (a design's brief explanation counts as its abstract), the
-- claims and, when the warehouse keeps full text, the description. For small candidate sets, where
-- joining first leaves little text to search.
select p.pub_number, p.file_id, 'title' as field, p.title as text
from publications as p
join {{candidates}} as c using (pub_number, file_id)
where p.title is not null
union all
select
    t.pub_number,
    t.file_id,
    case t.text_type when 'design_brief' then 'abstract' else t.text_type end as field,
    t.text
from texts as t
join {{candidates}} as c using (pub_number, file_id)
