-- The publications every statistic counts: the theme's current publications less republications
-- (corrected or reprinted documents are not new publications) and less quarantined records. Derived
-- columns are computed once here so that every statistic groups the same way.
create or replace temp table report_counted as
select
    p.*,
    coalesce(p.app_number, p.pub_number) as app_key,
    case
        when p.app_type in (select unnest($invention_types::varchar[])) then 'invention'
        when p.app_type in (select unnest($utility_types::varchar[])) then 'utility_model'
        when p.app_type in (select unnest($design_types::varchar[])) then 'design'
        else coalesce(p.app_type, 'unknown')
    end as type_group,
    p.app_type like 'pct_%' as is_pct,
    p.country = 'CN' and p.kind in (select unnest($grant_kinds::varchar[])) as is_grant,
    case
        when p.applicant_country is null then 'unknown'
        when p.applicant_country = 'CN' then 'domestic'
        else 'foreign'
    end as origin
from src_patents as p
where not coalesce(p.is_republication, false)
    and not exists (select 1 from report_excluded as e where e.pub_number = p.pub_number)
