-- staging.schools: one row per school (its bundle manifest), limited to the schools being built.
with source as (
  select * from raw.schools where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id, school_name, district_id, district_name, timezone, academic_year,
    year_starts_on, year_ends_on, coalesce(mark_scale, 'five_point') as mark_scale, source_system, exported_at
  from source
)
select * from final
