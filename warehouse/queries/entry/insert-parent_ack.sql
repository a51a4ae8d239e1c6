-- inserts rows into raw.parent_acks (one row per guardian, child and date acknowledged) from $rows, a json list of objects with every column
insert into raw.parent_acks (school_id, guardian_id, student_id, acknowledged_at, covers_until)
select $school_id, guardian_id, student_id, acknowledged_at::timestamptz as acknowledged_at, covers_until::date as covers_until
from (select unnest(from_json($rows::json, '[{"guardian_id":"VARCHAR","student_id":"VARCHAR","acknowledged_at":"VARCHAR","covers_until":"VARCHAR"}]'), recursive := true))
