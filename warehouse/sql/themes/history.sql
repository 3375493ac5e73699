-- The history a theme file carries from build to build: every build and every change so far.
create table theme_out.builds as
select *
from theme_out.build_info;

create table theme_out.change_history as
select *
from theme_out.changes
