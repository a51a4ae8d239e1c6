-- the audited state of raw.marks (one row per mark) for the entity ids in $ids (json list)
select mark_id as entity_id, mark_id, lesson_id, student_id, value, work_type, weight, strftime(entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as entered_at, entered_by, makeup, comment
from raw.marks
where school_id = $school_id and mark_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
