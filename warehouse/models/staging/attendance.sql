-- staging.attendance: one row per student not fully present at a lesson. 1:1 with raw.attendance, limited to the schools being built.
with source as (
  select * from raw.attendance where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    lesson_id,
    student_id,
    status,
    entered_at,
    entered_by
  from source
)
select * from final
