-- the audit chain in order, with the fields exactly as hashed (instant as epoch milliseconds)
select seq, epoch_ms(occurred_at) as occurred_ms, actor, action, entity, entity_id, school_id,
  before::varchar as before, after::varchar as after, prev_hash, hash
from raw.audit_log
where seq > $after_seq
order by seq
limit $limit
