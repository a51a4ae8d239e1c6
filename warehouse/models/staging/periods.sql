-- staging.periods: one row per period. 1:1 with raw.periods, limited to the schools being built.
with source as (
  select * from raw.periods where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    period_id,
    name,
    kind,
    starts_on,
    ends_on
  from source
)
select * from final
