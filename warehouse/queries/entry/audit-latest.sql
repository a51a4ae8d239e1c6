-- the newest audit link of every audited journal object (entities in $entities, json list)
select school_id, entity, entity_id, max(seq) as seq, arg_max(after::varchar, seq) as after
from raw.audit_log
where entity in (select unnest(from_json($entities, '["VARCHAR"]')))
group by school_id, entity, entity_id
order by school_id, entity, entity_id
