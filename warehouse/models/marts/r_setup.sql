-- marts.r_setup: one row per setup item of the school year (R-SETUP): periods, holidays, subjects, rooms,
-- staff, classes, groups, curriculum, timetable (lessons), control-work schedule, and each individual
-- plan (`iup:<student_id>`). Due at the end of `due_month_day` (09-05) of the year's first calendar year.
-- entered_at = the earliest `create` of that entity in changes.csv; rows present with no history count
-- as entered at the start of the year; no rows = missing.
with schools as (
  select * from staging.schools
),
changes as (
  select school_id, entity, entity_id, changed_at from staging.changes where action = 'create'
),
params as (
  select * from core.rule_params where rule_id = 'R-SETUP' and param = 'due_month_day'
),
item_list as (
  select * from (values
    ('periods', 'period'), ('holidays', 'holiday'), ('subjects', 'subject'), ('rooms', 'room'),
    ('staff', 'staff'), ('classes', 'class'), ('groups', 'group'), ('curriculum', 'curriculum'),
    ('timetable', 'lesson'), ('control_works', 'control_work')
  ) t(item, entity)
),
present as (
  select school_id, 'periods' as item from staging.periods group by all
  union all select school_id, 'holidays' from staging.holidays group by all
  union all select school_id, 'subjects' from staging.subjects group by all
  union all select school_id, 'rooms' from staging.rooms group by all
  union all select school_id, 'staff' from staging.staff group by all
  union all select school_id, 'classes' from staging.classes group by all
  union all select school_id, 'groups' from staging.groups group by all
  union all select school_id, 'curriculum' from staging.curriculum where student_id is null group by all
  union all select school_id, 'timetable' from staging.lessons group by all
  union all select school_id, 'control_works' from staging.control_works group by all
),
first_created as (
  select school_id, entity, min(changed_at) as created_at from changes group by all
),
year_items as (
  select s.school_id, i.item, p.school_id is not null as is_present, fc.created_at
  from schools s
  cross join item_list i
  left join present p on p.school_id = s.school_id and p.item = i.item
  left join first_created fc on fc.school_id = s.school_id and fc.entity = i.entity
),
iup_items as (
  select st.school_id, 'iup:' || st.student_id as item,
    exists (select 1 from staging.curriculum c where c.school_id = st.school_id and c.student_id = st.student_id) as is_present,
    (select min(ch.changed_at) from changes ch where ch.school_id = st.school_id and ch.entity = 'curriculum'
      and starts_with(ch.entity_id, st.student_id || ':')) as created_at
  from staging.students st
  where coalesce(st.iup, false)
),
items as (
  select * from year_items union all select * from iup_items
),
final as (
  select
    'R-SETUP' as rule_id, i.school_id, null::varchar as teacher_id, null::varchar as class_id,
    null::varchar as group_id, null::varchar as subject_id, 'setup' as record_kind, i.item as record_id,
    case when starts_with(i.item, 'iup:') then substr(i.item, 5) end as student_id,
    local_midnight(strptime(year(s.year_starts_on)::varchar || '-' || p.value, '%Y-%m-%d')::date + 1, s.timezone) as due_at,
    case when i.is_present then coalesce(i.created_at, local_midnight(s.year_starts_on, s.timezone)) end as entered_at,
    null::timestamptz as opens_at, s.year_starts_on as ref_date, s.timezone, null::varchar as period_id
  from items i
  join schools s on s.school_id = i.school_id
  join params p on p.school_id = i.school_id and s.year_starts_on >= p.valid_from and s.year_starts_on < p.valid_to
)
select * from final
