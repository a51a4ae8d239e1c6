-- entry/lesson-context plus the students of the lesson's group on the lesson's date (as
-- entry/group-students), in one query: what validating marks of a lesson reads
with l as (
  select l.school_id, l.lesson_id, l.group_id, l.date, l.status, l.teacher_id,
    g.subject_id, g.class_id, g.kind as group_kind, s.mark_scale, s.timezone,
    l.date > (now() at time zone s.timezone)::date as in_future
  from raw.lessons l
  join raw.groups g on g.school_id = l.school_id and g.group_id = l.group_id
  join raw.schools s on s.school_id = l.school_id
  where l.lesson_id = $lesson_id
    and ($all_schools or l.school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
  order by l.school_id
  limit 1
),
spans as (
  select m.student_id, m.from_date, m.to_date from raw.group_members m, l
  where m.school_id = l.school_id and m.group_id = l.group_id and l.group_kind <> 'class'
  union all
  select e.student_id, e.from_date, e.to_date from raw.enrollments e, l
  where e.school_id = l.school_id and e.class_id = l.class_id and l.group_kind = 'class'
)
select l.school_id, l.lesson_id, l.group_id, l.date::varchar as date, l.status, l.teacher_id, l.subject_id, l.class_id,
  l.group_kind, l.mark_scale, l.timezone, l.in_future,
  coalesce((select list(distinct student_id order by student_id) from spans, l
    where from_date <= l.date and (to_date is null or to_date >= l.date)), []::varchar[]) as students
from l
