-- marts.r_written_work: one row per due mark of a lesson holding a `written` or `essay` work (R-WRITTEN-WORK).
-- Due at the end of the day `days_after` (7) calendar days after the day it was held, school's zone.
with lessons as (
  select * from core.lessons
),
marks as (
  select * from staging.marks
),
params as (
  select * from core.rule_params where rule_id = 'R-WRITTEN-WORK' and param = 'days_after'
),
due as (
  select
    l.school_id, l.due_teacher_id as teacher_id, l.class_id, l.group_id, l.subject_id,
    m.mark_id as record_id, m.student_id, l.date as ref_date, l.timezone,
    l.date + 1 + p.value::integer as due_day,
    m.entered_at
  from marks m
  join lessons l on l.school_id = m.school_id and l.lesson_id = m.lesson_id
  join params p on p.school_id = l.school_id and l.date >= p.valid_from and l.date < p.valid_to
  where l.is_due and l.control_work_kind in ('written', 'essay')
),
-- each distinct due day of a zone converted once (a zone conversion is costly)
due_instants as (
  select timezone, due_day, local_midnight(due_day, timezone) as due_at
  from (select distinct timezone, due_day from due)
),
final as (
  select
    'R-WRITTEN-WORK' as rule_id, school_id, teacher_id, class_id, group_id, subject_id,
    'mark' as record_kind, record_id, student_id, due_at, entered_at, null::timestamptz as opens_at,
    ref_date, timezone, null::varchar as period_id
  from due
  left join due_instants using (timezone, due_day)
)
select * from final
