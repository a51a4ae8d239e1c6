-- class-finals for every class of a school in one pass: one row per class and final mark (or deferral)
-- of a student who was in that class between $from and $to. Params: $school, $from, $to (DATE).
with members as (
  select distinct class_id, student_id from raw.enrollments
  where school_id = $school
    and from_date <= $to::date and coalesce(to_date, date '9999-12-31') >= $from::date
)
select m.class_id, f.student_id, f.subject_id, f.period_id, f.value, strftime(f.deferred_until, '%Y-%m-%d') as deferred_until
from raw.final_marks f
join members m on m.student_id = f.student_id
where f.school_id = $school
order by m.class_id, f.student_id, f.subject_id, f.period_id
