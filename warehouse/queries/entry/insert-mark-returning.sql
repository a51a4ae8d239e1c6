-- inserts rows into raw.marks (one row per mark) from $rows and returns their audited state, the
-- columns of snapshot-mark.sql in its order (so a create's audit link needs no read-back)
insert into raw.marks (school_id, mark_id, lesson_id, student_id, value, work_type, weight, entered_at, entered_by, makeup, comment)
select $school_id, mark_id, lesson_id, student_id, value, work_type, weight, entered_at::timestamptz as entered_at, entered_by, makeup, comment
from (select unnest(from_json($rows::json, '[{"mark_id":"VARCHAR","lesson_id":"VARCHAR","student_id":"VARCHAR","value":"VARCHAR","work_type":"VARCHAR","weight":"DOUBLE","entered_at":"VARCHAR","entered_by":"VARCHAR","makeup":"BOOLEAN","comment":"VARCHAR"}]'), recursive := true))
returning mark_id as entity_id, mark_id, lesson_id, student_id, value, work_type, weight, strftime(entered_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as entered_at, entered_by, makeup, comment
