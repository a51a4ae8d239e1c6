-- staging.classes: one row per class. 1:1 with raw.classes, limited to the schools being built.
with source as (
  select * from raw.classes where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    class_id,
    grade,
    letter,
    class_teacher_id,
    profile
  from source
)
select * from final
