-- staging.group_members: one row per membership span of a student in a non-class group. 1:1 with raw.group_members, limited to the schools being built.
with source as (
  select * from raw.group_members where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    group_id,
    student_id,
    from_date,
    to_date
  from source
)
select * from final
