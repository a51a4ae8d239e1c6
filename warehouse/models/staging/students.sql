-- staging.students: one row per student. 1:1 with raw.students, limited to the schools being built.
with source as (
  select * from raw.students where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    student_id,
    full_name,
    birth_date,
    iup
  from source
)
select * from final
