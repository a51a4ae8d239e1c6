-- the audited state of raw.recommendations (one row per recommendation) for the entity ids in $ids (json list)
select recommendation_id as entity_id, recommendation_id, student_id, teacher_id, text, strftime(created_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as created_at
from raw.recommendations
where school_id = $school_id and recommendation_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
