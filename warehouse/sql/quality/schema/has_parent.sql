-- Referential integrity: every row of a child table hangs from its parent row in the same bulk file.
-- Python fills {parent} and {match} from the declarations (Table.parent, Table.parent_key); {{batch}}
-- is the child table, left for Great Expectations to fill.
select
    child.pub_number,
    child.file_id,
    child.pub_number as value,
    not exists (select 1 from {parent} as parent where {match}) as failed
from {{batch}} as child
