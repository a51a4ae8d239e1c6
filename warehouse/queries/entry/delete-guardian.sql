-- removes the rows of raw.guardians (one row per guardian and child (consent registry)) for the entity ids in $ids (json list)
delete from raw.guardians
where school_id = $school_id and guardian_id || ':' || student_id in (select unnest(from_json($ids, '["VARCHAR"]')))
