-- removes the rows of raw.control_works (one row per control work) for the entity ids in $ids (json list)
delete from raw.control_works
where school_id = $school_id and control_work_id in (select unnest(from_json($ids, '["VARCHAR"]')))
