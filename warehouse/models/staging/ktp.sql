-- staging.ktp: one row per КТП topic. 1:1 with raw.ktp, limited to the schools being built.
with source as (
  select * from raw.ktp where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    topic_id,
    group_id,
    seq,
    title,
    planned_date,
    hours
  from source
)
select * from final
