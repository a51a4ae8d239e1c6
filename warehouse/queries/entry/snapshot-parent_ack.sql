-- the audited state of raw.parent_acks (one row per guardian, child and date acknowledged) for the entity ids in $ids (json list)
select guardian_id || ':' || student_id || ':' || strftime(covers_until, '%Y-%m-%d') as entity_id, guardian_id, student_id, strftime(acknowledged_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') as acknowledged_at, covers_until::varchar as covers_until
from raw.parent_acks
where school_id = $school_id and guardian_id || ':' || student_id || ':' || strftime(covers_until, '%Y-%m-%d') in (select unnest(from_json($ids, '["VARCHAR"]')))
order by all
