-- staging.curriculum: one row per curriculum line (class × subject, or a student's individual plan). 1:1 with raw.curriculum, limited to the schools being built.
with source as (
  select * from raw.curriculum where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    class_id,
    subject_id,
    hours_per_year,
    hours_per_week,
    student_id
  from source
)
select * from final
