-- staging.groups: one row per group. 1:1 with raw.groups, limited to the schools being built.
with source as (
  select * from raw.groups where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    group_id,
    subject_id,
    class_id,
    name,
    kind,
    teacher_id,
    hours_per_week
  from source
)
select * from final
