-- staging.parent_acks: one row per diary acknowledgement. 1:1 with raw.parent_acks, limited to the schools being built.
with source as (
  select * from raw.parent_acks where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    guardian_id,
    student_id,
    acknowledged_at,
    covers_until
  from source
)
select * from final
