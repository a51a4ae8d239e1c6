-- Marks and attendance of a group's lessons between $from and $to: one row per mark or absence.
with l as (
  select lesson_id from raw.lessons where school_id = $school and group_id = $group and date between $from::date and $to::date
)
select 'mark' as kind, m.lesson_id as "lessonId", m.student_id as "studentId", m.mark_id as id, m.value, m.work_type as "workType",
  m.weight, strftime(m.entered_at, '%Y-%m-%dT%H:%M:%SZ') as "enteredAt"
from raw.marks m join l using (lesson_id) where m.school_id = $school
union all
select 'attendance', a.lesson_id, a.student_id, null, a.status, null, null, strftime(a.entered_at, '%Y-%m-%dT%H:%M:%SZ')
from raw.attendance a join l using (lesson_id) where a.school_id = $school
order by 2, 3, 1, 4
