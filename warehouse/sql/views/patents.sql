-- The analyst's table: one row per current publication, in every office's data.
create or replace view patents as
with current_pubs as (
    select p.*
    from publications as p
    join publication_current as c using (pub_number, file_id)
),

applicants as (
    select
        pub_number,
        file_id,
        list(name order by seq) as applicants,
        arg_min(name, seq) as first_applicant,
        arg_min(country, seq) as applicant_country,
        arg_min(province_code, seq) as applicant_province_code,
        arg_min(province, seq) as applicant_province,
        arg_min(city_code, seq) as applicant_city_code,
        arg_min(city, seq) as applicant_city,
        arg_min(applicant_type, seq) as applicant_type
    from parties
    where role = 'applicant'
    group by all
),

inventors as (
    select pub_number, file_id, list(name order by seq) as inventors
    from parties
    where role in ('inventor', 'designer')
    group by all
),

agencies as (
    select pub_number, file_id, arg_min(name, seq) as agency
    from parties
    where role = 'agency'
    group by all
),

ipc as (
    select
        pub_number,
        file_id,
        arg_min(symbol, seq) as ipc_main,
        list(symbol order by seq) as ipcs
    from classifications
    where scheme = 'IPC'
    group by all
),

other_classes as (
    select
        pub_number,
        file_id,
        list(symbol order by seq) filter (where scheme = 'CPC') as cpcs,
        list(symbol order by seq) filter (where scheme = 'LOC') as loc_classes
    from classifications
    where scheme in ('CPC', 'LOC')
    group by all
),

priority as (
    select pub_number, file_id, min(date) as priority_date, count(*) as priority_count
    from priorities
    group by all
),

pct as (
    select
        pub_number,
        file_id,
        arg_min(number, seq) filter (where relation = 'pct_application') as pct_app_number,
        arg_min(number, seq) filter (where relation = 'pct_publication') as pct_pub_number,
        arg_min(number, seq) filter (where relation = 'divisional_parent') as parent_app_number
    from related_documents
    group by all
),

abstracts as (
    select pub_number, file_id, arg_min(text, lang) as abstract
    from texts
    where text_type in ('abstract', 'design_brief')
    group by all
)

select
    p.pub_number,
    p.country,
    p.doc_number,
    p.kind,
    p.pub_date,
    year(p.pub_date) as pub_year,
    p.app_number,
    p.filing_date,
    year(p.filing_date) as filing_year,
    p.app_type,
    p.title,
    a.applicants,
    a.first_applicant,
    a.applicant_country,
    a.applicant_province_code,
    a.applicant_province,
    a.applicant_city_code,
    a.applicant_city,
    a.applicant_type,
    i.inventors,
    g.agency,
    ipc.ipc_main,
    ipc.ipcs,
    o.cpcs,
    o.loc_classes,
    pr.priority_date,
    coalesce(pr.priority_count, 0) as priority_count,
    x.pct_app_number,
    x.pct_pub_number,
    x.parent_app_number,
    p.national_phase_date,
    p.is_republication,
    p.family_id,
    p.gazette_number,
    ab.abstract,
    m.path as source_file,
    p.file_id,
    p.source_format,
    p.format_version
from current_pubs as p
join load_manifest as m using (file_id)
left join applicants as a using (pub_number, file_id)
left join inventors as i using (pub_number, file_id)
left join agencies as g using (pub_number, file_id)
left join ipc using (pub_number, file_id)
left join other_classes as o using (pub_number, file_id)
left join priority as pr using (pub_number, file_id)
left join pct as x using (pub_number, file_id)
left join abstracts as ab using (pub_number, file_id)
