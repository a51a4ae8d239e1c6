-- a group with its subject and the school's mark scale and zone
select g.school_id, g.group_id, g.subject_id, g.class_id, g.kind as group_kind, s.mark_scale, s.timezone,
  (now() at time zone s.timezone)::date::varchar as today
from raw.groups g join raw.schools s on s.school_id = g.school_id
where g.group_id = $group_id
  and ($all_schools or g.school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
order by g.school_id
limit 1
