-- the audited state of raw.control_works (one row per control work) for the entity ids in $ids (json list)
select control_work_id as entity_id, control_work_id, group_id, kind, title, planned_date::varchar as planned_date, lesson_id
from raw.control_works
where school_id = $school_id and control_work_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
