-- staging.changes: one row per change kept by the source system. 1:1 with raw.changes, limited to the schools being built.
with source as (
  select * from raw.changes where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    changed_at,
    actor_id,
    action,
    entity,
    entity_id,
    field,
    old_value,
    new_value
  from source
)
select * from final
