-- removes the rows of raw.marks (one row per mark) for the entity ids in $ids (json list)
delete from raw.marks
where school_id = $school_id and mark_id in (select unnest(from_json($ids, '["VARCHAR"]')))
