-- removes the rows of raw.parent_acks (one row per guardian, child and date acknowledged) for the entity ids in $ids (json list)
delete from raw.parent_acks
where school_id = $school_id and guardian_id || ':' || student_id || ':' || strftime(covers_until, '%Y-%m-%d') in (select unnest(from_json($ids, '["VARCHAR"]')))
