-- staging.holidays: one row per holiday. 1:1 with raw.holidays, limited to the schools being built.
with source as (
  select * from raw.holidays where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    holiday_id,
    name,
    starts_on,
    ends_on
  from source
)
select * from final
