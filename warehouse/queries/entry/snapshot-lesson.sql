-- the audited state of raw.lessons (one row per lesson) for the entity ids in $ids (json list)
select lesson_id as entity_id, lesson_id, group_id, date::varchar as date, lesson_no, starts_at::varchar as starts_at, ends_at::varchar as ends_at, teacher_id, conducted_by, strftime(substitution_recorded_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as substitution_recorded_at, status, moved_to_date::varchar as moved_to_date, topic_id, topic_text, strftime(topic_entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as topic_entered_at, homework_text, homework_minutes, strftime(homework_entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as homework_entered_at, strftime(attendance_entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as attendance_entered_at, control_work_id
from raw.lessons
where school_id = $school_id and lesson_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
