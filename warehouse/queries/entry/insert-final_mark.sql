-- inserts rows into raw.final_marks (one row per student, subject and period) from $rows, a json list of objects with every column
insert into raw.final_marks (school_id, student_id, subject_id, period_id, value, entered_at, entered_by, deferred_until, group_id)
select $school_id, student_id, subject_id, period_id, value, entered_at::timestamptz as entered_at, entered_by, deferred_until::date as deferred_until, group_id
from (select unnest(from_json($rows::json, '[{"student_id":"VARCHAR","subject_id":"VARCHAR","period_id":"VARCHAR","value":"VARCHAR","entered_at":"VARCHAR","entered_by":"VARCHAR","deferred_until":"VARCHAR","group_id":"VARCHAR"}]'), recursive := true))
