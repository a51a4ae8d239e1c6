-- staging.final_marks: one row per final mark (or deferral) of a student × subject × period. 1:1 with raw.final_marks, limited to the schools being built.
with source as (
  select * from raw.final_marks where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    student_id,
    subject_id,
    period_id,
    value,
    entered_at,
    entered_by,
    deferred_until,
    group_id
  from source
)
select * from final
