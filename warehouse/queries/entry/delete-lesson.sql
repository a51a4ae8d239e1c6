-- removes the rows of raw.lessons (one row per lesson) for the entity ids in $ids (json list)
delete from raw.lessons
where school_id = $school_id and lesson_id in (select unnest(from_json($ids, '["VARCHAR"]')))
