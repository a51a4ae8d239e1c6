-- marts.r_attendance: one row per due lesson (R-ATTENDANCE): attendance must be taken
-- (`attendance_entered_at`) by the end of the lesson's day (+ `days_after`), school's zone.
with lessons as (
  select * from core.lessons where is_due
),
params as (
  select * from core.rule_params where rule_id = 'R-ATTENDANCE' and param = 'days_after'
),
-- each distinct due day of a zone converted once (a zone conversion is costly)
due_instants as (
  select timezone, due_day, local_midnight(due_day, timezone) as due_at
  from (
    select distinct l.timezone, l.date + 1 + p.value::integer as due_day
    from lessons l
    join params p on p.school_id = l.school_id and l.date >= p.valid_from and l.date < p.valid_to
  )
),
final as (
  select
    'R-ATTENDANCE' as rule_id, l.school_id, l.due_teacher_id as teacher_id, l.class_id, l.group_id, l.subject_id,
    'lesson' as record_kind, l.lesson_id as record_id, null::varchar as student_id,
    i.due_at,
    l.attendance_entered_at as entered_at, null::timestamptz as opens_at, l.date as ref_date, l.timezone, null::varchar as period_id
  from lessons l
  join params p on p.school_id = l.school_id and l.date >= p.valid_from and l.date < p.valid_to
  left join due_instants i on i.timezone = l.timezone and i.due_day = l.date + 1 + p.value::integer
)
select * from final
