-- Applicant names of the candidates, normalised as loaded (sources.normalise.text.normalise_name).
select pa.pub_number, pa.name
from parties as pa
join {{candidates}} as c using (pub_number, file_id)
where pa.role = 'applicant'
