-- appends audit links computed (and hashed) by ingest/audit/append-audit.ts, given as one JSON list
insert into raw.audit_log (seq, occurred_at, actor, action, entity, entity_id, school_id, before, after, prev_hash, hash)
select seq, occurredAt::timestamptz, actor, action, entity, entityId, schoolId, before::json, after::json, prevHash, hash
from (
  select unnest(from_json($links::json, '[{"seq":"BIGINT","occurredAt":"VARCHAR","actor":"VARCHAR","action":"VARCHAR","entity":"VARCHAR","entityId":"VARCHAR","schoolId":"VARCHAR","before":"VARCHAR","after":"VARCHAR","prevHash":"VARCHAR","hash":"VARCHAR"}]'), recursive := true)
)
