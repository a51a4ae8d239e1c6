-- inserts rows into raw.attendance (the attendance rows of one lesson) from $rows, a json list of objects with every column
insert into raw.attendance (school_id, lesson_id, student_id, status, entered_at, entered_by)
select $school_id, lesson_id, student_id, status, entered_at::timestamptz as entered_at, entered_by
from (select unnest(from_json($rows::json, '[{"lesson_id":"VARCHAR","student_id":"VARCHAR","status":"VARCHAR","entered_at":"VARCHAR","entered_by":"VARCHAR"}]'), recursive := true))
