-- staging.enrollments: one row per enrolment span of a student in a class. 1:1 with raw.enrollments, limited to the schools being built.
with source as (
  select * from raw.enrollments where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    student_id,
    class_id,
    from_date,
    to_date,
    reason_in,
    reason_out
  from source
)
select * from final
