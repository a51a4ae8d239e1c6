-- removes the rows of raw.recommendations (one row per recommendation) for the entity ids in $ids (json list)
delete from raw.recommendations
where school_id = $school_id and recommendation_id in (select unnest(from_json($ids, '["VARCHAR"]')))
