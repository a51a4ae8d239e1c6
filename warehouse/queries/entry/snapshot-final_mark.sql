-- the audited state of raw.final_marks (one row per student, subject and period) for the entity ids in $ids (json list)
select student_id || ':' || subject_id || ':' || period_id as entity_id, student_id, subject_id, period_id, value, strftime(entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as entered_at, entered_by, deferred_until::varchar as deferred_until, group_id
from raw.final_marks
where school_id = $school_id and student_id || ':' || subject_id || ':' || period_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
