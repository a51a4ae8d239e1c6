-- the audited state of raw.attendance (the attendance rows of one lesson) for the entity ids in $ids (json list)
select lesson_id as entity_id, lesson_id, student_id, status, strftime(entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as entered_at, entered_by
from raw.attendance
where school_id = $school_id and lesson_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
