-- Earlier builds and changes, carried over from the previous theme file.
insert into theme_out.builds by name
select *
from theme_prev.builds;

insert into theme_out.change_history by name
select *
from theme_prev.change_history
