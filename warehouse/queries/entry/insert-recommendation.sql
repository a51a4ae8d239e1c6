-- inserts rows into raw.recommendations (one row per recommendation) from $rows, a json list of objects with every column
insert into raw.recommendations (school_id, recommendation_id, student_id, teacher_id, text, created_at)
select $school_id, recommendation_id, student_id, teacher_id, text, created_at::timestamptz as created_at
from (select unnest(from_json($rows::json, '[{"recommendation_id":"VARCHAR","student_id":"VARCHAR","teacher_id":"VARCHAR","text":"VARCHAR","created_at":"VARCHAR"}]'), recursive := true))
