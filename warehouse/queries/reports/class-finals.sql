-- One row per final mark (or deferral) of a student who was in the class between $from and $to (F-SUMMARY).
-- Params: $school, $class, $from, $to (DATE).
select f.student_id, f.subject_id, f.period_id, f.value, strftime(f.deferred_until, '%Y-%m-%d') as deferred_until
from raw.final_marks f
where f.school_id = $school
  and f.student_id in (
    select student_id from raw.enrollments
    where school_id = $school and class_id = $class
      and from_date <= $to::date and coalesce(to_date, date '9999-12-31') >= $from::date)
order by f.student_id, f.subject_id, f.period_id
