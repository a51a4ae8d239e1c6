-- staging.subjects: one row per subject. 1:1 with raw.subjects, limited to the schools being built.
with source as (
  select * from raw.subjects where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    subject_id,
    name,
    component
  from source
)
select * from final
