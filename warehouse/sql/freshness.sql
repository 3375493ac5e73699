-- CNIPA publication weeks seen in the warehouse, within the look-back window.
with cn as (
    select distinct date_trunc('week', pub_date)::date as week
    from publications
    where country = 'CN' and pub_date is not null and pub_date >= $since and pub_date <= $today
)
select week from cn order by week
