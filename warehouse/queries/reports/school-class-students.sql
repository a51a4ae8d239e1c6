-- class-students for every class of a school in one pass: one row per class and student enrolled in it
-- at some day between $from and $to, in the order of class-students within a class.
-- Params: $school, $from, $to (DATE).
with spans as (
  select class_id, student_id, min(from_date) as from_date,
         max(coalesce(to_date, date '9999-12-31')) as until_date
  from raw.enrollments
  where school_id = $school
    and from_date <= $to::date and coalesce(to_date, date '9999-12-31') >= $from::date
  group by class_id, student_id
)
select sp.class_id, s.student_id, s.full_name, strftime(sp.from_date, '%Y-%m-%d') as from_date,
       case when sp.until_date = date '9999-12-31' then null else strftime(sp.until_date, '%Y-%m-%d') end as to_date
from spans sp
join raw.students s on s.school_id = $school and s.student_id = sp.student_id
order by sp.class_id, s.full_name, s.student_id
