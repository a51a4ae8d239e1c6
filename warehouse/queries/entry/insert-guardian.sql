-- inserts rows into raw.guardians (one row per guardian and child (consent registry)) from $rows, a json list of objects with every column
insert into raw.guardians (school_id, guardian_id, student_id, full_name, relation, email, phone, consent, consent_recorded_at, channel)
select $school_id, guardian_id, student_id, full_name, relation, email, phone, consent, consent_recorded_at::timestamptz as consent_recorded_at, channel
from (select unnest(from_json($rows::json, '[{"guardian_id":"VARCHAR","student_id":"VARCHAR","full_name":"VARCHAR","relation":"VARCHAR","email":"VARCHAR","phone":"VARCHAR","consent":"VARCHAR","consent_recorded_at":"VARCHAR","channel":"VARCHAR"}]'), recursive := true))
