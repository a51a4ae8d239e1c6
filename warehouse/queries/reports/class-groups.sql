-- One row per group the class's students learn in: its own groups, and streams/subgroups holding them
-- (F-JOURNAL). Params: $school, $class, $from, $to (DATE).
with class_students as (
  select student_id from raw.enrollments
  where school_id = $school and class_id = $class
    and from_date <= $to::date and coalesce(to_date, date '9999-12-31') >= $from::date
),
ids as (
  select group_id from raw.groups where school_id = $school and class_id = $class
  union
  select gm.group_id from raw.group_members gm
  join raw.groups g on g.school_id = gm.school_id and g.group_id = gm.group_id
  where gm.school_id = $school and g.class_id is null and gm.student_id in (select student_id from class_students)
)
select g.group_id, g.name as group_name, g.kind, g.subject_id, sub.name as subject_name,
       g.teacher_id, t.full_name as teacher_name
from ids
join raw.groups g on g.school_id = $school and g.group_id = ids.group_id
left join raw.subjects sub on sub.school_id = g.school_id and sub.subject_id = g.subject_id
left join raw.staff t on t.school_id = g.school_id and t.staff_id = g.teacher_id
order by sub.name, g.name, g.group_id
