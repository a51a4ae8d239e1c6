-- One row per lesson of the class's groups between $from and $to, with topic, homework and control
-- work as recorded (F-JOURNAL). Params: $school, $class, $from, $to (DATE).
with class_groups as (
  select group_id from raw.groups where school_id = $school and class_id = $class
  union
  select gm.group_id from raw.group_members gm
  join raw.groups g on g.school_id = gm.school_id and g.group_id = gm.group_id
  where gm.school_id = $school and g.class_id is null and gm.student_id in (
    select student_id from raw.enrollments where school_id = $school and class_id = $class)
)
select l.lesson_id, l.group_id, strftime(l.date, '%Y-%m-%d') as date, l.lesson_no, l.status,
       coalesce(l.topic_text, k.title) as topic, l.homework_text, l.homework_minutes,
       cw.title as control_work_title, cw.kind as control_work_kind,
       c.full_name as conducted_by_name, (l.conducted_by is not null and l.conducted_by <> l.teacher_id) as substituted,
       (l.attendance_entered_at is not null) as attendance_taken
from raw.lessons l
left join raw.ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
left join raw.control_works cw on cw.school_id = l.school_id and cw.control_work_id = l.control_work_id
left join raw.staff c on c.school_id = l.school_id and c.staff_id = l.conducted_by
where l.school_id = $school and l.group_id in (select group_id from class_groups)
  and l.date between $from::date and $to::date
order by l.group_id, l.date, l.lesson_no, l.lesson_id
