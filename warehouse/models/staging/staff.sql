-- staging.staff: one row per staff member. 1:1 with raw.staff, limited to the schools being built.
with source as (
  select * from raw.staff where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    staff_id,
    full_name,
    position,
    email
  from source
)
select * from final
