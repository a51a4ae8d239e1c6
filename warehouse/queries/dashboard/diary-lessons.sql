-- One row per lesson of the student's groups between $from and $to (the diary's timetable), with
-- the substitute's name, topic, homework, control work, and the student's marks and absence.
with my_groups as (
  select g.group_id from raw.groups g
  join raw.enrollments e on e.school_id = g.school_id and e.class_id = g.class_id and e.student_id = $student
  where g.school_id = $school and g.kind = 'class'
    and e.from_date <= $to::date and coalesce(e.to_date, date '9999-12-31') >= $from::date
  union
  select m.group_id from raw.group_members m
  where m.school_id = $school and m.student_id = $student
    and m.from_date <= $to::date and coalesce(m.to_date, date '9999-12-31') >= $from::date
),
lessons as (
  select l.* from raw.lessons l join my_groups using (group_id)
  where l.school_id = $school and l.date between $from::date and $to::date
),
marks as (
  select lesson_id, string_agg(value, ' ' order by entered_at) as marks from raw.marks
  where school_id = $school and student_id = $student and lesson_id in (select lesson_id from lessons)
  group by lesson_id
)
select l.lesson_id as id, strftime(l.date, '%Y-%m-%d') as date, l.lesson_no as "lessonNo",
  left(l.starts_at::varchar, 5) as "startsAt", left(l.ends_at::varchar, 5) as "endsAt", l.status,
  strftime(l.moved_to_date, '%Y-%m-%d') as "movedToDate", s.name as subject, t.full_name as teacher,
  case when l.conducted_by is not null and l.conducted_by <> l.teacher_id then c.full_name end as substitute,
  coalesce(l.topic_text, k.title) as topic, l.homework_text as homework, l.homework_minutes as "homeworkMinutes",
  cw.title as "controlWork", m.marks, a.status as absence
from lessons l
join raw.groups g on g.school_id = l.school_id and g.group_id = l.group_id
left join raw.subjects s on s.school_id = l.school_id and s.subject_id = g.subject_id
left join raw.staff t on t.school_id = l.school_id and t.staff_id = l.teacher_id
left join raw.staff c on c.school_id = l.school_id and c.staff_id = l.conducted_by
left join raw.ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
left join raw.control_works cw on cw.school_id = l.school_id and cw.control_work_id = l.control_work_id
left join marks m on m.lesson_id = l.lesson_id
left join raw.attendance a on a.school_id = l.school_id and a.lesson_id = l.lesson_id and a.student_id = $student
order by l.date, l.starts_at, l.lesson_no
