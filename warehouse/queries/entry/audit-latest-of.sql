-- the newest link of one object, with its author
select seq, actor from raw.audit_log
where school_id = $school_id and entity = $entity and entity_id = $entity_id
order by seq desc limit 1
