-- One row per current mark of the class's lessons between $from and $to, with attendance marks
-- (status of absence) in the same grid (F-JOURNAL). Params: $school, $class, $from, $to (DATE).
with class_groups as (
  select group_id from raw.groups where school_id = $school and class_id = $class
  union
  select gm.group_id from raw.group_members gm
  join raw.groups g on g.school_id = gm.school_id and g.group_id = gm.group_id
  where gm.school_id = $school and g.class_id is null and gm.student_id in (
    select student_id from raw.enrollments where school_id = $school and class_id = $class)
),
lessons as (
  select lesson_id, group_id from raw.lessons
  where school_id = $school and group_id in (select group_id from class_groups) and date between $from::date and $to::date
)
select 'mark' as kind, m.lesson_id, l.group_id, m.student_id, m.value, m.work_type, m.makeup
from raw.marks m join lessons l on l.lesson_id = m.lesson_id
where m.school_id = $school
union all
select 'absence' as kind, a.lesson_id, l.group_id, a.student_id, a.status as value, null as work_type, null as makeup
from raw.attendance a join lessons l on l.lesson_id = a.lesson_id
where a.school_id = $school
order by lesson_id, student_id, kind
