-- staging.guardians: one row per guardian × student. 1:1 with raw.guardians, limited to the schools being built.
with source as (
  select * from raw.guardians where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    guardian_id,
    student_id,
    full_name,
    relation,
    email,
    phone,
    consent,
    consent_recorded_at,
    channel
  from source
)
select * from final
