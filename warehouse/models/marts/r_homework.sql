-- marts.r_homework: one row per due lesson that gives homework (`homework_text` or `homework_minutes`)
-- (R-HOMEWORK): entered by `minutes_after_last_lesson` (90) after the end of the class's last due lesson
-- of that day (a stream: its own group's last lesson), not after the lesson's own end.
with lessons as (
  select * from core.lessons
  where is_due and (nullif(homework_text, '') is not null or homework_minutes is not null)
),
params as (
  select * from core.rule_params where rule_id = 'R-HOMEWORK' and param = 'minutes_after_last_lesson'
),
final as (
  select
    'R-HOMEWORK' as rule_id, l.school_id, l.due_teacher_id as teacher_id, l.class_id, l.group_id, l.subject_id,
    'lesson' as record_kind, l.lesson_id as record_id, null::varchar as student_id,
    l.class_last_end_at + to_minutes(p.value::integer) as due_at,
    l.homework_entered_at as entered_at, null::timestamptz as opens_at, l.date as ref_date, l.timezone, null::varchar as period_id
  from lessons l
  join params p on p.school_id = l.school_id and l.date >= p.valid_from and l.date < p.valid_to
)
select * from final
