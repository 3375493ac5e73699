-- The known XML elements per source format, from the CSV kept with the code (bound: its path).
insert into quality_ref_elements
select source_format, element, expected
from read_csv(?, header = true, columns = {'source_format': 'VARCHAR', 'element': 'VARCHAR',
                                           'expected': 'BOOLEAN', 'evidence': 'VARCHAR'})
