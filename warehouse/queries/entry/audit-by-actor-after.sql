-- every audit link of an actor at or after an instant, oldest first
select seq, epoch_ms(occurred_at) as occurred_ms, action, entity, entity_id, school_id, before::varchar as before, after::varchar as after
from raw.audit_log
where actor = $actor and occurred_at >= $since::timestamptz
order by seq
