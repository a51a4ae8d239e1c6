-- staging.rooms: one row per room. 1:1 with raw.rooms, limited to the schools being built.
with source as (
  select * from raw.rooms where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    room_id,
    name,
    capacity
  from source
)
select * from final
