-- the newest link of one object, with its author
-- (by max(seq), not a top-N: see entry/audit-last.sql)
select seq, actor from raw.audit_log
where seq = (select max(seq) from raw.audit_log where school_id = $school_id and entity = $entity and entity_id = $entity_id)
