-- inserts rows into raw.control_works (one row per control work) from $rows, a json list of objects with every column
insert into raw.control_works (school_id, control_work_id, group_id, kind, title, planned_date, lesson_id)
select $school_id, control_work_id, group_id, kind, title, planned_date::date as planned_date, lesson_id
from (select unnest(from_json($rows::json, '[{"control_work_id":"VARCHAR","group_id":"VARCHAR","kind":"VARCHAR","title":"VARCHAR","planned_date":"VARCHAR","lesson_id":"VARCHAR"}]'), recursive := true))
