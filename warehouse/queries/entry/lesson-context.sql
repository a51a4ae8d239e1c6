-- a lesson with its group, the school's mark scale and whether it lies after today in the school's zone
select l.school_id, l.lesson_id, l.group_id, l.date::varchar as date, l.status, l.teacher_id,
  g.subject_id, g.class_id, g.kind as group_kind, s.mark_scale, s.timezone,
  l.date > (now() at time zone s.timezone)::date as in_future
from raw.lessons l
join raw.groups g on g.school_id = l.school_id and g.group_id = l.group_id
join raw.schools s on s.school_id = l.school_id
where l.lesson_id = $lesson_id
  and ($all_schools or l.school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
order by l.school_id
limit 1
