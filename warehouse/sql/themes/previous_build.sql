-- The definition digest and time of the previous build (attached as theme_prev).
select d.digest, b.built_at
from theme_prev.definition as d
cross join theme_prev.build_info as b
