-- One row per lesson of a student's groups between $from and $to while a member, with the student's
-- marks and absence (F-EXTRACT: paper diary extract). Params: $school, $student, $from, $to (DATE).
with spans as (
  select g.group_id, e.from_date, coalesce(e.to_date, date '9999-12-31') as until_date
  from raw.enrollments e
  join raw.groups g on g.school_id = e.school_id and g.class_id = e.class_id and g.kind = 'class'
  where e.school_id = $school and e.student_id = $student
  union all
  select gm.group_id, gm.from_date, coalesce(gm.to_date, date '9999-12-31')
  from raw.group_members gm
  where gm.school_id = $school and gm.student_id = $student
),
lessons as (
  select l.* from raw.lessons l
  join spans s on s.group_id = l.group_id and l.date between s.from_date and s.until_date
  where l.school_id = $school and l.date between $from::date and $to::date and l.status in ('held', 'planned')
)
select l.lesson_id, strftime(l.date, '%Y-%m-%d') as date, l.lesson_no, sub.name as subject_name,
       coalesce(l.topic_text, k.title) as topic, l.homework_text, l.status,
       (select string_agg(m.value, ' ' order by m.entered_at, m.mark_id) from raw.marks m
         where m.school_id = $school and m.lesson_id = l.lesson_id and m.student_id = $student) as marks,
       (select a.status from raw.attendance a
         where a.school_id = $school and a.lesson_id = l.lesson_id and a.student_id = $student limit 1) as absence
from lessons l
join raw.groups g on g.school_id = l.school_id and g.group_id = l.group_id
left join raw.subjects sub on sub.school_id = g.school_id and sub.subject_id = g.subject_id
left join raw.ktp k on k.school_id = l.school_id and k.topic_id = l.topic_id
order by l.date, l.lesson_no, l.starts_at, l.lesson_id
