-- staging.recommendations: one row per recommendation. 1:1 with raw.recommendations, limited to the schools being built.
with source as (
  select * from raw.recommendations where school_id in (select school_id from build_scope)
),
final as (
  select
    school_id,
    recommendation_id,
    student_id,
    teacher_id,
    text,
    created_at
  from source
)
select * from final
