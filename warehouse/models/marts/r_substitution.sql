-- marts.r_substitution: one row per due lesson conducted by another teacher (R-SUBSTITUTION): the
-- substitution must be recorded no later than the lesson record itself (`topic_entered_at`); with no
-- topic entered, by the end of the lesson's day. Teacher due = the one who conducted it.
with lessons as (
  select * from core.lessons where is_due and is_substituted
),
final as (
  select
    'R-SUBSTITUTION' as rule_id, l.school_id, l.conducted_by as teacher_id, l.class_id, l.group_id, l.subject_id,
    'lesson' as record_kind, l.lesson_id as record_id, null::varchar as student_id,
    coalesce(l.topic_entered_at, l.day_end_at) as due_at,
    l.substitution_recorded_at as entered_at, null::timestamptz as opens_at, l.date as ref_date, l.timezone, null::varchar as period_id
  from lessons l
)
select * from final
