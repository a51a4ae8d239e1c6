-- staging.marks: one row per current mark. 1:1 with raw.marks, limited to the schools being built.
with source as (
  select * from raw.marks where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    mark_id,
    lesson_id,
    student_id,
    value,
    work_type,
    weight,
    entered_at,
    entered_by,
    makeup,
    comment
  from source
)
select * from final
