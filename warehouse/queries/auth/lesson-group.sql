-- the group of a lesson, looked up in the schools the caller may see
select l.school_id, l.group_id from raw.lessons l
where l.lesson_id = $lesson_id
  and ($all_schools or l.school_id in (select unnest(from_json($schools, '["VARCHAR"]'))))
order by l.school_id
