-- Referential integrity: every row of a child table hangs from its parent row in the same bulk file.
-- Python fills in the parent table and the join condition from the declarations (Table.parent,
-- Table.parent_key); the batch is the child table, left for Great Expectations to fill. Written as a
-- join: GX aliases the batch itself in queries without one.
select
    child.pub_number,
    child.file_id,
    child.pub_number as value,
    parent.pub_number is null as failed
from {{batch}} as child
left join (select distinct {keys} from {parent}) as parent on {match}
