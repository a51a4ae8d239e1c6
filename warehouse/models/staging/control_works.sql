-- staging.control_works: one row per control work. 1:1 with raw.control_works, limited to the schools being built.
with source as (
  select * from raw.control_works where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    control_work_id,
    group_id,
    kind,
    title,
    planned_date,
    lesson_id
  from source
)
select * from final
