-- core.memberships_class: one row per student × class enrolment span (M-PASS and every per-class metric,
-- R-PERIOD-FINAL). `to_date` is the last day in the class (inclusive, null = still there); `until_date`
-- is the same with the open end replaced by 9999-12-31 so that "in the class on day D" is
-- `D between from_date and until_date`.
with enrollments as (
  select * from staging.enrollments
),
classes as (
  select * from staging.classes
),
final as (
  select
    e.school_id,
    e.student_id,
    e.class_id,
    c.grade,
    e.from_date,
    e.to_date,
    coalesce(e.to_date, date '9999-12-31') as until_date,
    e.reason_in,
    e.reason_out
  from enrollments e
  left join classes c on c.school_id = e.school_id and c.class_id = e.class_id
)
select * from final
