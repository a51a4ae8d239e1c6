-- staging.lessons: one row per lesson. 1:1 with raw.lessons, limited to the schools being built.
with source as (
  select * from raw.lessons where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    lesson_id,
    group_id,
    date,
    lesson_no,
    starts_at,
    ends_at,
    teacher_id,
    conducted_by,
    substitution_recorded_at,
    status,
    moved_to_date,
    topic_id,
    topic_text,
    topic_entered_at,
    homework_text,
    homework_minutes,
    homework_entered_at,
    attendance_entered_at,
    control_work_id
  from source
)
select * from final
