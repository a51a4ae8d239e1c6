-- removes the rows of raw.attendance (the attendance rows of one lesson) for the entity ids in $ids (json list)
delete from raw.attendance
where school_id = $school_id and lesson_id in (select unnest(from_json($ids, '["VARCHAR"]')))
