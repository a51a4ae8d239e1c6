-- the audited state of raw.guardians (one row per guardian and child (consent registry)) for the entity ids in $ids (json list)
select guardian_id || ':' || student_id as entity_id, guardian_id, student_id, full_name, relation, email, phone, consent, strftime(consent_recorded_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as consent_recorded_at, channel
from raw.guardians
where school_id = $school_id and guardian_id || ':' || student_id in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
